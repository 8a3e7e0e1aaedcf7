"""``Comparison`` → the versioned JSON document (``parallax.comparison/2``) other tools read."""

from __future__ import annotations

import errno
import json
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from parallax import __version__
from parallax.core.claims import claims_by_sentence
from parallax.core.corrections_data import to_data
from parallax.core.facts import omissions
from parallax.core.models import (
    AnalysedArticle,
    Claim,
    Comparison,
    Conflict,
    FactCell,
    FactRow,
    Sentence,
)
from parallax.core.readability import HEADLINE_METHOD, HEADLINE_NAME, Difficulty
from parallax.core.scores import ArticleScores, SentenceScores
from parallax.core.tone import METHOD_DESCRIPTIONS, SCALE, STRONG, ArticleTone, neutral_band

if TYPE_CHECKING:
    from parallax.core.report_html import Report

SCHEMA_ID = "parallax.comparison/2"


def to_document(comparison: Comparison) -> dict[str, Any]:
    claim_of = {
        key: tuple(claim.id for claim in claims)
        for key, claims in claims_by_sentence(comparison.claims).items()
    }
    return {
        "schema": SCHEMA_ID,
        "generator": {
            "app": "parallax",
            "version": __version__,
            "nlp_model": comparison.model.label,
            "nlp_trained": comparison.model.trained,
            "embedding_model": comparison.embedding_model,
            "created": comparison.created,
            "options": {
                "same_claim": comparison.options.same_claim,
                "attach": comparison.options.attach,
                "use_embeddings": comparison.options.use_embeddings,
            },
        },
        "notices": [{"code": n.code, "message": n.message} for n in comparison.notices],
        "articles": [_article(item, claim_of) for item in comparison.articles],
        "claims": [_claim(claim) for claim in comparison.claims],
        "coverage": _coverage(comparison),
        "conflicts": [_conflict(conflict) for conflict in comparison.conflicts],
        "facts": [_fact(row, comparison) for row in comparison.facts],
        "errors": [{"source": e.source, "message": e.message} for e in comparison.errors],
        "corrections": _corrections(comparison),
        "dismissed": [
            {"conflict": _conflict(d.conflict), "reason": d.reason} for d in comparison.dismissed
        ],
    }


def _corrections(comparison: Comparison) -> list[dict[str, Any]]:
    problems = dict(comparison.correction_problems)
    return [
        to_data(correction) | {"applied": n not in problems, "problem": problems.get(n)}
        for n, correction in enumerate(comparison.corrections)
    ]


def _claim(claim: Claim) -> dict[str, Any]:
    return {
        "id": claim.id,
        "status": claim.status.value,
        "articles": list(claim.articles),
        "representative": {
            "article": claim.representative.article,
            "sentence": claim.representative.sentence,
        },
        "members": [
            {
                "article": m.article,
                "sentence": m.sentence,
                "score": m.score,
                "diff": [
                    {"op": d.op.value, "article": d.article, "start": d.start, "end": d.end}
                    for d in m.diff
                ],
            }
            for m in claim.members
        ],
    }


def _coverage(comparison: Comparison) -> dict[str, Any]:
    """Claims × articles: which article carries which claim."""
    ids = [item.id for item in comparison.articles]
    return {
        "articles": ids,
        "rows": [
            {"claim": claim.id, "present": [i in claim.articles for i in ids]}
            for claim in comparison.claims
        ],
    }


def _fact(row: FactRow, comparison: Comparison) -> dict[str, Any]:
    ids = [item.id for item in comparison.articles]
    return {
        "key": row.key,
        "kind": row.kind,
        "label": row.label,
        "stated_by": row.stated_by,
        "omission": omissions(row, ids),
        "cells": [
            {"article": article, **(_fact_cell(cell) if cell else {"value": None})}
            for article, cell in zip(ids, row.cells, strict=True)
        ],
    }


def _fact_cell(cell: FactCell) -> dict[str, Any]:
    return {
        "value": cell.value,
        "normalized": cell.normalized,
        "sentence": cell.sentence,
        "start": cell.start,
        "end": cell.end,
        "conflict": cell.conflict,
        "conflict_type": cell.conflict_type.value if cell.conflict_type else None,
    }


