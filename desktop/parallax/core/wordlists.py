"""Hedges, boosters and loaded terms: small documented word lists of our own, with offsets.

- Hedges soften or distance a claim: attribution to unnamed sources ("people familiar with"),
  epistemic adverbs ("reportedly", "allegedly") and modals of possibility ("could", "may",
  "might"). "Would" is left out: news uses it for plain conditionals ("the deal would freeze…").
- Boosters intensify: the degree adverbs of VADER's booster list that news uses (VADER's list
  also holds "more", "most", "so", "major", which in news are quantities, not emphasis) plus
  certainty adverbs ("clearly", "undoubtedly").
- Loaded terms: words and phrases that judge or inflame, found by ``parallax.core.loaded``
  (evaluative lexicons, our lists of labels, verbs and metaphors, intensifier and scare-quote
  rules), each with the rule and lexicon that marked it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from parallax.core.loaded import find_loaded


class TermKind(StrEnum):
    HEDGE = "hedge"
    BOOSTER = "booster"
    LOADED = "loaded"


HEDGES = (
    "reportedly",
    "allegedly",
    "apparently",
    "purportedly",
    "supposedly",
    "possibly",
    "perhaps",
    "probably",
    "likely",
    "unlikely",
    "unconfirmed",
    "could",
    "might",
    "may",
    "according to",
    "sources say",
    "sources said",
    "people familiar with",
    "person familiar with",
    "officials familiar with",
    "it is understood",
    "it is believed",
    "is said to",
    "are said to",
    "was said to",
    "is thought to",
    "appears to",
    "appeared to",
    "seems to",
    "seemed to",
    "claimed",
    "claims",
    "suggests",
    "suggested",
)
BOOSTERS = (
    "absolutely",
    "completely",
    "deeply",
    "enormously",
    "entirely",
    "extremely",
    "exceptionally",
    "greatly",
    "hugely",
    "incredibly",
    "intensely",
    "remarkably",
    "thoroughly",
    "totally",
    "tremendously",
    "truly",
    "unbelievably",
    "utterly",
    "very",
    "clearly",
    "undoubtedly",
    "obviously",
    "certainly",
    "definitely",
    "simply",
)


@dataclass(frozen=True, slots=True)
class TermMatch:
    kind: TermKind
    term: str
    start: int
    end: int
    # Why it is marked: the loaded rule and lexicon (parallax.core.loaded), or the list's kind.
    rule: str = ""
    lexicon: str = ""
    polarity: int = 0  # −1 negative, +1 positive, 0 neither


_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


@cache
def _lookup() -> tuple[dict[str, TermKind], re.Pattern[str]]:
    """Single words go in a dict (one lookup per word); the few phrases share one regex."""
    lists = (
        (TermKind.BOOSTER, BOOSTERS),
        (TermKind.HEDGE, HEDGES),
    )
    words = {term: kind for kind, terms in lists for term in terms if " " not in term}
    phrases = sorted((t for _, terms in lists for t in terms if " " in t), key=len, reverse=True)
    return words, re.compile(r"\b(?:" + "|".join(map(re.escape, phrases)) + r")\b", re.I)


def _phrase_kind(phrase: str) -> TermKind:
    return TermKind.HEDGE if phrase in HEDGES else TermKind.BOOSTER


def find_terms(text: str, offset: int = 0) -> list[TermMatch]:
    """Every hedge, booster and loaded term in one sentence, with offsets (plus ``offset``).

    Case is ignored only at the start of the sentence, so "May 8" stays a date while "Could…"
    opening a sentence still counts. A loaded phrase takes its words ("utterly disgraceful" is
    one loaded mark, not a booster and a loaded word).
    """
    matches = [
        TermMatch(
            TermKind.LOADED, m.term, m.start, m.end, m.rule.value, m.lexicon.value, m.polarity
        )
        for m in find_loaded(text, offset)
    ]
    taken = [(m.start, m.end) for m in matches]
    words, phrases = _lookup()
    for m in phrases.finditer(text):
        if m.start() == 0 or m.group() == m.group().lower():
            kind = _phrase_kind(m.group().lower())
            matches.append(_listed(kind, m.group().lower(), offset + m.start(), offset + m.end()))
            taken.append((offset + m.start(), offset + m.end()))
    for match in _WORD.finditer(text):
        word = match.group()
        kind = words.get(word.lower())
        if kind is None or (word != word.lower() and match.start() != 0):
            continue
        if any(start <= offset + match.start() < end for start, end in taken):
            continue
        matches.append(_listed(kind, word.lower(), offset + match.start(), offset + match.end()))
    return sorted(matches, key=lambda m: m.start)


def _listed(kind: TermKind, term: str, start: int, end: int) -> TermMatch:
    return TermMatch(kind, term, start, end, rule=kind.value, lexicon="parallax")
