"""Sentence tone (sentiment and subjectivity) and what it adds up to per article.

Each sentence is scored alone (VADER saturates near ±1 on long text). The primary sentence
score blends VADER's compound and TextBlob's polarity as 0.66·compound + 0.34·polarity: on the
NYT editorial sentences rated by humans (benchmarks/tone_quality.py) that blend correlates
r = 0.517 with the human mean under 5-fold cross-validation, VADER alone 0.503 and TextBlob
alone 0.299. Two weights only, fitted by least squares, so there is little room to overfit.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from parallax.core.sentiment import textblob_sentiment, vader_compound
from parallax.core.wordlists import TermKind, TermMatch, find_terms

VADER_WEIGHT, TEXTBLOB_WEIGHT = 0.66, 0.34
TONE_FORMULA = f"{VADER_WEIGHT}·VADER compound + {TEXTBLOB_WEIGHT}·TextBlob polarity"
# VADER's authors' cut-off: |compound| below 0.05 is neutral.
NEUTRAL_BAND = 0.05


@dataclass(frozen=True, slots=True)
class SentenceTone:
    score: float  # the primary blend, −1 (negative) … +1 (positive)
    compound: float
    polarity: float
    subjectivity: float
    terms: tuple[TermMatch, ...]


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


def sentence_tone(text: str, offset: int = 0) -> SentenceTone:
    compound = vader_compound(text)
    polarity, subjectivity = textblob_sentiment(text)
    score = max(-1.0, min(1.0, VADER_WEIGHT * compound + TEXTBLOB_WEIGHT * polarity))
    return SentenceTone(
        score=round(score, 4),
        compound=round(compound, 4),
        polarity=round(polarity, 4),
        subjectivity=round(subjectivity, 4),
        terms=tuple(find_terms(text, offset)),
    )


def article_tone(tones: Sequence[tuple[int, SentenceTone]]) -> ArticleTone | None:
    """Aggregate of (sentence index, tone) pairs; None for an article with no sentences."""
    if not tones:
        return None
    scores = [tone.score for _, tone in tones]
    compounds = [tone.compound for _, tone in tones]
    count = len(tones)
    positive = sum(1 for c in compounds if c >= NEUTRAL_BAND)
    negative = sum(1 for c in compounds if c <= -NEUTRAL_BAND)
    top = max(tones, key=lambda pair: pair[1].score)
    bottom = min(tones, key=lambda pair: pair[1].score)
    kinds = [term.kind for _, tone in tones for term in tone.terms]
    return ArticleTone(
        mean=round(statistics.fmean(scores), 4),
        spread=round(statistics.pstdev(scores), 4),
        positive_share=round(positive / count, 4),
        negative_share=round(negative / count, 4),
        neutral_share=round((count - positive - negative) / count, 4),
        mean_subjectivity=round(statistics.fmean(t.subjectivity for _, t in tones), 4),
        most_positive=top[0] if top[1].score >= NEUTRAL_BAND else None,
        most_negative=bottom[0] if bottom[1].score <= -NEUTRAL_BAND else None,
        hedges=kinds.count(TermKind.HEDGE),
        boosters=kinds.count(TermKind.BOOSTER),
        loaded=kinds.count(TermKind.LOADED),
    )
