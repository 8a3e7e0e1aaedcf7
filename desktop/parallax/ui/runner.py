"""Runs the window's comparisons: one worker at a time, with stage, progress and Cancel in the
status bar. Results of a worker that was replaced or cancelled are dropped here, so the window
only ever hears about the comparison it asked for last."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar

from parallax.core import Article, Comparison, Correction, LoadFailure
from parallax.ui.worker import STAGE_TEXT, ComparisonWorker


class ComparisonRunner(QObject):
    progressed = Signal(str, int, int)  # stage, done, total
    article_failed = Signal(object)  # LoadFailure
    finished = Signal(object)  # Comparison
    failed = Signal(str)  # message
    cancelled = Signal()

    def __init__(self, status_bar: QStatusBar) -> None:
        super().__init__(status_bar)
        self.stage = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(240)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        for widget in (self.stage, self.progress, self.cancel_button):
            status_bar.addPermanentWidget(widget)
        self._worker: ComparisonWorker | None = None
        self._set_busy(False)

    @property
    def busy(self) -> bool:
        return self._worker is not None

    def start(
        self,
        sources: Sequence[Path | Article],
        same_claim: float | None = None,
        corrections: Sequence[Correction] = (),
    ) -> None:
        """Compare ``sources`` with the user's ``corrections``; a comparison still running is
        cancelled and forgotten. The same articles again with other corrections are only
        reassembled in the worker, not parsed again."""
        if self._worker is not None:
            self._worker.cancel()
        worker = ComparisonWorker(sources, same_claim, corrections)
        worker.progressed.connect(self._on_progressed)
        worker.article_failed.connect(self._on_article_failed)
        worker.comparison_finished.connect(self._on_finished)
        worker.comparison_failed.connect(self._on_failed)
        worker.comparison_cancelled.connect(self._on_cancelled)
        self._worker = worker
        self._set_busy(True)
        try:
            worker.start()
        except Exception as error:  # the child process could not take the job
            self._done()
            self.failed.emit(f"The analysis could not start: {error or type(error).__name__}.")

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            self.stage.setText(self.tr("Cancelling…"))

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if not busy:
            self.stage.setText("")

    def _current(self) -> bool:
        return self.sender() is self._worker

    def _done(self) -> None:
        self._worker = None
        self._set_busy(False)

    def _on_progressed(self, stage: str, done: int, total: int) -> None:
        if not self._current():
            return
        self.stage.setText(self.tr(STAGE_TEXT.get(stage, stage)))
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        self.progressed.emit(stage, done, total)

    def _on_article_failed(self, failure: LoadFailure) -> None:
        if self._current():
            self.article_failed.emit(failure)

    def _on_finished(self, comparison: Comparison) -> None:
        if self._current():
            self._done()
            self.finished.emit(comparison)

    def _on_failed(self, message: str) -> None:
        if self._current():
            self._done()
            self.failed.emit(message)

    def _on_cancelled(self) -> None:
        if self._current():
            self._done()
            self.cancelled.emit()
