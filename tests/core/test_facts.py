"""The fact sheet on a set built in code: four articles on one plant explosion that disagree
on the toll, the day and the number evacuated, one never mentioning deaths."""

import pytest

from parallax.core.facts import omissions
from parallax.core.loading import load_pasted
from parallax.core.models import ConflictType
from parallax.core.pipeline import compare

A1 = (
    "Twelve dead in Brightline chemical plant explosion\n"
    "\n"
    "An explosion at the Brightline Chemicals plant in Dunmore killed 12 people on Monday, "
    "Fire Chief Dana Okafor said.\n"
    "\n"
    "About 2,000 residents were evacuated from homes near the plant as a plume of smoke "
    "drifted over the town.\n"
    "\n"
    '"We have never seen a fire like this," Okafor told reporters at the scene. Crews worked '
    "through the night to contain the blaze.\n"
    "\n"
    "Brightline Chemicals, which employs about 300 people, said it was cooperating with "
    "investigators. The cause of the blast is not yet known.\n"
)
A2 = (
    "Death toll reaches 15 after Dunmore plant blast\n"
    "\n"
    "Fifteen people were killed when an explosion tore through the Brightline Chemicals plant"
    " in Dunmore on Tuesday, officials said.\n"
    "\n"
    'Fire Chief Dana Okafor said crews had contained the fire by early evening. "It was a '
    'very dangerous scene," she said.\n'
    "\n"
    "A company spokesperson said Brightline was cooperating with investigators. State "
    "inspectors cited the plant for safety violations in 2022, according to public records.\n"
)
A3 = (
    "Dunmore explosion: 15 killed, thousands flee\n"
    "\n"
    "An explosion at a chemical plant in Dunmore on Wednesday killed 15 people, according to "
    "the county sheriff's office.\n"
    "\n"
    "Around 2,000 people were evacuated from nearby homes, Okafor said.\n"
    "\n"
    'Residents described a deafening blast that shook windows across the town. "The whole '
    'house shook," said Maria Lopez, who lives two streets from the plant.\n'
    "\n"
    "Brightline said it was cooperating with investigators.\n"
)
A4 = (
    "Thousands evacuated as fire rages at Dunmore chemical plant\n"
    "\n"
    "About 3,000 residents were evacuated after an explosion at the Brightline Chemicals "
    "plant in Dunmore, local officials said.\n"
    "\n"
    "Fire Chief Dana Okafor said the fire had been contained. A source familiar with the "
    "investigation said the blast may have started in a storage tank.\n"
    "\n"
    "Brightline Chemicals said it was cooperating with investigators. The plant employs about"
    " 300 people.\n"
)


@pytest.fixture(scope="module")
def comparison():
    return compare([load_pasted(text) for text in (A1, A2, A3, A4)])


def _row(comparison, label):
    return next(row for row in comparison.facts if row.label == label)


def _values(row):
    return [cell.value if cell else None for cell in row.cells]


def test_the_toll_day_and_evacuations_side_by_side(comparison):
    dead = _row(comparison, "Dead")
    assert _values(dead) == ["12", "15", "15", None]
    assert {cell.conflict_type for cell in dead.cells if cell} == {ConflictType.NUMBER}
    ids = [item.id for item in comparison.articles]
    assert omissions(dead, ids) == "a4 never mentions deaths"
    (when,) = [row for row in comparison.facts if row.kind == "when"]
    assert _values(when) == ["on Monday", "on Tuesday", "on Wednesday", None]
    assert all(cell.conflict_type is ConflictType.DATE for cell in when.cells if cell)
    evacuated = _row(comparison, "Evacuated")
    assert _values(evacuated) == ["About 2,000", None, "Around 2,000", "About 3,000"]


def test_cells_point_at_their_sentence(comparison):
    for row in comparison.facts:
        for item, cell in zip(comparison.articles, row.cells, strict=True):
            if cell is None or cell.sentence is None:
                continue
            sentence = item.sentences[cell.sentence]
            assert sentence.start <= cell.start < cell.end <= sentence.end
            assert item.article.text[cell.start : cell.end] == cell.value


