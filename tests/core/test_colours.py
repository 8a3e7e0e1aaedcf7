"""One palette: the JSON files in resources/ decide the panes', the charts' and the report's
colours, and the code's fallbacks are those same values."""

import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

from parallax.core import charts, colours, report_html, report_markup
from tests.conftest import REPO

PALETTES = REPO / "resources" / "palettes"
PACKAGE = REPO / "desktop" / "parallax"
# Modules that colour something: none may carry a colour of its own.
COLOURING = [
    PACKAGE / "core" / "charts.py",
    PACKAGE / "core" / "report_html.py",
    PACKAGE / "core" / "report_markup.py",
    PACKAGE / "core" / "report_facts.py",
    PACKAGE / "ui" / "palette.py",
    PACKAGE / "ui" / "panes.py",
    PACKAGE / "ui" / "facts_panel.py",
]
HEX = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b")


def roles(path: Path) -> dict:
    return {k: v for k, v in json.loads(path.read_text()).items() if not k.startswith("_")}


@pytest.mark.parametrize(("name", "fallback"), [("light", colours.LIGHT), ("dark", colours.DARK)])
def test_fallbacks_are_the_json_palettes(name, fallback):
    assert fallback == roles(PALETTES / f"{name}.json")


def test_both_palettes_colour_the_same_pane_roles():
    light, dark = roles(PALETTES / "light.json"), roles(PALETTES / "dark.json")
    # The charts and the printed report always use the light palette; the panes use either.
    pane_roles = {role for role in light if not role.startswith(("chart_", "tone_", "report_"))}
    assert pane_roles == set(dark)
    for role in pane_roles:
        assert set(light[role]) == set(dark[role]), role


def test_without_the_resources_the_fallbacks_give_the_same_colours(monkeypatch):
    monkeypatch.setattr(colours.resources, "resource", lambda name: None)
    colours.palette.cache_clear()
    try:
        assert colours.palette() == colours.LIGHT and colours.palette(True) == colours.DARK
    finally:
        colours.palette.cache_clear()


@pytest.mark.parametrize("path", COLOURING, ids=lambda p: p.name)
def test_no_module_carries_its_own_colours(path):
    assert not HEX.findall(path.read_text(encoding="utf-8"))


def test_the_report_takes_its_colours_from_the_palette():
    assert colours.LIGHT["report_value"]["background"] in report_markup.VALUE_STYLE
    assert colours.LIGHT["report_difference"]["background"] in report_markup.DIFF_STYLE
    assert f"border-color: {colours.LIGHT['report_table']['border']}" in report_markup.table(
        ["a"], []
    )
    for role, key in (
        ("report_text", "foreground"),
        ("report_text", "small"),
        ("report_heading", "foreground"),
        ("report_table", "header"),
    ):
        assert colours.LIGHT[role][key] in report_html._CSS


def _scored(article_id: str, grade: float, shares: tuple[float, float, float]):
    readability = SimpleNamespace(score=lambda name: SimpleNamespace(value=grade))
    tone = SimpleNamespace(
        positive_share=shares[0], neutral_share=shares[1], negative_share=shares[2]
    )
    return SimpleNamespace(
        id=article_id, scores=SimpleNamespace(readability=readability, tone=tone)
    )


def test_the_charts_take_their_colours_from_the_palette():
    articles = [_scored("a", 9.0, (0.2, 0.5, 0.3)), _scored("b", 12.0, (0.1, 0.6, 0.3))]
    grades, tones = Figure().subplots(1, 2)
    charts.draw_grades(grades, articles)
    charts.draw_tone_shares(tones, articles)
    assert {to_hex(bar.get_facecolor()) for bar in grades.patches} == {
        colours.LIGHT["chart_grade"]["fill"]
    }
    expected = [colours.LIGHT[f"tone_{tone}"]["fill"] for tone in charts.TONES]
    drawn = [to_hex(bars.patches[0].get_facecolor()) for bars in tones.containers]
    assert drawn == expected
