"""CSV tables of a comparison for spreadsheets, R and pandas: claims, conflicts, scores, facts.

One row per record, plain columns, UTF-8 with a header row. Article columns in ``claims.csv``
are named by article id (``a1`` …); ``scores.csv`` maps ids to titles and files.
"""

from __future__ import annotations

import csv
import io
from collections import Counter

from parallax.core.facts import omissions
from parallax.core.models import Comparison

CLAIMS_FILE, CONFLICTS_FILE, SCORES_FILE = "claims.csv", "conflicts.csv", "scores.csv"
FACTS_FILE = "facts.csv"


def claims_rows(comparison: Comparison) -> list[list[object]]:
    ids = [item.id for item in comparison.articles]
    by_id = {item.id: item for item in comparison.articles}
    conflicts = Counter(conflict.claim for conflict in comparison.conflicts)
    rows: list[list[object]] = [
        ["claim", "status", "articles", "conflicts", "representative", *ids]
    ]
    for claim in comparison.claims:
        item = by_id[claim.representative.article]
        text = item.sentence_text(item.sentences[claim.representative.sentence])
        present = [int(i in claim.articles) for i in ids]
        rows.append(
            [claim.id, claim.status.value, len(claim.articles), conflicts[claim.id], text, *present]
        )
    return rows


def conflicts_rows(comparison: Comparison) -> list[list[object]]:
    """One row per value: a conflict between two articles has two rows with the same id."""
    rows: list[list[object]] = [
        [
            "conflict",
            "claim",
            "type",
            "confidence",
            "article",
            "sentence",
            "value",
            "normalized",
            "start",
            "end",
        ]
    ]
    for conflict in comparison.conflicts:
        for value in conflict.values:
            rows.append(
                [
                    conflict.id,
                    conflict.claim,
                    conflict.type.value,
                    conflict.confidence,
                    value.article,
                    value.sentence,
                    value.value,
                    value.normalized,
                    value.start,
                    value.end,
                ]
            )
    return rows


def scores_rows(comparison: Comparison) -> list[list[object]]:
    keys: list[str] = []
    for item in comparison.articles:
        if item.scores is not None:
            keys = [score.key for score in item.scores.readability.scores]
            break
    rows: list[list[object]] = [
        [
            "article",
            "title",
            "outlet",
            "published",
            "source",
            "words",
            "sentences",
            *keys,
            "hard_sentences",
            "very_hard_sentences",
            "passive_sentences",
            "tone_mean",
            "tone_spread",
            "positive_share",
            "neutral_share",
            "negative_share",
            "subjectivity_mean",
            "hedges",
            "boosters",
            "loaded",
        ]
    ]
    for item in comparison.articles:
        article = item.article
        row: list[object] = [
            item.id,
            article.display_name,
            article.outlet or "",
            article.published or "",
            article.source.name if article.source else "",
            item.word_count,
            len(item.sentences),
        ]
        scores = item.scores
        if scores is None:
            rows.append(row + [""] * (len(rows[0]) - len(row)))
            continue
        row += [round(scores.readability.score(key).value, 2) for key in keys]
        row += scores.sentence_marks()
        tone = scores.tone
        row += (
            [""] * 9
            if tone is None
            else [
                round(tone.mean, 3),
                round(tone.spread, 3),
                round(tone.positive_share, 3),
                round(tone.neutral_share, 3),
                round(tone.negative_share, 3),
                round(tone.mean_subjectivity, 3),
                tone.hedges,
                tone.boosters,
                tone.loaded,
            ]
        )
        rows.append(row)
    return rows


def facts_rows(comparison: Comparison) -> list[list[object]]:
    """The fact sheet: one row per detail, each article's value as written ("" when omitted)."""
    ids = [item.id for item in comparison.articles]
    rows: list[list[object]] = [["fact", "kind", "stated_by", "conflicts", "omission", *ids]]
    for row in comparison.facts:
        values = [cell.value if cell else "" for cell in row.cells]
        conflicts = " ".join(row.conflicts)
        rows.append(
            [row.label, row.kind, row.stated_by, conflicts, omissions(row, ids) or "", *values]
        )
    return rows


# A text cell starting with one of these is a formula to a spreadsheet ("=HYPERLINK(…)" in an
# article would run when the CSV is opened): such cells get a leading apostrophe, as OWASP's
# CSV-injection guidance recommends. Numbers are written as numbers.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def to_csv(rows: list[list[object]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([[_inert(c) for c in r] for r in rows])
    return buffer.getvalue()


def _inert(cell: object) -> object:
    if not isinstance(cell, str):
        return cell
    if cell.startswith(_FORMULA_STARTS):
        cell = "'" + cell
    # The csv module quotes a cell holding the line terminator ("\n") but not a carriage
    # return, which readers and spreadsheets take as a line break: the row came apart.
    return cell.replace("\r\n", "\n").replace("\r", "\n")


def tables(comparison: Comparison) -> dict[str, str]:
    """File name → CSV text."""
    return {
        CLAIMS_FILE: to_csv(claims_rows(comparison)),
        CONFLICTS_FILE: to_csv(conflicts_rows(comparison)),
        SCORES_FILE: to_csv(scores_rows(comparison)),
        FACTS_FILE: to_csv(facts_rows(comparison)),
    }
