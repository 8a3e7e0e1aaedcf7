"""The headline grade is named by its formula, and tone is given in words with its spread,
alike in the summary, the report and the JSON."""

import json

import jsonschema
import pytest

from parallax.core.export import schema, to_json
from parallax.core.loading import load_file, supported_files
from parallax.core.pipeline import compare
from parallax.core.readability import HEADLINE_METHOD
from parallax.core.report_html import build_report
from parallax.core.tone import describe, signed
from parallax.summary import format_summary


@pytest.fixture(scope="module")
def comparison(sample_dir):
    return compare([load_file(path) for path in supported_files(sample_dir)])


def test_the_headline_grade_is_the_consensus_and_names_its_formula(comparison):
    readability = comparison.articles[0].scores.readability
    headline = readability.headline
    assert headline.key == "consensus_grade"
    assert headline.name.startswith("Consensus grade") and "text_standard" in headline.name
    assert "8 formulas" in HEADLINE_METHOD and "Flesch–Kincaid" in HEADLINE_METHOD
    # The consensus is not Flesch–Kincaid; both are there, each under its own name.
    kincaid = readability.score("flesch_kincaid_grade")
    assert kincaid.name == "Flesch–Kincaid grade"


def test_summary_names_the_grade_and_words_the_tone(comparison):
    text = format_summary(comparison, seconds=1.0)
    assert "consensus grade" in text
    assert "the whole grade most often given by 8 formulas" in text
    for item in comparison.articles:
        tone = item.scores.tone
        assert f"{signed(tone.mean)} {tone.band}" in text
    assert "neg/neu/pos" in text and "strongly negative ≤ −0.50" in text


def test_report_gives_tone_in_words_and_its_spread(comparison):
    html = build_report(comparison, with_charts=False).html
    assert "<th>Consensus grade</th>" in html or ">Consensus grade</th>" in html
    assert "textstat text_standard" in html
    for item in comparison.articles:
        words, spread = describe(item.scores.tone)
        assert words in html and spread in html
    assert "NewsMTSC" in html  # the tone method, on the scores page and the methods page


def test_json_names_the_headline_and_tone_method(comparison):
    document = json.loads(to_json(comparison))
    jsonschema.validate(document, schema())
    article = document["articles"][0]
    headline = article["readability"]["headline"]
    assert headline["key"] == "consensus_grade" and headline["name"] == "Consensus grade"
    assert headline["method"] == HEADLINE_METHOD
    tone = article["tone"]
    assert tone["method"] == "news_model" and "NewsMTSC" in tone["primary"]
    assert tone["lower_quartile"] <= tone["median"] <= tone["upper_quartile"]
    low, high = tone["neutral_band"]
    sentences = [s["tone"] for s in article["sentences"]]
    negative = sum(s["score"] <= low for s in sentences) / len(sentences)
    positive = sum(s["score"] >= high for s in sentences) / len(sentences)
    assert tone["negative_share"] == pytest.approx(negative, abs=1e-3)
    assert tone["positive_share"] == pytest.approx(positive, abs=1e-3)
    assert all(s["band"] for s in sentences)
