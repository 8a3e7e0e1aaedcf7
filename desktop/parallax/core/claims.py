"""Claim groups → ``Claim`` records: status, members, representative and word-level diffs."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Sequence

from parallax.core.align import Group
from parallax.core.conflicts import Finding, MemberText, find_conflicts
from parallax.core.diffing import word_diff
from parallax.core.models import (
    AnalysedArticle,
    Claim,
    ClaimMember,
    ClaimStatus,
    Conflict,
    ConflictType,
    ConflictValue,
)


def status_of(article_count: int, total_articles: int) -> ClaimStatus:
    if article_count <= 1:
        return ClaimStatus.UNIQUE
    return ClaimStatus.SHARED_ALL if article_count == total_articles else ClaimStatus.SHARED_SOME


def status_counts(claims: Sequence[Claim]) -> Counter[ClaimStatus]:
    """How many claims are shared by all, by some, or unique (every status present)."""
    counts = Counter(dict.fromkeys(ClaimStatus, 0))
    counts.update(claim.status for claim in claims)
    return counts


def conflict_kinds(conflicts: Sequence[Conflict]) -> list[tuple[str, int]]:
    """Conflict types with their counts, most frequent first, ties by name: one order for the
    command-line summary and the report alike."""
    counts = Counter(conflict.type.value for conflict in conflicts)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def claims_by_sentence(claims: Sequence[Claim]) -> dict[tuple[str, int], tuple[Claim, ...]]:
    """Each (article id, sentence index) with the claims it belongs to, the most widely shared
    first (ties in claim order): one sentence may state several claims."""
    found: dict[tuple[str, int], list[Claim]] = {}
    for claim in claims:
        for member in claim.members:
            found.setdefault((member.article, member.sentence), []).append(claim)
    return {
        key: tuple(sorted(group, key=lambda c: -len(c.articles))) for key, group in found.items()
    }


def majority_claims(claims: Sequence[Claim], article_count: int) -> tuple[Claim, ...]:
    """The claims most of the articles carry: more than half of them, and at least two."""
    return tuple(c for c in claims if len(c.articles) >= 2 and 2 * len(c.articles) > article_count)


def omitted_claims(claims: Sequence[Claim], article_ids: Sequence[str]) -> dict[str, tuple]:
    """Per article, the claims most of the articles carry and it leaves out."""
    majority = majority_claims(claims, len(article_ids))
    return {a: tuple(c for c in majority if a not in c.articles) for a in article_ids}


def omissions_sentence(claims: Sequence[Claim], article_ids: Sequence[str]) -> str | None:
    """ "Of the 20 claims most of the articles carry, a1, a3 and a4 each leave out 9, a2 leaves
    out 3 and a5 leaves out none." Ties are named together; None when fewer than three
    articles or no such claim (with two articles, "most" is both)."""
    majority = majority_claims(claims, len(article_ids))
    if len(article_ids) < 3 or not majority:
        return None
    omitted = omitted_claims(claims, article_ids)
    counts = sorted({len(found) for found in omitted.values()}, reverse=True)
    parts = []
    for count in counts:
        who = [a for a in article_ids if len(omitted[a]) == count]
        names = who[0] if len(who) == 1 else ", ".join(who[:-1]) + f" and {who[-1]}"
        amount = str(count) if count else "none"
        verb = "leaves out" if len(who) == 1 else "each leave out"
        parts.append(f"{names} {verb} {amount}")
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + f" and {parts[-1]}"
    noun = "claim" if len(majority) == 1 else "claims"
    return f"Of the {len(majority)} {noun} most of the articles carry, {listed}."


def build_claims(groups: Sequence[Group], articles: Sequence[AnalysedArticle]) -> tuple[Claim, ...]:
    """Claims in reading order: by first article, then sentence position; ids c1, c2, …"""
    ordered = sorted(groups, key=lambda g: (g.members[0].article, g.members[0].sentence))
    return tuple(_claim(f"c{n}", group, articles) for n, group in enumerate(ordered, start=1))


def _claim(claim_id: str, group: Group, articles: Sequence[AnalysedArticle]) -> Claim:
    base_ref = group.members[group.representative]
    base_article = articles[base_ref.article]
    base = base_article.sentences[base_ref.sentence]
    base_text = base_article.sentence_text(base)
    members = []
    for position, (ref, score) in enumerate(zip(group.members, group.scores, strict=True)):
        item = articles[ref.article]
        sentence = item.sentences[ref.sentence]
        diff = ()
        if position != group.representative:
            diff = word_diff(
                base_text,
                base.start,
                base_article.id,
                item.sentence_text(sentence),
                sentence.start,
                item.id,
            )
        members.append(ClaimMember(item.id, sentence.index, score, diff))
    article_count = len({m.article for m in members})
    return Claim(
        id=claim_id,
        status=status_of(article_count, len(articles)),
        members=tuple(members),
        representative=members[group.representative],
    )


def claim_conflicts(
    claims: Sequence[Claim],
    articles: Sequence[AnalysedArticle],
    is_cancelled: Callable[[], bool] = lambda: False,
    extracted: dict | None = None,
) -> tuple[Conflict, ...] | None:
    """Typed conflicts inside each shared claim, one per differing detail; None when cancelled.

    Members of different articles are compared in pairs (in groups larger than
    ``_ALL_PAIRS_UP_TO``, wire copy reprinted by dozens of outlets, each member against the
    representative only, which keeps the work linear). Pairwise findings of one type that share a
    value are one detail ("217" vs "225", "225" vs "245": the toll as three outlets give it), so
    they become one conflict listing every article's value, across claims.
    """
    by_id = {item.id: item for item in articles}
    members: dict[tuple[str, int], MemberText] = {}
    # Each sentence's extraction, kept for this comparison only (the caller may pass a dict to
    # reuse it for the fact sheet): nothing outlives the comparison.
    extracted = {} if extracted is None else extracted
    findings: list[Finding] = []
    claim_of: list[str] = []  # the claim each finding was found in
    for claim in claims:
        if claim.status is ClaimStatus.UNIQUE:
            continue
        if is_cancelled():
            return None
        for a, b in _pairs(claim):
            first = _member_text(a, by_id[a.article], members)
            second = _member_text(b, by_id[b.article], members)
            found = find_conflicts(first, second, extracted)
            findings.extend(found)
            claim_of.extend([claim.id] * len(found))
    conflicts: list[Conflict] = []
    # One detail may be found in several claims (a sentence states several): it is reported
    # once, under the first claim it was found in.
    position = {item.id: n for n, item in enumerate(articles)}
    for kind, confidence, values, first in _details(findings, position):
        conflicts.append(
            Conflict(f"k{len(conflicts) + 1}", claim_of[first], kind, round(confidence, 2), values)
        )
    return tuple(conflicts)


def _details(
    findings: Sequence[Finding], position: dict[str, int]
) -> list[tuple[ConflictType, float, tuple[ConflictValue, ...], int]]:
    """Pairwise findings joined into details (same type and a value in common), each with the
    position of its first finding, in the order they were first found; values in article order
    (``position``)."""
    parent = list(range(len(findings)))

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    owner: dict[tuple[ConflictType, str, int, int], int] = {}
    for n, finding in enumerate(findings):
        for value in (finding.first, finding.second):
            key = (finding.type, value.article, value.start, value.end)
            if key in owner:
                parent[root(n)] = root(owner[key])
            else:
                owner[key] = n
    joined: dict[int, list[int]] = {}
    for n in range(len(findings)):
        joined.setdefault(root(n), []).append(n)
    details = []
    for positions in sorted(joined.values(), key=min):
        group = [findings[n] for n in positions]
        # One value per article: the one most often in disagreement (an article that gives the
        # detail twice, in its headline and its lead, is listed once).
        counts: Counter[tuple[str, int, int]] = Counter()
        values = {}
        for finding in group:
            for value in (finding.first, finding.second):
                key = (value.article, value.start, value.end)
                counts[key] += 1
                values.setdefault(key, value)
        chosen: dict[str, tuple[str, int, int]] = {}
        # Most often in disagreement, then written in digits (a table reads "12" better than
        # the headline's "Twelve"), then the earliest.
        for key in sorted(values, key=lambda k: (-counts[k], not _in_digits(values[k]), k[1])):
            chosen.setdefault(key[0], key)
        ordered = tuple(values[chosen[a]] for a in sorted(chosen, key=position.__getitem__))
        if len({v.normalized for v in ordered}) < 2:
            continue  # the values left agree: no conflict to show
        details.append((group[0].type, max(f.confidence for f in group), ordered, min(positions)))
    return details


def _in_digits(value: ConflictValue) -> bool:
    return any(ch.isdigit() for ch in value.value)


_ALL_PAIRS_UP_TO = 12


def _pairs(claim: Claim) -> list[tuple[ClaimMember, ClaimMember]]:
    members = claim.members
    if len(members) <= _ALL_PAIRS_UP_TO:
        return [(a, b) for a, b in itertools.combinations(members, 2) if a.article != b.article]
    base = claim.representative
    return [(base, m) for m in members if m.article != base.article]


def _member_text(
    member: ClaimMember, item: AnalysedArticle, cache: dict[tuple[str, int], MemberText]
) -> MemberText:
    """One record per sentence, shared by every claim it is in (the conflict finder's parse
    cache is keyed by it)."""
    key = (member.article, member.sentence)
    if key not in cache:
        cache[key] = _new_member_text(member, item)
    return cache[key]


def _new_member_text(member: ClaimMember, item: AnalysedArticle) -> MemberText:
    return member_text(item, member.sentence)


def member_text(item: AnalysedArticle, index: int) -> MemberText:
    """One sentence of ``item`` as the conflict rules read it."""
    return MemberText(
        article=item.id,
        sentence=item.sentences[index],
        text=item.article.text,
        published=item.article.published,
        terms=item.scores.sentences[index].tone.terms if item.scores else None,
    )
