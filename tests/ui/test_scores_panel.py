"""The scores panel names its headline grade and says what each article's tone means."""

import pytest

from parallax.core.loading import load_file, supported_files
from parallax.core.pipeline import compare
from parallax.core.readability import HEADLINE_METHOD
from parallax.core.tone import ToneBand, signed
from parallax.ui.scores_panel import COLUMNS, ScoresPanel


@pytest.fixture(scope="module")
def comparison(sample_dir):
    return compare([load_file(path) for path in supported_files(sample_dir)])


def cells(panel: ScoresPanel, row: int) -> dict[str, str]:
    return {name: panel.table.item(row, n).text() for n, name in enumerate(COLUMNS)}


def test_the_grade_is_named_by_what_it_is(qtbot, comparison):
    panel = ScoresPanel()
    qtbot.addWidget(panel)
    panel.show_comparison(comparison)
    header = panel.table.horizontalHeaderItem(COLUMNS.index("Consensus grade"))
    assert header.text() == "Consensus grade"
    assert HEADLINE_METHOD in header.toolTip()
    grade = comparison.articles[0].scores.readability.headline
    assert grade.key == "consensus_grade"
    assert cells(panel, 0)["Consensus grade"] == f"{grade.value:.0f} ({grade.band})"


def test_tone_in_words_with_its_spread(qtbot, comparison):
    panel = ScoresPanel()
    qtbot.addWidget(panel)
    panel.show_comparison(comparison)
    words = {band.value for band in ToneBand}
    for row, item in enumerate(comparison.articles):
        tone = item.scores.tone
        shown = cells(panel, row)
        number, _, band = shown["Tone"].partition(" ")
        assert number == signed(tone.mean) and band in words and band == tone.band
        spread = shown["Sentences by tone"]
        assert f"{tone.negative_share * 100:.0f}% neg." in spread
        assert f"{tone.positive_share * 100:.0f}% pos." in spread
        assert signed(tone.lower_quartile) in spread and signed(tone.upper_quartile) in spread
    tip = panel.table.horizontalHeaderItem(COLUMNS.index("Tone")).toolTip()
    assert "strongly negative" in tip and "NewsMTSC" in tip
