"""The comparison document: unsaved state that follows the undo stack and saving, the signals the
window follows, and Edit ▸ Undo / Redo made from the document's stack."""

from pathlib import Path

from PySide6.QtGui import QKeySequence, QUndoCommand

from parallax.core import Correction, CorrectionKind, conflict_spans
from parallax.core.loading import supported_files
from parallax.ui.document import ComparisonDocument
from tests.ui.test_session import new_window
from tests.ui.test_window import TIMEOUT, compare_in


class SetCorrections(QUndoCommand):
    """Stands in for the correction commands: swaps the document's corrections."""

    def __init__(self, document: ComparisonDocument, corrections: tuple) -> None:
        super().__init__("test correction")
        self.document, self.before, self.after = document, document.corrections, corrections

    def redo(self) -> None:
        self.document.set_corrections(self.after)

    def undo(self) -> None:
        self.document.set_corrections(self.before)


def test_article_changes_are_signalled_and_unsaved(qtbot):
    document = ComparisonDocument()
    a, b, c = Path("a.txt"), Path("b.txt"), Path("c.txt")
    with qtbot.waitSignal(document.articles_changed):
        document.start([a, b], modified=False)
    assert not document.modified and document.title().startswith("Untitled comparison —")
    with qtbot.waitSignals([document.articles_changed, document.changed]):
        document.add([b, c])  # b is there already
    assert document.sources == [a, b, c] and document.modified
    assert document.title().startswith("Untitled comparison*")
    document.move(0, 1)
    document.remove(2)
    assert document.sources == [b, a]
    with qtbot.waitSignal(document.notes_changed):
        document.set_note(a, "check the date")
    assert document.note_for(a) == "check the date" and document.note_for(b) == ""


def test_corrections_are_undoable_and_saving_sets_the_clean_state(qtbot, tmp_path, sample_dir):
    window = new_window(qtbot)
    document = window.document
    compare_in(window, qtbot, list(supported_files(sample_dir))[:2])
    target = tmp_path / "fixed.parallax"
    document.path = target
    assert window.session.save() and not document.modified
    assert not window.menus.undo_action.isEnabled()

    # A correction changes what is compared: the window compares again.
    conflict = window.comparison.conflicts[0]
    one = Correction(
        CorrectionKind.DISMISS,
        conflict_type=conflict.type,
        values=conflict_spans(conflict, window.comparison.articles),
    )
    changed = [window.comparison_finished, document.corrections_changed]
    with qtbot.waitSignals(changed, timeout=TIMEOUT):
        document.undo_stack.push(SetCorrections(document, (one,)))
    assert document.corrections == (one,) and document.modified
    assert window.windowTitle().startswith("fixed.parallax*")
    assert window.menus.undo_action.isEnabled()
    assert "test correction" in window.menus.undo_action.text()

    with qtbot.waitSignal(window.comparison_finished, timeout=TIMEOUT):
        window.menus.undo_action.trigger()  # back to the saved state: nothing unsaved
    assert document.corrections == () and not document.modified
    assert window.windowTitle().startswith("fixed.parallax —")
    with qtbot.waitSignal(window.comparison_finished, timeout=TIMEOUT):
        window.menus.redo_action.trigger()
    assert document.corrections == (one,) and document.modified
    assert window.session.save() and not document.modified  # the clean state moves to here


def test_undo_and_redo_are_in_the_edit_menu_with_their_keys(qtbot):
    window = new_window(qtbot)
    assert window.menus.undo_action.shortcut() == QKeySequence("Ctrl+Z")
    assert window.menus.redo_action.shortcut() == QKeySequence("Ctrl+Shift+Z")
    edit = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    assert edit.actions()[:2] == [window.menus.undo_action, window.menus.redo_action]
