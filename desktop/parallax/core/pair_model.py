"""How likely two sentences of different articles are to state the same claim: a small logistic
model over the similarity and over where the sentences stand in their articles.

Similarity alone tops out near 0.50 pair F1 on real coverage: news restates its main facts in
the headline and the first paragraphs (the inverted pyramid), so two lead sentences that share
a number or a name state a common claim far more often than two equally similar sentences deep
in the body. The model weighs the blended similarity, how near each sentence comes to being the
other's best match in its article, whether either is a headline, both sentences' positions,
shared figures and capitalised names, and both lengths.

Its coefficients are fitted on the real-coverage dev set by ``benchmarks/fit_pair_model.py``
(leave-one-event-out figures recorded beside them in ``data/pair_model.json``); nothing here is
tuned by hand. It is used only with sentence embeddings: the words-only grouping keeps its own
thresholds.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

FEATURES = (
    "lexical",
    "semantic",
    "best_match_min",
    "best_match_max",
    "headline",
    "log_position_min",
    "log_position_max",
    "both_in_lead",
    "shared_figures",
    "shared_names",
    "log_words_min",
    "log_words_max",
)
# The first three sentences of an article (headline included) are its lead.
LEAD = 3
_FIGURE = re.compile(r"\d[\d,.]*")
_NAME = re.compile(r"[A-Z][a-z]+")


@dataclass(frozen=True, slots=True)
class SentenceInfo:
    """What the model reads of one sentence besides its vectors."""

    position: int  # index in its article
    headline: bool
    figures: frozenset[str]
    names: frozenset[str]
    words: int


def sentence_info(text: str, position: int, headline: bool) -> SentenceInfo:
    figures = frozenset(f.replace(",", "").rstrip(".") for f in _FIGURE.findall(text))
    return SentenceInfo(position, headline, figures, _names(text), len(text.split()))


def _names(text: str) -> frozenset[str]:
    """Capitalised words after the first: names ("The" or "Oil" opening a sentence are not)."""
    words = text.split()[1:]
    return frozenset(m for w in words for m in _NAME.findall(w.strip("\"“”‘’'(),.:;!?")))


@dataclass(frozen=True)
class PairModel:
    mean: np.ndarray
    scale: np.ndarray
    coefficients: np.ndarray
    intercept: float
    same_claim: float  # probability threshold for one claim (average linkage)
    attach: float  # for joining a further claim

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        z = ((features - self.mean) / self.scale) @ self.coefficients + self.intercept
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


@cache
def load() -> PairModel:
    data = json.loads(resources.files("parallax.core.data").joinpath("pair_model.json").read_text())
    if tuple(data["features"]) != FEATURES:
        raise ValueError("pair_model.json was fitted on other features; refit it")
    return PairModel(
        np.asarray(data["mean"], dtype=np.float64),
        np.asarray(data["scale"], dtype=np.float64),
        np.asarray(data["coefficients"], dtype=np.float64),
        float(data["intercept"]),
        float(data["same_claim"]),
        float(data["attach"]),
    )


def features(
    first: np.ndarray,
    second: np.ndarray,
    blended: np.ndarray,
    semantic: np.ndarray,
    semantic_weight: float,
    best_ratio: tuple[np.ndarray, np.ndarray],
    info: Sequence[SentenceInfo],
) -> np.ndarray:
    """One row of ``FEATURES`` per pair (``first[k]``, ``second[k]``, flat sentence ids)."""
    lexical = (blended - semantic_weight * semantic) / (1 - semantic_weight)
    position = np.array([i.position for i in info], dtype=np.float64)
    headline = np.array([i.headline for i in info], dtype=bool)
    words = np.array([i.words for i in info], dtype=np.float64)
    low = np.minimum(position[first], position[second])
    high = np.maximum(position[first], position[second])
    shared_figures = np.fromiter(
        (len(info[a].figures & info[b].figures) for a, b in zip(first, second, strict=True)),
        dtype=np.float64,
        count=len(first),
    )
    shared_names = np.fromiter(
        (len(info[a].names & info[b].names) for a, b in zip(first, second, strict=True)),
        dtype=np.float64,
        count=len(first),
    )
    return np.stack(
        [
            lexical,
            semantic,
            np.minimum(*best_ratio),
            np.maximum(*best_ratio),
            (headline[first] | headline[second]).astype(np.float64),
            # Positions on a log scale only: a linear term grows without bound and, fitted on
            # articles of 10–30 sentences, made sentence 40 of a long opinion piece look like
            # a lead.
            np.log1p(low),
            np.log1p(high),
            (high < LEAD).astype(np.float64),
            shared_figures,
            shared_names,
            np.log1p(np.minimum(words[first], words[second])),
            np.log1p(np.maximum(words[first], words[second])),
        ],
        axis=1,
    )


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 50) -> tuple:
    """Standardised L2-regularised logistic regression by Newton's method (no SciPy needed):
    returns (mean, scale, coefficients, intercept). Used by the fitting benchmark."""
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    w = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], l2)
    penalty[-1] = 0.0  # the intercept is not shrunk
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ w, -30, 30)))
        gradient = z.T @ (p - y) + penalty * w
        hessian = (z * (p * (1 - p))[:, None]).T @ z + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if math.sqrt(float(step @ step)) < 1e-8:
            break
    return mean, scale, w[:-1], float(w[-1])