def _conflict(conflict: Conflict) -> dict[str, Any]:
    return {
        "id": conflict.id,
        "claim": conflict.claim,
        "type": conflict.type.value,
        "confidence": conflict.confidence,
        "values": [asdict(value) for value in conflict.values],
        "marked": conflict.marked,
        "note": conflict.note,
    }


def _article(
    item: AnalysedArticle, claim_of: dict[tuple[str, int], tuple[str, ...]]
) -> dict[str, Any]:
    article = item.article
    return {
        "id": item.id,
        "source": str(article.source) if article.source is not None else None,
        "format": article.format.value,
        "title": article.title,
        "outlet": article.outlet,
        "author": article.author,
        "published": article.published,
        "language": article.language,
        "word_count": item.word_count,
        "text": article.text,
        "warnings": [{"code": w.code, "message": w.message} for w in article.warnings],
        "sentences": [
            _sentence(
                s,
                item.scores.sentences[n] if item.scores else None,
                claim_of.get((item.id, s.index), ()),
            )
            for n, s in enumerate(item.sentences)
        ],
        "entities": [asdict(entity) for entity in item.entities],
        "voices": [asdict(voice) for voice in item.voices],
        "readability": _readability(item.scores) if item.scores else None,
        "tone": _tone(item.scores.tone) if item.scores and item.scores.tone else None,
    }


def _readability(scores: ArticleScores) -> dict[str, Any]:
    readability = scores.readability
    marked = [
        (n, s.readability) for n, s in enumerate(scores.sentences) if s.readability is not None
    ]
    return {
        "scores": [asdict(score) for score in readability.scores],
        # The figure shown first everywhere, named by what it is (a consensus of formulas).
        "headline": {
            "key": readability.headline.key,
            "name": HEADLINE_NAME,
            "value": readability.headline.value,
            "band": readability.headline.band,
            "method": HEADLINE_METHOD,
        },
        "words": readability.words,
        "sentences": readability.sentences,
        "words_per_sentence": readability.words_per_sentence,
        "syllables_per_word": readability.syllables_per_word,
        "difficult_word_share": readability.difficult_word_share,
        "reading_time_seconds": readability.reading_time_seconds,
        "hard_sentences": [n for n, r in marked if r.difficulty is Difficulty.HARD],
        "very_hard_sentences": [n for n, r in marked if r.difficulty is Difficulty.VERY_HARD],
        "passive_sentences": [n for n, r in marked if r.passive],
        "warnings": [{"code": w.code, "message": w.message} for w in readability.warnings],
    }


def _tone(tone: ArticleTone) -> dict[str, Any]:
    return asdict(tone) | {
        "scale": SCALE,
        "primary": METHOD_DESCRIPTIONS[tone.method],
        "neutral_band": list(neutral_band(tone.method)),
        "strong": STRONG,
    }


def _sentence(
    sentence: Sentence, scores: SentenceScores | None, claims: tuple[str, ...]
) -> dict[str, Any]:
    tone = scores.tone if scores else None
    return {
        "index": sentence.index,
        "start": sentence.start,
        "end": sentence.end,
        "paragraph": sentence.paragraph,
        "is_headline": sentence.is_headline,
        # Every claim the sentence states, the most widely shared first (schema 2; schema 1
        # had one "claim" per sentence).
        "claims": list(claims),
        "entities": [
            {"label": e.label, "start": e.start, "end": e.end, "text": e.text}
            for e in sentence.entities
        ],
        "readability": {
            "grade": scores.readability.grade,
            "difficulty": scores.readability.difficulty,
            "passive": scores.readability.passive,
        }
        if scores
        else None,
        "tone": {
            "score": tone.score,
            "vader_compound": tone.compound,
            "textblob_polarity": tone.polarity,
            "subjectivity": tone.subjectivity,
            "band": tone.band,
            "terms": [asdict(term) for term in tone.terms],
        }
        if tone
        else None,
    }


def to_json(comparison: Comparison) -> str:
    return json.dumps(to_document(comparison), ensure_ascii=False, indent=2) + "\n"


def write_json(comparison: Comparison, path: Path) -> None:
    write_text_atomic(path, to_json(comparison))


def write_html(comparison: Comparison, path: Path, report: Report | None = None) -> None:
    """The report as one standalone HTML file (inline CSS and images, article text escaped)."""
    from parallax.core.report_html import build_report

    write_text_atomic(path, (report or build_report(comparison)).standalone())


