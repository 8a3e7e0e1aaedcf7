"""Claim groups across articles: sentences that state the same claim, without chaining.

Candidate pairs are sentences of different articles whose similarity reaches ``SAME_CLAIM``.
Groups grow by average linkage: two groups merge only when the mean similarity over *all* their
cross pairs stays at or above the threshold, and never when that would put two sentences of
one article in a group. Plain connected components would chain A≈B≈C into one group although
A and C share nothing; average linkage does not.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from parallax.core.similarity import Vectorizer, cosine, sentence_keys

# Calibrated on STS-B train (best accuracy for "same claim" = gold ≥ 3.0; docs/comparison.md).
SAME_CLAIM = 0.48


@dataclass(frozen=True, slots=True)
class SentenceRef:
    article: int  # position of the article in the comparison
    sentence: int  # index of the sentence in its article


@dataclass(frozen=True, slots=True)
class Group:
    members: tuple[SentenceRef, ...]
    scores: tuple[float, ...]  # each member's mean similarity to the other members
    representative: int  # position in ``members`` of the most central sentence


def vectors(texts_and_sentences: Sequence[tuple[str, Sequence]]) -> list[list[dict[str, float]]]:
    """Weighted key vectors per article per sentence, weights fitted on this comparison."""
    keys = [[sentence_keys(s, text) for s in sentences] for text, sentences in texts_and_sentences]
    vectorizer = Vectorizer.fit([k for article in keys for k in article])
    return [[vectorizer.vector(k) for k in article] for article in keys]


def candidate_pairs(
    vecs: list[list[dict[str, float]]],
    threshold: float,
    is_cancelled: Callable[[], bool] = lambda: False,
) -> dict[tuple[SentenceRef, SentenceRef], float]:
    """Similarities of cross-article sentence pairs at or above ``threshold``.

    An inverted index visits only pairs that share a key; keys that nearly every sentence has
    ("the", "#num") are skipped for candidate search but still count in the similarity.
    """
    refs = [SentenceRef(a, s) for a, article in enumerate(vecs) for s in range(len(article))]
    flat = [vecs[r.article][r.sentence] for r in refs]
    index: dict[str, list[int]] = defaultdict(list)
    for position, vector in enumerate(flat):
        for key in vector:
            index[key].append(position)
    common = max(50, len(flat) // 10)
    pairs: dict[tuple[SentenceRef, SentenceRef], float] = {}
    for position, vector in enumerate(flat):
        if position % 200 == 0 and is_cancelled():
            return {}
        seen: set[int] = set()
        for key in vector:
            postings = index[key]
            if len(postings) > common:
                continue
            seen.update(
                p for p in postings if p > position and refs[p].article != refs[position].article
            )
        for other in seen:
            similarity = cosine(vector, flat[other])
            if similarity >= threshold:
                pairs[(refs[position], refs[other])] = similarity
    return pairs


def group_claims(
    vecs: list[list[dict[str, float]]],
    threshold: float = SAME_CLAIM,
    is_cancelled: Callable[[], bool] = lambda: False,
) -> list[Group]:
    """Every sentence in exactly one group; groups of one sentence for unmatched sentences."""
    pairs = candidate_pairs(vecs, threshold, is_cancelled)
    parent: dict[SentenceRef, SentenceRef] = {}
    members: dict[SentenceRef, list[SentenceRef]] = {}
    link: dict[SentenceRef, dict[SentenceRef, float]] = defaultdict(dict)
    for (a, b), similarity in pairs.items():
        link[a][b] = link[b][a] = similarity
    for article, sentences in enumerate(vecs):
        for sentence in range(len(sentences)):
            ref = SentenceRef(article, sentence)
            parent[ref] = ref
            members[ref] = [ref]
    # Cluster-level sums of pair similarities, kept up to date as clusters merge.
    total: dict[SentenceRef, dict[SentenceRef, float]] = {r: dict(row) for r, row in link.items()}
    for (a, b), _ in sorted(pairs.items(), key=lambda item: -item[1]):
        ra, rb = parent[a], parent[b]
        if ra == rb or _share_article(members[ra], members[rb]):
            continue
        mean = total.get(ra, {}).get(rb, 0.0) / (len(members[ra]) * len(members[rb]))
        if mean < threshold:
            continue
        _merge(ra, rb, parent, members, total)
    return [_group(group, link) for root, group in members.items() if parent[root] == root]


def _share_article(a: list[SentenceRef], b: list[SentenceRef]) -> bool:
    return not {r.article for r in a}.isdisjoint(r.article for r in b)


def _merge(keep, gone, parent, members, total) -> None:
    for ref in members[gone]:
        parent[ref] = keep
    members[keep].extend(members.pop(gone))
    for other, value in total.pop(gone, {}).items():
        if other == keep:
            continue
        total.setdefault(keep, {})[other] = total.get(keep, {}).get(other, 0.0) + value
        row = total[other]
        row[keep] = row.get(keep, 0.0) + row.pop(gone, 0.0)
    total.get(keep, {}).pop(gone, None)


def _group(refs: list[SentenceRef], link: dict[SentenceRef, dict[SentenceRef, float]]) -> Group:
    refs = sorted(refs, key=lambda r: (r.article, r.sentence))
    if len(refs) == 1:
        return Group(tuple(refs), (1.0,), 0)
    scores = tuple(sum(link[r].get(o, 0.0) for o in refs if o != r) / (len(refs) - 1) for r in refs)
    return Group(tuple(refs), tuple(round(s, 4) for s in scores), scores.index(max(scores)))
