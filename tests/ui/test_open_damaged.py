"""A damaged or foreign saved comparison opened or restored in the window: a message that names
the field and what was expected, never an exception out of the window."""

import pytest

from parallax.ui import session as session_module
from parallax.ui.main_window import MainWindow

HEAD = b'{"kind": "parallax.saved-comparison", "version": 1, '
DAMAGED = {
    "deep nesting": (
        HEAD + b'"deep": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        "the file is nested too deeply (more than 64 levels)",
    ),
    "5,000-digit version": (
        b'{"kind": "parallax.saved-comparison", "version": ' + b"9" * 5000 + b"}",
        "version: 999999999999… (5,000 digits): this file was saved by a newer Parallax",
    ),
    "options a list": (
        HEAD + b'"options": [], "articles": []}',
        "options: expected an object; found a list",
    ),
    "text a number": (
        HEAD + b'"articles": [{"text": 4, "format": "txt"}]}',
        "articles[0].text: expected the article's text, a string; found a number (4)",
    ),
}


def _window(qtbot) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.mark.parametrize(("content", "reason"), DAMAGED.values(), ids=DAMAGED.keys())
def test_opening_shows_what_is_wrong(qtbot, tmp_path, content, reason):
    window = _window(qtbot)
    path = tmp_path / "theirs.parallax"
    path.write_bytes(content)
    assert not window.session.open(path)
    assert window.statusBar().currentMessage().startswith(f"theirs.parallax: {reason}")


def test_a_damaged_autosave_is_reported_and_removed(qtbot):
    window = _window(qtbot)
    autosave = session_module.autosave_path()
    autosave.parent.mkdir(parents=True, exist_ok=True)
    autosave.write_bytes(DAMAGED["options a list"][0])
    assert window.session.check_for_crash()
    assert not window.session.restore()
    assert window.statusBar().currentMessage() == (
        "autosave.parallax: options: expected an object; found a list"
    )
    assert not autosave.exists()
