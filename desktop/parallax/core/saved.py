"""Saved comparisons (``.parallax`` files): the articles, the options, the user's notes and
corrections.

A saved comparison holds each article's text and metadata, not the analysis: reopening it runs
the comparison again, so it needs none of the original files and always shows what this version
of Parallax finds. The file is versioned JSON written deterministically (sorted keys, no time
stamps), so saving what was opened gives the same bytes, and written atomically (temporary
file, then rename), so a crash or a full disk never leaves a half-written file.

Reading trusts nothing in the file: every failure is a ``SavedFileError`` whose reason names
the field (``articles[3].text``) and what was expected, and the limits that article files get
(``MAX_TEXT_CHARS`` of text each) apply to the articles of a saved comparison too.
"""

from __future__ import annotations

import json
import math
import os
import re
import stat
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from parallax import __version__
from parallax.core.corrections import Correction
from parallax.core.corrections_data import CorrectionDataError, from_data, to_data
from parallax.core.export import write_text_atomic
from parallax.core.loading import (
    MAX_SENTENCES,
    MAX_TEXT_CHARS,
    sentence_estimate,
    special_file_reason,
)
from parallax.core.models import Article, Notice, SourceFormat

SUFFIX = ".parallax"
KIND = "parallax.saved-comparison"
# Format 2 added the user's corrections (core/corrections.py); format 1 files still open.
VERSION = 2
# The limits that article files get apply to saved articles too (MAX_TEXT_CHARS and
# MAX_SENTENCES each). A saved comparison holds at most as many articles as one comparison can
# take within the 1.5 GB peak: ~800-word articles peaked at 0.73 GB for 200, 1.22 GB for 500
# and 2.06 GB for 1,000, about 1.7 MB an article (benchmarks/bench_saved.py --compare).
MAX_ARTICLES = 500
# The largest file read. 500 ordinary articles save to under 3 MB; this leaves room for five
# articles at the text limit even in four-byte UTF-8 (twenty in plain English): more text than
# one comparison holds within 1.5 GB (about 3.5 million characters, from the figures above),
# so a larger file is refused before it is read, never parsed only to be refused. Opening a
# file of this size took 0.3 s and held ~40 MB at most (benchmarks/bench_saved.py).
MAX_FILE_BYTES = 20 * MAX_TEXT_CHARS
# A saved comparison nests five levels (document, articles, article, warnings, warning) and
# holds a few dozen values per article. Both are checked before parsing: nested brackets never
# reach the recursive JSON parser, and a file of millions of tiny values ("[],[],…", each
# becoming a Python object of 50+ bytes) never parses into gigabytes.
MAX_DEPTH = 64
MAX_VALUES = 1_000_000
_STRINGS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?', re.DOTALL)
_BRACKETS = re.compile(r"[\[\]{}]")
# Never wait for a writer (a pipe swapped in after the check); never translate line ends.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
_KNOWN = frozenset({"kind", "version", "saved_by", "options", "articles", "corrections"})
_OPTIONAL_TEXT = ("title", "source", "outlet", "author", "published", "language", "note")
_FORMAT_VALUES = frozenset(f.value for f in SourceFormat)
_FORMATS = ", ".join(f.value for f in SourceFormat)
_MISSING = object()


