"""UI tests: settings and autosaves go to a temporary folder, never the user's; a window with
unsaved work is discarded on close without a modal question (tests that care answer it)."""

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from parallax.ui import session


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, qapp, monkeypatch):
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    monkeypatch.setattr(session, "autosave_path", lambda: tmp_path / "data" / "autosave.parallax")
    monkeypatch.setattr(
        session.Session, "_ask_to_save", lambda self: QMessageBox.StandardButton.Discard
    )
    yield
