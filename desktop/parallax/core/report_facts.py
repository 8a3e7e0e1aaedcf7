"""The report's fact sheet page: the event's key details by article, what each leaves out.

It is the page a teacher or an editor hands out, so it comes right after the title page: one
row per detail (``Comparison.facts``), one column per article, the value as written; a value in
a reported conflict is highlighted with the conflict's type and id, an omission is a dash, and
the omissions are listed in words under the table. Wide sets are split into tables of a few
articles each, the detail names repeated.
"""

from __future__ import annotations

from parallax.core.facts import omissions
from parallax.core.models import Comparison, FactCell
from parallax.core.report_markup import VALUE_STYLE, article_chunks, clip, esc, row, table

_COLUMNS = 6  # articles per table: more and the values wrap word by word


def fact_sheet_html(comparison: Comparison, page_break: str) -> str:
    ids = [item.id for item in comparison.articles]
    facts = comparison.facts
    head = (
        f"<h2{page_break}>Fact sheet</h2>"
        "<p>The event's key details as each article gives them, the details stated by most "
        "articles first. A highlighted value is part of a conflict (its type and id follow it; "
        "the Conflicts section shows each article's wording); – means the article does not "
        "give the detail.</p>"
    )
    if not facts:
        return head + "<p>No key detail (toll, date, place, figure or source) was found.</p>"
    parts = [head]
    for chunk in article_chunks(len(ids), _COLUMNS):
        rows = [
            row(f"<b>{esc(clip(fact.label, 70))}</b>", *(_cell(fact.cells[n]) for n in chunk))
            for fact in facts
        ]
        if chunk.start:
            parts.append(f"<h3>Articles {ids[chunk[0]]}–{ids[chunk[-1]]}</h3>")
        share = 72 // len(chunk)
        parts.append(
            table(
                ("Detail", *(ids[n] for n in chunk)),
                rows,
                small=True,
                widths=(28,) + (share,) * len(chunk),
            )
        )
    missing = [text for fact in facts if (text := omissions(fact, ids))]
    if missing:
        items = "".join(f"<li>{esc(text)}</li>" for text in missing)
        parts.append(f"<p><b>Left out:</b></p><ul>{items}</ul>")
    return "".join(parts)


def _cell(cell: FactCell | None) -> str:
    if cell is None:
        return "–"
    text = esc(clip(cell.value, 60))
    if cell.conflict is None:
        return text
    kind = cell.conflict_type.value if cell.conflict_type else "conflict"
    return f'<span style="{VALUE_STYLE}">{text}</span> <i>({esc(kind)}, {esc(cell.conflict)})</i>'
