"""One call from loaded articles to a finished ``Comparison``, with progress and cancel hooks."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

import numpy as np

from parallax.core import align, embeddings, nlp, pair_model, scores, voices
from parallax.core.claims import build_claims, claim_conflicts, member_text
from parallax.core.conflicts import details
from parallax.core.corrections import Correction, apply_to_conflicts, apply_to_groups
from parallax.core.facts import fact_sheet
from parallax.core.models import (
    AnalysedArticle,
    Article,
    CompareOptions,
    Comparison,
    LoadFailure,
    ModelInfo,
    Notice,
    Sentence,
)

_PARALLEL_FROM_CHARS = 300_000

ProgressCallback = Callable[["Stage", int, int], None]


class Stage(StrEnum):
    LOADING_MODEL = "loading_model"
    SENTENCES = "sentences"
    SCORES = "scores"
    ALIGNMENT = "alignment"
    CONFLICTS = "conflicts"
    FACTS = "facts"
    DONE = "done"


class ComparisonCancelled(Exception):
    """Raised by ``compare`` when ``is_cancelled`` turned true; nothing partial is returned."""


def compare(
    articles: Sequence[Article],
    options: CompareOptions | None = None,
    *,
    errors: Sequence[LoadFailure] = (),
    corrections: Sequence[Correction] = (),
    progress: ProgressCallback | None = None,
    is_cancelled: Callable[[], bool] = lambda: False,
) -> Comparison:
    """Analyse ``articles`` together, applying the user's ``corrections``.
    ``progress(stage, done, total)`` may be called often."""
    options = options or CompareOptions()
    report = progress or (lambda stage, done, total: None)

    report(Stage.LOADING_MODEL, 0, 1)
    _, model = nlp.get_pipeline()
    _check(is_cancelled)

    scored: dict[int, AnalysedArticle] = {}
    # Sentence tone reads the embeddings too (the news tone model); off, it falls back to VADER.
    embedder = embeddings.load() if options.use_embeddings else None

    keys: dict[int, list[list[str]]] = {}
    encoded: dict[int, Any] = {}  # sentence embeddings per article (None: no encoder)
    extracted: dict = {}  # each sentence's details, read by the conflicts and the fact sheet

    def score(index: int, sentences: tuple[Sentence, ...]) -> None:
        # Scored as each article's parse completes: with spaCy in worker processes this runs
        # beside them instead of after them. So is what the grouping and the conflict rules
        # read of each sentence on its own (its word keys, its figures, dates and sources).
        item = AnalysedArticle(id=f"a{index + 1}", article=articles[index], sentences=sentences)
        encoded[index] = scores.encode(embedder, [item.sentence_text(s) for s in sentences])
        scored[index] = _scored(item, embedder, encoded[index])
        keys[index] = align.article_keys(item.article.text, sentences)
        for n in range(len(sentences)):
            details(member_text(scored[index], n), extracted)

    sentences = nlp.split_sentences(
        articles,
        progress=lambda done, total: report(Stage.SENTENCES, done, total),
        is_cancelled=is_cancelled,
        processes=_processes(options, articles),
        on_article=score,
    )
    if sentences is None:
        raise ComparisonCancelled
    report(Stage.SCORES, len(articles), len(articles))
    analysed = tuple(scored[index] for index in range(len(articles)))
    return assemble(
        analysed,
        options,
        model,
        corrections=corrections,
        errors=errors,
        progress=report,
        is_cancelled=is_cancelled,
        prepared=Prepared(
            [keys[index] for index in range(len(articles))],
            extracted,
            [encoded[index] for index in range(len(articles))],
        ),
    )


@dataclass
class Prepared:
    """What ``compare`` worked out per sentence while spaCy parsed the other articles."""

    keys: list[list[list[str]]]  # word keys per article per sentence
    extracted: dict  # conflict details per (article id, sentence index)
    embeddings: list | None = None  # sentence embeddings per article, as tone read them


def reassemble(
    comparison: Comparison,
    corrections: Sequence[Correction],
    *,
    progress: ProgressCallback | None = None,
    is_cancelled: Callable[[], bool] = lambda: False,
) -> Comparison:
    """The comparison again with other corrections, without parsing the articles again: the
    grouping, the conflicts and the fact sheet are rebuilt (a fraction of a second for a few
    articles, seconds for a hundred)."""
    return assemble(
        comparison.articles,
        comparison.options,
        comparison.model,
        corrections=corrections,
        errors=comparison.errors,
        progress=progress,
        is_cancelled=is_cancelled,
    )


def assemble(
    analysed: tuple[AnalysedArticle, ...],
    options: CompareOptions,
    model: ModelInfo,
    *,
    corrections: Sequence[Correction] = (),
    errors: Sequence[LoadFailure] = (),
    progress: ProgressCallback | None = None,
    is_cancelled: Callable[[], bool] = lambda: False,
    prepared: Prepared | None = None,
) -> Comparison:
    """Claims, conflicts and the fact sheet of parsed and scored articles, with the user's
    corrections applied (``prepared``: per-sentence work already done)."""
    report = progress or (lambda stage, done, total: None)
    report(Stage.ALIGNMENT, 0, 1)
    if prepared is None:
        prepared = Prepared(
            [align.article_keys(item.article.text, item.sentences) for item in analysed], {}
        )
    vectors = align.weighted_vectors(prepared.keys)
    embedder = embeddings.load() if options.use_embeddings else None
    grouping = _grouping(options, embedder, analysed, prepared.embeddings)
    groups = align.group_claims(vectors, is_cancelled=is_cancelled, **grouping)
    used = replace(
        options,
        same_claim=grouping["threshold"],
        attach=grouping["attach"],
        use_embeddings="embeddings" in grouping,
    )
    _check(is_cancelled)
    problems: list[tuple[int, str]] = []
    if corrections:
        similarity = align.similarity_of(vectors, grouping.get("embeddings"))
        groups, problems = apply_to_groups(groups, corrections, analysed, similarity)
    claims = build_claims(groups, analysed)
    _check(is_cancelled)
    report(Stage.CONFLICTS, 0, 1)
    extracted = prepared.extracted
    conflicts = claim_conflicts(claims, analysed, is_cancelled, extracted)
    if conflicts is None:
        raise ComparisonCancelled
    dismissed: tuple = ()
    if corrections:
        conflicts, more, dismissed = apply_to_conflicts(conflicts, claims, corrections, analysed)
        problems = sorted(problems + more)
    report(Stage.FACTS, 0, 1)
    facts = fact_sheet(analysed, claims, conflicts, extracted)
    notices = () if model.trained else (Notice("reduced_accuracy", nlp.REDUCED_ACCURACY),)
    report(Stage.DONE, 1, 1)
    return Comparison(
        articles=analysed,
        model=model,
        created=datetime.now(UTC).isoformat(timespec="seconds"),
        errors=tuple(errors),
        notices=notices,
        claims=claims,
        conflicts=conflicts,
        facts=facts,
        embedding_model=embedder.name if "embeddings" in grouping else None,
        options=used,
        corrections=tuple(corrections),
        correction_problems=tuple(problems),
        dismissed=dismissed,
    )


def _scored(
    item: AnalysedArticle, embedder: embeddings.Embedder | None, vectors=None
) -> AnalysedArticle:
    return replace(
        item,
        scores=scores.score_article(item, embedder, vectors),
        voices=voices.find_voices(item),
        entities=voices.count_entities(item),
    )


def _grouping(
    options: CompareOptions, embedder: embeddings.Embedder | None, analysed, encoded=None
) -> dict[str, Any]:
    """Thresholds (the options' or the calibrated defaults for the similarity in use), and the
    sentence embeddings when the encoder is available (``encoded``: per article, already)."""
    if embedder is not None:
        if encoded is not None and all(v is not None for v in encoded):
            vectors = np.concatenate(encoded) if encoded else None
        else:
            texts = [item.sentence_text(s) for item in analysed for s in item.sentences]
            vectors = scores.encode(embedder, texts)
        if vectors is not None:
            model = pair_model.load()
            return {
                "threshold": _given(options.same_claim, model.same_claim),
                "attach": _given(options.attach, model.attach),
                "floor": align.PAIR_FLOOR,
                "embeddings": vectors,
                "info": sentence_infos(analysed),
            }
    return {
        "threshold": _given(options.same_claim, align.SAME_CLAIM_LEXICAL),
        "attach": _given(options.attach, align.ATTACH_LEXICAL),
        "floor": align.LINK_FLOOR_LEXICAL,
    }


def sentence_infos(analysed: Sequence[AnalysedArticle]) -> list[pair_model.SentenceInfo]:
    """What the pair model reads of each sentence, in flat order (article by article)."""
    return [
        pair_model.sentence_info(item.sentence_text(s), n, s.is_headline)
        for item in analysed
        for n, s in enumerate(item.sentences)
    ]


def _given(value: float | None, default: float) -> float:
    return default if value is None else value


def _processes(options: CompareOptions, articles: Sequence[Article]) -> int:
    if options.processes is not None:
        return max(1, options.processes)
    # Starting workers and loading the model in each costs ~2 s; it pays off from ~50k words.
    large = sum(len(article.text) for article in articles) > _PARALLEL_FROM_CHARS
    return 2 if large and (os.cpu_count() or 1) >= 2 else 1


def _check(is_cancelled: Callable[[], bool]) -> None:
    if is_cancelled():
        raise ComparisonCancelled
