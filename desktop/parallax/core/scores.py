"""Readability and tone for one analysed article: per sentence, then per article."""

from __future__ import annotations

from dataclasses import dataclass

from parallax.core.models import AnalysedArticle
from parallax.core.readability import (
    Difficulty,
    Readability,
    SentenceReadability,
    article_readability,
    body_text,
    sentence_readability,
)
from parallax.core.tone import ArticleTone, SentenceTone, article_tone, sentence_tone


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


def score_article(item: AnalysedArticle) -> ArticleScores:
    """Readability is measured on the body only; tone on every sentence, the headline included
    (a headline is often the most loaded sentence an outlet writes)."""
    text = item.article.text
    per_sentence = tuple(
        SentenceScores(
            readability=sentence_readability(text[s.start : s.end], s),
            tone=sentence_tone(text[s.start : s.end], s.start),
        )
        for s in item.sentences
    )
    return ArticleScores(
        readability=article_readability(body_text(text, item.sentences)),
        tone=article_tone(
            [(s.index, sc.tone) for s, sc in zip(item.sentences, per_sentence, strict=True)]
        ),
        sentences=per_sentence,
    )


def warm_up() -> None:
    """Load the pronunciation dictionary and lexicons now (about a second, once per process).

    Loading them in a thread beside spaCy's model gains nothing (both hold the GIL), so callers
    that want a responsive first comparison call this early on their worker thread.
    """
    import textstat

    from parallax.core.sentiment import textblob_sentiment, vader_compound

    textstat.syllable_count("warming")
    vader_compound("warm")
    textblob_sentiment("warm")
