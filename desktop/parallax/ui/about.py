"""Help ▸ About and the third-party notices: versions, credits and the licences of what we ship."""

from __future__ import annotations

from html import escape

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from parallax import APP_NAME, __version__, resources
from parallax.core import EMBEDDING_CREDIT


class NoticesDialog(QDialog):
    """THIRD_PARTY_NOTICES.md, read-only and scrollable; the keyboard scrolls it, Esc closes it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Third-party Notices — {}").format(APP_NAME))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(760, 600)
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(True)
        notices = resources.third_party_notices()
        if notices is None:
            self.text.setPlainText(
                self.tr("The notices file ({}) is missing from this installation.").format(
                    resources.NOTICES
                )
            )
        else:
            self.text.setMarkdown(notices)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.text.setFocus()


def show_notices(parent: QWidget) -> NoticesDialog:
    """Open the notices beside the window (not modal: they can stay open while working)."""
    dialog = NoticesDialog(parent)
    dialog.show()
    return dialog


def about_box(window: QWidget, model: str) -> QMessageBox:
    """The About box: version, the models in use, Qt's licence and a way to the full notices."""
    box = QMessageBox(window)
    box.setWindowTitle(window.tr("About {}").format(APP_NAME))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(
        window.tr(
            "<b>Parallax {}</b><br>Compare news articles about one event.<br>"
            "Language model: {}<br>Sentence embeddings: {}<br>"
            "Qt {} and PySide6 {}, used under the LGPL-3.0<br>"
            "Parallax is free software under the Apache License 2.0."
        ).format(
            __version__,
            escape(model),
            escape(EMBEDDING_CREDIT),
            qVersion(),
            PySide6.__version__,
        )
    )
    icon = QApplication.windowIcon()
    if not icon.isNull():
        box.setIconPixmap(icon.pixmap(64, 64))
    notices = box.addButton(window.tr("&Third-party Notices…"), QMessageBox.ButtonRole.ActionRole)
    # Any button closes a message box; this one also opens the notices, parented to the window.
    notices.clicked.connect(lambda: show_notices(window))
    box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Ok))
    return box
