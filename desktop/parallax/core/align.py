"""Claim groups across articles: sentences that state the same claim, without chaining.

Two sentences of different articles are linked when their similarity reaches ``SAME_CLAIM``,
or when each is the other's best match in the other article and their similarity reaches
``MUTUAL_MIN``: articles about one event restate its facts in their own words, so a mutual best
match is evidence of the same claim even where few words are shared (the rule sentence
aligners for translations use). Groups grow by average linkage over links: two groups merge
only when more than half of *all* their cross pairs are links, and never when that would put
two sentences of one article in one group. Plain connected components would chain A≈B≈C into
one group although A and C share nothing; a majority of links cannot.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from parallax.core.similarity import Vectorizer, cosine, sentence_keys

# Calibrated on STS-B train, fitted in batches of 60 pairs as in a comparison of a few articles
# (best accuracy for "same claim" = gold ≥ 3.0); see docs/comparison.md.
SAME_CLAIM = 0.47
# Mutual best matches below this share too little to trust (calibrated on the sample set).
MUTUAL_MIN = 0.15


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
    mutual_min: float = MUTUAL_MIN,
) -> list[Group]:
    """Every sentence in exactly one group; groups of one sentence for unmatched sentences."""
    pairs = _links(
        candidate_pairs(vecs, min(threshold, mutual_min), is_cancelled), threshold, mutual_min
    )
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
    # Cluster-level counts of links between clusters, kept up to date as clusters merge.
    total = {r: dict.fromkeys(row, 1.0) for r, row in link.items()}
    for (a, b), _ in sorted(pairs.items(), key=lambda item: -item[1]):
        ra, rb = parent[a], parent[b]
        if ra == rb or _share_article(members[ra], members[rb]):
            continue
        linked = total.get(ra, {}).get(rb, 0.0) / (len(members[ra]) * len(members[rb]))
        if linked <= 0.5:
            continue
        _merge(ra, rb, parent, members, total)
    return [_group(group, link) for root, group in members.items() if parent[root] == root]


def _links(
    pairs: dict[tuple[SentenceRef, SentenceRef], float], threshold: float, mutual_min: float
) -> dict[tuple[SentenceRef, SentenceRef], float]:
    """Pairs that count as same-claim links; a mutual best match counts at the threshold."""
    best: dict[tuple[SentenceRef, int], tuple[float, SentenceRef]] = {}
    for (a, b), similarity in pairs.items():
        for x, y in ((a, b), (b, a)):
            if similarity > best.get((x, y.article), (0.0, x))[0]:
                best[(x, y.article)] = (similarity, y)
    links = {}
    for (a, b), similarity in pairs.items():
        if similarity >= threshold:
            links[(a, b)] = similarity
        elif best[(a, b.article)][1] == b and best[(b, a.article)][1] == a:
            links[(a, b)] = threshold
    return links


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
