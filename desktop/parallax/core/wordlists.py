"""Hedges, boosters and loaded terms: small documented word lists of our own, with offsets.

- Hedges soften or distance a claim: attribution to unnamed sources ("people familiar with"),
  epistemic adverbs ("reportedly", "allegedly") and modals of possibility ("could", "may",
  "might"). "Would" is left out: news uses it for plain conditionals ("the deal would freeze…").
- Boosters intensify: the degree adverbs of VADER's booster list that news uses (VADER's list
  also holds "more", "most", "so", "major", which in news are quantities, not emphasis) plus
  certainty adverbs ("clearly", "undoubtedly").
- Loaded terms: words with a strong valence in VADER's human-rated lexicon (|mean| ≥ 2.5 on
  its −4…+4 scale, dictionary words only) plus the charged political vocabulary that lexicon
  lacks ("regime", "puppet", "capitulation", "land grab").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache


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
LOADED = (
    "regime",
    "puppet",
    "junta",
    "thugs",
    "invaders",
    "occupiers",
    "aggressor",
    "capitulation",
    "appease",
    "appeasement",
    "surrender",
    "betrayal",
    "sham",
    "so-called",
    "land grab",
    "slammed",
    "blasted",
    "lashed out",
    "hysteria",
    "propaganda",
    "illegitimate",
    "russophobia",
    "neo-nazi",
    "neo-nazis",
    "warmongers",
    "genocide",
    "massacre",
)
# VADER's lexicon holds chat slang with strong valence; only dictionary words are wanted.
_MIN_LOADED_VALENCE = 2.5


@dataclass(frozen=True, slots=True)
class TermMatch:
    kind: TermKind
    term: str
    start: int
    end: int


@cache
def _patterns() -> tuple[tuple[TermKind, re.Pattern[str]], ...]:
    from parallax.core.sentiment import strong_lexicon_words

    loaded = sorted(set(LOADED) | strong_lexicon_words(_MIN_LOADED_VALENCE))
    return tuple(
        (
            kind,
            re.compile(
                r"\b(?:" + "|".join(map(re.escape, _longest_first(terms))) + r")\b", re.IGNORECASE
            ),
        )
        for kind, terms in (
            (TermKind.HEDGE, HEDGES),
            (TermKind.BOOSTER, BOOSTERS),
            (TermKind.LOADED, loaded),
        )
    )


def _longest_first(terms) -> list[str]:
    return sorted(terms, key=len, reverse=True)


def find_terms(text: str, offset: int = 0) -> list[TermMatch]:
    """Every hedge, booster and loaded term in one sentence, with offsets (plus ``offset``).

    Matching ignores case only at the start of the sentence, so "May 8" stays a date and
    "Could…" opening a sentence still counts.
    """
    matches = []
    for kind, pattern in _patterns():
        for match in pattern.finditer(text):
            found = match.group()
            if found != found.lower() and match.start() != 0:
                continue
            matches.append(
                TermMatch(kind, found.lower(), offset + match.start(), offset + match.end())
            )
    return sorted(matches, key=lambda m: m.start)
