"""Loading and comparison off the UI thread; results reach the window through signals."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from parallax.core.errors import ArticleLoadError
from parallax.core.loading import load_file
from parallax.core.models import Article, LoadFailure
from parallax.core.pipeline import CompareOptions, ComparisonCancelled, Stage, compare


class ComparisonWorker(QObject):
    """Runs in its own QThread; never touches widgets."""

    progressed = Signal(str, int, int)  # stage, done, total
    article_failed = Signal(object)  # LoadFailure
    comparison_finished = Signal(object)  # Comparison
    comparison_failed = Signal(str)
    comparison_cancelled = Signal()

    def __init__(self, sources: Sequence[Path | Article]) -> None:
        """``sources``: files to load, or articles already loaded (pasted), in display order."""
        super().__init__()
        self._sources = list(sources)
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @Slot()
    def run(self) -> None:
        try:
            articles, failures = self._load()
            if self._cancel.is_set():
                self.comparison_cancelled.emit()
                return
            if not articles:
                self.comparison_failed.emit("No article could be loaded.")
                return
            # One process: forking from a process with Qt threads is not safe.
            comparison = compare(
                articles,
                CompareOptions(processes=1),
                errors=failures,
                progress=lambda stage, done, total: self.progressed.emit(str(stage), done, total),
                is_cancelled=self._cancel.is_set,
            )
        except ComparisonCancelled:
            self.comparison_cancelled.emit()
        except Exception as error:  # the window shows a message, never a traceback
            self.comparison_failed.emit(f"The comparison failed: {error}")
        else:
            self.comparison_finished.emit(comparison)

    def _load(self) -> tuple[list[Article], list[LoadFailure]]:
        articles, failures = [], []
        for done, source in enumerate(self._sources):
            if self._cancel.is_set():
                break
            self.progressed.emit("loading", done, len(self._sources))
            if isinstance(source, Article):
                articles.append(source)
                continue
            path = source
            try:
                articles.append(load_file(path))
            except ArticleLoadError as error:
                failure = LoadFailure(source=str(path), message=str(error))
                failures.append(failure)
                self.article_failed.emit(failure)
        return articles, failures


def start(worker: ComparisonWorker) -> QThread:
    """Move ``worker`` to a new thread, wire its lifetime, and start it."""
    thread = QThread()
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    for done in (worker.comparison_finished, worker.comparison_failed, worker.comparison_cancelled):
        done.connect(thread.quit)
    thread.finished.connect(worker.deleteLater)
    thread.finished.connect(thread.deleteLater)
    thread.start()
    return thread


STAGE_TEXT = {
    "loading": "Loading articles",
    Stage.LOADING_MODEL.value: "Loading the language model",
    Stage.SENTENCES.value: "Finding sentences",
    Stage.SCORES.value: "Scoring readability and tone",
    Stage.ALIGNMENT.value: "Matching claims across articles",
    Stage.CONFLICTS.value: "Looking for conflicting details",
    Stage.DONE.value: "Done",
}