def test_sources_one_person_one_row_and_counted(comparison):
    okafor = _row(comparison, "Source: Dana Okafor")
    assert _values(okafor) == [
        "Fire Chief Dana Okafor",
        "Fire Chief Dana Okafor",
        "Okafor",
        "Fire Chief Dana Okafor",
    ]
    company = _row(comparison, "Source: Brightline Chemicals")
    assert _values(company) == ["Brightline Chemicals", None, "Brightline", "Brightline Chemicals"]
    named = _values(_row(comparison, "Named sources"))
    unnamed = _values(_row(comparison, "Unnamed sources"))
    # a1: Okafor (twice) and the company; a4: Okafor and the company, and two unnamed
    # ("local officials", "a source familiar with the investigation").
    assert named[0] == "2" and named[3] == "2"
    assert unnamed[0] == "0" and unnamed[3] == "2"


def test_rows_are_ordered_by_how_many_articles_state_them(comparison):
    counted = [row.stated_by for row in comparison.facts if row.kind != "sources"]
    assert counted == sorted(counted, reverse=True)
    assert comparison.facts[-1].kind == "sources"


def test_the_fact_sheet_in_the_json_and_the_csv(comparison):
    import csv
    import io
    import json

    import jsonschema

    from parallax.core.export import schema, to_json
    from parallax.core.tables import tables

    document = json.loads(to_json(comparison))
    jsonschema.validate(document, schema())
    dead = next(row for row in document["facts"] if row["label"] == "Dead")
    assert [cell["value"] for cell in dead["cells"]] == ["12", "15", "15", None]
    assert dead["omission"] == "a4 never mentions deaths"
    assert dead["cells"][0]["conflict_type"] == "number"
    rows = list(csv.reader(io.StringIO(tables(comparison)["facts.csv"])))
    assert rows[0] == ["fact", "kind", "stated_by", "conflicts", "omission", "a1", "a2", "a3", "a4"]
    dead_row = next(row for row in rows if row[0] == "Dead")
    assert dead_row[2:] == ["3", dead_row[3], "a4 never mentions deaths", "12", "15", "15", ""]


def test_the_fact_sheet_is_the_reports_page_after_the_title(comparison):
    from parallax.core.report_html import build_report

    html = build_report(comparison, with_charts=False).html
    assert html.index("<h2>Summary</h2>") < html.index("Fact sheet</h2>")
    assert html.index("Fact sheet</h2>") < html.index("Readability and tone</h2>")
    sheet = html[html.index("Fact sheet</h2>") : html.index("Readability and tone</h2>")]
    assert "<li>a4 never mentions deaths</li>" in sheet
    assert "on Wednesday</span> <i>(date," in sheet


def test_report_dates_in_words_and_every_formula_for_every_article(comparison):
    from dataclasses import replace

    from parallax.core.report_html import build_report

    dated = replace(comparison, created="2026-11-30T10:41:10+00:00")
    html = build_report(dated, with_charts=False).html
    assert "Report created 30 November 2026, 10:41 UTC" in html
    formulas = html[html.index("Every formula, for every article") :]
    for item in comparison.articles:
        for score in item.scores.readability.scores:
            assert f"<td>{score.value:.1f}</td>" in formulas


def test_outcomes_side_by_side():
    texts = [
        "Truss quits\n\nBritish Prime Minister Liz Truss has resigned after 45 days in office.\n",
        "Truss out\n\nLiz Truss has resigned as prime minister after just 45 days.\n",
        "Truss clings on\n\nLiz Truss has not resigned as prime minister, aides said.\n",
    ]
    comparison = compare([load_pasted(text) for text in texts])
    (outcome,) = [row for row in comparison.facts if row.kind == "outcome"]
    assert [cell.normalized if cell else None for cell in outcome.cells] == [
        "resign",
        "resign",
        "not resign",
    ]


