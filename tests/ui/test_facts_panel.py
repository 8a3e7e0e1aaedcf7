"""The fact sheet dock: details by article, omissions and conflicts marked, cells that lead to
their sentence."""

import pytest

from parallax.core.loading import load_pasted
from parallax.ui.facts_panel import CELL_ROLE
from parallax.ui.main_window import MainWindow
from tests.core.test_facts import A1, A2, A3, A4

TIMEOUT = 120_000


@pytest.fixture
def window(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.comparison_finished, timeout=TIMEOUT):
        window.document.start([load_pasted(text) for text in (A1, A2, A3, A4)], modified=False)
    return window


def _row(table, label):
    return next(r for r in range(table.rowCount()) if table.item(r, 0).text() == label)


def test_the_fact_sheet_shows_values_omissions_and_conflicts(window):
    table = window.docks.facts_table
    assert window.docks.facts_dock.isVisible()
    assert [table.horizontalHeaderItem(c).text() for c in range(5)] == [
        "Detail",
        "a1",
        "a2",
        "a3",
        "a4",
    ]
    dead = _row(table, "Dead")
    assert [table.item(dead, c).text() for c in range(1, 5)] == [
        "12  ≠ number",
        "15  ≠ number",
        "15  ≠ number",
        "—",
    ]
    assert table.item(dead, 4).toolTip() == "a4 never mentions deaths"
    assert "part of conflict" in table.item(dead, 1).toolTip()


def test_choosing_a_cell_shows_its_sentence_and_claim(window, qtbot):
    table = window.docks.facts_table
    row = _row(table, "Evacuated")
    item = table.item(row, 4)  # a4: "About 3,000 residents were evacuated …"
    article, sentence = item.data(CELL_ROLE)
    assert (article, sentence) == ("a4", 1)
    table.setCurrentCell(row, 4)
    claims = {
        c.id
        for c in window.comparison.claims
        if ("a4", 1) in {(m.article, m.sentence) for m in c.members}
    }
    assert window.navigator.current in claims
    pane = window.pane_row.panes["a4"]
    chosen = pane.item.sentences[1]
    spans = {
        (s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in pane.text.extraSelections()
    }
    assert (chosen.start, chosen.end) in spans  # plain ASCII text: Qt positions are offsets


def test_omissions_are_stated_in_the_panes_and_the_summary(window):
    from parallax.core.claims import omissions_sentence, omitted_claims

    ids = [item.id for item in window.comparison.articles]
    omitted = omitted_claims(window.comparison.claims, ids)
    assert any(omitted.values())
    for article, claims in omitted.items():
        header = window.pane_row.panes[article].header.text()
        assert (f"leaves out {len(claims)} of the claims" in header) == bool(claims)
    assert omissions_sentence(window.comparison.claims, ids) in window.details.text()


def test_the_key_explains_backgrounds_and_the_marks_that_are_on(window):
    key = window.legend.text()
    for words in ("shared by all", "shared by some", "conflicting value", "picked claim"):
        assert words in key
    assert "hedge" not in key
    window.menus.mark_actions["terms"].trigger()  # as the View ▸ Mark menu does
    window.menus.mark_actions["difficulty"].trigger()
    key = window.legend.text()
    assert "hedge" in key and "loaded" in key and "very hard" in key
    window.menus.mark_actions["terms"].trigger()
    assert "hedge" not in window.legend.text()


def test_files_opened_with_a_saved_comparison_join_it(qtbot, tmp_path):
    from pathlib import Path

    from parallax.core import saved

    stored = tmp_path / "week.parallax"
    saved.save(saved.SavedComparison(articles=(load_pasted(A1), load_pasted(A2))), stored)
    extra = [tmp_path / "a3.txt", tmp_path / "a4.txt"]
    for path, text in zip(extra, (A3, A4), strict=True):
        path.write_text(text, encoding="utf-8")
    window = MainWindow()
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.comparison_finished, timeout=TIMEOUT):
        window.open_paths([extra[0], stored, extra[1]])
    qtbot.waitUntil(
        lambda: window.comparison is not None and len(window.comparison.articles) == 4,
        timeout=TIMEOUT,
    )
    sources = {
        Path(item.article.source).name for item in window.comparison.articles if item.article.source
    }
    assert {"a3.txt", "a4.txt"} <= sources
    assert window.document.modified and window.document.path == stored
