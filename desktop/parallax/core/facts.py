"""The fact sheet: the event's key details side by side, one row per detail, one cell per article.

Rows come from the values the conflict rules already read, slot by slot (``conflicts.details``),
so a row holds only values of one detail, by the comparison engine's same-detail rule:

- tolls (dead, injured, missing, evacuated, rescued, arrested; with the place when one is named)
  and a quake's magnitude are details of the whole event, whichever sentence gives them;
- other figures (amounts, shares, distances, counts of a thing) and dates are details of the
  claim they are stated in, so "2,000 evacuated" and "2,000 employees" never share a row;
- where it happened: the places a shared claim puts the event in;
- who speaks: named and unnamed sources per article, and one row per person or body quoted by
  two or more articles ("Fire Chief Dana Okafor" and "Okafor" are one person).

A row is kept when two or more articles give the detail, when its values are in a reported
conflict, or, for tolls, always (one outlet alone giving a death toll is news too). An article
with no value in a row has omitted the detail; a cell whose value is part of a reported conflict
carries that conflict. Rows are ordered by how many articles state them, then by kind.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from parallax.core.claims import claims_by_sentence, member_text
from parallax.core.conflicts import details, said_when
from parallax.core.dates import date_label
from parallax.core.models import AnalysedArticle, Claim, Conflict, FactCell, FactRow
from parallax.core.voices import sources_across

# Row kinds in the order they are shown when equally covered.
KINDS = ("toll", "outcome", "when", "where", "magnitude", "figure", "sources", "voice")
# Verbs whose claim is a decision or an outcome (a vote, a verdict, a result, a policy move):
# the predicate as each article writes it ("resigned", "has not resigned") is the detail.
_OUTCOME_WORDS = (
    "win beat lose defeat draw resign quit approve reject pass veto sign ban raise cut hike "
    "lower hold keep elect appoint name fire sack convict acquit sentence charge rule vote agree "
    "decide order suspend cancel overturn uphold block"
)
OUTCOME_VERBS = frozenset(_OUTCOME_WORDS.split())

_TOLL_LABELS = {
    "dead": ("Dead", "deaths"),
    "injured": ("Injured", "injuries"),
    "missing": ("Missing", "the missing"),
    "evacuated": ("Evacuated", "the evacuation"),
    "rescued": ("Rescued", "rescues"),
    "arrested": ("Arrested", "arrests"),
}
# A score is a match's outcome, per claim (full time, penalties).
_FIGURE_LABELS = {"USD": "Amount (US$)", "EUR": "Amount (€)", "GBP": "Amount (£)"}
_FIGURE_LABELS |= {"ratio": "Share", "score": "Score"}
_CLAIM_WORDS = 9


@dataclass(frozen=True, slots=True)
class _Mention:
    row: str
    kind: str
    label: str
    topic: str
    cell: FactCell
    order: tuple[int, int]  # sentence, offset: the first mention in an article wins


def fact_sheet(
    articles: Sequence[AnalysedArticle],
    claims: Sequence[Claim],
    conflicts: Sequence[Conflict],
    extracted: dict | None = None,
) -> tuple[FactRow, ...]:
    """The rows of the fact sheet; ``extracted`` is the conflict rules' per-sentence cache."""
    extracted = {} if extracted is None else extracted
    in_conflict = {
        (value.article, value.start, value.end): conflict
        for conflict in conflicts
        for value in conflict.values
    }
    sharing = claims_by_sentence(claims)
    mentions: list[_Mention] = []
    for item in articles:
        for sentence in item.sentences:
            shared = [c for c in sharing.get((item.id, sentence.index), ()) if len(c.articles) > 1]
            claim = shared[0] if shared else None
            side = details(member_text(item, sentence.index), extracted)
            mentions.extend(_values(item, side, claim, articles, in_conflict))
    mentions.extend(_sources(articles))
    return _rows(mentions, [item.id for item in articles])


