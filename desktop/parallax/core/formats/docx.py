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
# Its XML is parsed whole into memory (about 20 bytes of tree per byte of XML), so the XML
# parts get a tighter budget than the archive: 25 MB of XML holds far more than the 1 MB of
# text an article may have, and parses in seconds.
_MAX_UNPACKED_BYTES = 100_000_000
_MAX_XML_BYTES = 25_000_000
# Word's XML compresses about 5-15 times; a part packed far tighter is padding, not prose.
_MAX_RATIO = 100
_RATIO_FROM_BYTES = 1_000_000
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
            infos = archive.infolist()
            names = {info.filename for info in infos}
    except (zipfile.BadZipFile, ValueError, EOFError, OSError, NotImplementedError) as error:
        raise ArticleLoadError(path, "this is not a valid Word (.docx) document") from error
    if "word/document.xml" not in names:
        raise ArticleLoadError(path, "this zip archive is not a Word (.docx) document")
    reason = _expansion_problem(infos)
    if reason:
        raise ArticleLoadError(path, f"this Word document {reason}; it is not read")


def _expansion_problem(infos: list[zipfile.ZipInfo]) -> str | None:
    unpacked = sum(info.file_size for info in infos)
    if unpacked > _MAX_UNPACKED_BYTES:
        return f"expands to {unpacked / 1e6:,.0f} MB (at most {_MAX_UNPACKED_BYTES / 1e6:.0f} MB)"
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _RATIO_FROM_BYTES and ratio > _MAX_RATIO:
            return (
                f"has a part ({info.filename}) that expands {ratio:,.0f} times "
                f"(a compression bomb?)"
            )
    xml = sum(info.file_size for info in infos if info.filename.endswith((".xml", ".rels")))
    if xml > _MAX_XML_BYTES:
        return f"holds {xml / 1e6:,.0f} MB of XML (at most {_MAX_XML_BYTES / 1e6:.0f} MB)"
    return None
