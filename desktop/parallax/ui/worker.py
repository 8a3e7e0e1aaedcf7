"""Runs comparisons in a child process and hands results to the window through signals."""

from __future__ import annotations

import multiprocessing
import queue
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from parallax.core import Article, Correction, Stage, jobs

_POLL_MS = 40


class _Engine:
    """One long-lived child process (it keeps the language model loaded between runs)."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")
        self.messages = context.Queue()
        self.active = context.Value("q", 0)
        self.jobs = 0
        self.pool = ProcessPoolExecutor(
            max_workers=1,
            mp_context=context,
            initializer=jobs.init_process,
            initargs=(self.messages, self.active),
        )
        # Messages read by one worker but meant for another (a newer job).
        self.pending: list[tuple] = []

    def submit(self, sources, same_claim: float | None, corrections) -> tuple[int, Future]:
        self.jobs += 1
        self.active.value = self.jobs
        return self.jobs, self.pool.submit(jobs.run, self.jobs, sources, same_claim, corrections)

    def messages_for(self, job: int) -> list[tuple]:
        while True:
            try:
                self.pending.append(self.messages.get_nowait())
            except queue.Empty:
                break
        mine = [m[1:] for m in self.pending if m[0] == job]
        # Messages of older jobs are dropped; a newer job's are kept for its worker.
        self.pending = [m for m in self.pending if m[0] > job]
        return mine


_engine: _Engine | None = None


def engine() -> _Engine:
    global _engine
    if _engine is None:
        _engine = _Engine()
    return _engine


def shutdown() -> None:
    """Stop the child process (at application exit)."""
    global _engine
    if _engine is not None:
        _engine.active.value = -1
        _engine.pool.shutdown(wait=False, cancel_futures=True)
        _engine = None


class ComparisonWorker(QObject):
    """One comparison. Lives on the UI thread; the work happens in the engine's process."""

    progressed = Signal(str, int, int)  # stage, done, total
    article_failed = Signal(object)  # LoadFailure
    comparison_finished = Signal(object)  # Comparison
    comparison_failed = Signal(str)
    comparison_cancelled = Signal()

    def __init__(
        self,
        sources: Sequence[Path | Article],
        same_claim: float | None = None,
        corrections: Sequence[Correction] = (),
    ) -> None:
        super().__init__()
        self._sources = list(sources)
        self._same_claim = same_claim
        self._corrections = tuple(corrections)
        self._future: Future | None = None
        self._job = 0
        self._timer = QTimer(self)
        self._timer.setInterval(_POLL_MS)
        self._timer.timeout.connect(self._on_timer_timeout)

    def start(self) -> None:
        self._job, self._future = engine().submit(
            self._sources, self._same_claim, self._corrections
        )
        self._timer.start()

    def cancel(self) -> None:
        if _engine is not None and _engine.active.value == self._job:
            _engine.active.value = -1

    def _on_timer_timeout(self) -> None:
        self._forward_messages()
        if self._future is None or not self._future.done():
            return
        self._timer.stop()
        self._forward_messages()
        try:
            comparison = self._future.result()
        except BrokenProcessPool:
            # The child died (out of memory, killed): the next comparison gets a fresh one.
            shutdown()
            self.comparison_failed.emit("The analysis process stopped unexpectedly.")
            return
        except Exception as error:  # shown to the user as a sentence, never a traceback
            message = str(error) or type(error).__name__
            self.comparison_failed.emit(message if message.endswith(".") else f"{message}.")
            return
        if comparison is None:
            self.comparison_cancelled.emit()
        else:
            self.comparison_finished.emit(comparison)

    def _forward_messages(self) -> None:
        if _engine is None:
            return
        for kind, *rest in _engine.messages_for(self._job):
            if kind == "progress":
                self.progressed.emit(*rest)
            elif kind == "failed":
                self.article_failed.emit(rest[0])


STAGE_TEXT = {
    "loading": "Loading articles",
    Stage.LOADING_MODEL.value: "Loading the language model",
    Stage.SENTENCES.value: "Finding sentences",
    Stage.SCORES.value: "Scoring readability and tone",
    Stage.ALIGNMENT.value: "Matching claims across articles",
    Stage.CONFLICTS.value: "Looking for conflicting details",
    Stage.FACTS.value: "Lining up the key details",
    Stage.DONE.value: "Done",
}
