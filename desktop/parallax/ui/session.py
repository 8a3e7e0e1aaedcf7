"""The window's document: save and reopen comparisons, notes, unsaved-work checks, autosave.

The document is the list of articles the window compares (files or pasted text) plus a note per
article. It is "modified" when the user changes that list or a note since it was last saved or
opened; the bundled sample is never modified work. After every comparison of modified work a
copy goes to the autosave file in the user's data folder; a clean exit removes it, so finding it
at start-up means the last session ended in a crash, and the window offers to restore it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)

from parallax import APP_NAME
from parallax.core import Article, saved
from parallax.ui import palette

if TYPE_CHECKING:
    from parallax.ui.main_window import MainWindow

FILE_FILTER = f"Parallax comparisons (*{saved.SUFFIX})"


def autosave_path() -> Path:
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / f"autosave{saved.SUFFIX}"


def source_key(source: Path | Article) -> str:
    """Identifies an article across re-comparisons (the worker returns copies of articles)."""
    if isinstance(source, Path):
        return str(source)
    if source.source is not None:
        return str(source.source)
    return "pasted:" + hashlib.sha1(source.text.encode("utf-8")).hexdigest()[:16]


class Session(QObject):
    changed = Signal()  # path or modified state changed: the window retitles itself
    restore_offered = Signal()  # a crashed session's autosave can be restored

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.path: Path | None = None
        self.modified = False
        self.notes: dict[str, str] = {}
        self.same_claim: float | None = None
        self.autosave_enabled = True
        # A scripted run (--screenshot) holds no user work: it never asks to save or autosaves.
        self.unattended = False
        # Asked before unsaved work is dropped: returns Save, Discard or Cancel. Replaceable
        # (tests answer without a modal dialog).
        self.ask_to_save = self._ask_to_save

    # ---- state ----------------------------------------------------------------------------
    def mark_modified(self) -> None:
        if not self.modified:
            self.modified = True
            self.changed.emit()

    def reset(
        self,
        path: Path | None = None,
        notes: dict[str, str] | None = None,
        same_claim: float | None = None,
    ) -> None:
        self.path, self.modified, self.notes = path, False, dict(notes or {})
        self.same_claim = same_claim
        self.changed.emit()

    def title(self) -> str:
        name = self.path.name if self.path else self.window.tr("Untitled comparison")
        return f"{name}{'*' if self.modified else ''} — {APP_NAME}"

    def note_for(self, source: Path | Article) -> str:
        return self.notes.get(source_key(source), "")

    # ---- saving and opening ---------------------------------------------------------------
    def snapshot(self) -> saved.SavedComparison | None:
        comparison = self.window.comparison
        if comparison is None:
            return None
        articles = [item.article for item in comparison.articles]
        notes = [self.notes.get(source_key(article), "") for article in articles]
        return saved.saved_from(articles, notes, self.same_claim)

    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self._write(self.path)

    def save_as(self) -> bool:
        start = str(self.path or Path.home() / f"comparison{saved.SUFFIX}")
        chosen, _ = QFileDialog.getSaveFileName(
            self.window, self.window.tr("Save Comparison"), start, FILE_FILTER
        )
        if not chosen:
            return False
        path = Path(chosen)
        if path.suffix != saved.SUFFIX:
            path = path.with_name(path.name + saved.SUFFIX)
        return self._write(path)

    def _write(self, path: Path) -> bool:
        if self.window.runner.busy:  # the articles on screen are about to be replaced
            self.window.statusBar().showMessage(
                self.window.tr("Wait for the comparison to finish, then save."), 8000
            )
            return False
        snapshot = self.snapshot()
        if snapshot is None:
            self.window.statusBar().showMessage(self.window.tr("Nothing to save yet."), 5000)
            return False
        try:
            saved.save(snapshot, path)
        except saved.SavedFileError as error:
            self._warn(self.window.tr("Could not save"), str(error))
            return False
        self.reset(path, self.notes, self.same_claim)
        self.window.remember_recent([path])
        self.window.statusBar().showMessage(self.window.tr("Saved {}").format(path), 8000)
        return True

    def open(self, path: Path) -> bool:
        """Replace the window's articles with a saved comparison (asks about unsaved work)."""
        if not self.confirm_discard():
            return False
        try:
            document = saved.load(path)
        except saved.SavedFileError as error:
            self._warn(self.window.tr("Could not open"), str(error))
            return False
        self._adopt(document, Path(path))
        self.window.remember_recent([Path(path)])
        return True

    def _adopt(self, document: saved.SavedComparison, path: Path | None) -> None:
        """Make a saved comparison the window's work: its articles, notes and threshold."""
        notes = {source_key(a): document.note(n) for n, a in enumerate(document.articles)}
        self.reset(path, {k: v for k, v in notes.items() if v}, document.same_claim)
        self.window.compare_articles(list(document.articles))

    def confirm_discard(self) -> bool:
        """True when the current work may be dropped: saved, unmodified, or the user agrees."""
        if self.unattended or not self.modified or self.window.comparison is None:
            return True
        answer = self.ask_to_save()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def _ask_to_save(self) -> QMessageBox.StandardButton:
        buttons = (
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        return QMessageBox.question(
            self.window,
            self.window.tr("Unsaved comparison"),
            self.window.tr("Save the changes to this comparison before closing it?"),
            buttons,
            QMessageBox.StandardButton.Save,
        )

    # ---- notes ----------------------------------------------------------------------------
    def edit_note(self, source: Path | Article, label: str) -> None:
        text, accepted = QInputDialog.getMultiLineText(
            self.window, self.window.tr("Note"), label, self.note_for(source)
        )
        if accepted:
            self.set_note(source, text)

    def set_note(self, source: Path | Article, text: str) -> None:
        key = source_key(source)
        if text.strip():
            self.notes[key] = text
        else:
            self.notes.pop(key, None)
        self.mark_modified()
        self.changed.emit()  # the panes show the note

    # ---- autosave -------------------------------------------------------------------------
    def autosave(self) -> None:
        """Keep a copy of modified work; failures only cost the copy, never the work."""
        if self.unattended or not self.autosave_enabled or not self.modified:
            return
        if self.window.runner.busy:
            return
        snapshot = self.snapshot()
        if snapshot is None:
            return
        path = autosave_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            saved.save(snapshot, path)
        except (OSError, saved.SavedFileError) as error:
            self.window.statusBar().showMessage(
                self.window.tr("Autosave failed: {}").format(error), 8000
            )

    def discard_autosave(self) -> None:
        autosave_path().unlink(missing_ok=True)

    def check_for_crash(self) -> bool:
        """Offer to restore the autosave left by a session that did not end cleanly."""
        path = autosave_path()
        if not path.is_file():
            return False
        self.restore_offered.emit()
        return True

    def restore(self) -> bool:
        if not self.confirm_discard():  # the user may have started new work meanwhile
            return False
        try:
            document = saved.load(autosave_path())
        except saved.SavedFileError as error:
            self._warn(self.window.tr("Could not restore"), str(error))
            self.discard_autosave()
            return False
        self._adopt(document, None)
        self.mark_modified()  # restored work has not been saved anywhere yet
        return True

    def _warn(self, title: str, message: str) -> None:
        self.window.statusBar().showMessage(message, 15000)
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, parent=self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)  # file names are shown as written
        box.open()  # non-modal: the window stays usable


class RestoreBar(QWidget):
    """The non-modal offer, above the articles, to restore the work a crash left behind."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.setStyleSheet(palette.banner_style())
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 2, 6, 2)
        label = QLabel(
            self.tr("Parallax did not close properly last time. Restore the unsaved comparison?")
        )
        self.restore_button = QPushButton(self.tr("&Restore"))
        self.discard_button = QPushButton(self.tr("D&iscard"))
        self.restore_button.clicked.connect(self._on_restore_clicked)
        self.discard_button.clicked.connect(self._on_discard_clicked)
        row.addWidget(label, 1)
        row.addWidget(self.restore_button)
        row.addWidget(self.discard_button)
        session.restore_offered.connect(self.show)
        self.hide()

    def _on_restore_clicked(self) -> None:
        self.hide()
        self.session.restore()

    def _on_discard_clicked(self) -> None:
        self.hide()
        self.session.discard_autosave()
