"""The real window, offscreen: open articles, wait for the comparison, read what a user sees."""

from pathlib import Path

import pytest
from PySide6.QtGui import QTextCharFormat, QTextCursor

from parallax.core.claims import claims_by_sentence
from parallax.core.loading import supported_files
from parallax.core.models import ClaimStatus
from parallax.ui.main_window import MainWindow

TIMEOUT = 120_000


@pytest.fixture
def window(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    return window


def compare_in(window, qtbot, paths):
    with qtbot.waitSignal(window.comparison_finished, timeout=TIMEOUT) as finished:
        window.open_paths([Path(p) for p in paths])
    return finished.args[0]


def underline_at(pane, offset):
    cursor = QTextCursor(pane.text.document())
    cursor.setPosition(offset + 1)
    return cursor.charFormat().underlineStyle()


def test_sample_shows_status_marks_and_conflicts(window, qtbot, sample_dir):
    comparison = compare_in(window, qtbot, supported_files(sample_dir))
    assert len(window.pane_row.panes) == 5
    for item in comparison.articles:
        assert item.word_count > 100
        assert f"{item.word_count:,} words" in window.pane_row.panes[item.id].header.text()
    expected = {
        ClaimStatus.SHARED_ALL: QTextCharFormat.UnderlineStyle.SingleUnderline,
        ClaimStatus.SHARED_SOME: QTextCharFormat.UnderlineStyle.DashUnderline,
    }
    shown = {status: 0 for status in expected}
    # A sentence that states several claims shows the most widely shared one's status.
    shown_status = {
        key: claims[0].status for key, claims in claims_by_sentence(comparison.claims).items()
    }
    for claim in comparison.claims:
        for member in claim.members:
            status = shown_status[(member.article, member.sentence)]
            if status not in expected or status is not claim.status:
                continue
            pane = window.pane_row.panes[member.article]
            sentence = pane.item.sentences[member.sentence]
            conflicted = any(
                v.article == member.article and v.start <= sentence.start + 1 < v.end
                for k in comparison.conflicts
                for v in k.values
            )
            if not conflicted:
                assert underline_at(pane, sentence.start) == expected[status]
                shown[status] += 1
    assert all(count > 0 for count in shown.values())
    value = comparison.conflicts[0].values[0]
    assert underline_at(window.pane_row.panes[value.article], value.start) == (
        QTextCharFormat.UnderlineStyle.WaveUnderline
    )
    assert f"conflicts: {len(comparison.conflicts)}" in window.details.text()


def _click(pane, sentence: int) -> None:
    cursor = QTextCursor(pane.text.document())
    cursor.setPosition(pane.item.sentences[sentence].start + 2)
    pane.text.setTextCursor(cursor)  # what a click or arrow key does


def test_clicking_a_sentence_selects_its_claim_in_every_pane(window, qtbot, sample_dir):
    comparison = compare_in(window, qtbot, supported_files(sample_dir))
    first_claim = claims_by_sentence(comparison.claims)
    claim = max(comparison.claims, key=lambda c: len(c.articles))
    first = next(m for m in claim.members if first_claim[(m.article, m.sentence)][0] is claim)
    _click(window.pane_row.panes[first.article], first.sentence)
    assert window.navigator.current == claim.id
    for member in claim.members:
        other = window.pane_row.panes[member.article]
        sentence = other.item.sentences[member.sentence]
        spans = {
            (x.cursor.selectionStart(), x.cursor.selectionEnd())
            for x in other.text.extraSelections()
        }
        assert (sentence.start, sentence.end) in spans  # every sentence of the claim, in every pane
    assert claim.id in window.details.text()


def test_a_sentence_with_two_claims_links_to_the_other(window, qtbot, sample_dir):
    comparison = compare_in(window, qtbot, supported_files(sample_dir))
    (key, claims) = next(
        (k, c) for k, c in claims_by_sentence(comparison.claims).items() if len(c) > 1
    )
    _click(window.pane_row.panes[key[0]], key[1])
    assert window.navigator.current == claims[0].id
    assert f"claim:{claims[1].id}" in window.details.text()
    window.details.linkActivated.emit(f"claim:{claims[1].id}")
    assert window.navigator.current == claims[1].id


def test_claims_table_filters_by_status_and_text(window, qtbot, sample_dir):
    comparison = compare_in(window, qtbot, supported_files(sample_dir))
    some = [c for c in comparison.claims if c.status is ClaimStatus.SHARED_SOME]
    window.docks.status_choice.setCurrentIndex(
        window.docks.status_choice.findData(ClaimStatus.SHARED_SOME)
    )
    assert window.docks.claims_filter.rowCount() == len(some)
    window.docks.status_choice.setCurrentIndex(0)
    window.docks.search.setText("Zelensk")
    texts = [
        window.docks.claims_filter.index(r, 0).data()
        for r in range(window.docks.claims_filter.rowCount())
    ]
    assert texts and all("zelensk" in t.lower() for t in texts)
    window.docks.claims_view.selectRow(0)
    assert window.navigator.current is not None


def test_next_conflict_navigation_moves_the_selection(window, qtbot, sample_dir):
    comparison = compare_in(window, qtbot, supported_files(sample_dir))
    with_conflicts = [
        c.id for c in comparison.claims if any(k.claim == c.id for k in comparison.conflicts)
    ]
    window.go("conflict", 1)
    first = window.navigator.current
    assert first == with_conflicts[0]
    window.go("conflict", 1)
    assert window.navigator.current == with_conflicts[1 % len(with_conflicts)]
    assert "⚠" in window.details.text()


def test_broken_file_is_reported_and_the_others_load(window, qtbot, sample_dir, tmp_path):
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"")
    good = [sample_dir / "markets-brief.md", sample_dir / "wire-report.html"]
    comparison = compare_in(window, qtbot, [good[0], broken, good[1]])
    assert len(comparison.articles) == 2
    assert "broken.txt: the file is empty" in window.details.text()


