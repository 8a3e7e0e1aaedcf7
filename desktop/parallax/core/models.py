"""Frozen records that flow from loading through analysis to the UI and the exports."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from parallax.core.scores import ArticleScores


class SourceFormat(StrEnum):
    TEXT = "txt"
    MARKDOWN = "md"
    HTML = "html"
    PDF = "pdf"
    DOCX = "docx"
    PASTED = "pasted"


@dataclass(frozen=True, slots=True)
class Notice:
    """Something the user should know about an input that still loaded (or about the analysis)."""

    code: str
    message: str


@dataclass(frozen=True, slots=True)
class Article:
    """One loaded article. ``text`` is the clean body every offset in the app refers to.

    Paragraphs in ``text`` are separated by a blank line. When ``has_headline`` is true the first
    paragraph is the headline (equal to ``title``).
    """

    text: str
    title: str | None
    source: Path | None
    format: SourceFormat
    has_headline: bool = False
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    language: str | None = None
    warnings: tuple[Notice, ...] = ()

    @property
    def display_name(self) -> str:
        if self.title:
            return self.title
        if self.source is not None:
            return self.source.name
        return "Pasted text"


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    lemma: str
    pos: str
    dep: str
    is_stop: bool
    is_word: bool


@dataclass(frozen=True, slots=True)
class Entity:
    label: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence (or the headline) with offsets into its article's ``text``."""

    index: int
    start: int
    end: int
    paragraph: int
    is_headline: bool
    tokens: tuple[Token, ...] = ()
    entities: tuple[Entity, ...] = ()

    @property
    def word_count(self) -> int:
        return sum(1 for token in self.tokens if token.is_word)


@dataclass(frozen=True, slots=True)
class AnalysedArticle:
    id: str
    article: Article
    sentences: tuple[Sentence, ...]
    scores: ArticleScores | None = None

    @property
    def word_count(self) -> int:
        return sum(sentence.word_count for sentence in self.sentences)

    def sentence_text(self, sentence: Sentence) -> str:
        return self.article.text[sentence.start : sentence.end]


@dataclass(frozen=True, slots=True)
class LoadFailure:
    """A file that could not be loaded, and the reason in words a non-programmer understands."""

    source: str
    message: str


@dataclass(frozen=True, slots=True)
class ModelInfo:
    """Which spaCy pipeline analysed the text; ``trained`` is false for the blank fallback."""

    name: str
    version: str
    trained: bool

    @property
    def label(self) -> str:
        return f"{self.name} {self.version}"


@dataclass(frozen=True, slots=True)
class Comparison:
    """Everything one comparison produced; the UI and every export read only this."""

    articles: tuple[AnalysedArticle, ...]
    model: ModelInfo
    created: str
    errors: tuple[LoadFailure, ...] = ()
    notices: tuple[Notice, ...] = field(default=())
