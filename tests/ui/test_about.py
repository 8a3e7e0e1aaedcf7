"""Help ▸ About and Help ▸ Third-party Notices: what a user reads, reached by mouse and keyboard."""

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from parallax import __version__, resources
from parallax.ui import about
from parallax.ui.about import NoticesDialog
from parallax.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    return window


def help_action(window, text):
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    return next(a for a in help_menu.actions() if text in a.text().replace("&", ""))


def shown_notices(window) -> NoticesDialog:
    dialogs = [d for d in window.findChildren(NoticesDialog) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def test_help_menu_opens_the_notices_scrollable_and_closed_with_escape(window, qtbot):
    help_action(window, "Third-party Notices").trigger()
    dialog = shown_notices(window)
    text = dialog.text.toPlainText()
    assert "PySide6" in text and "LGPL" in text
    assert "how to replace them" in text
    assert dialog.text.isReadOnly()
    assert dialog.text.verticalScrollBar().maximum() > 0  # long: it scrolls
    assert dialog.focusWidget() is dialog.text  # the keys scroll the text once it is shown
    qtbot.keyClick(dialog.text, Qt.Key.Key_PageDown)
    assert dialog.text.verticalScrollBar().value() > 0
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_about_box_keeps_its_credits_and_opens_the_notices(window, qtbot):
    box = about.about_box(window, "en_core_web_sm 3.8.0")
    qtbot.addWidget(box)
    for credit in (__version__, "en_core_web_sm 3.8.0", "WordLlama", "LGPL-3.0", "Apache"):
        assert credit in box.text()
    button = next(b for b in box.buttons() if b.text() == "&Third-party Notices…")
    box.show()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not box.isVisible()
    assert "LGPL" in shown_notices(window).text.toPlainText()


def test_about_from_the_help_menu_reaches_the_notices_with_the_keyboard(window, qtbot):
    def press_t():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        # A message box clicks the button whose mnemonic is pressed (&Third-party Notices…).
        qtbot.keyClick(box, Qt.Key.Key_T)
        # Should the key do nothing, close the box so that the test fails instead of hanging.
        # The box is the timer's context: once it is deleted the timer never fires.
        QTimer.singleShot(5000, box, lambda: box.done(0) if box.isVisible() else None)

    QTimer.singleShot(0, press_t)
    help_action(window, "About Parallax").trigger()  # modal until the box closes
    assert "PySide6" in shown_notices(window).text.toPlainText()


def test_a_missing_notices_file_is_said_plainly(window, monkeypatch):
    monkeypatch.setattr(resources, "third_party_notices", lambda: None)
    dialog = about.show_notices(window)
    assert "missing" in dialog.text.toPlainText()
    dialog.close()
