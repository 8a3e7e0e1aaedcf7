"""Claim groups → ``Claim`` records: status, members, representative and word-level diffs."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Sequence

from parallax.core.align import Group
from parallax.core.conflicts import MemberText, find_conflicts
from parallax.core.diffing import word_diff
from parallax.core.models import AnalysedArticle, Claim, ClaimMember, ClaimStatus, Conflict


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
) -> tuple[Conflict, ...] | None:
    """Typed conflicts between the members of each shared claim; None when cancelled.

    Small groups compare every pair of members; in groups larger than ``_ALL_PAIRS_UP_TO``
    (wire copy reprinted by dozens of outlets) each member is compared with the representative
    only, which keeps the work linear in the group's size.
    """
    by_id = {item.id: item for item in articles}
    conflicts: list[Conflict] = []
    for claim in claims:
        if claim.status is ClaimStatus.UNIQUE:
            continue
        if is_cancelled():
            return None
        texts = {m: _member_text(m, by_id[m.article]) for m in claim.members}
        for a, b in _pairs(claim):
            for finding in find_conflicts(texts[a], texts[b]):
                conflicts.append(
                    Conflict(
                        id=f"k{len(conflicts) + 1}",
                        claim=claim.id,
                        type=finding.type,
                        confidence=round(finding.confidence, 2),
                        values=(finding.first, finding.second),
                    )
                )
    return tuple(conflicts)


_ALL_PAIRS_UP_TO = 12


def _pairs(claim: Claim) -> list[tuple[ClaimMember, ClaimMember]]:
    members = claim.members
    if len(members) <= _ALL_PAIRS_UP_TO:
        return [(a, b) for a, b in itertools.combinations(members, 2) if a.article != b.article]
    base = claim.representative
    return [(base, m) for m in members if m.article != base.article]


def _member_text(member: ClaimMember, item: AnalysedArticle) -> MemberText:
    return MemberText(
        article=item.id,
        sentence=item.sentences[member.sentence],
        text=item.article.text,
        published=item.article.published,
        terms=item.scores.sentences[member.sentence].tone.terms if item.scores else None,
    )
