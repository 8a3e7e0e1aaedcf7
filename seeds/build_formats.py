"""Regenerate the .docx and .pdf articles of the bundled sample set from their plain-text sources.

The sample set in ``ukraine-truce-2025-08/`` includes one Word document and one PDF so that the
app's importers for those formats have real input. Their text lives in ``sources/*.txt``
(headline, ``Author:``, ``Outlet:``, ``Date:`` header lines, a blank line, then one paragraph
per line separated by blank lines); this script turns those sources into the binary files.

Run with ``python seeds/build_formats.py``; it takes no arguments and writes next to itself.
"""

from __future__ import annotations

import html
import os
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from docx import Document
from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QFont, QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"
SET_DIR = HERE / "ukraine-truce-2025-08"


@dataclass(frozen=True)
class Source:
    headline: str
    author: str
    outlet: str
    published: date
    paragraphs: list[str]


def header_value(path: Path, line: str, key: str) -> str:
    prefix = f"{key}: "
    if not line.startswith(prefix):
        raise ValueError(f"{path.name}: expected '{prefix}...' header line, got {line!r}")
    return line.removeprefix(prefix).strip()


def read_source(path: Path) -> Source:
    lines = path.read_text(encoding="utf-8").splitlines()
    if len(lines) < 6 or lines[4].strip():
        raise ValueError(f"{path.name}: expected four header lines followed by a blank line")
    return Source(
        headline=lines[0].strip(),
        author=header_value(path, lines[1], "Author"),
        outlet=header_value(path, lines[2], "Outlet"),
        published=date.fromisoformat(header_value(path, lines[3], "Date")),
        paragraphs=[line.strip() for line in lines[5:] if line.strip()],
    )


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def build_docx(source: Source, target: Path) -> None:
    document = Document()
    document.add_heading(source.headline, level=0)
    for paragraph in source.paragraphs:
        document.add_paragraph(paragraph)
    properties = document.core_properties
    properties.title = source.headline
    properties.author = source.author
    properties.created = datetime.combine(source.published, datetime.min.time(), tzinfo=UTC)
    properties.modified = properties.created
    document.save(str(target))


def build_pdf(source: Source, target: Path) -> None:
    byline = f"By {source.author} — {source.outlet}, {long_date(source.published)}"
    body = "".join(f"<p>{html.escape(paragraph)}</p>" for paragraph in source.paragraphs)
    writer = QPdfWriter(str(target))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(20, 20, 20, 20), QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    writer.setTitle(source.headline)
    writer.setAuthor(source.author)
    writer.setCreator("Parallax seeds")

    font = QFont("DejaVu Serif", 11)
    font.setFeature(QFont.Tag("liga"), 0)  # keep "fi"/"ff" as plain letters in the extracted text
    document = QTextDocument()
    document.setDefaultFont(font)
    document.documentLayout().setPaintDevice(writer)
    document.setPageSize(
        QSizeF(writer.width(), writer.height())
    )  # paginated: no page numbers added
    document.setHtml(
        f"<h1>{html.escape(source.headline)}</h1><p><i>{html.escape(byline)}</i></p>{body}"
    )
    document.print_(writer)


def main() -> None:
    app = QGuiApplication.instance() or QGuiApplication([])
    build_docx(read_source(SOURCES / "state-media-moscow.txt"), SET_DIR / "state-media-moscow.docx")
    build_pdf(read_source(SOURCES / "kyiv-outlet-report.txt"), SET_DIR / "kyiv-outlet-report.pdf")
    del app


if __name__ == "__main__":
    main()
