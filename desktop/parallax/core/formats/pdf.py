"""PDF: the text layer via pypdf, reflowed into paragraphs; scanned and locked PDFs refused."""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from pypdf import PageObject, PdfReader
from pypdf.errors import DependencyError, PyPdfError

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
    # PyPdfError covers every pypdf failure, including the resource limits newer releases
    # enforce (LimitReachedError is not a PdfReadError).
    # NotImplementedError: a stream filter pypdf does not know, as a damaged name reads
    # ("/ lateDecode" for "/FlateDecode").
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, NotImplementedError) as error:
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


@dataclass(slots=True)
class _Line:
    text: str
    y: float | None = None
    size: float | None = None


def _page_paragraphs(page: PageObject) -> list[str]:
    """Lines as pypdf spaces them, grouped into paragraphs by vertical gaps and font size."""
    lines: list[_Line] = [_Line("")]

    def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        for number, part in enumerate(text.split("\n")):
            if number:
                lines.append(_Line(""))
            line = lines[-1]
            line.text += part
            if line.y is None and part.strip():
                # Text space → page space: the origin's y and the glyphs' rendered height.
                line.y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                line.size = abs(size * (tm[3] * cm[3] + tm[2] * cm[1])) or abs(size)

    page.extract_text(visitor_text=visit)
    paragraphs: list[list[str]] = []
    previous: _Line | None = None
    for line in lines:
        text = clean_line(repair(line.text))
        if not text or _PAGE_NUMBER.match(text):
            continue
        if previous is None or _starts_paragraph(previous, line):
            paragraphs.append([])
        paragraphs[-1].append(text)
        previous = line
    return [_join_lines(block) for block in paragraphs]


def _starts_paragraph(previous: _Line, line: _Line) -> bool:
    if None in (previous.y, line.y, previous.size, line.size):
        return False
    if max(previous.size, line.size) > 1.15 * min(previous.size, line.size):
        return True  # a headline, byline or caption in another size
    gap = previous.y - line.y
    # Lines of one paragraph sit about 1.2 font sizes apart; a blank line or a spacing of
    # half a line more marks a new paragraph. Going up the page means a new column or box.
    return gap > 1.5 * line.size or gap < 0


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
    except (PyPdfError, ValueError, KeyError, TypeError, NotImplementedError):
        return None, None
    if info is None:
        return None, None
    title = clean_line(repair(str(info.title or ""))) or None
    author = clean_line(repair(str(info.author or ""))) or None
    return title, author
