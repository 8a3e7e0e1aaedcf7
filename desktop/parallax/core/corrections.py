"""Corrections a user makes by hand to a comparison, and how every run applies them again.

No automatic alignment of news is always right, so a user may link a sentence to a claim, unlink
it, merge two claims, split one, dismiss a conflict or mark one that was missed. Claim and
conflict ids are renumbered on every run, so a correction never names them: it names sentences,
anchored by their text and where they were (``Anchor``), and a claim by the sentences it held when
the correction was made. On a re-run each anchor is found again by its text (the sentence may
have moved), and a correction whose sentence no longer exists is reported with the reason, never
silently dropped.

Corrections are applied in the order they were made: the claim ones to the grouping, before
claims are built (so statuses, coverage and conflicts follow them), the conflict ones to the
conflicts found.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from parallax.core.align import Group, SentenceRef
from parallax.core.models import (
    AnalysedArticle,
    Claim,
    Conflict,
    ConflictType,
    ConflictValue,
)


class CorrectionKind(StrEnum):
    LINK = "link"  # a sentence joins a claim (or another sentence's claim)
    UNLINK = "unlink"  # a sentence leaves a claim
    MERGE = "merge"  # two claims become one
    SPLIT = "split"  # some sentences leave a claim and form one of their own
    DISMISS = "dismiss"  # a reported conflict is withdrawn
    MARK = "mark"  # a difference Parallax missed is reported as a conflict


# What each kind did, one and several ("1 sentence linked", "2 sentences linked").
KIND_LABELS = {
    CorrectionKind.LINK: ("sentence linked", "sentences linked"),
    CorrectionKind.UNLINK: ("sentence unlinked", "sentences unlinked"),
    CorrectionKind.MERGE: ("claim merge", "claim merges"),
    CorrectionKind.SPLIT: ("claim split", "claim splits"),
    CorrectionKind.DISMISS: ("conflict dismissed", "conflicts dismissed"),
    CorrectionKind.MARK: ("conflict marked", "conflicts marked"),
}


@dataclass(frozen=True, slots=True)
class Anchor:
    """A sentence as it was when the correction was made: found again by its text."""

    article: str  # the article's key (its source path, or "pasted:" and a hash of its text)
    sentence: int  # its index then
    text: str  # its words: what anchors it
    start: int  # its offset in the article then


@dataclass(frozen=True, slots=True)
class Span:
    """Words inside a sentence (a value of a conflict)."""

    anchor: Anchor
    start: int  # offsets into the article then
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Correction:
    kind: CorrectionKind
    # LINK: the sentence that joins (and, with no claim, the sentence whose claim it joins);
    # UNLINK: the sentence that leaves; SPLIT: the sentences that form the new claim.
    sentences: tuple[Anchor, ...] = ()
    # The claim acted on, as the sentences it held (its representative first); MERGE: the first.
    claim: tuple[Anchor, ...] = ()
    other: tuple[Anchor, ...] = ()  # MERGE: the second claim
    conflict_type: ConflictType | None = None  # DISMISS, MARK
    values: tuple[Span, ...] = ()  # DISMISS: the conflict's values; MARK: the two spans
    reason: str = ""  # why a conflict was dismissed, or the note on a marked one


@dataclass(frozen=True, slots=True)
class Dismissal:
    conflict: Conflict
    reason: str


def article_key(item: AnalysedArticle) -> str:
    """The key an anchor uses for an article: stable across runs and article order."""
    if item.article.source is not None:
        return str(item.article.source)
    return "pasted:" + hashlib.sha1(item.article.text.encode("utf-8")).hexdigest()[:16]


def article_keys(articles: Sequence[AnalysedArticle]) -> dict[str, str]:
    """Each article's key by its id. The same text pasted twice (wire copy two outlets ran)
    has one key: a repeat is told apart by its place among the repeats ("#2", "#3", …)."""
    seen: Counter[str] = Counter()
    keys = {}
    for item in articles:
        key = article_key(item)
        seen[key] += 1
        keys[item.id] = key if seen[key] == 1 else f"{key}#{seen[key]}"
    return keys


def anchor(item: AnalysedArticle, index: int, articles: Sequence[AnalysedArticle] = ()) -> Anchor:
    """A sentence of ``item``, one of ``articles`` (the comparison's, which tell repeats apart)."""
    key = article_keys(articles).get(item.id) if articles else None
    return _keyed_anchor(item, index, key or article_key(item))


def _keyed_anchor(item: AnalysedArticle, index: int, key: str) -> Anchor:
    sentence = item.sentences[index]
    return Anchor(key, index, item.sentence_text(sentence), sentence.start)


def claim_anchors(claim: Claim, articles: Sequence[AnalysedArticle]) -> tuple[Anchor, ...]:
    """A claim as its sentences, the representative first."""
    by_id = {item.id: item for item in articles}
    keys = article_keys(articles)
    members = [claim.representative] + [m for m in claim.members if m != claim.representative]
    return tuple(_keyed_anchor(by_id[m.article], m.sentence, keys[m.article]) for m in members)


def span(
    item: AnalysedArticle,
    index: int,
    start: int,
    end: int,
    articles: Sequence[AnalysedArticle] = (),
) -> Span:
    return Span(anchor(item, index, articles), start, end, item.article.text[start:end])


def conflict_spans(conflict: Conflict, articles: Sequence[AnalysedArticle]) -> tuple[Span, ...]:
    by_id = {item.id: item for item in articles}
    keys = article_keys(articles)
    return tuple(
        Span(
            _keyed_anchor(by_id[v.article], v.sentence, keys[v.article]),
            v.start,
            v.end,
            by_id[v.article].article.text[v.start : v.end],
        )
        for v in conflict.values
        if v.article in by_id
    )


class _Stale(Exception):
    """A correction cannot apply; the message says why, for the user."""


class Resolver:
    """Finds anchors again in this run's articles."""

    def __init__(self, articles: Sequence[AnalysedArticle]) -> None:
        self.articles = articles
        keys = article_keys(articles)
        self.position = {keys[item.id]: n for n, item in enumerate(articles)}

    def sentence(self, found: Anchor) -> SentenceRef:
        n = self.position.get(found.article)
        if n is None:
            raise _Stale(f"the article {_short(found.article)} is no longer compared")
        item = self.articles[n]
        if found.sentence < len(item.sentences):
            here = item.sentences[found.sentence]
            if item.sentence_text(here) == found.text:
                return SentenceRef(n, found.sentence)
        # The text changed around it: the same words elsewhere, nearest the old place.
        same = [s for s in item.sentences if item.sentence_text(s) == found.text]
        if not same:
            raise _Stale(f'the sentence "{_quote(found.text)}" is no longer in {item.id}')
        best = min(same, key=lambda s: abs(s.start - found.start))
        return SentenceRef(n, best.index)

    def span(self, found: Span) -> ConflictValue:
        ref = self.sentence(found.anchor)
        item = self.articles[ref.article]
        sentence = item.sentences[ref.sentence]
        shift = sentence.start - found.anchor.start
        start = found.start + shift
        if item.article.text[start : start + len(found.text)] != found.text:
            inside = item.sentence_text(sentence).find(found.text)
            if inside < 0 or not found.text:
                raise _Stale(f'"{_quote(found.text)}" is no longer in {item.id}')
            start = sentence.start + inside
        return ConflictValue(
            item.id, sentence.index, found.text, found.text, start, start + len(found.text)
        )


def apply_to_groups(
    groups: Sequence[Group],
    corrections: Sequence[Correction],
    articles: Sequence[AnalysedArticle],
    similarity: Callable[[SentenceRef, SentenceRef], float],
) -> tuple[list[Group], list[tuple[int, str]]]:
    """The grouping with the claim corrections applied, and the problems of those that could not.

    Groups no correction touched are returned as they were; a changed group's scores are
    recomputed with ``similarity`` (each member's mean similarity to the other articles' members).
    """
    resolve = Resolver(articles)
    sets: list[set[SentenceRef]] = [set(g.members) for g in groups]
    original: list[Group | None] = list(groups)
    problems: list[tuple[int, str]] = []
    for position, correction in enumerate(corrections):
        if correction.kind in (CorrectionKind.DISMISS, CorrectionKind.MARK):
            continue
        try:
            changed = _apply(correction, sets, resolve)
        except _Stale as stale:
            problems.append((position, str(stale)))
            continue
        for n in changed:
            if n < len(original):
                original[n] = None
        _settle_changed(sets, changed, original)
    result = []
    for members, kept in zip(sets, original + [None] * (len(sets) - len(original)), strict=True):
        if not members:
            continue
        result.append(kept if kept is not None else _rescored(members, similarity))
    return result, problems


def _apply(correction: Correction, sets: list[set[SentenceRef]], resolve: Resolver) -> set[int]:
    """Applies one claim correction to ``sets`` in place; returns the indices it changed."""
    kind = correction.kind
    if kind is CorrectionKind.LINK:
        moving = resolve.sentence(_first(correction.sentences))
        if correction.claim:
            target = _claim(correction.claim, sets, resolve)
        else:
            to = resolve.sentence(_second(correction.sentences))
            target = _primary(to, sets)
        if moving in sets[target]:
            return set()
        sets[target].add(moving)
        changed = {target}
        for n, members in enumerate(sets):  # a sentence alone leaves its one-sentence claim
            if n != target and members == {moving}:
                members.clear()
                changed.add(n)
        return changed
    if kind is CorrectionKind.UNLINK:
        leaving = resolve.sentence(_first(correction.sentences))
        target = _claim(correction.claim, sets, resolve)
        if leaving not in sets[target]:
            raise _Stale("the sentence is no longer in that claim")
        sets[target].discard(leaving)
        return {target, *_alone(leaving, sets)}
    if kind is CorrectionKind.MERGE:
        first = _claim(correction.claim, sets, resolve)
        second = _claim(correction.other, sets, resolve)
        if first == second:
            return set()
        sets[first] |= sets[second]
        sets[second].clear()
        return {first, second}
    if kind is CorrectionKind.SPLIT:
        target = _claim(correction.claim, sets, resolve)
        moving = set()
        for found in correction.sentences:  # a sentence gone since leaves the others to split
            try:
                moving.add(resolve.sentence(found))
            except _Stale:
                continue
        inside = moving & sets[target]
        if not inside:
            raise _Stale("none of the split sentences is in that claim any more")
        if inside == sets[target]:
            return set()  # nothing would remain: the claim is already as split
        sets[target] -= inside
        sets.append(set(inside))
        return {target, len(sets) - 1}
    raise ValueError(f"not a claim correction: {kind}")


def _first(anchors: tuple[Anchor, ...]) -> Anchor:
    if not anchors:
        raise _Stale("the correction names no sentence")
    return anchors[0]


def _second(anchors: tuple[Anchor, ...]) -> Anchor:
    if len(anchors) < 2:
        raise _Stale("the correction names no claim and no second sentence")
    return anchors[1]


def _claim(members: tuple[Anchor, ...], sets: list[set[SentenceRef]], resolve: Resolver) -> int:
    """The current group that best matches a claim recorded as its sentences: the one holding
    the most of them and the fewest other sentences, its representative breaking ties."""
    found = []
    for n, member in enumerate(members):
        try:
            found.append((n, resolve.sentence(member)))
        except _Stale:
            continue
    if not found:
        first = members[0].text if members else ""
        raise _Stale(f'the claim "{_quote(first)}" is no longer found: none of its sentences is')
    refs = {ref for _, ref in found}
    best, best_score = -1, (0, 0, 0, 0)
    for g, group in enumerate(sets):
        held = [n for n, ref in found if ref in group]
        shared = len(refs & group)
        # The most of them first: a claim that grew (compared again on a looser threshold)
        # still holds them all, where another holds one of them among its own. Then the
        # fewest others: a claim may hold another.
        score = (shared, shared - len(group), int(0 in held), -g)
        if held and (best < 0 or score > best_score):
            best, best_score = g, score
    if best < 0:
        raise _Stale("the claim is no longer found")
    return best


def _primary(ref: SentenceRef, sets: list[set[SentenceRef]]) -> int:
    """The group a sentence belongs to that spans the most articles (its own, alone, if none)."""
    holding = [n for n, group in enumerate(sets) if ref in group]
    if not holding:
        sets.append({ref})
        return len(sets) - 1
    return max(holding, key=lambda n: (len({r.article for r in sets[n]}), -n))


def _alone(ref: SentenceRef, sets: list[set[SentenceRef]]) -> set[int]:
    """Every sentence is in some claim: one that was in none becomes a claim of its own."""
    if any(ref in group for group in sets):
        return set()
    sets.append({ref})
    return {len(sets) - 1}


def _settle_changed(
    sets: list[set[SentenceRef]], changed: set[int], original: list[Group | None]
) -> None:
    """A group one correction made identical to another becomes one with it (the first kept)
    at once: the user saw one claim, and the corrections made after it act on that one, not on
    one of two copies while the other comes back as a claim of its own."""
    for n in sorted(changed):
        if not sets[n]:
            continue
        same = next((m for m, group in enumerate(sets) if m != n and group == sets[n]), None)
        if same is not None:
            gone = max(n, same)
            sets[gone].clear()
            if gone < len(original):
                original[gone] = None


def _rescored(
    members: set[SentenceRef], similarity: Callable[[SentenceRef, SentenceRef], float]
) -> Group:
    refs = sorted(members, key=lambda r: (r.article, r.sentence))
    if len(refs) == 1:
        return Group(tuple(refs), (1.0,), 0)
    scores = []
    for ref in refs:
        others = [o for o in refs if o.article != ref.article]
        total = sum(similarity(ref, o) for o in others)
        scores.append(round(total / len(others), 4) if others else 0.0)
    central = max(range(len(refs)), key=lambda n: (scores[n], -n))
    return Group(tuple(refs), tuple(scores), central)


def apply_to_conflicts(
    conflicts: Sequence[Conflict],
    claims: Sequence[Claim],
    corrections: Sequence[Correction],
    articles: Sequence[AnalysedArticle],
) -> tuple[tuple[Conflict, ...], list[tuple[int, str]], tuple[Dismissal, ...]]:
    """The conflicts with the conflict corrections applied (ids renumbered k1, k2, … in order,
    marked ones after the found ones), the problems, and the dismissed conflicts (d1, d2, …)."""
    resolve = Resolver(articles)
    kept = list(conflicts)
    marked: list[Conflict] = []
    problems: list[tuple[int, str]] = []
    dismissed: list[Dismissal] = []
    for position, correction in enumerate(corrections):
        try:
            if correction.kind is CorrectionKind.DISMISS:
                # A conflict the user marked earlier may be dismissed too.
                n = _matching(correction, kept + marked, resolve)
                found = kept.pop(n) if n < len(kept) else marked.pop(n - len(kept))
                dismissed.append(Dismissal(found, correction.reason))
            elif correction.kind is CorrectionKind.MARK:
                marked.append(_marked(correction, claims, resolve))
        except _Stale as stale:
            problems.append((position, str(stale)))
    every = [replace(c, id=f"k{n}") for n, c in enumerate(kept + marked, start=1)]
    # Dismissed ones are numbered apart (d1, d2, …): their old ids now name other conflicts.
    withdrawn = [
        replace(d, conflict=replace(d.conflict, id=f"d{n}")) for n, d in enumerate(dismissed, 1)
    ]
    return tuple(every), problems, tuple(withdrawn)


def _matching(correction: Correction, conflicts: list[Conflict], resolve: Resolver) -> int:
    """The conflict a dismissal names: the same type, holding at least two of its values (all,
    when it had fewer) in the same sentences."""
    wanted = set()
    for value in correction.values:
        try:
            found = resolve.span(value)
        except _Stale:
            continue
        wanted.add((found.article, found.sentence, found.value))
    need = min(2, len(correction.values))
    best, best_count = -1, 0
    for n, conflict in enumerate(conflicts):
        if conflict.type is not correction.conflict_type:
            continue
        held = {(v.article, v.sentence, v.value) for v in conflict.values}
        count = len(held & wanted)
        if count >= need and count > best_count:
            best, best_count = n, count
    if best < 0:
        raise _Stale("the dismissed conflict is no longer found")
    return best


def _marked(correction: Correction, claims: Sequence[Claim], resolve: Resolver) -> Conflict:
    if len(correction.values) != 2 or correction.conflict_type is None:
        raise _Stale("a marked conflict needs two spans and a type")
    values = tuple(resolve.span(value) for value in correction.values)
    if values[0].article == values[1].article:
        raise _Stale("a marked conflict needs spans in two different articles")
    places = {(v.article, v.sentence) for v in values}
    holding = [c for c in claims if places <= {(m.article, m.sentence) for m in c.members}]
    if not holding:  # the two sentences are in no one claim: the first one's claim
        first = (values[0].article, values[0].sentence)
        holding = [c for c in claims if first in {(m.article, m.sentence) for m in c.members}]
    claim = holding[0].id if holding else ""
    return Conflict(
        "", claim, correction.conflict_type, 1.0, values, marked=True, note=correction.reason
    )


def _quote(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _short(key: str) -> str:
    return key.rsplit("/", 1)[-1] if not key.startswith("pasted:") else "pasted text"


def describe(
    corrections: Sequence[Correction], problems: Sequence[tuple[int, str]] = ()
) -> list[str]:
    """Plain lines for the summary and the report's methods page: how many corrections of which
    kind were made by hand, and each one that could not apply, with why."""
    if not corrections:
        return []
    counts = {kind: 0 for kind in CorrectionKind}
    for correction in corrections:
        counts[correction.kind] += 1
    kinds = ", ".join(
        f"{n} {KIND_LABELS[kind][0 if n == 1 else 1]}" for kind, n in counts.items() if n
    )
    total = len(corrections)
    noun = "correction" if total == 1 else "corrections"
    applied = total - len(problems)
    lines = [f"{total} {noun} made by hand ({kinds}); {applied} applied on this run."]
    for position, reason in problems:
        kind = corrections[position].kind.value
        lines.append(f"Correction {position + 1} ({kind}) could not be applied: {reason}.")
    return lines
