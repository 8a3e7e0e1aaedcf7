"""Files and pasted text → ``Article``: format dispatch, size limits, headline, byline, language."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from parallax.core.dates import find_date
from parallax.core.errors import ArticleLoadError
from parallax.core.formats import Extracted, docx, html, markdown, pdf, plain
from parallax.core.language import detect_language
from parallax.core.models import Article, LoadFailure, Notice, SourceFormat
from parallax.core.textclean import (
    find_byline,
    has_words,
    is_call_to_action,
    looks_like_headline,
)

# About 85,000 words: eight times the longest news feature, and what the analysis gets through
# within a minute on a 2-core machine (benchmarks/bench_limits.py: 1 MB took 60-70 s, 5 MB
# several minutes in spaCy alone).
MAX_TEXT_CHARS = 500_000
# Half a million characters of ordinary prose hold ~4,000 sentences; a text of far more,
# shorter "sentences" (lists of numbers, one-word lines) is refused before the parse (20,000
# one-line items took 68 s).
MAX_SENTENCES = 10_000
_SENTENCE_END = re.compile(r"[.!?…]+[\"”’')\]]*(?:\s|$)")
# Raw size limits, checked before a file is read: markup and layout make files larger than
# their text, but nothing an article needs is bigger than these.
_MAX_FILE_BYTES = {
    SourceFormat.TEXT: 4 * MAX_TEXT_CHARS,
    SourceFormat.MARKDOWN: 4 * MAX_TEXT_CHARS,
    SourceFormat.HTML: 8 * MAX_TEXT_CHARS,
    SourceFormat.PDF: 100_000_000,
    SourceFormat.DOCX: 100_000_000,
}
SUFFIXES: dict[str, SourceFormat] = {
    ".txt": SourceFormat.TEXT,
    ".text": SourceFormat.TEXT,
    ".md": SourceFormat.MARKDOWN,
    ".markdown": SourceFormat.MARKDOWN,
    ".html": SourceFormat.HTML,
    ".htm": SourceFormat.HTML,
    ".xhtml": SourceFormat.HTML,
    ".pdf": SourceFormat.PDF,
    ".docx": SourceFormat.DOCX,
}
_EXPLAINED_SUFFIXES = {
    ".doc": "old Word (.doc) files are not supported; save it as .docx",
    ".rtf": "RTF files are not supported; save it as .docx or .txt",
    ".odt": "OpenDocument files are not supported; save it as .docx",
}
_ADAPTERS: dict[SourceFormat, Callable[[bytes, Path | None], Extracted]] = {
    SourceFormat.TEXT: plain.extract,
    SourceFormat.MARKDOWN: lambda data, path: markdown.extract_text(plain.decode(data, path)),
    SourceFormat.HTML: html.extract,
    SourceFormat.PDF: pdf.extract,
    SourceFormat.DOCX: docx.extract,
}


@dataclass(frozen=True, slots=True)
class LoadResult:
    """What loading several inputs gave: the articles that loaded and one failure per other."""

    articles: tuple[Article, ...]
    failures: tuple[LoadFailure, ...]


def load_file(path: Path | str) -> Article:
    """Load one article file, or raise ``ArticleLoadError`` naming the file and the reason."""
    path = Path(path)
    data = _read(path)
    if not data.strip():
        raise ArticleLoadError(path, "the file is empty")
    source_format = SUFFIXES.get(path.suffix.lower()) or _sniff(data, path)
    if len(data) > _MAX_FILE_BYTES[source_format]:
        raise ArticleLoadError(path, _too_large(len(data)))
    return _build(_ADAPTERS[source_format](data, path), path, source_format)


def load_pasted(content: str, *, is_html: bool = False, title: str | None = None) -> Article:
    """An article from clipboard or standard-input text (HTML when the clipboard says so)."""
    limit = _MAX_FILE_BYTES[SourceFormat.HTML if is_html else SourceFormat.TEXT]
    if len(content) > limit:
        raise ArticleLoadError(None, _too_large(len(content)))
    extracted = html.extract_markup(content, None) if is_html else plain.extract_text(content)
    if title and not extracted.title:
        extracted.title = title
    return _build(extracted, None, SourceFormat.PASTED)


def load_files(
    sources: Iterable[Path | str | Article],
    *,
    is_cancelled: Callable[[], bool] = lambda: False,
    progress: Callable[[int, int], None] | None = None,
    on_failure: Callable[[LoadFailure], None] | None = None,
) -> LoadResult:
    """Load every file, in order; a file that fails is reported and never stops the others.

    Articles already loaded (pasted text) pass through in their place. ``on_failure`` hears
    of each failure as it happens; ``progress(done, total)`` before each source.
    """
    sources = list(sources)
    articles: list[Article] = []
    failures: list[LoadFailure] = []
    for done, source in enumerate(sources):
        if is_cancelled():
            break
        if progress is not None:
            progress(done, len(sources))
        if isinstance(source, Article):
            articles.append(source)
            continue
        try:
            articles.append(load_file(source))
        except ArticleLoadError as error:
            failures.append(LoadFailure(source=str(source), message=str(error)))
            if on_failure is not None:
                on_failure(failures[-1])
    return LoadResult(tuple(articles), tuple(failures))


def supported_files(folder: Path) -> list[Path]:
    """The article files directly inside ``folder``, in name order (for folder arguments)."""
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES)


def _read(path: Path) -> bytes:
    try:
        status = os.stat(path)
    except FileNotFoundError as error:
        raise ArticleLoadError(
            path, "the file does not exist (was it moved or deleted?)"
        ) from error
    except OSError as error:
        raise ArticleLoadError(path, f"the file could not be read ({error.strerror})") from error
    refusal = special_file_reason(status.st_mode)
    if refusal:  # decided from the file's type alone: opening a pipe would wait forever
        tail = "" if stat.S_ISDIR(status.st_mode) else "; save the article to a file first"
        raise ArticleLoadError(path, refusal + tail)
    try:
        size = status.st_size
        suffix_format = SUFFIXES.get(path.suffix.lower())
        limit = _MAX_FILE_BYTES[suffix_format] if suffix_format else max(_MAX_FILE_BYTES.values())
        if size > limit:
            raise ArticleLoadError(path, _too_large(size))
        with path.open("rb") as handle:
            return handle.read(limit + 1)
    except FileNotFoundError as error:
        raise ArticleLoadError(
            path, "the file does not exist (was it moved or deleted?)"
        ) from error
    except PermissionError as error:
        raise ArticleLoadError(path, "you do not have permission to read this file") from error
    except OSError as error:
        raise ArticleLoadError(path, f"the file could not be read ({error.strerror})") from error


def sentence_estimate(paragraphs: list[str]) -> int:
    """Sentences by their end marks, a paragraph without one counting as one (a line)."""
    return sum(max(1, len(_SENTENCE_END.findall(paragraph))) for paragraph in paragraphs)


def special_file_reason(mode: int) -> str | None:
    """Why a file of this ``st_mode`` is not read, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "this is a folder, not a file"
    kinds = (
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a device"),
        (stat.S_ISBLK, "a device"),
    )
    kind = next((name for test, name in kinds if test(mode)), None)
    return f"this is {kind}, not a file" if kind else "this is not a regular file"


