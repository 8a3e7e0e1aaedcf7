"""How alike two sentences are in what they claim, robust to rewording.

A sentence becomes a weighted bag of keys, one per word (lemma, lower case). Keys fold surface
variation that does not change the claim: a country, its capital and its adjective are one key
(Washington = US = American, as news uses a capital for its government), and spelling variants
of one name are one key (Zelensky/Zelenskyy/Zelenskiy). A number keeps its own key and also adds
the shared key ``#num``, so two outlets giving different figures for one quantity still look
alike (the figures themselves are compared later, as conflicts).

Weights are inverse document frequencies over the sentences being compared, smoothed with a
background prior from ``wordfreq``: with few articles, local counts alone are noise, so rare
English words start heavy and common ones light; with many articles the local counts take over.
Measured on STS-B (benchmarks/quality.py): stop words kept, no stemming and no POS filter
correlate best with human similarity on the training split; see docs/comparison.md.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from rapidfuzz import fuzz
from wordfreq import word_frequency, zipf_frequency

from parallax.core.models import Sentence, Token
from parallax.core.numbers import CURRENCIES, UNITS

NUMBER_KEY = "#num"
PERCENT_KEY = "#unit:%"
MONEY_KEY = "#unit:money"
_MONEY = re.compile(r"^(?:us)?[$€£]", re.IGNORECASE)
_NUMERIC = re.compile(r"^[\d.,%$€£]+$|^\d")
_VOWELS = re.compile(r"[aeiouy]")
_NAME_SIMILARITY = 80
_MIN_NAME_LENGTH = 5
# Background prior: as if this many extra sentences of general English had been compared; a
# word's share of them is its wordfreq frequency times a typical news sentence length.
_PRIOR_SENTENCES = 50.0
_WORDS_PER_SENTENCE = 22.0


@cache
def _places() -> dict[str, str]:
    data = json.loads(resources.files("parallax.core").joinpath("data/places.json").read_text())
    return {
        alias: country
        for country, aliases in data.items()
        if not country.startswith("_")
        for alias in (country, *aliases)
    }


def place_key(name: str) -> str | None:
    """The country a place name, capital or adjective stands for, if it is a known one."""
    return _places().get(name.lower().removeprefix("the ").strip())


def token_keys(token: Token, surface: str) -> tuple[str, ...]:
    """The comparable keys of one token (none for punctuation)."""
    # spaCy splits "0.4%" and "$65" and calls "%" punctuation: the sign still says what kind of
    # figure the sentence gives.
    if surface == "%":
        return (PERCENT_KEY,)
    if surface in CURRENCIES:
        return (MONEY_KEY,)
    if not token.is_word:
        return ()
    lower = surface.lower()
    lemma = token.lemma.lower() or lower
    # "told us" is not the United States: pronouns are never places.
    place = None if token.pos == "PRON" else _places().get(lower) or _places().get(lemma)
    if place:
        return ("@" + place,)
    if token.pos == "NUM" or _NUMERIC.match(surface):
        # "0.4%" and "1.6 percent", "$65" and "65 dollars": the kind of figure is evidence too.
        kind = PERCENT_KEY if surface.endswith("%") else None
        kind = MONEY_KEY if _MONEY.match(surface) else kind
        return (lower, NUMBER_KEY, kind) if kind else (lower, NUMBER_KEY)
    unit = _unit_key(lower, lemma)
    if unit:
        return (lemma, unit)
    # Proper nouns get no key of their own: title-case headlines make spaCy tag every word PROPN.
    return (lemma,)


def _unit_key(lower: str, lemma: str) -> str | None:
    """A measure's dimension, so 1,000 kilometres and 620 miles share a key (time units excluded:
    "next week" is not a measurement)."""
    if lower in {"percent", "pct"}:
        return PERCENT_KEY
    if lower in CURRENCIES or lemma in {"dollar", "euro", "pound"}:
        return MONEY_KEY
    dimension = UNITS.get(lower) or UNITS.get(lemma)
    return f"#unit:{dimension[0]}" if dimension and dimension[0] != "s" else None


def sentence_keys(sentence: Sentence, text: str) -> list[str]:
    """Keys of a sentence in reading order, multi-word places folded."""
    keys: list[str] = []
    for token in sentence.tokens:
        keys.extend(token_keys(token, text[token.start : token.end]))
    return _fold_multiword_places(keys)


def _fold_multiword_places(keys: list[str]) -> list[str]:
    # "United Arab Emirates" arrives as united, arab, emirates: the longest run of neighbours
    # that names a known place becomes its key.
    starts = _multiword_starts()
    folded: list[str] = []
    position = 0
    while position < len(keys):
        longest = starts.get(keys[position], 1)
        for size in range(min(longest, len(keys) - position), 1, -1):
            joined = " ".join(keys[position : position + size])
            if joined in _places():
                folded.append("@" + _places()[joined])
                position += size
                break
        else:
            folded.append(keys[position])
            position += 1
    return folded


@cache
def _multiword_starts() -> dict[str, int]:
    """First word of each multi-word place name → the most words a name starting so has."""
    starts: dict[str, int] = {}
    for alias in _places():
        words = alias.split()
        if len(words) > 1:
            starts[words[0]] = max(starts.get(words[0], 0), len(words))
    return starts


def fold_name_variants(vocabulary: Iterable[str]) -> dict[str, str]:
    """Map spelling variants of one rare word (a name, mostly) to one key (Zelensky/Zelenskyy).

    Two rare words are variants when their consonant skeletons agree and their spellings are
    close: transliterations move vowels and double letters, not consonants. Common English words
    are never folded (alberta/albert, yes; but/butt, no).
    """
    groups: dict[str, list[str]] = {}
    for key in sorted(vocabulary):
        if len(key) >= _MIN_NAME_LENGTH and key.isalpha() and zipf_frequency(key, "en") < 3.0:
            groups.setdefault(consonant_skeleton(key), []).append(key)
    mapping: dict[str, str] = {}
    for members in groups.values():
        for key in members[1:]:
            head = next(m for m in members if fuzz.ratio(m, key) >= _NAME_SIMILARITY)
            if head != key:
                mapping[key] = mapping.get(head, head)
    return mapping


def consonant_skeleton(name: str) -> str:
    """First letter plus the consonants, doubles collapsed: zelensky/zelenskyy → zlnsk."""
    return re.sub(r"(.)\1+", r"\1", name[:1] + _VOWELS.sub("", name[1:]))


@cache
def background_share(key: str) -> float:
    """Expected share of general-English sentences that contain the key's word."""
    if key == NUMBER_KEY:
        return 0.3
    if key.startswith("#unit:"):
        return 0.05  # about one news sentence in twenty gives a measure, a share or an amount
    word = key.lstrip("@")
    return min(1.0, word_frequency(word, "en") * _WORDS_PER_SENTENCE)


@dataclass(frozen=True, slots=True)
class Vectorizer:
    """Key weights for one comparison: smoothed inverse sentence frequency."""

    document_frequency: dict[str, int]
    documents: int
    variants: dict[str, str]

    @classmethod
    def fit(cls, documents: Sequence[Iterable[str]]) -> Vectorizer:
        frequency: Counter[str] = Counter()
        for keys in documents:
            frequency.update(set(keys))
        variants = fold_name_variants(frequency)
        folded: Counter[str] = Counter()
        for key, count in frequency.items():
            folded[variants.get(key, key)] += count
        return cls(dict(folded), len(documents), variants)

    def weight(self, key: str) -> float:
        seen = self.document_frequency.get(key, 0) + _PRIOR_SENTENCES * background_share(key)
        return math.log((1 + self.documents + _PRIOR_SENTENCES) / (1 + seen)) + 1

    def vector(self, keys: Iterable[str]) -> dict[str, float]:
        """A unit-length weighted bag of keys (presence, not counts)."""
        folded = {self.variants.get(key, key) for key in keys}
        weights = {key: self.weight(key) for key in folded}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {key: w / norm for key, w in weights.items()}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(weight * b.get(key, 0.0) for key, weight in a.items())
