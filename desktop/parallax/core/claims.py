"""Claim groups → ``Claim`` records: status, members, representative and word-level diffs."""

from __future__ import annotations

from collections.abc import Sequence

from parallax.core.align import Group
from parallax.core.diffing import word_diff
from parallax.core.models import AnalysedArticle, Claim, ClaimMember, ClaimStatus


def status_of(article_count: int, total_articles: int) -> ClaimStatus:
    if article_count <= 1:
        return ClaimStatus.UNIQUE
    return ClaimStatus.SHARED_ALL if article_count == total_articles else ClaimStatus.SHARED_SOME


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
