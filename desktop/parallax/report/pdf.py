"""The report as a PDF: ``QTextDocument`` lays out core's HTML, ``QPdfWriter`` writes real text.

Pages are painted one by one so every page gets a running footer (report title, page n of N);
``QTextDocument.print_`` would only add bare page numbers. Text stays text (selectable,
searchable) and Qt embeds subsets of the fonts used. Works headless: with no display the
offscreen platform is used. Safe to call from a worker thread (images are ``QImage`` resources,
no widgets are touched).
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable
from pathlib import Path

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
# conflict block or short table split, no table spilling a row or two onto a page of its own.
_WHOLE_UP_TO = 0.85  # of a page: longer sections flow across pages as they are
_AT_TOP = 0.03  # a section this close to a page's top is there already
_PASSES = 2  # each lays a long report out again (~1 s for 100 pages): the second mends the first
_ALWAYS = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore


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
            cursor.setPosition(heading.position())
            cursor.setBlockFormat(fmt)
        cursor.endEditBlock()
        moved = True
    if moved:  # blocks laid out before a break was set are not all drawn again otherwise
        document.markContentsDirty(0, document.characterCount())
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
        if at > _AT_TOP * height and at + content > height + 1 and content <= _WHOLE_UP_TO * height:
            breaks.append(heading)
            shift += height - at
    return breaks


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


def _render(
    report: Report, target: str, page_size: str, progress: Callable[[int, int], None]
) -> int:
    writer = QPdfWriter(target)
    writer.setResolution(_RESOLUTION)
    writer.setPageSize(QPageSize(PAGE_SIZES[page_size]))
    writer.setPageMargins(_MARGINS_MM, QPageLayout.Unit.Millimeter)
    writer.setTitle(report.title)
    writer.setCreator(f"Parallax {__version__}")

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
    _keep_sections_together(document, body)
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
