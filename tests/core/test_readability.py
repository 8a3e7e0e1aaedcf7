"""Readability: every field is textstat's own figure; hard, very hard and passive sentences."""

import pytest
import textstat

from parallax.core import embeddings
from parallax.core.loading import load_pasted
from parallax.core.nlp import split_sentences
from parallax.core.pipeline import compare
from parallax.core.readability import Difficulty, article_readability, body_text
from parallax.core.scores import score_article

BODY = (
    "Negotiators from both governments met in Geneva on Friday to discuss a ceasefire. "
    "The proposal under discussion would freeze the front line where it currently runs and "
    "postpone any decision on the status of the occupied territories for several years. "
    "European officials said they had not been briefed on the details of the framework. "
    "Markets reacted calmly. Oil prices slipped slightly while government bonds rallied. "
    "Analysts cautioned that previous attempts at a settlement had collapsed within weeks, "
    "and that the parties remained far apart on questions of sovereignty, security guarantees, "
    "sanctions relief and the return of displaced civilians."
)

TEXTSTAT = {
    "flesch_reading_ease": textstat.flesch_reading_ease,
    "flesch_kincaid_grade": textstat.flesch_kincaid_grade,
    "gunning_fog": textstat.gunning_fog,
    "smog_index": textstat.smog_index,
    "coleman_liau_index": textstat.coleman_liau_index,
    "automated_readability_index": textstat.automated_readability_index,
    "dale_chall": textstat.dale_chall_readability_score,
    "consensus_grade": lambda text: textstat.text_standard(text, float_output=True),
}


@pytest.mark.parametrize("key", sorted(TEXTSTAT))
def test_each_score_is_textstats_own(key):
    readability = article_readability(BODY)
    score = readability.score(key)
    assert score.value == pytest.approx(TEXTSTAT[key](BODY), abs=0.005)
    assert score.band and score.scale and score.name
    assert score.higher_is == ("easier" if key == "flesch_reading_ease" else "harder")


def test_counts_are_textstats_own():
    readability = article_readability(BODY)
    words = textstat.lexicon_count(BODY)
    assert readability.words == words
    assert readability.sentences == textstat.sentence_count(BODY)
    assert readability.words_per_sentence == pytest.approx(
        textstat.words_per_sentence(BODY), abs=0.01
    )
    assert readability.syllables_per_word == pytest.approx(
        textstat.avg_syllables_per_word(BODY), abs=0.001
    )
    assert readability.difficult_word_share == pytest.approx(
        textstat.difficult_words(BODY) / words, abs=0.001
    )
    assert readability.reading_time_seconds == pytest.approx(textstat.reading_time(BODY), abs=0.1)
    assert [w.code for w in readability.warnings] == (["short_text"] if words < 100 else [])


def test_bands_follow_the_published_tables():
    easy = article_readability("The cat sat on the mat. " * 30)
    assert easy.score("flesch_reading_ease").band in ("very easy", "easy")
    assert easy.score("flesch_kincaid_grade").band == "elementary school"


def test_short_text_gets_a_warning_and_still_scores():
    readability = article_readability("Talks resumed on Friday. No deal was reached.")
    assert [w.code for w in readability.warnings] == ["short_text"]
    assert readability.score("flesch_kincaid_grade").value == pytest.approx(
        textstat.flesch_kincaid_grade("Talks resumed on Friday. No deal was reached."), abs=0.005
    )


def test_headline_is_excluded_from_the_body():
    article = load_pasted("Talks collapse in Geneva\n\n" + BODY)
    (sentences,) = split_sentences([article])
    assert body_text(article.text, sentences) == BODY


def sentence_marks(text: str):
    article = load_pasted("Headline for the test\n\n" + text)
    (item,) = compare([article]).articles
    return [
        (item.sentence_text(s), sc.readability)
        for s, sc in zip(item.sentences, item.scores.sentences, strict=True)
    ][1:]


def test_hard_and_very_hard_sentences():
    marks = sentence_marks(
        "The cat sat on the mat and looked at the dog.\n"
        "The administration's comprehensive proposal contemplates establishing demilitarised "
        "buffer zones alongside internationally supervised verification mechanisms.\n"
        "Officials said the deal, which they called a first step, would need to be approved by "
        "the parliaments of several countries.\n"
        "Unprecedented.\n"
    )
    by_text = {text: mark for text, mark in marks}
    assert by_text["The cat sat on the mat and looked at the dog."].difficulty is None
    very_hard = by_text[
        "The administration's comprehensive proposal contemplates establishing demilitarised "
        "buffer zones alongside internationally supervised verification mechanisms."
    ]
    assert very_hard.difficulty is Difficulty.VERY_HARD and very_hard.grade >= 14
    hard = by_text[
        "Officials said the deal, which they called a first step, would need to be approved by "
        "the parliaments of several countries."
    ]
    assert hard.difficulty is Difficulty.HARD and 10 <= hard.grade < 14
    # One long word makes a huge grade, but a one-word sentence is never marked.
    assert by_text["Unprecedented."].grade >= 14
    assert by_text["Unprecedented."].difficulty is None


def test_passive_voice_from_dependency_labels():
    marks = dict(
        sentence_marks(
            "The plan was first reported by a US news agency on Friday.\n"
            "Kyiv had not been consulted on the draft.\n"
            "A US news agency first reported the plan on Friday.\n"
            "Officials are working toward an agreement.\n"
        )
    )
    assert [m.passive for m in marks.values()] == [True, True, False, False]


def test_scores_attach_to_every_sentence(sample_dir):
    from parallax.core.loading import load_file

    article = load_file(sample_dir / "markets-brief.md")
    (item,) = compare([article]).articles
    assert len(item.scores.sentences) == len(item.sentences)
    # compare scores tone with the sentence embeddings (the news tone model)
    assert item.scores == score_article(item, embeddings.load())


def test_empty_body_scores_without_crashing_and_warns():
    readability = article_readability("")
    assert readability.words == 0 and readability.difficult_word_share == 0.0
    assert [w.code for w in readability.warnings] == ["short_text"]
