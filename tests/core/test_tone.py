"""Sentence tone (the news model and its VADER fallback), hedges/boosters/loaded terms with
offsets, and article aggregates."""

import socket

import pytest
from textblob import TextBlob
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from parallax.core.loading import load_pasted
from parallax.core.models import CompareOptions
from parallax.core.pipeline import compare
from parallax.core.tone import TEXTBLOB_WEIGHT, VADER_WEIGHT, ToneMethod, sentence_tone
from parallax.core.wordlists import TermKind, find_terms

# Without embeddings tone is the VADER and TextBlob blend, whose rules these tests pin down; the
# news model has its own tests (test_tone_model.py).
BLEND_ONLY = CompareOptions(use_embeddings=False)


def tones_of(text: str):
    (item,) = compare([load_pasted(text)], BLEND_ONLY).articles
    assert item.scores.tone.method is ToneMethod.VADER_TEXTBLOB
    return item


def test_sentence_tone_is_the_documented_blend():
    sentence = "The talks ended in a shameful and humiliating failure."
    tone = sentence_tone(sentence)
    compound = SentimentIntensityAnalyzer().polarity_scores(sentence)["compound"]
    polarity, subjectivity = TextBlob(sentence).sentiment
    assert tone.compound == pytest.approx(compound, abs=1e-4)
    assert tone.polarity == pytest.approx(polarity, abs=1e-4)
    assert tone.subjectivity == pytest.approx(subjectivity, abs=1e-4)
    assert tone.score == pytest.approx(
        VADER_WEIGHT * compound + TEXTBLOB_WEIGHT * polarity, abs=1e-3
    )
    assert tone.score < -0.4


def test_terms_with_offsets_and_case_rules():
    text = (
        "Reportedly the plan could be a truly disastrous capitulation, according to people "
        "familiar with the talks, signed May 8."
    )
    found = {(m.kind, m.term): (m.start, m.end) for m in find_terms(text, offset=100)}
    assert found[(TermKind.HEDGE, "reportedly")] == (100, 110)
    assert (TermKind.HEDGE, "could") in found
    assert (TermKind.HEDGE, "according to") in found
    assert (TermKind.HEDGE, "people familiar with") in found
    # An intensifier before an evaluative word is one loaded mark, not a booster and a word.
    assert (TermKind.LOADED, "truly disastrous") in found
    assert (TermKind.BOOSTER, "truly") not in found
    assert (TermKind.LOADED, "capitulation") in found  # our list of charged labels
    assert (TermKind.HEDGE, "may") not in found  # "May 8" is a date
    for (_, term), (start, end) in found.items():
        assert text[start - 100 : end - 100].lower() == term


def test_all_neutral_article():
    item = tones_of(
        "Officials met on Tuesday. The meeting lasted two hours. "
        "A statement was issued afterwards. The next round is scheduled for June."
    )
    tone = item.scores.tone
    assert tone.neutral_share == 1.0 and tone.positive_share == 0 and tone.negative_share == 0
    assert abs(tone.mean) < 0.05 and tone.spread < 0.05
    assert tone.most_positive is None and tone.most_negative is None


def test_mixed_article_names_its_extremes():
    item = tones_of(
        "Talks resumed on Tuesday.\nThe breakthrough was a wonderful success for peace.\n"
        "Critics called the deal a shameful, disastrous betrayal.\nThe text was published."
    )
    tone = item.scores.tone
    texts = [item.sentence_text(s) for s in item.sentences]
    assert texts[tone.most_positive].startswith("The breakthrough")
    assert texts[tone.most_negative].startswith("Critics called")
    assert tone.positive_share == 0.25 and tone.negative_share == 0.25
    assert tone.neutral_share == 0.5
    assert tone.spread > 0.3
    assert tone.loaded >= 3


def test_long_article_does_not_saturate():
    """Scored per sentence, a long mixed article averages out; as one string VADER says ~±1."""
    text = " ".join(
        ["The ceasefire was a great success and people celebrated."] * 40
        + ["The shelling killed civilians and destroyed homes."] * 40
    )
    whole = SentimentIntensityAnalyzer().polarity_scores(text)["compound"]
    assert abs(whole) > 0.99
    tone = tones_of(text).scores.tone
    assert abs(tone.mean) < 0.5
    assert tone.positive_share == 0.5 and tone.negative_share == 0.5


def test_scoring_makes_no_network_access(monkeypatch, sample_dir):
    from parallax.core.loading import load_file

    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted during scoring")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    articles = [load_file(p) for p in sorted(sample_dir.iterdir()) if p.suffix != ".json"]
    comparison = compare(articles)
    assert all(item.scores.readability.words > 100 for item in comparison.articles)
    assert all(any(s.tone.polarity for s in item.scores.sentences) for item in comparison.articles)