def test_an_age_is_not_a_toll():
    first = (
        "Gunman kills 58 in Las Vegas\n\nA gunman killed at least 58 people at a concert in Las "
        "Vegas on Sunday, police said.\n\nThe Las Vegas Police Department confirmed early Monday "
        "the suspected shooter is Stephen Paddock, age 64, who is dead.\n"
    )
    second = (
        "At least 58 dead in Las Vegas shooting\n\nAt least 58 people were killed at a concert "
        "in Las Vegas on Sunday, police said.\n\nThe suspect, Stephen Paddock, was found dead "
        "in his hotel room, police said.\n"
    )
    comparison = compare([load_pasted(first), load_pasted(second)])
    tolls = [c.value for row in comparison.facts if row.kind == "toll" for c in row.cells if c]
    assert tolls and "64" not in tolls  # Paddock's age


def test_a_toll_in_the_storys_own_place_is_the_toll_and_a_citys_is_not_the_countrys():
    vegas = (
        "At least 59 dead in Las Vegas shooting\n\nA gunman killed at least 59 people in Las "
        "Vegas on Sunday, police said.\n"
    )
    plain = "Gunman kills 58 at concert\n\nA gunman killed 58 people at a concert on Sunday.\n"
    comparison = compare([load_pasted(vegas), load_pasted(plain)])
    dead = [row for row in comparison.facts if row.key.startswith("toll:dead")]
    assert len(dead) == 1 and all(dead[0].cells), [r.label for r in dead]
    assert any(
        k.type is ConflictType.NUMBER and {v.normalized for v in k.values} == {"59", "58"}
        for k in comparison.conflicts
    )
    city = (
        "Mexico earthquake kills 225\n\nThe quake killed 225 people across Mexico. At least 94 "
        "people died in Mexico City, the mayor said.\n"
    )
    country = "Quake toll rises to 226\n\nThe quake killed 226 people, officials said.\n"
    comparison = compare([load_pasted(city), load_pasted(country)])
    for conflict in comparison.conflicts:
        assert "94" not in {v.normalized for v in conflict.values}


def test_a_figure_after_and_is_not_the_toll_of_the_clause_before():
    first = (
        "Las Vegas shooting\n\nFifty-nine people were killed and 515 were injured in a mass "
        "shooting in Las Vegas on Sunday, police said.\n"
    )
    second = (
        "Gunman kills 58 in Las Vegas\n\nA gunman killed 58 people and injured 500 in Las "
        "Vegas on Sunday, police said.\n"
    )
    comparison = compare([load_pasted(first), load_pasted(second)])
    rows = {row.key.split("@")[0]: row for row in comparison.facts if row.kind == "toll"}
    assert rows["toll:dead"].cells[0].value == "Fifty-nine"
    assert rows["toll:injured"].cells[0].value == "515"


def test_toll_rows_read_as_words_and_others_are_the_toll():
    first = (
        "Gunman kills 58\n\nA gunman opened fire on a concert on Sunday, killing 58 people and "
        "injuring 500 others. Among those killed were at least 20 children.\n"
    )
    second = "58 dead, 515 hurt\n\nThe attack on Sunday killed 58 people and injured 515.\n"
    comparison = compare([load_pasted(first), load_pasted(second)])
    tolls = {row.label: row for row in comparison.facts if row.kind == "toll"}
    assert all(":" not in label for label in tolls), list(tolls)
    assert [c.value if c else None for c in tolls["Injured"].cells] == ["500", "515"]


def test_a_toll_of_another_time_is_not_this_events():
    from dataclasses import replace

    first = (
        "Las Vegas shooting is deadliest\n\nA gunman opened fire on a concert on Sunday. The toll "
        "surpassed Orlando, where a gunman killed 49 people at the Pulse nightclub in June 2016.\n"
    )
    second = "58 dead in shooting\n\nThe attack on Sunday killed 58 people, police said.\n"
    articles = [replace(load_pasted(t), published="2017-10-02") for t in (first, second)]
    comparison = compare(articles)
    tolls = [c.value for row in comparison.facts if row.kind == "toll" for c in row.cells if c]
    assert "58" in tolls and "49" not in tolls  # Orlando's toll is not this shooting's
    assert not any("49" in {v.value for v in k.values} for k in comparison.conflicts)
