"""Claim groups across articles: sentences that state the same claim, without chaining.

Two sentences of different articles are linked when their similarity reaches ``SAME_CLAIM``,
or when each is the other's best match in the other article and their similarity reaches
``MUTUAL_MIN``: articles about one event restate its facts in their own words, so a mutual best
match is evidence of the same claim even where few words are shared (the rule sentence
aligners for translations use). Groups grow by average linkage over links, strongest first:
a sentence joins a group, or two groups merge, only when more than half of *all* their cross
pairs are links (at least half when both sides already hold two or more sentences: two pairs
that meet on half their cross pairs are linked on at least four of their six pairs), and never
when that would put two sentences of one article in one group. Plain connected components would
chain A≈B≈C into one group although A and C share nothing; this rule cannot.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from parallax.core.links import find_links
from parallax.core.similarity import Vectorizer, sentence_keys

# Calibrated on STS-B train, fitted in batches of 60 pairs as in a comparison of a few articles
# (best accuracy for "same claim" = gold ≥ 3.0); see docs/comparison.md.
SAME_CLAIM = 0.47
# Mutual best matches below this share too little to trust (calibrated on the sample set).
MUTUAL_MIN = 0.15
# With an embedding model: its share of the blended similarity, and the thresholds for the
# blend, calibrated the same ways (docs/comparison.md).
EMBEDDING_WEIGHT = 0.5
SAME_CLAIM_BLENDED = 0.6
MUTUAL_MIN_BLENDED = 0.2


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


def group_claims(
    vecs: list[list[dict[str, float]]],
    threshold: float = SAME_CLAIM,
    is_cancelled: Callable[[], bool] = lambda: False,
    mutual_min: float = MUTUAL_MIN,
    embeddings: np.ndarray | None = None,
) -> list[Group]:
    """Every sentence in exactly one group; groups of one sentence for unmatched sentences.

    With ``embeddings`` (one unit row per sentence, in article order) the similarity is the
    blend ``EMBEDDING_WEIGHT`` × cosine of embeddings + the rest × lexical similarity. Returns an
    empty list when cancelled.
    """
    refs = [SentenceRef(a, s) for a, article in enumerate(vecs) for s in range(len(article))]
    weight = EMBEDDING_WEIGHT if embeddings is not None else 0.0
    found = find_links(
        vecs, threshold, min(threshold, mutual_min), is_cancelled, embeddings, weight
    )
    if found is None:
        return []
    link: dict[int, dict[int, float]] = defaultdict(dict)
    for (a, b), similarity in found.items():
        link[a][b] = link[b][a] = similarity
    parent = list(range(len(refs)))
    members: dict[int, list[int]] = {n: [n] for n in range(len(refs))}
    articles: dict[int, set[int]] = {n: {ref.article} for n, ref in enumerate(refs)}
    # Cluster-level counts of links between clusters, kept up to date as clusters merge.
    total = {n: dict.fromkeys(row, 1.0) for n, row in link.items()}
    pairs = sorted(found.items(), key=lambda item: -item[1])
    merged = True
    while merged:  # until no merge is left: a link seen early may qualify once groups formed
        merged = False
        for (a, b), _ in pairs:
            ra, rb = parent[a], parent[b]
            if ra == rb or not articles[ra].isdisjoint(articles[rb]):
                continue
            linked = total.get(ra, {}).get(rb, 0.0) / (len(members[ra]) * len(members[rb]))
            both_groups = len(members[ra]) > 1 and len(members[rb]) > 1
            if linked > 0.5 or (both_groups and linked >= 0.5):
                if len(members[ra]) < len(members[rb]):  # fold the smaller row of counts in
                    ra, rb = rb, ra
                _merge(ra, rb, parent, members, total)
                articles[ra] |= articles.pop(rb)
                merged = True
    return [_group([refs[n] for n in group], group, link) for group in members.values()]


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


def _group(refs: list[SentenceRef], ids: list[int], link: dict[int, dict[int, float]]) -> Group:
    order = sorted(range(len(refs)), key=lambda n: (refs[n].article, refs[n].sentence))
    refs, ids = [refs[n] for n in order], [ids[n] for n in order]
    if len(refs) == 1:
        return Group(tuple(refs), (1.0,), 0)
    scores = tuple(sum(link[i].get(o, 0.0) for o in ids if o != i) / (len(ids) - 1) for i in ids)
    return Group(tuple(refs), tuple(round(s, 4) for s in scores), scores.index(max(scores)))
