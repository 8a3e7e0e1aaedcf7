"""Saved comparisons (``.parallax`` files): the articles, the options and the user's notes.

A saved comparison holds each article's text and metadata, not the analysis: reopening it runs
the comparison again, so it needs none of the original files and always shows what this version
of Parallax finds. The file is versioned JSON written deterministically (sorted keys, no time
stamps), so saving what was opened gives the same bytes, and written atomically (temporary
file, then rename), so a crash or a full disk never leaves a half-written file.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from parallax import __version__
from parallax.core.export import write_text_atomic
from parallax.core.models import Article, Notice, SourceFormat

SUFFIX = ".parallax"
KIND = "parallax.saved-comparison"
VERSION = 1
# Articles are capped at a few MB of text each; 200 of them fit well within this.
MAX_FILE_BYTES = 512 * 1024 * 1024


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
    }
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def save(saved: SavedComparison, path: Path) -> None:
    try:
        write_text_atomic(path, to_text(saved))
    except OSError as error:
        raise SavedFileError(path, f"could not be written ({error.strerror or error})") from error


def load(path: Path) -> SavedComparison:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise SavedFileError(path, f"is too large to be a saved comparison ({size:,} bytes)")
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise SavedFileError(path, "the file no longer exists") from error
    except IsADirectoryError as error:
        raise SavedFileError(path, "this is a folder, not a saved comparison") from error
    except OSError as error:
        raise SavedFileError(path, f"could not be read ({error.strerror or error})") from error
    return from_text(data, path)


def from_text(data: bytes | str, path: Path) -> SavedComparison:
    try:
        document = json.loads(data)
    except UnicodeDecodeError as error:
        raise SavedFileError(path, "is not a Parallax comparison (not text)") from error
    except json.JSONDecodeError as error:
        raise SavedFileError(
            path, f"is damaged or not a Parallax comparison (line {error.lineno})"
        ) from error
    if not isinstance(document, dict) or document.get("kind") != KIND:
        raise SavedFileError(path, "is not a Parallax comparison")
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise SavedFileError(path, "is damaged: its format version is missing")
    if version < 1:
        raise SavedFileError(
            path, f"uses an older format ({version}) that this version ({__version__}) cannot read"
        )
    if version > VERSION:
        raise SavedFileError(
            path,
            f"was saved by a newer Parallax ({document.get('saved_by', 'unknown')}, format "
            f"{version}); this version ({__version__}) reads format {VERSION}. Please update.",
        )
    try:
        articles = document["articles"]
        if not isinstance(articles, list) or not articles:
            raise ValueError("it holds no articles")
        parsed = [_read_article(item) for item in articles]
        options = document.get("options") or {}
        same_claim = options.get("same_claim")
        if same_claim is not None and not 0.0 < float(same_claim) < 1.0:
            raise ValueError("its similarity threshold is out of range")
    except (KeyError, TypeError, ValueError) as error:
        raise SavedFileError(path, f"is damaged ({_reason(error)})") from error
    known = {"kind", "version", "saved_by", "options", "articles"}
    return SavedComparison(
        articles=tuple(article for article, _ in parsed),
        notes=tuple(note for _, note in parsed),
        same_claim=float(same_claim) if same_claim is not None else None,
        extra={k: v for k, v in document.items() if k not in known},
    )


def saved_from(
    articles: Sequence[Article], notes: Sequence[str] = (), same_claim: float | None = None
) -> SavedComparison:
    return SavedComparison(tuple(articles), tuple(notes), same_claim)


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


def _read_article(item: dict[str, Any]) -> tuple[Article, str]:
    text = item["text"]
    if not isinstance(text, str) or not text.strip():
        raise ValueError("an article has no text")
    optional = {}
    for key in ("title", "outlet", "author", "published", "language"):
        value = item.get(key)
        if value is not None and not isinstance(value, str):
            raise ValueError(f"an article's {key} is not text")
        optional[key] = value
    source = item.get("source")
    article = Article(
        text=text,
        source=Path(source) if isinstance(source, str) else None,
        format=SourceFormat(item["format"]),
        has_headline=bool(item.get("has_headline", False)),
        warnings=tuple(Notice(str(w["code"]), str(w["message"])) for w in item.get("warnings", [])),
        **optional,
    )
    note = item.get("note") or ""
    return article, note if isinstance(note, str) else ""


def _reason(error: Exception) -> str:
    if isinstance(error, KeyError):
        return f"an entry lacks {error.args[0]!r}"
    return str(error) if str(error) else "unexpected content"