def _sniff(data: bytes, path: Path) -> SourceFormat:
    """The format of a file whose name does not say, from its first bytes."""
    head = data[:2048].lstrip()
    if head.startswith(b"%PDF"):
        return SourceFormat.PDF
    if head.startswith(b"PK\x03\x04") and b"word/" in data[:65536]:
        return SourceFormat.DOCX
    if head[:512].lower().startswith((b"<!doctype html", b"<html")):
        return SourceFormat.HTML
    explained = _EXPLAINED_SUFFIXES.get(path.suffix.lower())
    if explained:
        raise ArticleLoadError(path, explained)
    if not path.suffix:
        return SourceFormat.TEXT
    kinds = ", ".join(sorted({s for s in SUFFIXES if s not in (".text", ".markdown", ".xhtml")}))
    raise ArticleLoadError(path, f"“{path.suffix}” files are not supported (use {kinds})")


def _too_large(size: int) -> str:
    return (
        f"the file is too large ({size / 1_000_000:.1f} MB); "
        f"articles up to {MAX_TEXT_CHARS / 1_000_000:g} MB of text are supported"
    )


def _build(extracted: Extracted, path: Path | None, source_format: SourceFormat) -> Article:
    paragraphs = [p for p in extracted.paragraphs if p and not is_call_to_action(p)]
    if not paragraphs or not any(has_words(p) for p in paragraphs):
        reason = "the file is empty" if not paragraphs else "the file contains no words"
        raise ArticleLoadError(path, reason)
    title, has_headline = _headline(extracted, paragraphs)
    author, outlet, published = extracted.author, extracted.outlet, extracted.published
    byline = find_byline(paragraphs, search=4 if has_headline else 3)
    if byline is not None and (byline.index > 0 or not has_headline):
        author = author or byline.author
        outlet = outlet or byline.outlet
        published = published or find_date(paragraphs[byline.index])
        del paragraphs[byline.index]
    outlet = outlet or extracted.outlet_hint
    text = "\n\n".join(paragraphs)
    if len(text) > MAX_TEXT_CHARS:
        raise ArticleLoadError(path, _too_large(len(text.encode("utf-8"))))
    sentences = sentence_estimate(paragraphs)
    if sentences > MAX_SENTENCES:
        raise ArticleLoadError(
            path,
            f"the text has about {sentences:,} sentences or lines; "
            f"articles of up to {MAX_SENTENCES:,} are supported",
        )
    if not any(has_words(p) for p in paragraphs[1 if has_headline else 0 :]):
        raise ArticleLoadError(path, "there is no article text besides the headline")
    language = detect_language(text)
    warnings = list(extracted.warnings)
    if language not in (None, "en"):
        warnings.append(
            Notice(
                "not_english",
                f"the text looks like language “{language}”; "
                "Parallax's analysis is tuned for English",
            )
        )
    return Article(
        text=text,
        title=title,
        source=path,
        format=source_format,
        has_headline=has_headline,
        outlet=outlet,
        author=author,
        published=published or find_date(" ".join(paragraphs[:4])),
        language=language,
        warnings=tuple(warnings),
    )


def _headline(extracted: Extracted, paragraphs: list[str]) -> tuple[str | None, bool]:
    """The title, and whether the first paragraph of the body is the headline.

    An HTML page's headline is often outside the extracted text; it is put back in front so the
    headline can be compared like any sentence.
    """
    first = paragraphs[0]
    if extracted.title_is_first_paragraph or (extracted.title and first == extracted.title):
        return first, True
    if extracted.title and extracted.prepend_title:
        paragraphs.insert(0, extracted.title)
        return extracted.title, True
    if len(paragraphs) > 1 and looks_like_headline(first, paragraphs[1:]):
        return first, True
    return extracted.title, False
