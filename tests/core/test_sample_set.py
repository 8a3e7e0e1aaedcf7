"""The bundled sample set loads in every format, and its answer key points at real sentences."""

import json

import pytest

from parallax.core.loading import load_file, supported_files
from parallax.core.models import SourceFormat
from parallax.core.nlp import split_sentences


@pytest.fixture(scope="module")
def analysed(sample_dir):
    articles = [load_file(path) for path in supported_files(sample_dir)]
    sentences = split_sentences(articles)
    return {
        article.source.name: [article.text[s.start : s.end] for s in article_sentences]
        for article, article_sentences in zip(articles, sentences, strict=True)
    }, {article.source.name: article for article in articles}


def test_every_format_is_in_the_sample(sample_dir):
    formats = {load_file(path).format for path in supported_files(sample_dir)}
    assert formats == {
        SourceFormat.TEXT,
        SourceFormat.MARKDOWN,
        SourceFormat.HTML,
        SourceFormat.PDF,
        SourceFormat.DOCX,
    }


def test_sample_metadata(analysed):
    _, articles = analysed
    wire = articles["wire-report.html"]
    assert wire.outlet == "Meridian Wire" and wire.published == "2025-08-08" and wire.author
    kyiv = articles["kyiv-outlet-report.pdf"]
    assert kyiv.outlet == "The Kyiv Sentinel" and kyiv.published == "2025-08-09"
    assert all(a.has_headline for name, a in articles.items() if name != "commentary-opinion.txt")
    assert not articles["commentary-opinion.txt"].has_headline
    assert all(a.language == "en" for a in articles.values())


def test_gold_members_and_values_match_exactly_one_sentence(sample_dir, analysed):
    sentences, _ = analysed
    gold = json.loads((sample_dir / "gold.json").read_text(encoding="utf-8"))
    assert sorted(gold["articles"]) == sorted(sentences)
    located = {}
    for claim in gold["claims"]:
        assert len({m["article"] for m in claim["members"]}) >= 2, claim["id"]
        for member in claim["members"]:
            hits = [s for s in sentences[member["article"]] if s.startswith(member["starts_with"])]
            assert len(hits) == 1, (claim["id"], member)
            located[(claim["id"], member["article"])] = (
                located.get((claim["id"], member["article"]), []) + hits
            )
    for item in gold["conflicts"] + gold["non_conflicts"]:
        for value in item["values"]:
            member_sentences = located[(item["claim"], value["article"])]
            assert any(value["value"] in s for s in member_sentences), (item, value)
    assert len({c["type"] for c in gold["conflicts"]}) >= 5
