"""A comparison run in a separate process, reporting through a queue (for the window).

The window's event loop must never wait: spaCy and numpy hold the interpreter lock for long
stretches, so a thread in the window's process still freezes it. A child process does not.
The child keeps its language model between comparisons, and the last comparison it made: when
the same articles are compared again with the same options (the user corrected the claims by
hand), it is only reassembled with the corrections, not parsed again. This module is Qt-free so
the child never imports the GUI toolkit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from multiprocessing.queues import Queue
from pathlib import Path
from typing import Any

from parallax.core.corrections import Correction
from parallax.core.lifeline import end_with_parent
from parallax.core.loading import load_files
from parallax.core.models import Article, Comparison, LoadFailure
from parallax.core.pipeline import CompareOptions, ComparisonCancelled, compare, reassemble

_queue: Queue | None = None
_active: Any = None  # multiprocessing.Value("q"): the id of the job the window still wants
_job = 0
# The last comparison made here, with its tokens, and what it was made from: (articles, options).
_last: tuple[tuple, Comparison] | None = None


def init_process(queue: Queue, active: Any) -> None:
    """Pool initializer: end with the window's process, remember where to report and which
    job is wanted."""
    end_with_parent()
    global _queue, _active
    _queue, _active = queue, active


def _report(*message: object) -> None:
    if _queue is not None:
        _queue.put((_job, *message))


def _cancelled() -> bool:
    # A job is cancelled when the window cancels it or starts another one.
    return _active is not None and _active.value != _job


def run(
    job: int,
    sources: Sequence[Path | Article],
    same_claim: float | None = None,
    corrections: Sequence[Correction] = (),
) -> Comparison | None:
    """Load and compare, applying the user's ``corrections``; None when cancelled. Load failures
    are reported as they happen. ``same_claim`` is the similarity threshold a saved comparison
    asks for (None: default)."""
    global _job
    _job = job
    loaded = load_files(
        sources,
        is_cancelled=_cancelled,
        progress=lambda done, total: _report("progress", "loading", done, total),
        on_failure=lambda failure: _report("failed", failure),
    )
    if _cancelled():
        return None
    articles, failures = list(loaded.articles), list(loaded.failures)
    if not articles:
        raise ValueError("No article could be loaded.")
    options = CompareOptions(processes=1, same_claim=same_claim)
    try:
        return _without_tokens(_analysed(articles, failures, options, corrections))
    except ComparisonCancelled:
        return None


def _analysed(
    articles: list[Article],
    failures: list[LoadFailure],
    options: CompareOptions,
    corrections: Sequence[Correction],
) -> Comparison:
    """The comparison, reassembled from the last one when only the corrections changed."""
    global _last
    made_from = (tuple(articles), options)
    if _last is not None and _last[0] == made_from:
        comparison = reassemble(
            replace(_last[1], errors=tuple(failures)),
            corrections,
            progress=_progress,
            is_cancelled=_cancelled,
        )
    else:
        _last = None  # its memory is not held beside the new comparison's
        comparison = compare(
            articles,
            options,
            errors=failures,
            corrections=corrections,
            progress=_progress,
            is_cancelled=_cancelled,
        )
    _last = (made_from, comparison)
    return comparison


def _progress(stage: object, done: int, total: int) -> None:
    _report("progress", str(stage), done, total)


def _without_tokens(comparison: Comparison) -> Comparison:
    """Tokens serve the analysis only; leaving them out makes the result ~3× smaller to pass."""
    articles = tuple(
        replace(item, sentences=tuple(replace(s, tokens=()) for s in item.sentences))
        for item in comparison.articles
    )
    return replace(comparison, articles=articles)
