"""Corrections by hand through the window's actions, on four articles about one plant explosion:
every kind changes the claims or conflicts the user sees, is undone and redone from Edit, is
saved and reopened with the comparison, survives comparing again, and one that cannot apply is
shown to the user."""

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QKeySequence, QTextCursor

from parallax.core.models import ConflictType
from parallax.ui import corrections
from parallax.ui.panels import CLAIM_ROLE, CONFLICT_ROLE
from tests.core.test_facts import A1, A2, A3, A4
from tests.ui.test_session import new_window
from tests.ui.test_window import TIMEOUT, compare_in


@pytest.fixture
def plant(tmp_path) -> list[Path]:
    paths = []
    for n, text in enumerate((A1, A2, A3, A4), start=1):
        path = tmp_path / f"report-{n}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture
def window(qtbot, plant):
    window = new_window(qtbot)
    compare_in(window, qtbot, plant)
    return window


def place(window, article: str, words: str) -> tuple[str, int]:
    item = next(i for i in window.comparison.articles if i.id == article)
    return article, next(s.index for s in item.sentences if words in item.sentence_text(s))


def holding(comparison, where) -> list:
    return [c for c in comparison.claims if where in {(m.article, m.sentence) for m in c.members}]


def members(claim) -> set:
    return {(m.article, m.sentence) for m in claim.members}


def together(comparison, *places) -> bool:
    """One claim holds all these sentences."""
    return any(set(places) <= members(c) for c in comparison.claims)


def click(window, where) -> None:
    """The reader puts the cursor in a sentence, as a click does."""
    pane = window.pane_row.panes[where[0]]
    pane.text.setFocus()
    cursor = QTextCursor(pane.text.document())
    cursor.setPosition(pane.item.sentences[where[1]].start + 2)
    pane.text.setTextCursor(cursor)


def select_words(window, article: str, words: str) -> None:
    pane = window.pane_row.panes[article]
    pane.text.setFocus()
    start = pane.item.article.text.index(words)
    cursor = QTextCursor(pane.text.document())
    cursor.setPosition(start)
    cursor.setPosition(start + len(words), QTextCursor.MoveMode.KeepAnchor)
    pane.text.setTextCursor(cursor)


def select_claims(window, *claims) -> None:
    view = window.docks.claims_view
    view.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    model = window.docks.claims_filter
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if index.data(CLAIM_ROLE) in claims:
            view.selectionModel().select(index, flags)


def select_conflict(window, conflict) -> None:
    table = window.docks.conflicts_table
    row = next(
        r for r in range(table.rowCount()) if table.item(r, 0).data(CONFLICT_ROLE) == conflict.id
    )
    table.selectRow(row)


def apply(window, qtbot, action):
    assert action.isEnabled(), action.text()
    with qtbot.waitSignal(window.comparison_finished, timeout=TIMEOUT) as finished:
        action.trigger()
    return finished.args[0]


def undo_and_redo(window, qtbot, corrected) -> None:
    """Edit ▸ Undo takes the correction back, Edit ▸ Redo makes it again; ``corrected(comparison)``
    tells whether the comparison on show has it."""
    assert corrected(window.comparison)
    with qtbot.waitSignal(window.comparison_finished, timeout=TIMEOUT):
        window.menus.undo_action.trigger()
    assert not corrected(window.comparison) and not window.document.corrections
    with qtbot.waitSignal(window.comparison_finished, timeout=TIMEOUT):
        window.menus.redo_action.trigger()
    assert corrected(window.comparison) and len(window.document.corrections) >= 1


def test_link_a_sentence_to_the_selected_claim_undo_and_redo(window, qtbot):
    crews = place(window, "a1", "Crews worked through the night")
    contained = place(window, "a2", "crews had contained the fire")
    assert not together(window.comparison, crews, contained)
    assert not window.corrections.link_action.isEnabled()  # nothing picked yet
    select_claims(window, holding(window.comparison, contained)[0].id)
    click(window, crews)
    after = apply(window, qtbot, window.corrections.link_action)
    assert together(after, crews, contained)
    assert len(after.corrections) == 1 and not after.correction_problems
    assert "1 correction made by hand" in window.statusBar().currentMessage()
    # The claim of the reader's sentence is on show again, now with the linked sentence.
    assert window.navigator.current in {c.id for c in holding(after, crews)}
    assert window.menus.undo_action.text() == "&Undo Link sentence to claim"

    undo_and_redo(window, qtbot, lambda c: together(c, crews, contained))
    assert window.document.modified


def test_link_two_picked_sentences_as_one_claim(window, qtbot):
    cause = place(window, "a1", "The cause of the blast")
    tank = place(window, "a4", "storage tank")
    assert not window.corrections.link_picked_action.isEnabled()
    click(window, cause)
    window.corrections.pick_action.trigger()
    click(window, tank)
    window.corrections.pick_action.trigger()
    assert window.pane_row.picked == [cause, tank]
    after = apply(window, qtbot, window.corrections.link_picked_action)
    assert together(after, cause, tank)
    assert window.pane_row.picked == []  # used up: the panes show the new comparison
    undo_and_redo(window, qtbot, lambda c: together(c, cause, tank))