class SavedFileError(Exception):
    """A saved comparison could not be read or written; ``str()`` names the file and why."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path, self.reason = Path(path), reason
        super().__init__(f"{self.path.name}: {reason}")


@dataclass(frozen=True)
class SavedComparison:
    articles: tuple[Article, ...]
    notes: tuple[str, ...] = ()  # one per article ("" when none), in article order
    same_claim: float | None = None  # the user's threshold, None for the default
    extra: dict[str, Any] = field(default_factory=dict)  # unknown keys of this version, kept
    corrections: tuple[Correction, ...] = ()  # in the order the user made them

    def note(self, index: int) -> str:
        return self.notes[index] if index < len(self.notes) else ""


def to_text(saved: SavedComparison) -> str:
    document = {
        **saved.extra,
        "kind": KIND,
        "version": VERSION,
        "saved_by": f"parallax {__version__}",
        "options": {"same_claim": saved.same_claim},
        "articles": [_article(article, saved.note(n)) for n, article in enumerate(saved.articles)],
        "corrections": [to_data(correction) for correction in saved.corrections],
    }
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def save(saved: SavedComparison, path: Path) -> None:
    try:
        write_text_atomic(path, to_text(saved))
    except OSError as error:
        raise SavedFileError(path, f"could not be written ({error.strerror or error})") from error


def load(path: Path) -> SavedComparison:
    """Read a saved comparison, or raise ``SavedFileError`` saying what is wrong with it."""
    path = Path(path)
    return from_text(_read(path), path)


def _read(path: Path) -> bytes:
    try:
        _check_file(path, os.stat(path))
        descriptor = os.open(path, _OPEN_FLAGS)
        with os.fdopen(descriptor, "rb") as handle:
            size = _check_file(path, os.fstat(handle.fileno()))
            # read(n) sets aside n bytes: ask for the size, more only if the file grew since.
            data = handle.read(size + 1)
            if len(data) > size:
                data += handle.read(MAX_FILE_BYTES + 1 - len(data))
    except FileNotFoundError as error:
        raise SavedFileError(path, "the file no longer exists") from error
    except PermissionError as error:
        raise SavedFileError(path, "you do not have permission to read this file") from error
    except OSError as error:
        raise SavedFileError(path, f"could not be read ({error.strerror or error})") from error
    except ValueError as error:  # a name no file can have (a null character)
        raise SavedFileError(path, f"could not be read ({error})") from error
    if len(data) > MAX_FILE_BYTES:  # it grew after the check
        raise SavedFileError(path, _too_large(len(data)))
    return data


def _check_file(path: Path, info: os.stat_result) -> int:
    """The file's size, or ``SavedFileError`` if it is not a regular file or too large."""
    if stat.S_ISDIR(info.st_mode):
        raise SavedFileError(path, "this is a folder, not a saved comparison")
    refusal = special_file_reason(info.st_mode)  # the same rule as article files
    if refusal:
        raise SavedFileError(path, refusal)
    if info.st_size > MAX_FILE_BYTES:
        raise SavedFileError(path, _too_large(info.st_size))
    return info.st_size


def _too_large(size: int) -> str:
    return (
        f"the file is too large ({size / 1_000_000:,.1f} MB); saved comparisons of up to "
        f"{MAX_FILE_BYTES / 1_000_000:,.0f} MB are read"
    )


def _too_deep() -> str:
    return f"the file is nested too deeply (more than {MAX_DEPTH} levels)"


def from_text(data: bytes | str, path: Path) -> SavedComparison:
    """A saved comparison from a file's content (``path`` names it in messages)."""
    text = _decode(data, path) if isinstance(data, bytes) else data
    del data  # the bytes are not needed once decoded: one copy of the file less at the peak
    if not text or text.isspace():
        raise SavedFileError(path, "the file is empty")
    _check_structure(text, path)
    document = _parse(text, path)
    try:
        return _read_document(document)
    except _Damaged as damage:
        raise SavedFileError(path, str(damage)) from None


def saved_from(
    articles: Sequence[Article],
    notes: Sequence[str] = (),
    same_claim: float | None = None,
    corrections: Sequence[Correction] = (),
) -> SavedComparison:
    return SavedComparison(
        tuple(articles), tuple(notes), same_claim, corrections=tuple(corrections)
    )


def _article(article: Article, note: str) -> dict[str, Any]:
    return {
        "text": article.text,
        "title": article.title,
        "source": str(article.source) if article.source is not None else None,
        "format": article.format.value,
        "has_headline": article.has_headline,
        "outlet": article.outlet,
        "author": article.author,
        "published": article.published,
        "language": article.language,
        "warnings": [{"code": w.code, "message": w.message} for w in article.warnings],
        "note": note,
    }


