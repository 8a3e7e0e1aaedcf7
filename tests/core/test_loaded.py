"""Loaded language: what judges or inflames is marked, with its reason; grim facts are not."""

from __future__ import annotations

import pytest

from parallax.core.loaded import LoadedRule, find_loaded
from parallax.core.wordlists import TermKind, find_terms


def loaded(text: str) -> dict[str, str]:
    return {m.term: m.rule for m in find_loaded(text)}


@pytest.mark.parametrize(
    ("sentence", "term", "rule"),
    [
        ("The greedy bosses pocketed the bonus.", "greedy", LoadedRule.EVALUATIVE),
        ("It was a monstrous decision.", "monstrous", LoadedRule.EVALUATIVE),
        ("The response was disgraceful.", "disgraceful", LoadedRule.EVALUATIVE),
        ("Conditions in the block were appalling.", "appalling", LoadedRule.EVALUATIVE),
        (
            "Residents had called the tower a death trap for years.",
            "death trap",
            LoadedRule.METAPHOR,
        ),
        ("The council slapped a fine on the tenants.", "slapped", LoadedRule.VERB),
        ("Landlords raked in millions from the scheme.", "raked in", LoadedRule.VERB),
        ("Ministers were slammed by campaigners.", "slammed", LoadedRule.VERB),
        ("This is utterly shameful.", "utterly shameful", LoadedRule.INTENSIFIED),
        ("The report found staggering incompetence.", "incompetence", LoadedRule.EMOTIVE),
        ("The regime jailed its critics.", "regime", LoadedRule.LABEL),
        ("The party's new 'reform' hits savers hardest.", "'reform'", LoadedRule.SCARE_QUOTES),
        ("It was a horrific scene.", "horrific", LoadedRule.EVALUATIVE),
    ],
)
def test_judging_and_inflaming_words_are_marked_with_their_rule(sentence, term, rule):
    assert loaded(sentence).get(term) == rule


@pytest.mark.parametrize(
    "sentence",
    [
        "Twelve people were killed.",
        "The attack injured 30 people.",
        "At least 58 people are dead and 515 injured after the shooting.",
        "He died in hospital on Tuesday; the death toll rose to 245.",
        "The war entered its second year after the explosion at the depot.",
        "Fire crews fought the blaze for six hours.",
        "The spacecraft slammed into the asteroid at 14,000 mph.",
        'The central bank released its so-called "dot plot" on Wednesday.',
        'Powell has pledged to be "nimble", officials said.',
        "Survivors were terrified and angry, residents said.",
        # An apostrophe inside a word opens no quotation.
        'It was "the worst fire in the country\'s history," the governor said.',
    ],
)
def test_plain_reports_of_grim_facts_are_not_marked(sentence):
    assert find_loaded(sentence) == []


def test_the_reason_travels_with_the_term_match_and_its_offsets():
    terms = find_terms("They were utterly disgraceful, reportedly.", offset=10)
    first = terms[0]
    assert (first.kind, first.term, first.start, first.end) == (
        TermKind.LOADED,
        "utterly disgraceful",
        20,
        39,
    )
    assert (first.rule, first.lexicon, first.polarity) == ("intensified", "parallax", -1)
    hedge = terms[1]
    assert (hedge.kind, hedge.rule) == (TermKind.HEDGE, "hedge")


def test_a_lexicon_word_names_its_lexicon_and_direction():
    (match,) = find_loaded("A horrific scene.")
    assert (match.lexicon, match.polarity) == ("pattern", -1)