def write_csv(comparison: Comparison, folder: Path) -> list[Path]:
    """claims.csv, conflicts.csv, scores.csv and facts.csv in ``folder`` (created if needed)."""
    from parallax.core.tables import tables

    folder = Path(folder)
    if folder.is_symlink():  # as for a file: the link stays, the folder it names gets the tables
        folder = Path(os.path.realpath(folder))
    if folder.exists() and not folder.is_dir():  # mkdir would only say "File exists"
        raise NotADirectoryError(errno.ENOTDIR, "it is not a folder", str(folder))
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in tables(comparison).items():
        write_text_atomic(folder / name, text)
        written.append(folder / name)
    return written


def write_text_atomic(path: Path, text: str) -> None:
    """Write via a temporary file in the same folder and rename it: never a half-written file."""
    # A file name that is not valid UTF-8 reaches the text as lone surrogates: written as
    # U+FFFD's stand-in "?" so the output stays valid UTF-8 (the name is still recognisable).
    data = text.encode("utf-8", errors="replace")
    with atomic_target(path) as temporary, open(temporary, "wb") as stream:
        stream.write(data)
        stream.flush()
        status = os.fstat(stream.fileno())
        # Checked before the rename: a write the system cut short never replaces a good file.
        if stat.S_ISREG(status.st_mode) and status.st_size != len(data):
            reason = f"only {status.st_size:,} of {len(data):,} bytes could be written"
            raise OSError(errno.EIO, reason, str(path))


# Temporary files being written now: a process stopped by a signal removes them on its way out.
_PENDING: set[str] = set()


@contextmanager
def atomic_target(path: Path) -> Iterator[str]:
    """A temporary file name beside ``path`` for the caller to write; renamed over ``path``
    (with the permissions a new file would get) only when the block ends without error."""
    in_place = _in_place(Path(path))
    if in_place is not None:  # standard output, a device or a pipe: written as it is
        yield in_place
        return
    # A symlink stays a link: the file it points to is what gets replaced.
    path = Path(os.path.realpath(path))
    _refuse_read_only(path)
    if path.is_dir():  # found now, before the work of rendering into a temporary file
        raise IsADirectoryError(errno.EISDIR, "it is a folder, not a file", str(path))
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    _PENDING.add(temporary)
    try:
        yield temporary
        make_readable(temporary)
        _sync(temporary)  # on disk before it takes the old file's name
        os.replace(temporary, path)
        _sync(path.parent, folder=True)  # the rename itself survives a power cut
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    finally:
        _PENDING.discard(temporary)


def _in_place(path: Path) -> str | None:
    """The name to write directly, for outputs that are not files to replace: "-" (standard
    output) and existing devices, pipes and sockets (replacing them by a file loses them)."""
    if str(path) == "-":
        return "/dev/stdout"
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    return None if stat.S_ISREG(mode) or stat.S_ISDIR(mode) else str(path)


def _refuse_read_only(path: Path) -> None:
    """A file the user made read-only is not replaced (a rename would, even where it cannot be
    written, and whoever runs as root can write anything)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return
    if stat.S_ISREG(mode) and not mode & 0o222:
        reason = "the file is read-only; it was left as it is"
        raise PermissionError(errno.EACCES, reason, str(path))


def _sync(path: str | Path, folder: bool = False) -> None:
    """fsync a written file (an error, such as a full disk found only now, is raised) or its
    folder (best effort: not every system can sync a folder)."""
    try:
        handle = os.open(path, os.O_RDONLY if folder else os.O_RDWR)
    except OSError:
        if folder:
            return
        raise
    try:
        os.fsync(handle)
    except OSError:
        if not folder:
            raise
    finally:
        os.close(handle)


def remove_pending() -> None:
    """Delete the temporary files of writes still under way (called when stopping)."""
    for temporary in list(_PENDING):
        Path(temporary).unlink(missing_ok=True)
        _PENDING.discard(temporary)


def make_readable(path: str | Path) -> None:
    """Give a temporary file the permissions a newly created file would get (mkstemp uses 0600)."""
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(path, 0o666 & ~mask)


def schema() -> dict[str, Any]:
    """The JSON Schema of the document, as shipped inside the package."""
    text = resources.files("parallax.core").joinpath("schemas/comparison-2.schema.json")
    return json.loads(text.read_text(encoding="utf-8"))