def _values(item, side, claim, articles, in_conflict) -> list[_Mention]:
    found = []

    def cell(start: int, end: int, normalized: str) -> FactCell:
        conflict = in_conflict.get((item.id, start, end))
        return FactCell(
            item.id,
            side.member.sentence.index,
            item.article.text[start:end],
            normalized,
            start,
            end,
            conflict.id if conflict else None,
            conflict.type if conflict else None,
        )

    order = side.member.sentence.index
    for q in side.quantities:
        marker = q.marker
        if q.kind.startswith("toll:"):
            toll, _, place = q.kind.removeprefix("toll:").partition("@")
            toll, _, part = toll.partition(":")  # "dead:child": the children among the dead
            more = toll.endswith("+")
            label, topic = _TOLL_LABELS.get(toll.rstrip("+"), (toll.capitalize(), toll))
            if more:
                label, topic = f"{label}, more", f"further {topic}"
            if part:
                label, topic = f"{label} ({part})", f"{topic} of {part}"
            if place:
                label, topic = f"{label} in {place.title()}", f"{topic} in {place.title()}"
            row = (q.kind, "toll", label, topic)
        elif q.kind == "magnitude":
            row = ("magnitude", "magnitude", "Magnitude", "the magnitude")
        elif claim is not None and q.kind != "age" and not q.kind.endswith("+"):
            what = _FIGURE_LABELS.get(q.kind) or _figure_label(q.kind)
            label = f"{what}: {_claim_text(claim, articles)}"
            row = (f"{q.kind}#{claim.id}", "figure", label, f"this figure ({what.lower()})")
        else:
            continue
        key, kind, label, topic = row
        value = cell(q.start, q.end, marker.normalized)
        found.append(_Mention(key, kind, label, topic, value, (order, q.start)))
    if claim is not None:
        predicate = side.polarity.predicate
        lemma = predicate.normalized.removeprefix("not ") if predicate else ""
        if predicate is not None and lemma in OUTCOME_VERBS:
            found.append(
                _Mention(
                    f"outcome#{claim.id}",
                    "outcome",
                    f"Outcome: {_claim_text(claim, articles)}",
                    "this outcome",
                    cell(predicate.start, predicate.end, predicate.normalized),
                    (order, predicate.start),
                )
            )
        for mention in side.dates:
            if mention.bound != "point" or said_when(side, mention):
                continue
            label = date_label(mention, side.reference)
            found.append(
                _Mention(
                    f"when#{claim.id}",
                    "when",
                    f"When: {_claim_text(claim, articles)}",
                    "when it happened",
                    cell(mention.start, mention.end, label),
                    (order, mention.start),
                )
            )
        for entity in side.entities:
            if _is_where(entity):
                found.append(
                    _Mention(
                        "where",
                        "where",
                        "Where",
                        "where it happened",
                        cell(entity.start, entity.end, entity.text.lower()),
                        (order, entity.start),
                    )
                )
    return found


# "the plant in Dunmore": a name after "in" governed by a noun is where the event is, even when
# the small model takes an unknown town for a person.
_IN_A_PLACE = re.compile(r"pobj:[\w-]+ (?:in|at)$")


def _is_where(entity) -> bool:
    if entity.slot is None:
        return False
    return (entity.group == "place" and entity.slot == "in:place") or bool(
        _IN_A_PLACE.match(entity.slot)
    )


def _figure_label(kind: str) -> str:
    if kind.startswith("count:"):
        noun = kind.removeprefix("count:")
        return f"Number of {noun}s" if noun else "Count"
    return f"Figure ({kind})"


def _claim_text(claim: Claim, articles: Sequence[AnalysedArticle]) -> str:
    """The first words of the claim's representative sentence."""
    base = claim.representative
    item = next(a for a in articles if a.id == base.article)
    words = item.sentence_text(item.sentences[base.sentence]).split()
    short = " ".join(words[:_CLAIM_WORDS])
    return short + ("…" if len(words) > _CLAIM_WORDS else "")


def _sources(articles: Sequence[AnalysedArticle]) -> list[_Mention]:
    """Named and unnamed sources counted per article (one person once), and a row per named
    source with its first credit in each article (voices.sources_across)."""
    rows = sources_across(articles)
    found = []
    for position, item in enumerate(articles):
        named = sum(1 for r in rows if r.kind == "named" and r.credits[position])
        unnamed = sum(1 for r in rows if r.kind != "named" and r.credits[position])
        # Every article has a count, none included: a zero is a finding, not an omission.
        for key, label, count in (
            ("sources:named", "Named sources", named),
            ("sources:unnamed", "Unnamed sources", unnamed),
        ):
            value = FactCell(item.id, None, str(count), str(count))
            found.append(_Mention(key, "sources", label, "", value, (-1, 0)))
    for row in rows:
        if row.kind != "named":
            continue
        for item, credits in zip(articles, row.credits, strict=True):
            if not credits:
                continue
            voice = credits[0]
            cell = FactCell(
                item.id, voice.sentence, voice.speaker, row.name, voice.start, voice.end
            )
            label, topic = f"Source: {row.name}", f"{row.name} as a source"
            order = (voice.sentence, voice.start)
            found.append(_Mention(f"voice:{row.name.lower()}", "voice", label, topic, cell, order))
    return found


