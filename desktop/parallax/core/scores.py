"""Readability and tone for one analysed article: per sentence, then per article."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from parallax.core.embeddings import Embedder
from parallax.core.models import AnalysedArticle
from parallax.core.readability import (
    Difficulty,
    Readability,
    SentenceReadability,
    article_readability,
    body_text,
    sentence_readability,
)
from parallax.core.tone import ArticleTone, SentenceTone, article_tone, sentence_tones


@dataclass(frozen=True, slots=True)
class SentenceScores:
    readability: SentenceReadability
    tone: SentenceTone


@dataclass(frozen=True, slots=True)
class ArticleScores:
    """Scores of one article; ``sentences`` is aligned with the article's sentences."""

    readability: Readability
    tone: ArticleTone | None
    sentences: tuple[SentenceScores, ...]

    def sentence_marks(self) -> tuple[int, int, int]:
        """How many sentences are hard, very hard, and in the passive voice."""
        marks = [s.readability for s in self.sentences]
        return (
            sum(m.difficulty is Difficulty.HARD for m in marks),
            sum(m.difficulty is Difficulty.VERY_HARD for m in marks),
            sum(m.passive for m in marks),
        )


def score_article(
    item: AnalysedArticle, embedder: Embedder | None = None, vectors: np.ndarray | None = None
) -> ArticleScores:
    """Readability is measured on the body only; tone on every sentence, the headline included
    (a headline is often the most loaded sentence an outlet writes). With an ``embedder`` tone
    is the news model's, otherwise the VADER and TextBlob blend's (``core.tone``)."""
    text = item.article.text
    spans = [(text[s.start : s.end], s.start) for s in item.sentences]
    if vectors is None:
        vectors = encode(embedder, [t for t, _ in spans])
    method, tones = sentence_tones(spans, vectors)
    per_sentence = tuple(
        SentenceScores(readability=sentence_readability(span, s), tone=tone)
        for s, (span, _), tone in zip(item.sentences, spans, tones, strict=True)
    )
    return ArticleScores(
        readability=article_readability(body_text(text, item.sentences)),
        tone=article_tone(
            [(s.index, t) for s, t in zip(item.sentences, tones, strict=True)], method
        ),
        sentences=per_sentence,
    )


def encode(embedder: Embedder | None, texts: list[str]) -> np.ndarray | None:
    """Sentence embeddings, or None with no encoder, no text or a broken encoder."""
    if embedder is None or not texts:
        return None
    try:
        return embedder.encode(texts)
    except Exception:  # a broken encoder must not stop a comparison: the blend instead
        return None


def warm_up() -> None:
    """Load the pronunciation dictionary and lexicons now (about a second, once per process).

    Loading them in a thread beside spaCy's model gains nothing (both hold the GIL), so callers
    that want a responsive first comparison call this early on their worker thread.
    """
    import textstat

    from parallax.core import tone_model
    from parallax.core.sentiment import textblob_sentiment, vader_compound

    textstat.syllable_count("warming")
    vader_compound("warm")
    textblob_sentiment("warm")
    tone_model.load()