def test_cancel_stops_the_analysis(window, qtbot, sample_dir):
    window.document.sources = list(supported_files(sample_dir))
    with qtbot.waitSignal(window.comparison_stopped, timeout=TIMEOUT) as stopped:
        window.run_comparison()
        window.cancel()
    assert stopped.args == ["cancelled"]
    assert not window.cancel_button.isVisible()
    assert window.comparison is None


def test_scores_panel_and_toggleable_marks(window, qtbot, sample_dir):
    comparison = compare_in(window, qtbot, supported_files(sample_dir))
    table = window.docks.scores_panel.table
    assert table.rowCount() == len(comparison.articles)
    grade = comparison.articles[0].scores.readability.score("consensus_grade")
    assert table.item(0, 1).text().startswith(f"{grade.value:.0f}")
    window.docks.scores_dock.raise_()  # charts are drawn when the panel is first seen
    qtbot.waitUntil(lambda: len(window.docks.scores_panel.figure.axes) == 3)
    item = comparison.articles[0]
    terms = [t for s in item.scores.sentences for t in s.tone.terms]
    pane = window.pane_row.panes[item.id]
    before = len(pane.text.extraSelections())
    window.menus.mark_actions["terms"].setChecked(True)
    window.menus.mark_actions["terms"].triggered.emit()
    spans = {
        (s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in pane.text.extraSelections()
    }
    assert len(spans) >= before and all((t.start, t.end) in spans for t in terms)
    window.menus.mark_actions["terms"].setChecked(False)
    window.menus.mark_actions["terms"].triggered.emit()
    assert len(pane.text.extraSelections()) == before


def test_find_in_articles(window, qtbot, sample_dir):
    compare_in(window, qtbot, supported_files(sample_dir))
    window.find_bar.open()
    window.find_bar.field.setText("Witkoff")
    assert window.find_bar.count.text().split()[0] != "0"
    assert window.find_bar.find(1)
    selected = [p.text.textCursor().selectedText() for p in window.pane_row.panes.values()]
    assert "Witkoff" in selected
    window.find_bar.field.setText("no such words anywhere")
    assert not window.find_bar.find(1)


def read_in(pane):
    """Put the text cursor in a pane's second sentence, as a click or arrow key does."""
    cursor = QTextCursor(pane.text.document())
    cursor.setPosition(pane.item.sentences[1].start + 1)
    pane.text.setTextCursor(cursor)


def test_remove_and_reorder_articles(window, qtbot, sample_dir):
    files = list(supported_files(sample_dir))[:3]
    compare_in(window, qtbot, files)
    read_in(window.pane_row.panes["a1"])
    with qtbot.waitSignal(window.comparison_finished, timeout=TIMEOUT) as finished:
        window.move_current(1)
    assert [i.article.source for i in finished.args[0].articles] == [files[1], files[0], files[2]]
    read_in(window.pane_row.panes["a3"])
    with qtbot.waitSignal(window.comparison_finished, timeout=TIMEOUT) as finished:
        window.remove_current()
    assert [i.article.source for i in finished.args[0].articles] == [files[1], files[0]]
    assert len(window.pane_row.panes) == 2


def test_dark_theme_recolours_the_panes(window, qtbot, sample_dir):
    from parallax.ui import palette

    compare_in(window, qtbot, supported_files(sample_dir))
    with qtbot.waitSignal(window.comparison_shown, timeout=TIMEOUT):
        window.set_theme("dark")
    try:
        assert palette.is_dark()
        shared = next(c for c in window.comparison.claims if c.status is not ClaimStatus.UNIQUE)
        member = shared.members[0]
        pane = window.pane_row.panes[member.article]
        cursor = QTextCursor(pane.text.document())
        cursor.setPosition(pane.item.sentences[member.sentence].start + 1)
        background = cursor.charFormat().background().color()
        assert background.lightness() < 128
    finally:
        window.set_theme("system")


def test_window_layout_is_remembered(qtbot, sample_dir):
    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    compare_in(first, qtbot, list(supported_files(sample_dir))[:2])
    first.pane_row.splitter.setSizes([300, 700])
    wanted = first.pane_row.splitter.sizes()
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    second.show()
    compare_in(second, qtbot, list(supported_files(sample_dir))[:2])
    # Proportions: a restored geometry is clamped to the (small, offscreen) screen.
    sizes = second.pane_row.splitter.sizes()
    assert sizes[0] / sum(sizes) == pytest.approx(wanted[0] / sum(wanted), abs=0.01)


@pytest.mark.parametrize("stage", ["loading", "sentences", "scores", "alignment"])
def test_cancel_at_each_stage_leaves_the_window_usable(window, qtbot, sample_dir, stage):
    files = list(supported_files(sample_dir))
    # Forty pasted copies: enough work that every stage lasts long enough to be cancelled in.
    from parallax.core.loading import load_file, load_pasted

    texts = [load_file(path).text for path in files]
    window.document.sources = [*files, *(load_pasted(f"{n}. {texts[n % 5]}") for n in range(40))]

    def on_progress(reported: str, *_args) -> None:
        if reported == stage:
            window.cancel()

    window.runner.progressed.connect(on_progress)
    with qtbot.waitSignal(window.comparison_stopped, timeout=TIMEOUT) as stopped:
        window.run_comparison()
    window.runner.progressed.disconnect(on_progress)
    assert stopped.args == ["cancelled"]
    assert not window.cancel_button.isVisible() and not window.progress.isVisible()
    # Usable: the next comparison runs to the end and is shown.
    compare_in(window, qtbot, files[:2])
    assert len(window.pane_row.panes) == 2


def test_pane_widths_come_back_only_for_the_same_number_of_panes(window, qtbot, sample_dir):
    files = sorted(supported_files(sample_dir))
    compare_in(window, qtbot, files[:2])
    splitter = window.pane_row.splitter
    total = sum(splitter.sizes())
    splitter.setSizes([total - 150, 150])
    window.pane_row.remember_sizes()
    compare_in(window, qtbot, files)  # five panes: two panes' widths must not apply
    sizes = splitter.sizes()
    assert len(sizes) == 5 and min(sizes) > 100, sizes
    compare_in(window, qtbot, files[:2])  # two again: the user's widths come back
    first, second = splitter.sizes()
    assert first > 3 * second, (first, second)
