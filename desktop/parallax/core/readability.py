"""Readability of an article body and of each sentence: one adapter over textstat, explained.

Every formula is textstat's, computed on the article body (the headline is not part of the
prose a reader works through). Each score carries what a reader needs to interpret it: the
formula's name, its scale, which direction is harder, and a plain-language band.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

import textstat

from parallax.core.models import Notice, Sentence

# Formulas fitted on whole passages swing wildly on a few dozen words.
MIN_RELIABLE_WORDS = 100
# Hemingway Editor's notion of hard sentences: it grades each sentence with the Automated
# Readability Index and highlights grade 10+ as "hard to read" and 14+ as "very hard to read"
# (the US school grades where high school ends and college ends). ARI counts characters, not
# syllables, so it stays stable on one sentence. Sentences under eight words are never marked:
# one long name is enough to push a short sentence past grade 14.
HARD_GRADE = 10.0
VERY_HARD_GRADE = 14.0
MIN_MARKED_WORDS = 8
PASSIVE_LABELS = frozenset({"nsubjpass", "auxpass", "csubjpass"})
# The one grade shown as an article's headline figure, and what it is, wherever it is shown: a
# consensus, not Flesch–Kincaid, so it can sit beside a Flesch–Kincaid 9.45 and read 12.
HEADLINE_KEY = "consensus_grade"
HEADLINE_NAME = "Consensus grade"
HEADLINE_METHOD = (
    "textstat text_standard: the whole grade most often given by 8 formulas (Flesch–Kincaid, "
    "Flesch Reading Ease, SMOG, Coleman–Liau, ARI, Dale–Chall, Linsear Write, Gunning Fog)"
)


class Difficulty(StrEnum):
    HARD = "hard"
    VERY_HARD = "very_hard"


@dataclass(frozen=True, slots=True)
class Score:
    key: str
    name: str
    value: float
    scale: str
    higher_is: str  # "easier" or "harder"
    band: str


@dataclass(frozen=True, slots=True)
class SentenceReadability:
    grade: float
    difficulty: Difficulty | None
    passive: bool


@dataclass(frozen=True, slots=True)
class Readability:
    scores: tuple[Score, ...]
    words: int
    sentences: int
    words_per_sentence: float
    syllables_per_word: float
    difficult_word_share: float
    reading_time_seconds: float
    warnings: tuple[Notice, ...]

    def score(self, key: str) -> Score:
        return next(score for score in self.scores if score.key == key)

    @property
    def headline(self) -> Score:
        """The consensus grade: the figure shown first, named ``HEADLINE_NAME``."""
        return self.score(HEADLINE_KEY)


def _grade_band(grade: float) -> str:
    if grade < 6:
        return "elementary school"
    if grade < 9:
        return "middle school"
    if grade < 13:
        return "high school"
    if grade < 17:
        return "college level"
    return "graduate level"


def _flesch_band(score: float) -> str:
    # Flesch's own table (1948): 90+ very easy … below 30 very difficult.
    for floor, band in (
        (90, "very easy"),
        (80, "easy"),
        (70, "fairly easy"),
        (60, "standard"),
        (50, "fairly difficult"),
        (30, "difficult"),
    ):
        if score >= floor:
            return band
    return "very difficult"


def _dale_chall_band(score: float) -> str:
    # Dale–Chall's published conversion of the new formula's raw score to reading grades.
    for ceiling, band in (
        (5.0, "grade 4 and below"),
        (6.0, "grades 5–6"),
        (7.0, "grades 7–8"),
        (8.0, "grades 9–10"),
        (9.0, "grades 11–12"),
        (10.0, "college level"),
    ):
        if score < ceiling:
            return band
    return "college graduate"


_GRADE = "US school grade (about 1–20)"
_FORMULAS: tuple[tuple[str, str, Callable[[str], float], str, str, Callable[[float], str]], ...] = (
    (
        "flesch_reading_ease",
        "Flesch Reading Ease",
        textstat.flesch_reading_ease,
        "0–100 (can exceed)",
        "easier",
        _flesch_band,
    ),
    (
        "flesch_kincaid_grade",
        "Flesch–Kincaid grade",
        textstat.flesch_kincaid_grade,
        _GRADE,
        "harder",
        _grade_band,
    ),
    ("gunning_fog", "Gunning Fog index", textstat.gunning_fog, _GRADE, "harder", _grade_band),
    ("smog_index", "SMOG index", textstat.smog_index, _GRADE, "harder", _grade_band),
    (
        "coleman_liau_index",
        "Coleman–Liau index",
        textstat.coleman_liau_index,
        _GRADE,
        "harder",
        _grade_band,
    ),
    (
        "automated_readability_index",
        "Automated Readability Index",
        textstat.automated_readability_index,
        _GRADE,
        "harder",
        _grade_band,
    ),
    (
        "dale_chall",
        "Dale–Chall score",
        textstat.dale_chall_readability_score,
        "raw score (about 4–10+)",
        "harder",
        _dale_chall_band,
    ),
    (
        "consensus_grade",
        f"{HEADLINE_NAME} (textstat text_standard, the most common of 8 formulas)",
        lambda text: textstat.text_standard(text, float_output=True),
        _GRADE,
        "harder",
        _grade_band,
    ),
)


def article_readability(body: str) -> Readability:
    """All scores for an article body (its text without the headline)."""
    scores = []
    for key, name, function, scale, direction, band in _FORMULAS:
        value = float(function(body))
        scores.append(Score(key, name, round(value, 2), scale, direction, band(value)))
    words = textstat.lexicon_count(body)
    warnings = ()
    if words < MIN_RELIABLE_WORDS:
        warnings = (
            Notice(
                "short_text",
                f"only {words} words: readability formulas are unreliable on texts under 100 words",
            ),
        )
    return Readability(
        scores=tuple(scores),
        words=words,
        sentences=textstat.sentence_count(body),
        words_per_sentence=round(float(textstat.words_per_sentence(body)), 2),
        syllables_per_word=round(float(textstat.avg_syllables_per_word(body)), 3),
        difficult_word_share=round(textstat.difficult_words(body) / words, 3) if words else 0.0,
        reading_time_seconds=round(float(textstat.reading_time(body)), 1),
        warnings=warnings,
    )


def sentence_readability(text: str, sentence: Sentence) -> SentenceReadability:
    grade = round(float(textstat.automated_readability_index(text)), 1)
    difficulty = None
    if not sentence.is_headline and sentence.word_count >= MIN_MARKED_WORDS:
        if grade >= VERY_HARD_GRADE:
            difficulty = Difficulty.VERY_HARD
        elif grade >= HARD_GRADE:
            difficulty = Difficulty.HARD
    passive = any(token.dep in PASSIVE_LABELS for token in sentence.tokens)
    return SentenceReadability(grade=grade, difficulty=difficulty, passive=passive)


def body_text(text: str, sentences: Sequence[Sentence]) -> str:
    """The article text after the headline (the headline is always the first sentence)."""
    if sentences and sentences[0].is_headline:
        return text[sentences[0].end :].strip()
    return text
