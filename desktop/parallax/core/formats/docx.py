"""Word documents: python-docx paragraphs; core properties for title, author and date."""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError

from parallax.core.errors import ArticleLoadError
from parallax.core.formats import Extracted
from parallax.core.textclean import clean_line, repair

# A .docx is a zip; refuse archives that would expand to far more than any article needs.
_MAX_UNPACKED_BYTES = 200_000_000
_TITLE_STYLES = ("Title", "Heading 1")


# What a damaged archive or its XML can raise while python-docx reads it: bad zip structure,
# corrupt deflate streams (zlib.error, EOFError), malformed XML (lxml's errors are
# SyntaxErrors), encrypted or exotic zip entries (RuntimeError, NotImplementedError), and
# missing or odd parts (KeyError, ValueError, AttributeError, TypeError, IndexError).
_DAMAGED = (
    PackageNotFoundError,
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    SyntaxError,
    RuntimeError,
    NotImplementedError,
    KeyError,
    ValueError,
    AttributeError,
    TypeError,
    IndexError,
    OSError,
)


def extract(data: bytes, path: Path | None) -> Extracted:
    _check_archive(data, path)
    try:
        return _extract(data)
    except RecursionError as error:
        raise ArticleLoadError(path, "this Word document is nested too deeply to read") from error
    except _DAMAGED as error:
        raise ArticleLoadError(path, "this is not a valid Word (.docx) document") from error


def _extract(data: bytes) -> Extracted:
    document = docx.Document(io.BytesIO(data))
    paragraphs: list[str] = []
    styled_title: str | None = None
    for paragraph in document.paragraphs:
        text = clean_line(repair(paragraph.text))
        if not text:
            continue
        style = paragraph.style.name if paragraph.style is not None else ""
        if not paragraphs and style in _TITLE_STYLES:
            styled_title = text
        paragraphs.append(text)
    props = document.core_properties
    title = clean_line(props.title or "") or styled_title
    published = props.created.date().isoformat() if props.created else None
    return Extracted(
        paragraphs,
        title=title,
        author=clean_line(props.author or "") or None,
        published=published,
        title_is_first_paragraph=bool(paragraphs) and paragraphs[0] == title,
    )


def _check_archive(data: bytes, path: Path | None) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, EOFError, OSError, NotImplementedError) as error:
        raise ArticleLoadError(path, "this is not a valid Word (.docx) document") from error
    if "word/document.xml" not in names:
        raise ArticleLoadError(path, "this zip archive is not a Word (.docx) document")
    if unpacked > _MAX_UNPACKED_BYTES:
        raise ArticleLoadError(
            path, "this Word document expands to an unreasonable size (zip bomb?)"
        )
