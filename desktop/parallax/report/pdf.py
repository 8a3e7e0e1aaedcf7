"""The report as a PDF: ``QTextDocument`` lays out core's HTML, ``QPdfWriter`` writes real text.

Pages are painted one by one so every page gets a running footer (report title, page n of N);
``QTextDocument.print_`` would only add bare page numbers. Text stays text (selectable,
searchable) and Qt embeds subsets of the fonts used. Works headless: with no display the
offscreen platform is used. Safe to call from a worker thread (images are ``QImage`` resources,
no widgets are touched).
"""

from __future__ import annotations

import errno
import itertools
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextOption,
    QTextTable,
)
from PySide6.QtWidgets import QApplication

from parallax import __version__
from parallax.core import Comparison, Report, atomic_target, build_report

PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
_RESOLUTION = 300  # device units per inch; text is vector whatever this is
_MARGINS_MM = QMarginsF(16, 14, 16, 12)
_FOOTER_MM = 8.0
_FONT = "DejaVu Sans"

_application: QApplication | None = None


def ensure_application() -> None:
    """Qt needs an application object for fonts; make an offscreen one when none exists.

    A ``QApplication`` (not the lighter ``QGuiApplication``), so that windows can still be
    made later in the same process (the app exports from its window; tests mix both).
    """
    global _application
    if QApplication.instance() is not None:
        return
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) and (
        sys.platform not in ("win32", "darwin")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _application = QApplication(sys.argv[:1])


def write_pdf(
    report: Report,
    path: Path,
    page_size: str = "A4",
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Render ``report`` to ``path`` (written atomically); returns the number of pages."""
    ensure_application()
    with atomic_target(path) as temporary:
        pages = _render(report, temporary, page_size, progress or (lambda done, total: None))
        _check_written(temporary, path)
        return pages


def write_report_pdf(
    comparison: Comparison,
    path: Path,
    page_size: str = "A4",
    progress: Callable[[int, int], None] | None = None,
    report: Report | None = None,
) -> int:
    """The comparison's report as PDF (``report`` when the caller built it already)."""
    return write_pdf(report or build_report(comparison), path, page_size, progress)


def _font(points: int) -> QFont:
    font = QFont(_FONT, points)
    # No ligatures: "ﬂ" glyphs would copy and search as one odd character instead of "fl".
    font.setFeature(QFont.Tag("liga"), 0)
    return font


# A section (a heading and what follows it up to the next heading) that would cross a page
# foot moves whole to the next page when it fits on one: no heading stranded at a page foot, no
# conflict block or short table split. A longer section moves when only its heading would fit.
# Pages then left nearly empty (a long table's last rows, a block moved before a chapter) are
# mended after, by _fill_sparse_pages.
_WHOLE_UP_TO = 0.85  # of a page: longer sections flow across pages as they are
_AT_TOP = 0.03  # a section this close to a page's top is there already
_PASSES = 2  # each lays a long report out again (~1 s for 100 pages): the second mends the first
_ALWAYS = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
_MOVED = QTextFormat.Property.UserProperty + 1  # marks the breaks set here (not the chapters')


def _keep_sections_together(document: QTextDocument, page: QSizeF) -> bool:
    """Page breaks before the sections that would cross a page foot; whether any was set.

    Each pass lays the document out once, reads where sections fall, and sets the breaks it
    needs, shifting the later sections of the chapter by what each break adds; another pass
    corrects what that estimate missed (Qt also moves table rows that straddle a page foot).
    """
    headings = []
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() and not QTextCursor(block).currentTable():
            headings.append(block)
        block = block.next()
    moved = False
    document.setPageSize(page)
    for _ in range(_PASSES):
        document.pageCount()  # finishes the layout, which frame rectangles need
        breaks = _crossing(document.documentLayout(), headings, page.height())
        if not breaks:
            break
        # One edit block: the layout is redone once for all the breaks, not once per break.
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        for heading in breaks:
            fmt = heading.blockFormat()
            fmt.setPageBreakPolicy(_ALWAYS)
            fmt.setProperty(_MOVED, True)
            cursor.setPosition(heading.position())
            cursor.setBlockFormat(fmt)
        cursor.endEditBlock()
        moved = True
    return moved


def _crossing(layout, headings: list[QTextBlock], height: float) -> list[QTextBlock]:
    tops = [layout.blockBoundingRect(h).top() for h in headings]
    ends = [_content_bottom(layout, h) for h in headings[1:]] + [layout.documentSize().height()]
    breaks, shift = [], 0.0
    for heading, top, end in zip(headings, tops, ends, strict=True):
        if heading.blockFormat().pageBreakPolicy() & _ALWAYS:
            shift = 0.0  # a chapter starts on a page of its own: nothing before moves it
            continue
        at = (top + shift) % height
        content = end - top
        if at <= _AT_TOP * height or at + content <= height + 1:
            continue
        # A longer section moves too when nothing of it but its heading fits above the foot
        # (Qt moves a table whose header and first row do not fit; the heading stayed).
        if content <= _WHOLE_UP_TO * height or at + _first_content(layout, heading) - top > height:
            breaks.append(heading)
            shift += height - at
    return breaks


def _first_content(layout: QAbstractTextDocumentLayout, heading: QTextBlock) -> float:
    """Where the first paragraph after ``heading`` that holds anything starts (in a table's
    first cell when a table follows)."""
    block = heading.next()
    for _ in range(4):  # past an empty paragraph or two, as before a table
        if not block.isValid() or block.length() > 1:
            break
        block = block.next()
    if not block.isValid():
        return layout.blockBoundingRect(heading).bottom()
    return layout.blockBoundingRect(block).top()


def _content_bottom(layout: QAbstractTextDocumentLayout, heading: QTextBlock) -> float:
    """Where the content before ``heading`` ends (not where the heading starts: a page break
    before it leaves the rest of the page blank)."""
    last = heading.previous()
    if not last.isValid():
        return layout.blockBoundingRect(heading).top()
    frame = QTextCursor(last).currentFrame()
    root = heading.document().rootFrame()
    if frame is None or frame == root:
        return layout.blockBoundingRect(last).bottom()
    while frame.parentFrame() is not None and frame.parentFrame() != root:
        frame = frame.parentFrame()  # the outermost table: nested frames have local positions
    return layout.frameBoundingRect(frame).bottom()


# A page (not the last) holding less than _SPARSE of a page before a page break, such as the
# last rows of a long table or a short section moved whole before the next chapter, is given
# content from the page before until it holds _TAIL: the section before it moves along, or the
# table's last rows (its header row repeats), or the last paragraphs of a long section.
_SPARSE = 0.2
_TAIL = 0.3
_FULL = 0.95  # the most a page is given (the estimate is not exact)
_MENDS = 3  # blank pages first, then sparse ones, then what the estimates missed
_AFTER = QTextFormat.PageBreakFlag.PageBreak_AlwaysAfter


@dataclass
class _Unit:
    """A block of the main flow or a row of a table in it: where a page break can go before."""

    top: float
    bottom: float
    section: int  # the index of the heading whose section holds it (-1: before any heading)
    block: QTextBlock | None = None  # a paragraph or heading
    table: QTextTable | None = None  # or a table's row
    row: int = 0
    header: float = 0.0  # a row's: the height of its table's header rows, repeated on a new page
    breakable: bool = False  # a page break may go before it
    heading: bool = False


def _flow_units(document: QTextDocument) -> list[_Unit]:
    layout = document.documentLayout()
    root = document.rootFrame()
    units: list[_Unit] = []
    section = -1
    block = document.begin()
    while block.isValid():
        frame = QTextCursor(block).currentTable()
        if frame is None:
            if block.length() > 1:  # empty paragraphs hold nothing
                rect = layout.blockBoundingRect(block)
                heading = bool(block.blockFormat().headingLevel())
                if heading:
                    section = len(units)
                after_heading = bool(units) and units[-1].heading
                unit = _Unit(rect.top(), rect.bottom(), section, block=block, heading=heading)
                unit.breakable = bool(units) and (heading or not after_heading)
                units.append(unit)
            block = block.next()
            continue
        while frame.parentFrame() is not None and frame.parentFrame() != root:
            frame = frame.parentFrame()  # the outermost table: nested ones move with its rows
        table = cast(QTextTable, frame)
        header = table.format().headerRowCount()
        rows: list[_Unit] = []
        for row in range(table.rows()):
            cell = table.cellAt(row, 0)
            if cell.row() != row:  # inside a cell spanning rows: no break there
                continue
            top = layout.blockBoundingRect(cell.firstCursorPosition().block()).top()
            above = table.cellAt(row - 1, 0) if row else None
            unit = _Unit(top, top, section, table=table, row=row)
            # At least two rows stay under the header; the row above ends in its own row.
            unit.breakable = row >= header + 2 and above is not None and above.rowSpan() == 1
            rows.append(unit)
        for unit, below in itertools.pairwise(rows):
            unit.bottom = below.top
        if rows:
            rows[-1].bottom = layout.frameBoundingRect(table).bottom()
            heads = [unit for unit in rows if unit.row >= header]
            for unit in rows:
                unit.header = heads[0].top - rows[0].top if heads else 0.0
        units.extend(rows)
        block = document.findBlock(table.lastPosition() + 1)
    return units


def _fill_sparse_pages(document: QTextDocument, page: QSizeF) -> int | None:
    """Page breaks that give each nearly empty page some of the page before; where the first is.

    Only a page whose next page starts with a page break is mended: what it receives moves
    nothing after it. The break goes at the latest place on the page before that gives it
    _TAIL: before a heading, or inside a section too long for one page before a paragraph or a
    table row; failing those, before a row of a shorter table (continued under its header).
    Blank pages are mended first, alone (the pages after them move up).
    """
    height = page.height()
    count = document.pageCount()
    if count < 3:
        return None
    units = _flow_units(document)
    pages: list[list[_Unit]] = [[] for _ in range(count)]
    for unit in units:
        first = min(count - 1, int(unit.top // height))
        last = min(count - 1, int(max(unit.top, unit.bottom - 1) // height))
        for number in range(first, last + 1):
            pages[number].append(unit)
    ends: dict[int, float] = {}
    for unit in units:
        ends[unit.section] = max(ends.get(unit.section, unit.bottom), unit.bottom)
    long_sections = {
        section
        for section, end in ends.items()
        if section < 0 or end - units[section].top > _WHOLE_UP_TO * height
    }

    def extent(number: int) -> tuple[float, float]:
        held = pages[number]
        if not held:
            return number * height, number * height
        top = max(number * height, min(unit.top for unit in held))
        return top, min((number + 1) * height, max(unit.bottom for unit in held))

    def allowed(unit: _Unit, fallback: bool) -> bool:
        if not unit.breakable:
            return False
        if fallback:
            return unit.table is not None
        return unit.heading or unit.section in long_sections

    # A page left blank by a break before a heading that would have started the next page
    # anyway (the content above ran past the foot): the break goes, the heading flows there.
    blank = [
        pages[number + 1][0].block
        for number in range(1, count - 1)
        if not pages[number]
        and pages[number + 1]
        and pages[number + 1][0].block is not None
        and pages[number + 1][0].block.blockFormat().boolProperty(_MOVED)
    ]
    if blank:
        return _set_breaks(document, [], cast(list[QTextBlock], blank))

    breaks: list[_Unit] = []
    joined: list[QTextBlock] = []
    for number in range(1, count - 1):
        top, bottom = extent(number)
        following = pages[number + 1][0] if pages[number + 1] else None
        if not pages[number] or (
            bottom - top >= _SPARSE * height
            or following is None
            or following.block is None
            or not following.block.blockFormat().pageBreakPolicy() & _ALWAYS
        ):
            continue
        before_top, before_bottom = extent(number - 1)
        opening = pages[number][0]
        if (
            opening.block is not None
            and opening.block.blockFormat().pageBreakPolicy() & _ALWAYS
            and before_bottom - before_top + bottom - top <= _FULL * height
        ):
            # A chapter of a few lines ("every claim is shared") fits under the one before:
            # it follows it rather than standing alone on a page.
            joined.append(opening.block)
            continue
        candidates = [unit for unit in pages[number - 1] if unit.top > before_top + 1]
        for fallback in (False, True):
            choice = None
            for unit in reversed(candidates):
                if not allowed(unit, fallback):
                    continue
                given = before_bottom - unit.top + bottom - top + unit.header
                if given > _FULL * height or unit.top - before_top < _TAIL * height:
                    break
                if given >= _TAIL * height:
                    choice = unit
                    break
            if choice is not None:
                breaks.append(choice)
                opening = pages[number][0]
                if opening.block is not None and opening.block.blockFormat().boolProperty(_MOVED):
                    joined.append(opening.block)  # it follows what the page is given
                break
    return _set_breaks(document, breaks, joined) if breaks else None


def _set_breaks(document: QTextDocument, breaks: list[_Unit], joined: list[QTextBlock]) -> int:
    """Page breaks before ``breaks``, none before ``joined``; where the first change is."""
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    for block in joined:
        fmt = block.blockFormat()
        fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_Auto)
        fmt.clearProperty(_MOVED)
        cursor.setPosition(block.position())
        cursor.setBlockFormat(fmt)
    for unit in breaks:
        if unit.block is not None:
            fmt = unit.block.blockFormat()
            fmt.setPageBreakPolicy(_ALWAYS)
            cursor.setPosition(unit.block.position())
            cursor.setBlockFormat(fmt)
            continue
        # A break before a row is set after the row above: Qt takes a break before a cell's
        # first paragraph twice (once moving the row, again inside it) and leaves a page blank.
        above = cast(QTextTable, unit.table).cellAt(unit.row - 1, 0)
        last = above.lastCursorPosition().block()
        fmt = last.blockFormat()
        fmt.setPageBreakPolicy(_AFTER)
        cursor.setPosition(last.position())
        cursor.setBlockFormat(fmt)
        cell = above.format().toTableCellFormat()
        cell.setBottomPadding(0)  # the row above ends at the page foot, nothing of it below
        above.setFormat(cell)
    cursor.endEditBlock()
    return min(
        [block.position() for block in joined]
        + [
            unit.block.position() if unit.block is not None else unit.table.firstPosition()
            for unit in breaks
        ]
    )


def lay_out(
    report: Report, writer: QPdfWriter, page_size: str = "A4"
) -> tuple[QTextDocument, QSizeF]:
    """The report laid out in pages for ``writer`` (set to ``page_size``): the document and the
    size of a page's body (above the footer); page n is the band n x height of the document."""
    writer.setResolution(_RESOLUTION)
    writer.setPageSize(QPageSize(PAGE_SIZES[page_size]))
    writer.setPageMargins(_MARGINS_MM, QPageLayout.Unit.Millimeter)
    area = writer.pageLayout().paintRectPixels(_RESOLUTION)
    footer = _FOOTER_MM / 25.4 * _RESOLUTION
    body = QSizeF(area.width(), area.height() - footer)

    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)
    document.setDefaultFont(_font(9))
    # Break lines between words only: Qt's default also breaks inside a word when a column is
    # narrow, which split table headers and ids ("Wor ds", "a / 1").
    option = document.defaultTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    document.setDefaultTextOption(option)
    for name, data in report.images.items():
        document.addResource(
            QTextDocument.ResourceType.ImageResource, QUrl(name), QImage.fromData(data)
        )
    document.setHtml(report.html)
    # After breaks are set the document is laid out again from the first: Qt's own update
    # leaves blocks laid out before a break where they were (and draws them there).
    if _keep_sections_together(document, body):
        document.markContentsDirty(0, document.characterCount())
    for _ in range(_MENDS):
        first = _fill_sparse_pages(document, body)
        if first is None:
            break
        document.markContentsDirty(first, document.characterCount() - first)
    return document, body


def _render(
    report: Report, target: str, page_size: str, progress: Callable[[int, int], None]
) -> int:
    writer = QPdfWriter(target)
    writer.setTitle(report.title)
    writer.setCreator(f"Parallax {__version__}")
    document, body = lay_out(report, writer, page_size)
    footer = _FOOTER_MM / 25.4 * _RESOLUTION
    total = document.pageCount()

    painter = QPainter(writer)
    try:
        footer_font = _font(7)
        for page in range(total):
            progress(page, total)
            if page:
                writer.newPage()
            painter.save()
            top = page * body.height()
            painter.translate(0, -top)
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = QRectF(0, top, body.width(), body.height())
            painter.setClipRect(context.clip)
            document.documentLayout().draw(painter, context)
            painter.restore()
            painter.setFont(footer_font)
            painter.setPen(Qt.GlobalColor.darkGray)
            line = QRectF(0, body.height(), body.width(), footer)
            painter.drawText(
                line,
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom),
                report.title,
            )
            painter.drawText(
                line,
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                f"Page {page + 1} of {total}",
            )
        progress(total, total)
    finally:
        ended = painter.end()
    if not ended:  # Qt could not finish the file (a full disk, say): it is not a PDF
        raise OSError(errno.EIO, "the PDF could not be finished (is the disk full?)", target)
    return total


def _check_written(written: str, path: Path) -> None:
    """A finished PDF ends with its end-of-file marker; a truncated one is never renamed over
    a good report. (Written in place to standard output, a device or a pipe: nothing to read.)"""
    if written in (str(path), "/dev/stdout"):
        return
    try:
        with open(written, "rb") as stream:
            stream.seek(max(0, os.path.getsize(written) - 1024))
            tail = stream.read()
    except OSError as error:
        reason = f"the PDF could not be read back ({error.strerror})"
        raise OSError(error.errno, reason, str(path)) from error
    if b"%%EOF" not in tail:
        raise OSError(errno.EIO, "the PDF was cut short (is the disk full?)", str(path))
