"""Same-claim links between sentences of different articles, found fast with numpy.

Cosine similarities are computed row by row from an inverted index: each sentence only meets
sentences that share one of its less common keys, and the few keys almost every sentence has
("the", "#num") are added from a small dense matrix. Per row this is a handful of vectorised
slices, so 200 articles (~10,000 sentences) take seconds, not minutes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, slots=True)
class SentenceMatrix:
    """Sentence vectors as an inverted index over integer key ids."""

    article_of: np.ndarray  # article position of each sentence (flat order)
    postings: list[tuple[np.ndarray, np.ndarray]]  # per key: sentence ids, weights
    rows: list[tuple[np.ndarray, np.ndarray]]  # per sentence: key ids, weights
    common: np.ndarray  # dense weights of the common keys, sentences × common keys
    is_common: np.ndarray  # per key
    article_span: np.ndarray  # per article: first and one-past-last flat sentence id
    # Optional sentence embeddings (unit rows) and their share of the similarity.
    embeddings: np.ndarray | None = None
    embedding_weight: float = 0.0

    @classmethod
    def build(
        cls,
        vecs: Sequence[Sequence[dict[str, float]]],
        embeddings: np.ndarray | None = None,
        embedding_weight: float = 0.0,
    ) -> SentenceMatrix:
        flat = [vector for article in vecs for vector in article]
        article_of = np.repeat(np.arange(len(vecs)), [len(article) for article in vecs])
        key_ids: dict[str, int] = {}
        rows = []
        for vector in flat:
            ids = np.array([key_ids.setdefault(k, len(key_ids)) for k in vector], dtype=np.int64)
            rows.append((ids, np.fromiter(vector.values(), dtype=np.float64, count=len(vector))))
        members: list[list[int]] = [[] for _ in key_ids]
        weights: list[list[float]] = [[] for _ in key_ids]
        for sentence, (ids, ws) in enumerate(rows):
            for key, weight in zip(ids.tolist(), ws.tolist(), strict=True):
                members[key].append(sentence)
                weights[key].append(weight)
        postings = [
            (np.array(m, dtype=np.int64), np.array(w))
            for m, w in zip(members, weights, strict=True)
        ]
        cap = max(50, len(flat) // 10)
        is_common = np.array([len(m) > cap for m in members], dtype=bool)
        common_ids = np.flatnonzero(is_common)
        common = np.zeros((len(flat), len(common_ids)))
        for column, key in enumerate(common_ids):
            ids, ws = postings[key]
            common[ids, column] = ws
        ends = np.cumsum([len(article) for article in vecs])
        spans = np.stack([ends - [len(article) for article in vecs], ends], axis=1)
        return cls(
            article_of, postings, rows, common, is_common, spans, embeddings, embedding_weight
        )

    def similarities(
        self, sentence: int, common_row: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Ids (> ``sentence``, other articles) sharing a rarer key, and their cosines.

        A sentence made only of common keys (the same wire sentence in every article) searches
        through its least common key instead, so it still meets its copies.
        """
        ids, weights = self.rows[sentence]
        rare = ~self.is_common[ids]
        if not rare.any() and len(ids):
            rare = np.zeros(len(ids), dtype=bool)
            rare[np.argmin([len(self.postings[key][0]) for key in ids.tolist()])] = True
        dots = np.zeros(len(self.article_of))
        touched = np.zeros(len(self.article_of), dtype=bool)
        for key, weight in zip(ids[rare].tolist(), weights[rare].tolist(), strict=True):
            others, other_weights = self.postings[key]
            if not self.is_common[key]:
                dots[others] += weight * other_weights
            touched[others] = True
        if self.embeddings is not None:
            # Paraphrases may share no word at all: with embeddings every sentence is a candidate.
            touched[:] = True
        touched[: sentence + 1] = False
        first, last = self.article_span[self.article_of[sentence]]
        touched[first:last] = False  # an article's sentences are contiguous
        candidates = np.flatnonzero(touched)
        if common_row is None:
            common_row = self.common @ self.common[sentence]
        sims = dots[candidates] + common_row[candidates]
        if self.embeddings is not None:
            semantic = self.embeddings[candidates] @ self.embeddings[sentence]
            sims = (1 - self.embedding_weight) * sims + self.embedding_weight * semantic
        return candidates, sims


_BLOCK = 200


def find_links(
    vecs: Sequence[Sequence[dict[str, float]]],
    threshold: float,
    mutual_min: float,
    is_cancelled: Callable[[], bool] = lambda: False,
    embeddings: np.ndarray | None = None,
    embedding_weight: float = 0.0,
) -> dict[tuple[int, int], float] | None:
    """Links between flat sentence ids with their similarity: similarity ≥ ``threshold``, or
    mutual best match across two articles with similarity ≥ ``mutual_min``. None if cancelled.
    """
    matrix = SentenceMatrix.build(vecs, embeddings, embedding_weight)
    count, articles = len(matrix.article_of), len(vecs)
    best_sim = np.zeros((count, articles))
    best_id = np.full((count, articles), -1, dtype=np.int64)
    strong: dict[tuple[int, int], float] = {}
    common_block = np.zeros((0, count))
    for sentence in range(count):
        if sentence % _BLOCK == 0:
            if is_cancelled():
                return None
            # The few very common keys, for a block of sentences at once: one matrix product
            # instead of a gather of every candidate's row per sentence.
            block = matrix.common[sentence : sentence + _BLOCK]
            common_block = block @ matrix.common.T
        candidates, sims = matrix.similarities(sentence, common_block[sentence % _BLOCK])
        keep = sims >= mutual_min
        candidates, sims = candidates[keep], sims[keep]
        above = sims >= threshold
        for other, similarity in zip(candidates[above].tolist(), sims[above].tolist(), strict=True):
            strong[(sentence, other)] = similarity
        _update_best(best_sim, best_id, sentence, candidates, sims, matrix.article_of)
    return strong | _mutual(best_sim, best_id, matrix.article_of, strong)


def _update_best(best_sim, best_id, sentence, candidates, sims, article_of) -> None:
    """Keep, for both ends of every pair, the best partner in the other's article."""
    if not len(candidates):
        return
    # This sentence's best partner in each other article: highest similarity first, first wins.
    order = np.argsort(-sims, kind="stable")
    articles, first = np.unique(article_of[candidates[order]], return_index=True)
    top_sims, top_ids = sims[order][first], candidates[order][first]
    better = top_sims > best_sim[sentence, articles]
    best_sim[sentence, articles[better]] = top_sims[better]
    best_id[sentence, articles[better]] = top_ids[better]
    # And this sentence as the partner of each candidate (candidates are unique ids).
    own = article_of[sentence]
    better = sims > best_sim[candidates, own]
    best_sim[candidates[better], own] = sims[better]
    best_id[candidates[better], own] = sentence


def _mutual(best_sim, best_id, article_of, strong) -> dict[tuple[int, int], float]:
    sentences, articles = np.nonzero(best_id >= 0)
    others = best_id[sentences, articles]
    back = best_id[others, article_of[sentences]]
    keep = (back == sentences) & (sentences < others)
    sims = best_sim[sentences[keep], article_of[others[keep]]]
    pairs = zip(sentences[keep].tolist(), others[keep].tolist(), sims.tolist(), strict=True)
    return {(a, b): sim for a, b, sim in pairs if (a, b) not in strong}
