"""The questions and dialogs around the comparison document: save and save-as, opening saved
comparisons, "save changes?", notes, autosave and the offer to restore after a crash.

The state itself lives in ``ComparisonDocument``; this is the user-facing side, handed the
document and the widget its dialogs belong to. After every comparison of modified work a copy goes
to the autosave file in the user's data folder; a clean exit removes it, so finding it at start-up
means the last session ended in a crash, and the window offers to restore it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

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
from parallax.core import saved
from parallax.ui import palette
from parallax.ui.document import ComparisonDocument, Source

FILE_FILTER = f"Parallax comparisons (*{saved.SUFFIX})"


def autosave_path() -> Path:
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / f"autosave{saved.SUFFIX}"


class Session(QObject):
    message = Signal(str, int)  # a status line and how long to show it (ms)
    file_used = Signal(object)  # Path saved to or opened: for File ▸ Open Recent
    restore_offered = Signal()  # a crashed session's autosave can be restored

    def __init__(
        self, document: ComparisonDocument, parent: QWidget, is_busy: Callable[[], bool]
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.parent_widget = parent
        # While a comparison runs, the articles on show are about to be replaced.
        self.is_busy = is_busy
        self.autosave_enabled = True
        # A scripted run (--screenshot) holds no user work: it never asks to save or autosaves.
        self.unattended = False
        # Asked before unsaved work is dropped: returns Save, Discard or Cancel. Replaceable
        # (tests answer without a modal dialog).
        self.ask_to_save = self._ask_to_save

    # ---- saving and opening ---------------------------------------------------------------
    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self._write(self.document.path)

    def save_as(self) -> bool:
        start = str(self.document.path or Path.home() / f"comparison{saved.SUFFIX}")
        chosen, _ = QFileDialog.getSaveFileName(
            self.parent_widget, self.tr("Save Comparison"), start, FILE_FILTER
        )
        if not chosen:
            return False
        path = Path(chosen)
        if path.suffix != saved.SUFFIX:
            path = path.with_name(path.name + saved.SUFFIX)
        return self._write(path)

    def _write(self, path: Path) -> bool:
        if self.is_busy():
            self.message.emit(self.tr("Wait for the comparison to finish, then save."), 8000)
            return False
        if self.document.comparison is None:
            self.message.emit(self.tr("Nothing to save yet."), 5000)
            return False
        try:
            self.document.save(path)
        except saved.SavedFileError as error:
            self._warn(self.tr("Could not save"), str(error))
            return False
        self.file_used.emit(path)
        self.message.emit(self.tr("Saved {}").format(path), 8000)
        return True

    def open(self, path: Path) -> bool:
        """Replace the document with a saved comparison (asks about unsaved work)."""
        if not self.confirm_discard():
            return False
        try:
            self.document.open(path)
        except saved.SavedFileError as error:
            self._warn(self.tr("Could not open"), str(error))
            return False
        self.file_used.emit(Path(path))
        return True

    def confirm_discard(self) -> bool:
        """True when the current work may be dropped: saved, unmodified, or the user agrees."""
        if self.unattended or not self.document.modified or self.document.comparison is None:
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
            self.parent_widget,
            self.tr("Unsaved comparison"),
            self.tr("Save the changes to this comparison before closing it?"),
            buttons,
            QMessageBox.StandardButton.Save,
        )

    def edit_note(self, source: Source, label: str) -> None:
        text, accepted = QInputDialog.getMultiLineText(
            self.parent_widget, self.tr("Note"), label, self.document.note_for(source)
        )
        if accepted:
            self.document.set_note(source, text)

    # ---- autosave -------------------------------------------------------------------------
    def autosave(self) -> None:
        """Keep a copy of modified work; failures only cost the copy, never the work."""
        if self.unattended or not self.autosave_enabled or not self.document.modified:
            return
        if self.is_busy() or self.document.comparison is None:
            return
        path = autosave_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.document.write_copy(path)
        except (OSError, saved.SavedFileError) as error:
            self.message.emit(self.tr("Autosave failed: {}").format(error), 8000)

    def discard_autosave(self) -> None:
        autosave_path().unlink(missing_ok=True)

    def check_for_crash(self) -> bool:
        """Offer to restore the autosave left by a session that did not end cleanly."""
        if not autosave_path().is_file():
            return False
        self.restore_offered.emit()
        return True

    def restore(self) -> bool:
        if not self.confirm_discard():  # the user may have started new work meanwhile
            return False
        try:
            # Restored work has not been saved anywhere yet: no file, and modified.
            self.document.open(autosave_path(), as_file=False)
        except saved.SavedFileError as error:
            self._warn(self.tr("Could not restore"), str(error))
            self.discard_autosave()
            return False
        return True

    def _warn(self, title: str, message: str) -> None:
        self.message.emit(message, 15000)
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, parent=self.parent_widget)
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
