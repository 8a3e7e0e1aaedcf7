"""Claims across articles: groups of sentences that state the same fact, possibly overlapping.

News restates a fact in the headline, the lead and the body, and one lead often carries two facts
(the toll and the magnitude). So a claim may hold several sentences of one article, and a sentence
may belong to several claims. Three steps:

1. **Links** are pairs of sentences of different articles. With sentence embeddings (the
   default) a link's weight is the pair model's probability that the two state one claim
   (core/pair_model.py: the blended similarity, how close each sentence comes to being the
   other's best match in its article, where both stand in their articles, shared figures and
   names); links under ``PAIR_FLOOR`` are dropped. Words only, the weight is the lexical
   similarity scaled by the best-match ratio (``RELATIVE_WEIGHT``: articles on one event restate
   each fact once or twice, so a sentence's best match in another article is better evidence
   than a merely similar one, the rule sentence aligners for translations use).
2. **Groups** grow by average linkage over the links, strongest link first: two groups merge
   when the mean weight over all their cross-article pairs (a pair with no link counts as 0)
   reaches the same-claim threshold. A pair with no link pulls the mean down, so A≈B≈C never
   chains into one group when A and C share nothing. Merging repeats until nothing changes, so
   the result does not depend on the order of equal links.
3. **Attachment**: a sentence also joins every other group of two or more articles whose
   sentences in other articles it matches, on average, at the attach threshold or more (a lead
   that gives the toll and the magnitude joins both claims). Attached sentences do not pull in
   others.

Every sentence is in at least one claim; one in no group of two or more articles is its own claim.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from parallax.core import pair_model
from parallax.core.links import link_arrays
from parallax.core.pair_model import SentenceInfo
from parallax.core.similarity import Vectorizer, sentence_keys

# With embeddings, links are the pair model's probabilities (its data file holds the same-claim
# and attach thresholds, fitted with it on the dev set); the weakest probability kept as a link:
PAIR_FLOOR = 0.1
# Word overlap only (embeddings off): the same steps on the lexical similarity.
SAME_CLAIM_LEXICAL = 0.1
ATTACH_LEXICAL = 0.1
LINK_FLOOR_LEXICAL = 0.06
# Share of the sentence embedding in the blended similarity (STS-B train, docs/comparison.md).
EMBEDDING_WEIGHT = 0.5
# Share of a link's weight that depends on its being each sentence's best match in the other
# article, and the similarity from which pairs are candidates for it (dev set).
RELATIVE_WEIGHT = 0.6
CANDIDATE_FLOOR = 0.1
# Two sentences of one article in a group count as an unlinked pair in its mean (1) rather than
# not at all (0): a group holds several sentences of one article only when they all match the
# others well. And at most this many sentences of one article attach to a further claim.
SAME_ARTICLE_PENALTY = 1.0
ATTACH_PER_ARTICLE = 2


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
    return weighted_vectors(
        [article_keys(text, sentences) for text, sentences in texts_and_sentences]
    )


def article_keys(text: str, sentences: Sequence) -> list[list[str]]:
    """The word keys of each sentence of one article (needs nothing of the other articles)."""
    return [sentence_keys(s, text) for s in sentences]


def weighted_vectors(keys: Sequence[Sequence[list[str]]]) -> list[list[dict[str, float]]]:
    """Key vectors weighted by how rare each key is across this comparison."""
    vectorizer = Vectorizer.fit([k for article in keys for k in article])
    return [[vectorizer.vector(k) for k in article] for article in keys]


def similarity_of(
    vecs: list[list[dict[str, float]]], embeddings: np.ndarray | None = None
) -> Callable[[SentenceRef, SentenceRef], float]:
    """The blended similarity of two sentences, as the grouping weighs it before the best-match
    weighting (for claims a user corrected by hand)."""
    offsets = np.concatenate([[0], np.cumsum([len(article) for article in vecs])]).tolist()
    weight = EMBEDDING_WEIGHT if embeddings is not None else 0.0

    def similarity(a: SentenceRef, b: SentenceRef) -> float:
        x, y = vecs[a.article][a.sentence], vecs[b.article][b.sentence]
        if len(y) < len(x):
            x, y = y, x
        lexical = sum(w * y.get(key, 0.0) for key, w in x.items())
        if embeddings is None:
            return lexical
        semantic = float(
            embeddings[offsets[a.article] + a.sentence]
            @ embeddings[offsets[b.article] + b.sentence]
        )
        return (1 - weight) * lexical + weight * semantic

    return similarity


def group_claims(
    vecs: list[list[dict[str, float]]],
    threshold: float = SAME_CLAIM_LEXICAL,
    is_cancelled: Callable[[], bool] = lambda: False,
    attach: float | None = ATTACH_LEXICAL,
    floor: float | None = None,
    embeddings: np.ndarray | None = None,
    info: Sequence[SentenceInfo] | None = None,
) -> list[Group]:
    """Claim groups (overlapping when sentences attach to several); groups of one sentence for
    sentences in no other group.

    With ``embeddings`` (one unit row per sentence, in article order) the similarity is the blend
    ``EMBEDDING_WEIGHT`` × cosine of embeddings + the rest × lexical similarity; with ``info`` as
    well (one per sentence), links are weighted by the pair model's probability that the two
    sentences state one claim (core/pair_model.py) and ``threshold``/``attach`` are
    probabilities. ``attach`` None turns attachment off. Returns an empty list when cancelled.
    """
    article_of = [a for a, article in enumerate(vecs) for _ in article]
    found = links_for(vecs, threshold, is_cancelled, floor, embeddings, info)
    if found is None:
        return []
    return groups_from_links(found, article_of, threshold, attach)


def links_for(
    vecs: list[list[dict[str, float]]],
    threshold: float,
    is_cancelled: Callable[[], bool] = lambda: False,
    floor: float | None = None,
    embeddings: np.ndarray | None = None,
    info: Sequence[SentenceInfo] | None = None,
) -> dict[tuple[int, int], float] | None:
    """The weighted links between flat sentence ids that the grouping works on; None when
    cancelled."""
    weight = EMBEDDING_WEIGHT if embeddings is not None else 0.0
    floor = min(threshold, LINK_FLOOR_LEXICAL if floor is None else floor)
    candidates = link_arrays(vecs, min(floor, CANDIDATE_FLOOR), is_cancelled, embeddings, weight)
    if candidates is None:
        return None
    article_of = [a for a, article in enumerate(vecs) for _ in article]
    if embeddings is not None and info is not None:
        first, second = candidates[0], candidates[1]
        features = pair_features(candidates, article_of, info)
        probability = pair_model.load().probabilities(features)
        keep = probability >= floor
        kept = zip(
            first[keep].tolist(), second[keep].tolist(), probability[keep].tolist(), strict=True
        )
        return {(a, b): p for a, b, p in kept}
    return _relative(candidates, article_of, floor)


def pair_features(
    candidates: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray],
    article_of: list[int],
    info: Sequence[SentenceInfo],
) -> np.ndarray:
    """The pair model's features of each candidate pair (``link_arrays``' first and second flat
    ids, blended similarities and embedding cosines)."""
    first, second, sims, semantic = candidates
    if not len(first):
        return np.zeros((0, len(pair_model.FEATURES)))
    ratios = _best_match_ratios(first, second, sims, article_of)
    return pair_model.features(first, second, sims, semantic, EMBEDDING_WEIGHT, ratios, info)


def groups_from_links(
    found: dict[tuple[int, int], float],
    article_of: list[int],
    threshold: float,
    attach: float | None,
) -> list[Group]:
    """Average-linkage groups over ``found`` plus attachments (see the module's docstring)."""
    refs = []
    seen: Counter[int] = Counter()
    for a in article_of:  # flat ids in article order: the n-th of its article
        refs.append(SentenceRef(a, seen[a]))
        seen[a] += 1
    link: dict[int, dict[int, float]] = defaultdict(dict)
    for (a, b), similarity in found.items():
        link[a][b] = link[b][a] = similarity
    clusters = _agglomerate(found, article_of, threshold)
    extra = _attachments(clusters, link, article_of, attach) if attach is not None else {}
    attached = {n for ids in extra.values() for n in ids}
    groups = []
    for root, members in clusters.items():
        joined = extra.get(root, [])
        if len(members) == 1 and not joined and members[0] in attached:
            continue  # a lone sentence that joined a shared claim is not also a claim of its own
        ids = members + joined
        groups.append(_group([refs[n] for n in ids], ids, link, article_of, set(members)))
    return groups


def _best_match_ratios(
    first: np.ndarray, second: np.ndarray, sims: np.ndarray, article_of: list[int]
) -> tuple[np.ndarray, np.ndarray]:
    """Each pair's similarity over each end's best similarity in the other's article."""
    articles = np.asarray(article_of, dtype=np.int64)
    best = np.zeros((len(article_of), int(articles.max()) + 1))
    np.maximum.at(best, (first, articles[second]), sims)
    np.maximum.at(best, (second, articles[first]), sims)
    with np.errstate(divide="ignore", invalid="ignore"):
        one = np.where(best[first, articles[second]] > 0, sims / best[first, articles[second]], 0)
        two = np.where(best[second, articles[first]] > 0, sims / best[second, articles[first]], 0)
    return one, two


def _relative(
    candidates: tuple[np.ndarray, ...], article_of: list[int], floor: float
) -> dict[tuple[int, int], float]:
    """Links weighted by how near each end comes to its best match in the other's article."""
    first, second, sims = candidates[:3]
    if not len(first):
        return {}
    ratio = np.minimum(*_best_match_ratios(first, second, sims, article_of))
    weighted = sims * (1 - RELATIVE_WEIGHT + RELATIVE_WEIGHT * ratio)
    keep = weighted >= floor
    kept = zip(first[keep].tolist(), second[keep].tolist(), weighted[keep].tolist(), strict=True)
    return {(a, b): similarity for a, b, similarity in kept}


def _agglomerate(
    found: dict[tuple[int, int], float], article_of: list[int], threshold: float
) -> dict[int, list[int]]:
    """Average-linkage clusters over the links, strongest first, until nothing merges."""
    parent = list(range(len(article_of)))
    members: dict[int, list[int]] = {n: [n] for n in range(len(article_of))}
    articles: dict[int, Counter[int]] = {n: Counter([a]) for n, a in enumerate(article_of)}
    # Sum of link similarities between clusters, kept up to date as clusters merge.
    total: dict[int, dict[int, float]] = defaultdict(dict)
    for (a, b), similarity in found.items():
        total[a][b] = total[b][a] = similarity
    pairs = sorted(found.items(), key=lambda item: (-item[1], item[0]))
    merged = True
    while merged:  # a link seen early may qualify once groups have formed
        merged = False
        # Many links join the same two groups: judge each pair of groups once per pass.
        judged: set[tuple[int, int, int, int]] = set()
        for (a, b), _ in pairs:
            ra, rb = parent[a], parent[b]
            if ra == rb:
                continue
            key = (ra, rb, len(members[ra]), len(members[rb]))
            if key in judged:
                continue
            judged.add(key)
            small, large = sorted((articles[ra], articles[rb]), key=len)
            same = sum(count * large.get(article, 0) for article, count in small.items())
            cross = len(members[ra]) * len(members[rb]) - same
            pairs_counted = cross + SAME_ARTICLE_PENALTY * same
            if cross and total[ra].get(rb, 0.0) / pairs_counted >= threshold:
                if len(members[ra]) < len(members[rb]):  # fold the smaller row of sums in
                    ra, rb = rb, ra
                _merge(ra, rb, parent, members, total)
                articles[ra] += articles.pop(rb)
                merged = True
    return members


def _attachments(
    clusters: dict[int, list[int]],
    link: dict[int, dict[int, float]],
    article_of: list[int],
    attach: float,
) -> dict[int, list[int]]:
    """For each shared cluster, the sentences of other clusters that also state its claim."""
    root_of = {n: root for root, ids in clusters.items() for n in ids}
    per_article = {
        root: Counter(article_of[n] for n in ids)
        for root, ids in clusters.items()
        if len({article_of[n] for n in ids}) > 1
    }
    # (mean similarity, sentence) of every sentence that qualifies, per cluster and article.
    found: dict[int, dict[int, list[tuple[float, int]]]] = defaultdict(lambda: defaultdict(list))
    for sentence, partners in link.items():
        sums: dict[int, float] = defaultdict(float)
        for other, similarity in partners.items():
            sums[root_of[other]] += similarity
        for root, summed in sums.items():
            if root == root_of[sentence] or root not in per_article:
                continue
            others = len(clusters[root]) - per_article[root][article_of[sentence]]
            if others and summed / others >= attach:
                found[root][article_of[sentence]].append((summed / others, sentence))
    # An article restates a fact a few times (headline, lead, body), not a dozen: an opinion
    # piece's many sentences on the same theme join only through their best ones.
    return {
        root: sorted(
            n for best in by_article.values() for _, n in sorted(best)[-ATTACH_PER_ARTICLE:]
        )
        for root, by_article in found.items()
    }


def _merge(keep, gone, parent, members, total) -> None:
    for ref in members[gone]:
        parent[ref] = keep
    members[keep].extend(members.pop(gone))
    for other, value in total.pop(gone, {}).items():
        if other == keep:
            continue
        total[keep][other] = total[keep].get(other, 0.0) + value
        row = total[other]
        row[keep] = row.get(keep, 0.0) + row.pop(gone, 0.0)
    total[keep].pop(gone, None)


def _group(
    refs: list[SentenceRef],
    ids: list[int],
    link: dict[int, dict[int, float]],
    article_of: list[int],
    core: set[int],
) -> Group:
    """Members in reading order; the representative is the most central of the group's own
    sentences (not one attached from another claim, which would show another claim's words)."""
    order = sorted(range(len(refs)), key=lambda n: (refs[n].article, refs[n].sentence))
    refs, ids = [refs[n] for n in order], [ids[n] for n in order]
    if len(refs) == 1:
        return Group(tuple(refs), (1.0,), 0)
    scores = []
    for i in ids:
        others = [o for o in ids if article_of[o] != article_of[i]]
        scores.append(sum(link[i].get(o, 0.0) for o in others) / len(others) if others else 0.0)
    central = max(range(len(ids)), key=lambda n: (ids[n] in core, scores[n], -n))
    return Group(tuple(refs), tuple(round(s, 4) for s in scores), central)
