"""Frozen records that flow from loading through analysis to the UI and the exports."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from parallax.core.corrections import Correction, Dismissal
    from parallax.core.scores import ArticleScores
    from parallax.core.voices import EntityCount, Voice


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
    # Position of the syntactic head in the sentence's ``tokens`` (itself for the root; -1 when
    # the head lies outside the sentence or there is no parse).
    head: int = -1


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
    # Kept apart from ``tokens`` so it survives when tokens are dropped (results sent to the UI).
    word_count: int = 0


@dataclass(frozen=True, slots=True)
class AnalysedArticle:
    id: str
    article: Article
    sentences: tuple[Sentence, ...]
    scores: ArticleScores | None = None
    voices: tuple[Voice, ...] = ()
    entities: tuple[EntityCount, ...] = ()

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


class ClaimStatus(StrEnum):
    SHARED_ALL = "shared_all"  # every article carries the claim
    SHARED_SOME = "shared_some"  # two or more articles, not all
    UNIQUE = "unique"  # one article only


class ConflictType(StrEnum):
    NUMBER = "number"
    DATE = "date"
    ENTITY = "entity"
    NEGATION = "negation"
    CERTAINTY = "certainty"
    ATTRIBUTION = "attribution"


class DiffOp(StrEnum):
    EQUAL = "equal"
    INSERT = "insert"  # only in the member sentence
    DELETE = "delete"  # only in the representative sentence


@dataclass(frozen=True, slots=True)
class DiffSpan:
    """A stretch of a word-level diff; offsets are into the article whose text holds the span."""

    op: DiffOp
    article: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ClaimMember:
    article: str  # AnalysedArticle.id
    sentence: int  # Sentence.index within that article
    score: float  # similarity to the rest of the group (1.0 for a one-sentence group)
    diff: tuple[DiffSpan, ...] = ()  # against the representative; empty for the representative


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    status: ClaimStatus
    members: tuple[ClaimMember, ...]
    representative: ClaimMember

    @property
    def articles(self) -> tuple[str, ...]:
        """Ids of the articles that carry the claim, in article order, each once."""
        return tuple(dict.fromkeys(member.article for member in self.members))


@dataclass(frozen=True, slots=True)
class ConflictValue:
    article: str
    sentence: int
    value: str  # the words as written
    normalized: str  # comparable form: "14000 m", "2025-08-08", "will", "according to Bloomberg"
    start: int  # offsets into that article's text
    end: int


@dataclass(frozen=True, slots=True)
class Conflict:
    id: str
    claim: str
    type: ConflictType
    confidence: float  # 0…1
    values: tuple[ConflictValue, ...]
    marked: bool = False  # marked by the user (a difference Parallax missed)
    note: str = ""  # the user's note on a marked conflict


@dataclass(frozen=True, slots=True)
class FactCell:
    """One article's value for a row: the words as written and where they are."""

    article: str
    sentence: int | None  # None for a count (the sources row)
    value: str
    normalized: str
    start: int | None = None
    end: int | None = None
    conflict: str | None = None  # the id of the reported conflict this value is part of
    conflict_type: ConflictType | None = None


@dataclass(frozen=True, slots=True)
class FactRow:
    key: str  # stable: "toll:dead", "when#c3", "where", "sources:named", "voice:okafor"
    kind: str  # toll, when, where, magnitude, figure, sources, voice (facts.KINDS)
    label: str  # "Dead", "When: An explosion at the plant …"
    topic: str  # what an omission misses: "never mentions deaths"
    cells: tuple[FactCell | None, ...]  # one per article, in article order; None: omitted

    @property
    def stated_by(self) -> int:
        return sum(cell is not None for cell in self.cells)

    @property
    def conflicts(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.conflict for c in self.cells if c and c.conflict))


@dataclass(frozen=True, slots=True)
class CompareOptions:
    """The analysis options: what the user (or a saved comparison) asks for, and, recorded in
    every ``Comparison``, what was actually used (thresholds resolved to numbers)."""

    # Mean similarity for sentences to form one claim; None: the calibrated default for the
    # similarity in use (blended with embeddings, or words only).
    same_claim: float | None = None
    # Mean similarity for a sentence to join a further claim; None: the calibrated default.
    attach: float | None = None
    # Blend sentence embeddings into the similarity when the encoder is available.
    use_embeddings: bool = True
    # spaCy worker processes: None picks 2 for large sets on a multi-core machine. Callers that
    # must not fork (some GUI toolkits' threads) pass 1. Not part of the analysis' result.
    processes: int | None = None


@dataclass(frozen=True, slots=True)
class Comparison:
    """Everything one comparison produced; the UI and every export read only this."""

    articles: tuple[AnalysedArticle, ...]
    model: ModelInfo
    created: str
    errors: tuple[LoadFailure, ...] = ()
    notices: tuple[Notice, ...] = field(default=())
    claims: tuple[Claim, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    embedding_model: str | None = None  # the sentence encoder, when one was used
    # The fact sheet: key details side by side (core/facts.py), most widely stated first.
    facts: tuple[FactRow, ...] = ()
    # The options the analysis used, thresholds resolved (the methods page prints them).
    options: CompareOptions = field(default_factory=CompareOptions)
    # The user's corrections (core/corrections.py), in the order made; those that could not
    # apply on this run, with why (position in ``corrections``, reason); dismissed conflicts.
    corrections: tuple[Correction, ...] = ()
    correction_problems: tuple[tuple[int, str], ...] = ()
    dismissed: tuple[Dismissal, ...] = ()