def _decode(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SavedFileError(
            path,
            f"not a saved comparison: not UTF-8 text (byte 0x{data[error.start]:02x} at offset "
            f"{error.start:,})",
        ) from None


def _check_structure(text: str, path: Path) -> None:
    """Refuse, before parsing, what the parser would recurse into too deeply or blow up."""
    skeleton = _STRINGS.sub("", text)  # brackets, commas, numbers: the strings taken out
    values = skeleton.count(",") + skeleton.count("[") + skeleton.count("{")
    if values > MAX_VALUES:
        raise SavedFileError(
            path,
            f"the file holds too many values (more than {MAX_VALUES:,} lists, objects, "
            "strings and numbers)",
        )
    depth = 0
    for bracket in _BRACKETS.finditer(skeleton):  # at most MAX_VALUES openings
        depth += 1 if bracket.group() in "[{" else -1
        if depth > MAX_DEPTH:
            raise SavedFileError(path, _too_deep())
        if depth < 0:  # more closed than opened: the parser says where
            break


def _parse(text: str, path: Path) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise SavedFileError(
            path,
            "is damaged or not a saved comparison: not valid JSON "
            f"({error.msg} at line {error.lineno}, column {error.colno})",
        ) from None
    except RecursionError:
        raise SavedFileError(path, _too_deep()) from None
    except ValueError:
        # A whole number longer than Python converts (4,300 digits): parse again keeping such
        # numbers as digits, so that the checks can say which field holds one.
        return json.loads(text, parse_int=_HugeNumber.parse)


class _HugeNumber:
    """A whole number too long for ``int()`` (``sys.get_int_max_str_digits()``)."""

    def __init__(self, digits: str) -> None:
        self.digits = digits

    @classmethod
    def parse(cls, digits: str) -> int | _HugeNumber:
        try:
            return int(digits)
        except ValueError:
            return cls(digits)

    def __str__(self) -> str:
        return f"{self.digits[:12]}… ({len(self.digits.lstrip('-')):,} digits)"


class _Damaged(Exception):
    """A field is not what this version reads: where (``articles[3].text``) and why."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}" if where else problem)


def _read_document(document: Any) -> SavedComparison:
    if not isinstance(document, dict) or document.get("kind") != KIND:
        raise _Damaged("", f'not a saved comparison: no "kind": "{KIND}"')
    _check_version(document)
    same_claim = _read_options(document.get("options"))
    articles = _required(document, "articles", list, "a list of articles")
    if not articles:
        raise _Damaged("articles", "the list is empty; a saved comparison holds at least one")
    if len(articles) > MAX_ARTICLES:
        raise _Damaged(
            "articles",
            f"{len(articles):,} articles; a saved comparison holds at most {MAX_ARTICLES:,}, "
            "as more could not be compared within the memory Parallax allows itself",
        )
    parsed = [_read_article(item, f"articles[{n}]") for n, item in enumerate(articles)]
    extra = {key: value for key, value in document.items() if key not in _KNOWN}
    _check_numbers(extra, "")
    return SavedComparison(
        articles=tuple(article for article, _ in parsed),
        notes=tuple(note for _, note in parsed),
        same_claim=same_claim,
        extra=extra,
        corrections=_read_corrections(document.get("corrections", [])),
    )


def _read_corrections(items: Any) -> tuple[Correction, ...]:
    _expect(items, list, "corrections", "a list of corrections")
    try:
        return tuple(from_data(item, f"corrections[{n}]") for n, item in enumerate(items))
    except CorrectionDataError as error:
        raise _Damaged(error.where, error.problem) from None


def _check_version(document: dict[str, Any]) -> None:
    version = document.get("version", _MISSING)
    if isinstance(version, _HugeNumber) or (_is_whole(version) and version > VERSION):
        saved_by = document.get("saved_by")
        by = f"{saved_by}; " if isinstance(saved_by, str) and len(saved_by) < 80 else ""
        raise _Damaged(
            "version",
            f"{version}: this file was saved by a newer Parallax ({by}format {VERSION} is the "
            "newest this version reads)",
        )
    if not _is_whole(version):
        raise _Damaged("version", f"expected the format version, a whole number; {_found(version)}")
    if version < 1:
        raise _Damaged("version", f"{version}: no such format (the first is 1)")


def _read_options(options: Any) -> float | None:
    if options is None:
        return None
    _expect(options, dict, "options", "an object")
    value = options.get("same_claim")
    if value is None:
        return None
    is_number = isinstance(value, int | float) and not isinstance(value, bool)
    if not is_number or not math.isfinite(value) or not 0 < value < 1:
        raise _Damaged(
            "options.same_claim",
            f"expected a similarity threshold, a number between 0 and 1; {_found(value)}",
        )
    return float(value)


def _read_article(item: Any, where: str) -> tuple[Article, str]:
    _expect(item, dict, where, "an object (one article)")
    fields = {key: _optional_text(item, key, where) for key in _OPTIONAL_TEXT}
    text = _article_text(item, where, fields["title"])
    source_format = _required(item, "format", str, f"one of {_FORMATS}", where)
    if source_format not in _FORMAT_VALUES:
        raise _Damaged(f"{where}.format", f"expected one of {_FORMATS}; {_found(source_format)}")
    has_headline = item.get("has_headline", False)
    _expect(has_headline, bool, f"{where}.has_headline", "true or false")
    note, source = fields.pop("note") or "", fields.pop("source")
    article = Article(
        text=text,
        source=Path(source) if source is not None else None,
        format=SourceFormat(source_format),
        has_headline=has_headline,
        warnings=_read_warnings(item.get("warnings"), f"{where}.warnings"),
        **fields,
    )
    return article, note


def _article_text(item: dict[str, Any], where: str, title: str | None) -> str:
    text = _required(item, "text", str, "the article's text, a string", where)
    if len(text) > MAX_TEXT_CHARS:
        raise _Damaged(
            f"{where}.text",
            f"{_named(title)} has {len(text):,} characters of text; articles of up to "
            f"{MAX_TEXT_CHARS:,} characters are supported",
        )
    if text.isspace() or not text:
        raise _Damaged(f"{where}.text", "expected the article's text; found no text")
    sentences = sentence_estimate(text.split("\n\n"))
    if sentences > MAX_SENTENCES:
        raise _Damaged(
            f"{where}.text",
            f"{_named(title)} has about {sentences:,} sentences or lines; articles of up to "
            f"{MAX_SENTENCES:,} are supported",
        )
    return text


def _named(title: str | None) -> str:
    return f"the article “{_shortened(title)}”" if title else "the article"


def _read_warnings(warnings: Any, where: str) -> tuple[Notice, ...]:
    if warnings is None:
        return ()
    _expect(warnings, list, where, "a list")
    notices = []
    for n, warning in enumerate(warnings):
        _expect(warning, dict, f"{where}[{n}]", "an object with a code and a message")
        code = _required(warning, "code", str, "a string", f"{where}[{n}]")
        message = _required(warning, "message", str, "a string", f"{where}[{n}]")
        notices.append(Notice(code, message))
    return tuple(notices)


def _required(item: dict[str, Any], key: str, kind: type, expected: str, where: str = "") -> Any:
    value = item.get(key, _MISSING)
    _expect(value, kind, f"{where}.{key}" if where else key, expected)
    return value


def _optional_text(item: dict[str, Any], key: str, where: str) -> str | None:
    value = item.get(key)
    if value is not None:
        _expect(value, str, f"{where}.{key}", "a string or null")
    return value


def _check_numbers(value: Any, where: str) -> None:
    """Unknown keys are kept as they are, but a number too long to write back cannot be."""
    if isinstance(value, _HugeNumber):
        digits = sys.get_int_max_str_digits()
        raise _Damaged(where, f"expected a number of up to {digits:,} digits; {_found(value)}")
    if isinstance(value, dict):
        for key, item in value.items():
            _check_numbers(item, f"{where}.{key}" if where else key)
    elif isinstance(value, list):
        for n, item in enumerate(value):
            _check_numbers(item, f"{where}[{n}]")


def _expect(value: Any, kind: type, where: str, expected: str) -> None:
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        raise _Damaged(where, f"expected {expected}; {_found(value)}")


def _is_whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _found(value: Any) -> str:
    """What a JSON value is, in JSON's words: "found a list", "found null"."""
    if value is _MISSING:
        return "it is missing"
    if value is None or isinstance(value, bool):
        return f"found {json.dumps(value)}"
    if isinstance(value, _HugeNumber):
        return f"found a number with {len(value.digits.lstrip('-')):,} digits"
    if isinstance(value, float) and not math.isfinite(value):
        return "found NaN" if math.isnan(value) else "found a number too large to hold (infinity)"
    if isinstance(value, int | float):
        shown = str(value) if len(str(value)) <= 24 else f"{str(value)[:12]}…"
        return f"found a number ({shown})"
    if isinstance(value, str):
        return f"found a string ({json.dumps(_shortened(value), ensure_ascii=False)})"
    return "found a list" if isinstance(value, list) else "found an object"


def _shortened(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