def test_unlink_a_sentence_from_its_claim(window, qtbot):
    quote = place(window, "a1", "never seen a fire like this")
    contained = place(window, "a2", "crews had contained the fire")
    assert together(window.comparison, quote, contained)
    click(window, quote)
    after = apply(window, qtbot, window.corrections.unlink_action)
    assert not together(after, quote, contained)
    assert holding(after, quote)  # every sentence still states some claim
    undo_and_redo(window, qtbot, lambda c: not together(c, quote, contained))


def test_merge_two_claims_selected_in_the_table(window, qtbot):
    described = place(window, "a3", "deafening blast")
    shook = place(window, "a3", "The whole house shook")
    before = window.comparison
    first, second = holding(before, described)[0], holding(before, shook)[0]
    assert first.id != second.id
    select_claims(window, first.id)
    assert not window.corrections.merge_action.isEnabled()  # one row is not two claims
    select_claims(window, first.id, second.id)
    after = apply(window, qtbot, window.corrections.merge_action)
    assert together(after, described, shook)
    assert len(after.claims) == len(before.claims) - 1
    undo_and_redo(window, qtbot, lambda c: together(c, described, shook))


def test_split_picked_sentences_out_of_a_claim(window, qtbot):
    headlines = [place(window, "a1", "Twelve dead"), place(window, "a2", "Death toll reaches")]
    lead = place(window, "a3", "An explosion at a chemical plant")
    claim = next(c for c in holding(window.comparison, lead) if {*headlines, lead} <= members(c))
    for where in headlines:
        click(window, where)
        window.corrections.pick_action.trigger()
    select_claims(window, claim.id)
    after = apply(window, qtbot, window.corrections.split_action)
    assert together(after, *headlines)
    assert not together(after, headlines[0], lead)
    undo_and_redo(window, qtbot, lambda c: not together(c, headlines[0], lead))


def test_dismiss_a_conflict_with_a_reason(window, qtbot, monkeypatch):
    spokesperson = next(
        k
        for k in window.comparison.conflicts
        if any(v.value == "A company spokesperson said" for v in k.values)
    )
    assert not window.corrections.dismiss_action.isEnabled()
    select_conflict(window, spokesperson)
    asked = []
    monkeypatch.setattr(
        corrections, "ask_reason", lambda parent, text: asked.append(text) or "same company"
    )
    after = apply(window, qtbot, window.corrections.dismiss_action)
    assert "A company spokesperson said" in asked[0]
    values = lambda k: {v.value for v in k.values}  # noqa: E731
    assert all(values(k) != values(spokesperson) for k in after.conflicts)
    assert [d.reason for d in after.dismissed] == ["same company"]
    table = window.docks.conflicts_table
    shown = [table.item(r, 0).text() for r in range(table.rowCount())]
    dismissed = table.item(shown.index("attribution — dismissed"), 0)
    assert dismissed.font().strikeOut() and dismissed.toolTip().endswith("dismissed: same company")
    undo_and_redo(window, qtbot, lambda c: bool(c.dismissed))


def test_mark_a_missed_conflict_between_words_in_two_articles(window, qtbot, monkeypatch):
    assert not window.corrections.mark_action.isEnabled()
    select_words(window, "a1", "through the night")
    assert not window.corrections.mark_action.isEnabled()  # words in one article only
    select_words(window, "a2", "by early evening")
    monkeypatch.setattr(
        corrections,
        "ask_conflict",
        lambda parent, first, second: (ConflictType.DATE, "when was it contained?"),
    )
    after = apply(window, qtbot, window.corrections.mark_action)
    marked = [k for k in after.conflicts if k.marked]
    assert len(marked) == 1
    assert {v.value for v in marked[0].values} == {"through the night", "by early evening"}
    assert marked[0].type is ConflictType.DATE and marked[0].note == "when was it contained?"
    table = window.docks.conflicts_table
    shown = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert "date — marked by hand" in shown
    marked_row = table.item(shown.index("date — marked by hand"), 0)
    assert marked_row.toolTip() == "date — marked by hand: when was it contained?"
    click(window, place(window, "a1", "Crews worked through the night"))  # its claim on show
    assert "date — marked by hand: when was it contained?" in window.details.text()
    # The marked words carry the conflict mark in their pane.
    pane = window.pane_row.panes["a2"]
    cursor = QTextCursor(pane.text.document())
    cursor.setPosition(pane.item.article.text.index("by early evening") + 1)
    assert cursor.charFormat().fontWeight() == 700
    undo_and_redo(window, qtbot, lambda c: any(k.marked for k in c.conflicts))


