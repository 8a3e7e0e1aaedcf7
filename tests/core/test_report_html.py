"""The report's HTML and the CSV tables, checked against the comparison's own JSON."""

import csv
import io
import re
from collections import Counter

import pytest

from parallax.core import export, pipeline, tables
from parallax.core.loading import load_files, load_pasted, supported_files
from parallax.core.report_html import build_report, summary_text


@pytest.fixture(scope="module")
def sample(sample_dir):
    comparison = pipeline.compare(load_files(supported_files(sample_dir)).articles)
    return comparison, export.to_document(comparison)


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_summary_counts_agree_with_the_json(sample):
    comparison, document = sample
    statuses = Counter(claim["status"] for claim in document["claims"])
    kinds = Counter(conflict["type"] for conflict in document["conflicts"])
    summary = summary_text(comparison)
    assert f"into {len(document['claims'])} claims" in summary
    assert f"{statuses['shared_all']} shared by all articles" in summary
    assert f"{statuses['shared_some']} shared by some but not all" in summary
    assert f"{statuses['unique']} found in one article only" in summary
    assert f"It found {len(document['conflicts'])} conflicting details" in summary
    for kind, count in kinds.items():
        assert f"{count} {kind}" in summary


def test_omissions_name_every_article_and_their_ties(sample):
    comparison, document = sample
    count = len(document["articles"])
    majority = [
        c for c in document["claims"] if len(c["articles"]) >= 2 and 2 * len(c["articles"]) > count
    ]
    missing = {
        a["id"]: sum(a["id"] not in c["articles"] for c in majority) for a in document["articles"]
    }
    summary = summary_text(comparison)
    assert f"Of the {len(majority)} claims most of the articles carry, " in summary
    for value in set(missing.values()):
        tied = [a for a, n in missing.items() if n == value]
        if len(tied) > 1:
            names = ", ".join(tied[:-1]) + f" and {tied[-1]}"
            assert f"{names} each leave out {value or 'none'}" in summary
        else:
            assert f"{tied[0]} leaves out {value or 'none'}" in summary


def test_omission_ties_are_named_together():
    from parallax.core.claims import omissions_sentence
    from parallax.core.models import Claim, ClaimMember, ClaimStatus

    def claim(n, *articles):
        members = tuple(ClaimMember(a, n, 1.0, ()) for a in articles)
        return Claim(f"c{n}", ClaimStatus.SHARED_SOME, members, members[0])

    claims = [
        claim(1, "a2", "a4", "a5"),
        claim(2, "a2", "a3", "a5"),
        claim(3, "a1", "a2", "a3"),
        claim(4, "a4", "a5"),
    ]
    text = omissions_sentence(claims, ["a1", "a2", "a3", "a4", "a5"])
    assert (
        text == "Of the 3 claims most of the articles carry, a1 and a4 each leave out 2, "
        "a3 and a5 each leave out 1 and a2 leaves out none."
    )


def test_report_has_every_section_title_and_conflict_value(sample):
    comparison, _ = sample
    report = build_report(comparison)
    page = report.standalone()
    for heading in (
        "Summary",
        "Readability and tone",
        "Coverage matrix",
        "Conflicts",
        "Shared claims",
        "Claims unique to one article",
        "Voices and sources",
        "Methods",
    ):
        assert f">{heading}</h2>" in page
    for item in comparison.articles:
        assert item.article.display_name.replace("'", "&#x27;") in page
    for conflict in comparison.conflicts:  # a heading, or listed with the same difference
        assert re.search(rf"\b{conflict.id}(: {conflict.type.value} conflict|[,)])", page)
    # Two charts, inlined: the file needs nothing beside it.
    assert set(report.images) == {"chart-scores.png", "chart-tone-strip.png"}
    assert page.count('src="data:image/png;base64,') == 2
    assert not re.search(r'(src|href)="(?!data:)', page)


def test_hostile_article_text_is_shown_as_text():
    hostile = (
        "Officials met <script>alert('x')</script> in Geneva on Monday to discuss the truce. "
        'The talks <img src="http://tracker.example/p.gif"> ran for six hours, officials said.'
    )
    calm = "Officials met in Geneva on Monday to discuss the truce. The talks ran for five hours."
    comparison = pipeline.compare(
        [load_pasted(hostile, title="Talks <b>open</b>"), load_pasted(calm, title="Talks open")]
    )
    page = build_report(comparison).standalone()
    assert "<script>" not in page and '<img src="http' not in page and "<b>open</b>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "Talks &lt;b&gt;open&lt;/b&gt;" in page


def test_csv_tables_agree_with_the_json(sample):
    comparison, document = sample
    files = tables.tables(comparison)
    ids = [a["id"] for a in document["articles"]]

    claims = _rows(files[tables.CLAIMS_FILE])
    assert [row["claim"] for row in claims] == [c["id"] for c in document["claims"]]
    coverage = {row["claim"]: row["present"] for row in document["coverage"]["rows"]}
    for row, claim in zip(claims, document["claims"], strict=True):
        assert row["status"] == claim["status"]
        assert [row[i] == "1" for i in ids] == coverage[claim["id"]]
        assert int(row["articles"]) == len(claim["articles"])

    conflicts = _rows(files[tables.CONFLICTS_FILE])
    expected = [
        (c["id"], c["type"], v["article"], v["value"], int(v["start"]))
        for c in document["conflicts"]
        for v in c["values"]
    ]
    found = [
        (r["conflict"], r["type"], r["article"], r["value"], int(r["start"])) for r in conflicts
    ]
    assert found == expected

    scores = _rows(files[tables.SCORES_FILE])
    assert [(r["article"], int(r["words"])) for r in scores] == [
        (a["id"], a["word_count"]) for a in document["articles"]
    ]
    for row, article in zip(scores, document["articles"], strict=True):
        scores = {s["key"]: s["value"] for s in article["readability"]["scores"]}
        grade = scores["consensus_grade"]
        assert float(row["consensus_grade"]) == pytest.approx(grade, abs=0.01)


def test_write_csv_creates_the_folder(sample, tmp_path):
    comparison, _ = sample
    written = export.write_csv(comparison, tmp_path / "new" / "tables")
    assert sorted(p.name for p in written) == [
        "claims.csv",
        "conflicts.csv",
        "facts.csv",
        "scores.csv",
    ]
    assert all(p.stat().st_size > 0 for p in written)


def test_articles_with_no_unique_claim_are_named_in_one_line_not_given_empty_headings():
    from tests.core.test_facts import A1, A2

    copy = A1.replace("Twelve dead", "Twelve killed")  # a reprint: every claim shared
    comparison = pipeline.compare([load_pasted(t) for t in (A1, copy, A2)])
    html = build_report(comparison, with_charts=False).html
    section = html[html.index("Claims unique to one article") :]
    section = section[: section.index("<h2", 10)] if "<h2" in section[10:] else section
    assert "(0)</h3>" not in section
    assert "a1 and a2 share every claim with at least one other article." in section
    assert "<h3>a3 · " in section
