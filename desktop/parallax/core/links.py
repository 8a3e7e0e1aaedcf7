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
        self,
        sentence: int,
        common_row: np.ndarray | None = None,
        semantic_row: np.ndarray | None = None,
    ) -> tuple[np.ndarray, np.ndarray]:
        """Ids of other articles' sentences sharing a rarer key (every one of them when there are
        embeddings), and their similarities.

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
        first, last = self.article_span[self.article_of[sentence]]
        touched[first:last] = False  # an article's sentences are contiguous
        candidates = np.flatnonzero(touched)
        if common_row is None:
            common_row = self.common @ self.common[sentence]
        sims = dots[candidates] + common_row[candidates]
        if self.embeddings is not None:
            if semantic_row is None:
                semantic_row = self.embeddings @ self.embeddings[sentence]
            semantic = semantic_row[candidates]
            sims = (1 - self.embedding_weight) * sims + self.embedding_weight * semantic
        return candidates, sims


_BLOCK = 200
# A sentence keeps at most this many links (its strongest): enough for a claim restated by every
# article of a large set, and it bounds memory at 200 articles where embeddings make every pair a
# candidate.
MAX_LINKS_PER_SENTENCE = 40
# Links at least this similar (the same sentence, give or take a word) are kept beyond the cap,
# the closest one in each other article.
NEAR_COPY = 0.9


def link_arrays(
    vecs: Sequence[Sequence[dict[str, float]]],
    floor: float,
    is_cancelled: Callable[[], bool] = lambda: False,
    embeddings: np.ndarray | None = None,
    embedding_weight: float = 0.0,
    per_sentence: int = MAX_LINKS_PER_SENTENCE,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None:
    """Links between flat sentence ids of different articles, as arrays (first ids, second ids,
    similarities, and the embeddings' share of them, their cosine, zeros without embeddings;
    first < second, each pair once): pairs at or above ``floor`` that are among the
    ``per_sentence`` strongest of either end, or near copies. None if cancelled.
    """
    matrix = SentenceMatrix.build(vecs, embeddings, embedding_weight)
    count = len(matrix.article_of)
    firsts: list[np.ndarray] = []
    seconds: list[np.ndarray] = []
    values: list[np.ndarray] = []
    cosines: list[np.ndarray] = []
    common_block = semantic_block = np.zeros((0, count))
    for sentence in range(count):
        if sentence % _BLOCK == 0:
            if is_cancelled():
                return None
            # The few very common keys, and the embeddings, for a block of sentences at once:
            # one matrix product instead of a gather of every candidate's row per sentence.
            block = matrix.common[sentence : sentence + _BLOCK]
            common_block = block @ matrix.common.T
            if embeddings is not None:
                semantic_block = embeddings[sentence : sentence + _BLOCK] @ embeddings.T
        semantic = semantic_block[sentence % _BLOCK] if embeddings is not None else None
        candidates, sims = matrix.similarities(sentence, common_block[sentence % _BLOCK], semantic)
        keep = sims >= floor
        candidates, sims = candidates[keep], sims[keep]
        if len(sims) > per_sentence:
            # Its strongest links, and every near copy: wire copy reprinted by more outlets
            # than the cap must still form one claim (a missing link counts as no similarity).
            # Only the closest copy in each other article: a line repeated in every article
            # ("Advertisement", five times a page) would otherwise link to every repeat.
            near = np.flatnonzero(sims >= NEAR_COPY)
            if len(near):
                articles = matrix.article_of[candidates[near]]
                order = np.lexsort((-sims[near], articles))
                first_of_article = np.ones(len(order), dtype=bool)
                first_of_article[1:] = articles[order][1:] != articles[order][:-1]
                near = near[order[first_of_article]]
            keep = np.zeros(len(sims), dtype=bool)
            keep[near] = True
            keep[np.argpartition(-sims, per_sentence)[:per_sentence]] = True
            candidates, sims = candidates[keep], sims[keep]
        firsts.append(np.minimum(candidates, sentence))
        seconds.append(np.maximum(candidates, sentence))
        values.append(sims)
        cosines.append(semantic[candidates] if semantic is not None else np.zeros(len(sims)))
    if not firsts:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0), np.zeros(0)
    # A pair kept by both of its sentences appears twice with the same similarity: once here.
    keys = np.concatenate(firsts) * count + np.concatenate(seconds)
    keys, where = np.unique(keys, return_index=True)
    sims, semantic = np.concatenate(values)[where], np.concatenate(cosines)[where]
    return keys // count, keys % count, sims, semantic.astype(np.float64)
