"""Markup pieces of the report: escaped text, bordered tables, and sentences with marked
stretches (conflicting values, words that differ), within what Qt's rich text renders.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterable, Sequence

from parallax.core.colours import light
from parallax.core.diffing import word_diff
from parallax.core.models import AnalysedArticle, Claim, ClaimMember, Conflict, DiffOp

VALUE_STYLE = f"font-weight: bold; background-color: {light('report_value', 'background')}"
DIFF_STYLE = (
    f"text-decoration: underline; background-color: {light('report_difference', 'background')}"
)


def esc(text: object) -> str:
    """Article text and metadata as HTML text: markup in an article shows as written."""
    return html.escape(str(text), quote=True)


def conflict_wordings(conflict: Conflict, by_id: dict[str, AnalysedArticle]) -> str:
    """Every article's sentence holding a value, with the value marked; each sentence after the
    first also marks the words the first lacks, and the first those none of the others use."""
    sides = []
    for value in conflict.values:
        item = by_id[value.article]
        sentence = item.sentences[value.sentence]
        sides.append((value, item, sentence, item.sentence_text(sentence)))
    _, base_item, base_sentence, base_text = sides[0]
    rows = []
    base_marks: list[tuple[int, int, str]] = []
    for index, (value, item, sentence, text) in enumerate(sides):
        marks = [(value.start, value.end, VALUE_STYLE)]
        if index:
            spans = word_diff(
                base_text, base_sentence.start, base_item.id, text, sentence.start, item.id
            )
            marks += [(d.start, d.end, DIFF_STYLE) for d in spans if d.op is DiffOp.INSERT]
            if index == 1:  # the first sentence's own words, against the second
                base_marks = [(d.start, d.end, DIFF_STYLE) for d in spans if d.op is DiffOp.DELETE]
        rows.append((item, sentence, marks))
    if rows:
        rows[0][2].extend(base_marks)
    cells = [
        row(esc(item.id), marked(item.article.text, sentence.start, sentence.end, marks))
        for item, sentence, marks in rows
    ]
    return table(("Article", "Wording"), cells, widths=(10,))


def claim_wordings(claim: Claim, by_id: dict[str, AnalysedArticle]) -> str:
    """One row per distinct wording: articles, then the sentence with its marks."""
    base = claim.representative
    deleted = [
        (d.start, d.end)
        for m in claim.members
        for d in m.diff
        if d.op is DiffOp.DELETE and d.article == base.article
    ]
    rows: dict[str, list[str]] = {}
    # The representative first: the other wordings are marked against it.
    for member in sorted(claim.members, key=lambda m: m != base):
        item = by_id[member.article]
        sentence = item.sentences[member.sentence]
        marks = [(s, e, DIFF_STYLE) for s, e in member_marks(member, base, deleted)]
        text = marked(item.article.text, sentence.start, sentence.end, marks)
        label = f"{member.article} (representative)" if member == base else member.article
        rows.setdefault(text, []).append(label)
    return table(
        ("Articles", "Wording"),
        [row(esc(", ".join(dict.fromkeys(ids))), text) for text, ids in rows.items()],
        widths=(12,),
    )


def member_marks(
    member: ClaimMember, base: ClaimMember, deleted: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    if member == base:
        return deleted
    return [(d.start, d.end) for d in member.diff if d.op is DiffOp.INSERT]


def marked(text: str, start: int, end: int, marks: Iterable[tuple[int, int, str]]) -> str:
    """The slice ``text[start:end]`` escaped, with each marked stretch wrapped in a styled span."""
    inside = [(max(s, start), min(e, end), style) for s, e, style in marks if s < end and e > start]
    cuts = sorted({start, end, *(s for s, _, _ in inside), *(e for _, e, _ in inside)})
    out = []
    for left, right in itertools.pairwise(cuts):
        styles = [style for s, e, style in inside if s <= left and right <= e]
        piece = esc(text[left:right])
        # A value outranks a plain difference: one style per stretch keeps the markup flat.
        style = VALUE_STYLE if VALUE_STYLE in styles else (styles[0] if styles else None)
        out.append(f'<span style="{style}">{piece}</span>' if style else piece)
    return "".join(out)


def sentence_text(member: ClaimMember, by_id: dict[str, AnalysedArticle]) -> str:
    item = by_id[member.article]
    return item.sentence_text(item.sentences[member.sentence])


def clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def article_chunks(count: int, per_table: int) -> list[range]:
    """Article positions split into tables of ``per_table`` (one table when only a couple
    more would not fit): wide sets keep their columns readable on a portrait page."""
    size = count if count <= per_table + 2 else per_table
    return [range(first, min(first + size, count)) for first in range(0, count, max(size, 1))]


def row(*cells: str) -> str:
    return "<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>"


def table(
    header: Sequence[str],
    rows: Sequence[str],
    *,
    small: bool = False,
    widths: Sequence[int] = (),
) -> str:
    """A bordered table; ``widths`` gives the first columns' shares of the width, in percent."""
    head = "".join(
        f'<th width="{widths[n]}%">{esc(cell)}</th>' if n < len(widths) else f"<th>{esc(cell)}</th>"
        for n, cell in enumerate(header)
    )
    size = ' class="small"' if small else ""
    return (
        f'<table{size} border="1" cellspacing="0" cellpadding="3" width="100%" '
        f'style="border-collapse: collapse; border-color: {light("report_table", "border")}">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
