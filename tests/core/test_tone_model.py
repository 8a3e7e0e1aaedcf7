"""The news tone model: it ships and loads offline, reads news tone the right way round, falls back
to the VADER blend without embeddings, and every tone value has its words."""

import pytest

from parallax.core import embeddings, tone_model
from parallax.core.loading import load_pasted
from parallax.core.pipeline import compare
from parallax.core.tone import (
    STRONG,
    ToneBand,
    ToneMethod,
    neutral_band,
    sentence_tones,
    tone_band,
)

NEGATIVE = "The minister resigned in disgrace after the corruption scandal engulfed his office."
POSITIVE = "Volunteers were praised for their courage after the rescue saved dozens of lives."
# VADER sees no evaluative word here (compound 0); readers of news see bad news.
QUIETLY_NEGATIVE = "The company laid off 3,000 workers and closed two plants."

ARTICLE = (
    "Minister quits amid scandal\n\n"
    f"{NEGATIVE} {QUIETLY_NEGATIVE} The committee meets again on Friday. {POSITIVE}"
)


def encoder():
    embedder = embeddings.load()
    if embedder is None:
        pytest.skip("the sentence encoder is not installed")
    return embedder


def test_the_model_ships_with_the_package_and_loads():
    model = tone_model.load()
    assert model.dimensions == embeddings.DIMENSIONS
    assert model.weights.shape == (embeddings.DIMENSIONS + 2,)
    low, high = model.neutral_band
    assert -STRONG < low < 0 < high < STRONG


def test_news_model_orders_clearly_negative_below_clearly_positive():
    sentences = [NEGATIVE, QUIETLY_NEGATIVE, POSITIVE]
    method, tones = sentence_tones([(s, 0) for s in sentences], encoder().encode(sentences))
    assert method is ToneMethod.NEWS_MODEL
    negative, quiet, positive = tones
    assert negative.score < 0 < positive.score
    assert negative.band in (ToneBand.NEGATIVE, ToneBand.STRONGLY_NEGATIVE)
    assert positive.band in (ToneBand.POSITIVE, ToneBand.STRONGLY_POSITIVE)
    # VADER scores the lay-offs 0 (no lexicon word); the news model leans negative.
    assert quiet.compound == 0
    assert quiet.score < -0.15


def test_compare_uses_the_news_model_with_embeddings():
    encoder()
    (item,) = compare([load_pasted(ARTICLE)]).articles
    tone = item.scores.tone
    assert tone.method is ToneMethod.NEWS_MODEL
    assert {s.tone.band for s in item.scores.sentences} >= {ToneBand.NEUTRAL}
    assert tone.lower_quartile <= tone.median <= tone.upper_quartile
    assert tone.positive_share + tone.neutral_share + tone.negative_share == pytest.approx(1)
    assert tone.band is tone_band(tone.mean, ToneMethod.NEWS_MODEL)
    texts = [item.sentence_text(s) for s in item.sentences]
    assert texts[tone.most_positive] == POSITIVE


def test_without_embeddings_tone_falls_back_to_the_vader_blend(monkeypatch):
    monkeypatch.setenv(embeddings.ENVIRONMENT_VARIABLE, "off")
    (item,) = compare([load_pasted(ARTICLE)]).articles
    tone = item.scores.tone
    assert tone.method is ToneMethod.VADER_TEXTBLOB
    for sentence in item.scores.sentences:
        blend = 0.66 * sentence.tone.compound + 0.34 * sentence.tone.polarity
        assert sentence.tone.score == pytest.approx(blend, abs=1e-3)
    assert neutral_band(tone.method) == (-0.05, 0.05)


@pytest.mark.parametrize(
    ("value", "method", "words"),
    [
        (-0.26, ToneMethod.NEWS_MODEL, ToneBand.NEGATIVE),
        (-0.10, ToneMethod.NEWS_MODEL, ToneBand.NEUTRAL),
        (0.10, ToneMethod.NEWS_MODEL, ToneBand.NEUTRAL),
        (0.30, ToneMethod.NEWS_MODEL, ToneBand.POSITIVE),
        (-0.5, ToneMethod.NEWS_MODEL, ToneBand.STRONGLY_NEGATIVE),
        (0.75, ToneMethod.NEWS_MODEL, ToneBand.STRONGLY_POSITIVE),
        (-0.10, ToneMethod.VADER_TEXTBLOB, ToneBand.NEGATIVE),
        (0.02, ToneMethod.VADER_TEXTBLOB, ToneBand.NEUTRAL),
        (-0.7, ToneMethod.VADER_TEXTBLOB, ToneBand.STRONGLY_NEGATIVE),
    ],
)
def test_the_words_for_a_tone_value(value, method, words):
    assert tone_band(value, method) is words
