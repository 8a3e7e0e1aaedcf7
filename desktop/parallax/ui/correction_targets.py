"""What a correction by hand acts on, from what the reader picked in the window: the sentence
under the cursor, the sentences picked, the rows selected in the claims and conflicts tables, and
words selected in two panes. Each function gives the corrections to make, or None when the
correction does not apply to what is picked (its action is then disabled). No widgets here."""

from __future__ import annotations

from dataclasses import dataclass

from parallax.core import (
    AnalysedArticle,
    Claim,
    Comparison,
    Conflict,
    ConflictType,
    Correction,
    CorrectionKind,
    claim_anchors,
    conflict_spans,
    sentence_anchor,
    text_span,
)

Place = tuple[str, int]  # article id, sentence index


@dataclass(frozen=True)
class Picks:
    comparison: Comparison
    sentence: Place | None = None  # the sentence under the reader's cursor
    picked: tuple[Place, ...] = ()  # sentences picked for a correction, in the order picked
    claims: tuple[str, ...] = ()  # claim ids selected in the claims table
    claim_on_show: str | None = None  # the claim the panes and the details strip show
    conflict: str | None = None  # the conflict id selected in the conflicts table
    spans: tuple[tuple[str, int, int], ...] = ()  # selected words, the latest pane first

    def item(self, article: str) -> AnalysedArticle:
        return next(i for i in self.comparison.articles if i.id == article)

    def claim(self, claim_id: str | None) -> Claim | None:
        return next((c for c in self.comparison.claims if c.id == claim_id), None)

    def anchor(self, place: Place):
        return sentence_anchor(self.item(place[0]), place[1], self.comparison.articles)

    def claim_anchors(self, claim: Claim):
        return claim_anchors(claim, self.comparison.articles)


def _places(claim: Claim) -> set[Place]:
    return {(m.article, m.sentence) for m in claim.members}


def _selected_claim(picks: Picks) -> Claim | None:
    return picks.claim(picks.claims[0]) if len(picks.claims) == 1 else None


def link_to_claim(picks: Picks) -> tuple[Correction, ...] | None:
    """The sentence under the cursor joins the claim selected in the claims table."""
    claim = _selected_claim(picks)
    if picks.sentence is None or claim is None or picks.sentence in _places(claim):
        return None
    return (
        Correction(
            CorrectionKind.LINK,
            sentences=(picks.anchor(picks.sentence),),
            claim=picks.claim_anchors(claim),
        ),
    )


def link_picked(picks: Picks) -> tuple[Correction, ...] | None:
    """The picked sentences become one claim: each joins the first one's."""
    if len(picks.picked) < 2:
        return None
    first, *others = picks.picked
    if any(set(picks.picked) <= _places(c) for c in picks.comparison.claims):
        return None  # one claim holds them all already
    target = picks.anchor(first)
    return tuple(
        Correction(CorrectionKind.LINK, sentences=(picks.anchor(place), target)) for place in others
    )


def unlink_claim(picks: Picks) -> Claim | None:
    """The claim the sentence under the cursor leaves: the one selected in the table, else the
    one on show, else its most widely shared one, if it holds other sentences too."""
    if picks.sentence is None:
        return None
    holding = [c for c in picks.comparison.claims if picks.sentence in _places(c)]
    preferred = [_selected_claim(picks), picks.claim(picks.claim_on_show)]
    for claim in [c for c in preferred if c in holding] + holding:
        if len(claim.members) > 1:
            return claim
    return None


def unlink(picks: Picks) -> tuple[Correction, ...] | None:
    claim = unlink_claim(picks)
    if claim is None or picks.sentence is None:
        return None
    return (
        Correction(
            CorrectionKind.UNLINK,
            sentences=(picks.anchor(picks.sentence),),
            claim=picks.claim_anchors(claim),
        ),
    )


def merge(picks: Picks) -> tuple[Correction, ...] | None:
    """The two claims selected in the claims table become one."""
    if len(picks.claims) != 2:
        return None
    first, second = (picks.claim(c) for c in picks.claims)
    if first is None or second is None:
        return None
    return (
        Correction(
            CorrectionKind.MERGE,
            claim=picks.claim_anchors(first),
            other=picks.claim_anchors(second),
        ),
    )


def split_claim(picks: Picks) -> Claim | None:
    """The claim the picked sentences leave: the selected one, else the one on show."""
    return _selected_claim(picks) or picks.claim(picks.claim_on_show)


def split(picks: Picks) -> tuple[Correction, ...] | None:
    """The picked sentences of a claim leave it and form a claim of their own."""
    claim = split_claim(picks)
    if claim is None:
        return None
    moving = [p for p in picks.picked if p in _places(claim)]
    if not moving or len(moving) == len(_places(claim)):
        return None
    return (
        Correction(
            CorrectionKind.SPLIT,
            sentences=tuple(picks.anchor(p) for p in moving),
            claim=picks.claim_anchors(claim),
        ),
    )


def selected_conflict(picks: Picks) -> Conflict | None:
    return next((c for c in picks.comparison.conflicts if c.id == picks.conflict), None)


def dismiss(picks: Picks, reason: str = "") -> tuple[Correction, ...] | None:
    """The conflict selected in the conflicts table is withdrawn, with the user's reason."""
    conflict = selected_conflict(picks)
    if conflict is None:
        return None
    spans = conflict_spans(conflict, picks.comparison.articles)
    return (
        Correction(
            CorrectionKind.DISMISS,
            conflict_type=conflict.type,
            values=spans,
            reason=reason.strip(),
        ),
    )


def marked_words(picks: Picks) -> tuple[tuple[str, int, int, int], ...] | None:
    """The words selected in the two panes read last, as (article, sentence, start, end), each
    kept within the sentence it starts in; None unless two panes have words selected."""
    found = []
    for article, start, end in picks.spans[:2]:
        item = picks.item(article)
        sentence = next((s for s in item.sentences if s.start <= start < s.end), None)
        if sentence is None:
            sentence = next((s for s in item.sentences if s.start >= start and s.start < end), None)
        if sentence is None:
            return None
        start, end = max(start, sentence.start), min(end, sentence.end)
        if not item.article.text[start:end].strip():
            return None
        found.append((article, sentence.index, start, end))
    return tuple(reversed(found)) if len(found) == 2 else None


def mark(picks: Picks, kind: ConflictType, note: str = "") -> tuple[Correction, ...] | None:
    """The words selected in two panes are a conflict of ``kind`` that Parallax missed."""
    words = marked_words(picks)
    if words is None:
        return None
    articles = picks.comparison.articles
    values = tuple(text_span(picks.item(a), n, start, end, articles) for a, n, start, end in words)
    return (
        Correction(CorrectionKind.MARK, conflict_type=kind, values=values, reason=note.strip()),
    )
