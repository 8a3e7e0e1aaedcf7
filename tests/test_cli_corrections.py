"""``parallax compare saved.parallax`` uses the corrections saved with the comparison: the JSON,
the summary and the report's methods page show them."""

import json

import jsonschema

from parallax.cli import main
from parallax.core import saved
from parallax.core.corrections import Correction, CorrectionKind, claim_anchors, conflict_spans
from parallax.core.export import schema
from parallax.core.loading import load_file
from parallax.core.models import ClaimStatus, ConflictType
from parallax.core.pipeline import compare
from tests.core.test_facts import A1, A2, A3, A4


def test_saved_corrections_round_trip_through_the_command_line(tmp_path, capsys):
    paths = []
    for n, text in enumerate((A1, A2, A3, A4), start=1):
        paths.append(tmp_path / f"a{n}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    first = compare([load_file(p) for p in paths])
    toll = next(k for k in first.conflicts if k.type is ConflictType.NUMBER)
    shared = max(first.claims, key=lambda c: len(c.articles))
    lonely = next(c for c in first.claims if c.status is ClaimStatus.UNIQUE)
    lonely_item = next(i for i in first.articles if i.id == lonely.representative.article)
    made = [
        Correction(
            CorrectionKind.DISMISS,
            conflict_type=toll.type,
            values=conflict_spans(toll, first.articles),
            reason="tolls at different hours",
        ),
        Correction(
            CorrectionKind.LINK,
            sentences=claim_anchors(lonely, first.articles)[:1],
            claim=claim_anchors(shared, first.articles),
        ),
    ]
    file = tmp_path / "plant.parallax"
    saved.save(saved.saved_from([i.article for i in first.articles], corrections=made), file)
    out, html = tmp_path / "out.json", tmp_path / "out.html"
    assert main(["compare", str(file), "--json", str(out), "--html", str(html)]) == 0
    document = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(document, schema())
    assert [c["kind"] for c in document["corrections"]] == ["dismiss", "link"]
    assert all(c["applied"] and c["problem"] is None for c in document["corrections"])
    assert [d["reason"] for d in document["dismissed"]] == ["tolls at different hours"]
    assert len(document["conflicts"]) == len(first.conflicts) - 1
    linked = next(a for a in document["articles"] if a["source"] == str(lonely_item.article.source))
    sentence = linked["sentences"][lonely.representative.sentence]
    statuses = {c["id"]: c["status"] for c in document["claims"]}
    assert all(statuses[c] != "unique" for c in sentence["claims"])
    printed = capsys.readouterr().out
    assert "2 corrections made by hand (1 sentence linked, 1 conflict dismissed)" in printed
    report = html.read_text(encoding="utf-8")
    assert "2 corrections made by hand" in report
    assert "tolls at different hours" in report