def _rest(mention: _Mention) -> tuple:
    return (mention.kind, mention.label, mention.topic, mention.cell, mention.order)


def _joined_by_conflicts(mentions: list[_Mention]) -> list[_Mention]:
    """Rows whose values are in one reported conflict are one row: a detail the conflict rules
    found across two claims (the date in the headline and in the lead) is one detail here too."""
    parent: dict[str, str] = {}

    def root(row: str) -> str:
        while parent.get(row, row) != row:
            row = parent[row]
        return row

    by_conflict: dict[str, str] = {}
    for m in mentions:
        if m.cell.conflict is None:
            continue
        other = by_conflict.setdefault(m.cell.conflict, m.row)
        a, b = root(other), root(m.row)
        if a != b:
            parent[b] = a
    if not parent:
        return mentions
    return [_Mention(root(m.row), *_rest(m)) for m in mentions]


def _folded_tolls(mentions: list[_Mention]) -> list[_Mention]:
    """A toll given for a place by one article only ("Twelve dead in Brightline", the plant
    taken for a town) is that article's toll, not a detail of its own."""
    articles: dict[str, set[str]] = {}
    for m in mentions:
        articles.setdefault(m.row, set()).add(m.cell.article)
    folded = []
    for m in mentions:
        plain = m.row.partition("@")[0]
        if m.kind == "toll" and "@" in m.row and len(articles[m.row]) == 1 and plain in articles:
            m = _Mention(
                plain,
                m.kind,
                m.label.partition(" in ")[0],
                m.topic.partition(" in ")[0],
                m.cell,
                m.order,
            )
        folded.append(m)
    return folded


def _rows(mentions: list[_Mention], article_ids: list[str]) -> tuple[FactRow, ...]:
    mentions = _joined_by_conflicts(_folded_tolls(mentions))
    position = {article: n for n, article in enumerate(article_ids)}
    by_row: dict[str, dict[str, _Mention]] = {}
    first: dict[str, _Mention] = {}
    for mention in mentions:
        first.setdefault(mention.row, mention)
        chosen = by_row.setdefault(mention.row, {})
        earlier = chosen.get(mention.cell.article)
        # Per article, a value in a reported conflict first, then one in digits, then the
        # earliest mention.
        if earlier is None or _rank(mention) < _rank(earlier):
            chosen[mention.cell.article] = mention
    rows = []
    for key, chosen in by_row.items():
        head = first[key]
        cells = [None] * len(article_ids)
        for article, mention in chosen.items():
            cells[position[article]] = mention.cell
        row = FactRow(key, head.kind, head.label, head.topic, tuple(cells))
        if _kept(row):
            rows.append(row)
    order = {kind: n for n, kind in enumerate(KINDS)}
    # The source counts close the sheet: every article has one, so they would always lead.
    return tuple(sorted(rows, key=lambda r: (r.kind == "sources", -r.stated_by, order[r.kind])))


def _rank(mention: _Mention) -> tuple[int, int, tuple[int, int]]:
    # A figure in digits reads better in a table than the headline's "Twelve" for the same 12.
    in_digits = any(ch.isdigit() for ch in mention.cell.value)
    return (0 if mention.cell.conflict else 1, 0 if in_digits else 1, mention.order)


def _kept(row: FactRow) -> bool:
    if row.kind in ("toll", "sources"):
        return True
    return row.stated_by >= 2 or bool(row.conflicts)


def omissions(row: FactRow, article_ids: Sequence[str]) -> str | None:
    """ "a4 never mentions deaths", or None when every article gives the detail."""
    missing = [a for a, cell in zip(article_ids, row.cells, strict=True) if cell is None]
    if not missing or not row.topic:
        return None
    who = missing[0] if len(missing) == 1 else ", ".join(missing[:-1]) + f" and {missing[-1]}"
    verb = "never mentions" if len(missing) == 1 else "never mention"
    return f"{who} {verb} {row.topic}"
