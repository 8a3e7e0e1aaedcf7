"""Thin adapters over VADER and TextBlob: one sentence in, their raw scores out."""

from __future__ import annotations

from functools import cache


@cache
def _vader():
    # The lexicon ships inside the package (no download); loading it takes ~0.1 s, once.
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def vader_compound(sentence: str) -> float:
    """VADER's normalised compound valence of one sentence, −1 (negative) … +1 (positive)."""
    return float(_vader().polarity_scores(sentence)["compound"])


def textblob_sentiment(sentence: str) -> tuple[float, float]:
    """TextBlob's (polarity −1…+1, subjectivity 0…1) of one sentence.

    Only the pattern analyser behind ``TextBlob(...).sentiment`` is used (TextBlob's tokenisers
    need NLTK corpora, which are downloads). It is called directly: the same numbers, without a
    blob and a new named-tuple class per sentence (a third of the time).
    """
    from textblob.en import sentiment

    polarity, subjectivity = sentiment(sentence)
    return float(polarity), float(subjectivity)


def strong_lexicon_words(threshold: float) -> frozenset[str]:
    """Dictionary words VADER's raters scored at least ``threshold`` away from neutral."""
    return frozenset(
        word
        for word, valence in _vader().lexicon.items()
        if abs(valence) >= threshold and word.isalpha() and len(word) >= 4 and _has_vowel(word)
    )


def _has_vowel(word: str) -> bool:
    return any(ch in "aeiouy" for ch in word)
