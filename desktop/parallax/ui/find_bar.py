"""Find in articles (Ctrl+F): searches every pane in order, wrapping around."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget


class FindBar(QWidget):
    def __init__(self, editors: Callable[[], list[QPlainTextEdit]]) -> None:
        super().__init__()
        self._editors = editors
        self.field = QLineEdit()
        self.field.setPlaceholderText(
            self.tr("Find in articles (Enter: next, Shift+Enter: previous)")
        )
        self.count = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count)
        self.field.returnPressed.connect(lambda: self.find(1))
        self.field.textChanged.connect(self._on_field_text_changed)
        self.hide()

    def open(self) -> None:
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def find(self, direction: int) -> bool:
        """Select the next (1) or previous (−1) match after the current one; False if none."""
        words = self.field.text()
        editors = self._editors()
        if not words or not editors:
            return False
        flags = QTextDocument.FindFlag(0)
        if direction < 0:
            flags |= QTextDocument.FindFlag.FindBackward
        start = next((n for n, e in enumerate(editors) if e.hasFocus()), 0)
        for step in range(len(editors) + 1):
            editor = editors[(start + direction * step) % len(editors)]
            if step:
                cursor = QTextCursor(editor.document())
                cursor.movePosition(
                    QTextCursor.MoveOperation.Start
                    if direction > 0
                    else QTextCursor.MoveOperation.End
                )
                editor.setTextCursor(cursor)
            if editor.find(words, flags):
                editor.setFocus()
                return True
        return False

    def _on_field_text_changed(self, words: str) -> None:
        total = (
            sum(e.toPlainText().lower().count(words.lower()) for e in self._editors())
            if words
            else 0
        )
        self.count.setText(self.tr("{} matches").format(total) if words else "")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.find(-1)
        else:
            super().keyPressEvent(event)