def test_corrections_are_saved_reopened_and_kept_on_comparing_again(
    window, qtbot, tmp_path, monkeypatch
):
    crews = place(window, "a1", "Crews worked through the night")
    contained = place(window, "a2", "crews had contained the fire")
    select_claims(window, holding(window.comparison, contained)[0].id)
    click(window, crews)
    apply(window, qtbot, window.corrections.link_action)
    select_words(window, "a1", "through the night")
    select_words(window, "a2", "by early evening")
    monkeypatch.setattr(corrections, "ask_conflict", lambda *a: (ConflictType.DATE, ""))
    apply(window, qtbot, window.corrections.mark_action)
    made = window.document.corrections
    assert len(made) == 2
    target = tmp_path / "plant.parallax"
    window.document.path = target
    assert window.session.save() and not window.document.modified

    second = new_window(qtbot)
    reopened = compare_in(second, qtbot, [target])
    assert second.document.corrections == made
    assert together(reopened, crews, contained)
    assert [k.type for k in reopened.conflicts if k.marked] == [ConflictType.DATE]
    assert not second.document.modified
    assert not second.menus.undo_action.isEnabled()  # reopened: nothing to undo

    # Comparing again, with another threshold or the same, applies them again.
    second.document.same_claim = 0.9
    with qtbot.waitSignal(second.comparison_finished, timeout=TIMEOUT) as finished:
        second.run_comparison()
    stricter = finished.args[0]
    assert stricter.options.same_claim == 0.9 and stricter.corrections == made
    assert together(stricter, crews, contained) and any(k.marked for k in stricter.conflicts)
    with qtbot.waitSignal(second.comparison_finished, timeout=TIMEOUT) as finished:
        second.run_comparison()
    assert together(finished.args[0], crews, contained)


def test_a_correction_that_cannot_apply_is_shown(window, qtbot, monkeypatch):
    tank = place(window, "a4", "storage tank")
    cause = place(window, "a1", "The cause of the blast")
    click(window, cause)
    window.corrections.pick_action.trigger()
    click(window, tank)
    window.corrections.pick_action.trigger()
    apply(window, qtbot, window.corrections.link_picked_action)
    assert not window.corrections_notice.isVisible()
    with qtbot.waitSignal(window.comparison_finished, timeout=TIMEOUT) as finished:
        window.document.remove(3)  # the article whose sentence was linked
    after = finished.args[0]
    assert len(after.correction_problems) == 1
    assert window.corrections_notice.isVisible()
    notice = window.corrections_notice.label.text()
    assert "Correction 1 (link) could not be applied" in notice
    assert "report-4.txt is no longer compared" in notice
    assert "could not be applied" in window.statusBar().currentMessage()
    assert "could not be applied" in window.details.text()
    assert window.document.corrections  # kept, not dropped: the article may come back


def test_the_panes_stay_where_the_reader_was(window, qtbot):
    pane = window.pane_row.panes["a1"]
    window.resize(900, 500)
    qtbot.waitUntil(lambda: pane.text.verticalScrollBar().maximum() > 2)
    bar = pane.text.verticalScrollBar()
    quote = place(window, "a1", "never seen a fire like this")
    click(window, quote)
    bar.setValue(bar.maximum() // 2)
    kept = bar.value()
    apply(window, qtbot, window.corrections.unlink_action)
    qtbot.wait(50)  # the panes laid out at their width
    assert window.pane_row.panes["a1"].text.verticalScrollBar().value() == kept
    assert window.pane_row.current_sentence() == quote  # the reader's sentence too


def test_the_corrections_menu_keys_and_context_menus(window):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Corrections")
    actions = window.corrections
    keys = {
        actions.link_action: "Ctrl+L",
        actions.link_picked_action: "Ctrl+Shift+L",
        actions.unlink_action: "Ctrl+U",
        actions.merge_action: "Ctrl+M",
        actions.split_action: "Ctrl+Shift+M",
        actions.dismiss_action: "Ctrl+D",
        actions.mark_action: "Ctrl+Shift+D",
        actions.pick_action: "Ctrl+K",
    }
    for action, key in keys.items():
        assert action in menu.actions() and action.shortcut() == QKeySequence(key)
    assert actions.dismiss_action in window.docks.conflicts_table.actions()
    assert actions.merge_action in window.docks.claims_view.actions()
    assert actions.unlink_action in window.pane_row.panes["a1"].context_actions


def test_picks_in_an_article_removed_since_do_not_break_the_actions(window, qtbot):
    # The panes still show a4 when the comparison without it arrives: picks of its sentences
    # must not be read against the new comparison (a traceback in the Qt event loop).
    for words in ("storage tank", "Fire Chief Dana Okafor said the fire"):
        click(window, place(window, "a4", words))
        window.corrections.pick_action.trigger()
    assert window.corrections.link_picked_action.isEnabled()
    with qtbot.waitSignal(window.comparison_finished, timeout=TIMEOUT):
        window.document.remove(3)
    assert [i.id for i in window.comparison.articles] == ["a1", "a2", "a3"]
    assert window.pane_row.picked == []
    assert not window.corrections.link_picked_action.isEnabled()
