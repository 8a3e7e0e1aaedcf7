"""Sentence tone (sentiment and subjectivity) and what it adds up to per article.

Each sentence is scored alone (VADER saturates near ±1 on long text). With sentence embeddings
the primary score is the news tone model (``core.tone_model``: a ridge regression over the
embedding, VADER compound and TextBlob polarity fitted on NewsMTSC, news sentences rated by
readers): on NewsMTSC's test files it correlates r = 0.558 / 0.521 with the readers, VADER alone
0.373 / 0.357 (``benchmarks/fit_tone_model.py``). Without embeddings it falls back to the blend
0.66·VADER compound + 0.34·TextBlob polarity, fitted on the NYT editorial sentences
(``benchmarks/tone_quality.py``: r = 0.517 there, VADER alone 0.503).

Every score, sentence or article mean, is also given in words on one scale (``ToneBand``): the
neutral band is the method's own (fitted for the news model, VADER's ±0.05 for the blend), and
beyond ±0.5 a score is strongly negative or positive.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

import numpy as np

from parallax.core import tone_model
from parallax.core.sentiment import textblob_sentiment, vader_compound
from parallax.core.wordlists import TermKind, TermMatch, find_terms

VADER_WEIGHT, TEXTBLOB_WEIGHT = 0.66, 0.34
TONE_FORMULA = f"{VADER_WEIGHT}·VADER compound + {TEXTBLOB_WEIGHT}·TextBlob polarity"
# VADER's authors' cut-off: |compound| below 0.05 is neutral.
NEUTRAL_BAND = 0.05
# Beyond this a score is "strongly" negative or positive: for the news model, about the median
# of the sentences readers rated negative lies below −0.36, the lower quarter below −0.6.
STRONG = 0.5
SCALE = "−1 (negative) … +1 (positive)"


class ToneMethod(StrEnum):
    NEWS_MODEL = "news_model"  # the NewsMTSC ridge model over embeddings, VADER and TextBlob
    VADER_TEXTBLOB = "vader_textblob"  # the blend, when sentence embeddings are off


class ToneBand(StrEnum):
    STRONGLY_NEGATIVE = "strongly negative"
    NEGATIVE = "negative"
    NEUTRAL = "neutral"
    POSITIVE = "positive"
    STRONGLY_POSITIVE = "strongly positive"


METHOD_DESCRIPTIONS = {
    ToneMethod.NEWS_MODEL: (
        "news tone model: ridge regression on the WordLlama sentence embedding, VADER compound "
        "and TextBlob polarity, fitted on NewsMTSC news sentences rated by readers"
    ),
    ToneMethod.VADER_TEXTBLOB: (
        f"{TONE_FORMULA} (sentence embeddings off: the news model needs them)"
    ),
}


@dataclass(frozen=True, slots=True)
class SentenceTone:
    score: float  # the primary score, −1 (negative) … +1 (positive)
    compound: float
    polarity: float
    subjectivity: float
    terms: tuple[TermMatch, ...]
    band: ToneBand


@dataclass(frozen=True, slots=True)
class ArticleTone:
    mean: float
    spread: float  # population standard deviation of the sentence scores
    positive_share: float
    negative_share: float
    neutral_share: float
    mean_subjectivity: float
    most_positive: int | None  # sentence index
    most_negative: int | None
    hedges: int
    boosters: int
    loaded: int
    method: ToneMethod
    band: ToneBand  # the mean in words
    lower_quartile: float  # of the sentence scores
    median: float
    upper_quartile: float


def neutral_band(method: ToneMethod) -> tuple[float, float]:
    """Scores at or below the first are negative, at or above the second positive."""
    if method is ToneMethod.NEWS_MODEL:
        return tone_model.load().neutral_band
    return -NEUTRAL_BAND, NEUTRAL_BAND


def tone_band(score: float, method: ToneMethod) -> ToneBand:
    low, high = neutral_band(method)
    if score <= -STRONG:
        return ToneBand.STRONGLY_NEGATIVE
    if score >= STRONG:
        return ToneBand.STRONGLY_POSITIVE
    if score <= low:
        return ToneBand.NEGATIVE
    if score >= high:
        return ToneBand.POSITIVE
    return ToneBand.NEUTRAL


def band_key(method: ToneMethod) -> str:
    """The scale in words, for a key beside the figures."""
    low, high = neutral_band(method)
    return (
        f"strongly negative ≤ {signed(-STRONG)} < negative ≤ {signed(low)} < neutral < "
        f"{signed(high)} ≤ positive < {signed(STRONG)} ≤ strongly positive"
    )


def signed(value: float) -> str:
    """+0.25 / −0.25, with a true minus sign."""
    return f"{value:+.2f}".replace("-", "−")


def describe(tone: ArticleTone) -> tuple[str, str]:
    """An article's tone as (mean in words, spread across sentences), e.g. ("−0.26 negative",
    "40% negative · 45% neutral · 15% positive; middle half −0.45 … −0.02")."""
    shares = (
        f"{tone.negative_share:.0%} negative · {tone.neutral_share:.0%} neutral · "
        f"{tone.positive_share:.0%} positive"
    )
    middle = f"middle half {signed(tone.lower_quartile)} … {signed(tone.upper_quartile)}"
    return f"{signed(tone.mean)} {tone.band}", f"{shares}; {middle}"


def sentence_tone(text: str, offset: int = 0) -> SentenceTone:
    """One sentence by the blend (no embedding at hand)."""
    return sentence_tones([(text, offset)])[1][0]


def sentence_tones(
    sentences: Sequence[tuple[str, int]], vectors: np.ndarray | None = None
) -> tuple[ToneMethod, tuple[SentenceTone, ...]]:
    """Tone of each (text, offset): by the news model when ``vectors`` (one unit-length
    embedding per sentence) are given, by the VADER and TextBlob blend otherwise."""
    compound = np.array([vader_compound(text) for text, _ in sentences], dtype=np.float64)
    lexicon = [textblob_sentiment(text) for text, _ in sentences]
    polarity = np.array([p for p, _ in lexicon], dtype=np.float64)
    method, scores = _primary(compound, polarity, vectors)
    return method, tuple(
        SentenceTone(
            score=round(float(score), 4),
            compound=round(float(c), 4),
            polarity=round(float(p), 4),
            subjectivity=round(subjectivity, 4),
            terms=tuple(find_terms(text, offset)),
            band=tone_band(float(score), method),
        )
        for (text, offset), score, c, p, (_, subjectivity) in zip(
            sentences, scores, compound, polarity, lexicon, strict=True
        )
    )


def _primary(
    compound: np.ndarray, polarity: np.ndarray, vectors: np.ndarray | None
) -> tuple[ToneMethod, np.ndarray]:
    if vectors is not None and len(vectors) == len(compound) and len(compound):
        model = tone_model.load()
        if vectors.shape[1] == model.dimensions:
            return ToneMethod.NEWS_MODEL, model.predict(vectors, compound, polarity)
    blend = np.clip(VADER_WEIGHT * compound + TEXTBLOB_WEIGHT * polarity, -1.0, 1.0)
    return ToneMethod.VADER_TEXTBLOB, blend


def article_tone(
    tones: Sequence[tuple[int, SentenceTone]], method: ToneMethod = ToneMethod.VADER_TEXTBLOB
) -> ArticleTone | None:
    """Aggregate of (sentence index, tone) pairs; None for an article with no sentences."""
    if not tones:
        return None
    scores = [tone.score for _, tone in tones]
    low, high = neutral_band(method)
    count = len(tones)
    positive = sum(1 for s in scores if s >= high)
    negative = sum(1 for s in scores if s <= low)
    top = max(tones, key=lambda pair: pair[1].score)
    bottom = min(tones, key=lambda pair: pair[1].score)
    kinds = [term.kind for _, tone in tones for term in tone.terms]
    quartiles = np.percentile(scores, [25, 50, 75])
    mean = round(statistics.fmean(scores), 4)
    return ArticleTone(
        mean=mean,
        spread=round(statistics.pstdev(scores), 4),
        positive_share=round(positive / count, 4),
        negative_share=round(negative / count, 4),
        neutral_share=round((count - positive - negative) / count, 4),
        mean_subjectivity=round(statistics.fmean(t.subjectivity for _, t in tones), 4),
        most_positive=top[0] if top[1].score >= high else None,
        most_negative=bottom[0] if bottom[1].score <= low else None,
        hedges=kinds.count(TermKind.HEDGE),
        boosters=kinds.count(TermKind.BOOSTER),
        loaded=kinds.count(TermKind.LOADED),
        method=method,
        band=tone_band(mean, method),
        lower_quartile=round(float(quartiles[0]), 4),
        median=round(float(quartiles[1]), 4),
        upper_quartile=round(float(quartiles[2]), 4),
    )
