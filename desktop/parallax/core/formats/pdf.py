"""PDF: the text layer via pypdf, reflowed into paragraphs; scanned and locked PDFs refused."""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

from parallax.core.errors import ArticleLoadError
from parallax.core.formats import Extracted
from parallax.core.textclean import clean_line, has_words, repair

_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…\"”’)]$")

# pypdf logs every recoverable oddity of a damaged file; the user gets one warning instead.
logging.getLogger("pypdf").setLevel(logging.ERROR)


def extract(data: bytes, path: Path | None) -> Extracted:
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        _unlock(reader, path)
        pages = [_page_paragraphs(page) for page in reader.pages]
    except ArticleLoadError:
        raise
    except (PdfReadError, FileNotDecryptedError, ValueError, KeyError, TypeError, OSError) as error:
        raise ArticleLoadError(path, "this PDF is damaged and its text cannot be read") from error
    except RecursionError as error:
        raise ArticleLoadError(path, "this PDF is too deeply nested to read") from error
    paragraphs = _join_pages(pages)
    if not any(has_words(p) for p in paragraphs):
        raise ArticleLoadError(
            path, "this PDF has no text layer (it looks scanned); run OCR on it first"
        )
    title, author = _metadata(reader)
    # The PDF's creation date is when it was printed or exported, not when the article ran.
    return Extracted(
        paragraphs,
        title=title,
        author=author,
        title_is_first_paragraph=bool(paragraphs) and paragraphs[0] == title,
    )


def _unlock(reader: PdfReader, path: Path | None) -> None:
    if not reader.is_encrypted:
        return
    # Many PDFs are "encrypted" only to restrict printing, with an empty open password.
    try:
        unlocked = reader.decrypt("")
    except (NotImplementedError, DependencyError) as error:
        raise ArticleLoadError(path, "this PDF uses an encryption Parallax cannot open") from error
    if not unlocked:
        raise ArticleLoadError(path, "this PDF is password-protected; save an unlocked copy first")


def _page_paragraphs(page) -> list[str]:
    try:
        # Layout mode keeps vertical gaps as blank lines, which is where paragraphs end.
        raw = page.extract_text(extraction_mode="layout")
    except Exception:
        raw = page.extract_text() or ""
    paragraphs = []
    for block in re.split(r"\n\s*\n", repair(raw)):
        lines = [clean_line(line) for line in block.split("\n")]
        lines = [line for line in lines if line and not _PAGE_NUMBER.match(line)]
        if lines:
            paragraphs.append(_join_lines(lines))
    return paragraphs


def _join_lines(lines: list[str]) -> str:
    text = lines[0]
    for line in lines[1:]:
        text = text + line if text.endswith("-") else f"{text} {line}"
    return text


def _join_pages(pages: list[list[str]]) -> list[str]:
    """A paragraph cut by a page break continues on the next page: rejoin it."""
    paragraphs: list[str] = []
    for page in pages:
        for index, paragraph in enumerate(page):
            if index == 0 and paragraphs and not _SENTENCE_END.search(paragraphs[-1]):
                paragraphs[-1] = _join_lines([paragraphs[-1], paragraph])
            else:
                paragraphs.append(paragraph)
    return paragraphs


def _metadata(reader: PdfReader) -> tuple[str | None, str | None]:
    try:
        info = reader.metadata
    except (PdfReadError, ValueError, KeyError, TypeError):
        return None, None
    if info is None:
        return None, None
    title = clean_line(repair(str(info.title or ""))) or None
    author = clean_line(repair(str(info.author or ""))) or None
    return title, author
