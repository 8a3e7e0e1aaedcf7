"""Saving and reopening comparisons in the window, unsaved-work questions, crash restore."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from parallax.core import saved
from parallax.core.loading import supported_files
from parallax.ui import session as session_module
from parallax.ui.main_window import MainWindow
from tests.ui.test_window import compare_in

TIMEOUT = 120_000


def new_window(qtbot) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    return window


def titles(window) -> list[str]:
    return [item.article.display_name for item in window.comparison.articles]


@pytest.fixture
def two_files(sample_dir):
    return list(supported_files(sample_dir))[:2]


def test_save_and_reopen_with_notes(qtbot, tmp_path, two_files):
    first = new_window(qtbot)
    compare_in(first, qtbot, two_files)
    assert first.windowTitle().startswith("Untitled comparison*")
    first.document.set_note(first.document.sources[1], "Ask the desk about this one.")
    noted = first.pane_row.panes[first.comparison.articles[1].id]
    assert "✎ note" in noted.header.text() and noted.header.toolTip().startswith("Ask the desk")
    target = tmp_path / "monday.parallax"
    first.document.path = target
    assert first.session.save()
    assert first.windowTitle().startswith("monday.parallax —") and not first.document.modified

    second = new_window(qtbot)
    compare_in(second, qtbot, [target])
    assert titles(second) == titles(first)
    assert second.document.note_for(second.document.sources[1]) == "Ask the desk about this one."
    assert second.windowTitle().startswith("monday.parallax —")
    assert second.menus.recent_menu.actions()[0].text() == str(target)  # File ▸ Open Recent
    # Saving what was opened writes the same bytes.
    before = target.read_bytes()
    second.document.mark_modified()
    assert second.session.save()
    assert target.read_bytes() == before


def test_unsaved_work_is_not_dropped_without_asking(qtbot, tmp_path, two_files, sample_dir):
    window = new_window(qtbot)
    compare_in(window, qtbot, two_files)
    asked = []

    def cancel():
        asked.append(True)
        return QMessageBox.StandardButton.Cancel

    window.session.ask_to_save = cancel
    before = list(window.document.sources)
    assert not window.close() and window.isVisible()
    window.open_paths(list(supported_files(sample_dir))[2:4])  # would replace the articles
    assert len(asked) == 2 and window.document.sources == before and len(window.pane_row.panes) == 2
    window.session.ask_to_save = lambda: QMessageBox.StandardButton.Discard
    assert window.close()


def test_bad_saved_file_is_a_message_and_the_articles_stay(qtbot, tmp_path, two_files):
    window = new_window(qtbot)
    compare_in(window, qtbot, two_files)
    before = titles(window)
    broken = tmp_path / "broken.parallax"
    broken.write_text('{"kind": "parallax.saved-comparison", "version": 3}')
    window.session.ask_to_save = lambda: QMessageBox.StandardButton.Discard
    window.open_paths([broken])
    message = window.statusBar().currentMessage()
    assert message.startswith(
        "broken.parallax: version: 3: this file was saved by a newer Parallax"
    )
    assert titles(window) == before and len(window.pane_row.panes) == 2


def test_crashed_session_is_offered_and_restored(qtbot, two_files):
    crashed = new_window(qtbot)
    compare_in(crashed, qtbot, two_files)
    autosave = session_module.autosave_path()
    assert autosave.is_file() and len(saved.load(autosave).articles) == 2
    expected = titles(crashed)

    # A new session starts while the autosave is still there: the last one did not end cleanly.
    restarted = new_window(qtbot)
    assert restarted.session.check_for_crash()
    assert restarted.restore_bar.isVisible()
    with qtbot.waitSignal(restarted.comparison_finished, timeout=TIMEOUT):
        qtbot.mouseClick(restarted.restore_bar.restore_button, Qt.MouseButton.LeftButton)
    assert titles(restarted) == expected and not restarted.restore_bar.isVisible()
    assert restarted.document.modified  # restored work is still unsaved

    restarted.close()  # a clean exit removes the autosave
    assert not autosave.exists()


def test_sample_is_not_unsaved_work(qtbot, sample_dir):
    window = new_window(qtbot)
    with qtbot.waitSignal(window.comparison_finished, timeout=TIMEOUT):
        window.open_paths(list(supported_files(sample_dir)), sample=True)
    assert not window.document.modified and not session_module.autosave_path().exists()
    window.session.ask_to_save = lambda: pytest.fail("asked about the sample")
    assert window.close()


def test_saving_waits_for_a_running_comparison(qtbot, tmp_path, two_files, sample_dir):
    window = new_window(qtbot)
    compare_in(window, qtbot, two_files)
    target = tmp_path / "x.parallax"
    window.document.path = target
    with qtbot.waitSignal(window.comparison_finished, timeout=TIMEOUT):
        window.open_paths(list(supported_files(sample_dir))[2:4], replace=False)
        # The panes still show the old set: saving now would write the wrong articles.
        assert not window.session.save() and not target.exists()
    assert window.session.save() and len(saved.load(target).articles) == 4
