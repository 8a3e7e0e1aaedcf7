"""Quantities and calendar expressions in one sentence, each read as a range of values.

A figure stands for a range, not a point: "51%" is anything that rounds to it, "about 1,000 km"
is ±10%, "more than 1,100" is 1,100 up to a quarter more. Two articles disagree on a figure only
when their ranges do not meet. Calendar expressions ("on Friday", "Aug. 8", "next week", "early
September") are kept unresolved here; resolving them needs a reference date (conflicts.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from parallax.core.values import Marker, Parsed

_SMALL = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen"
)
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety"
WORD_NUMBERS = {w: i for i, w in enumerate(_SMALL.split())}
WORD_NUMBERS |= {w: 10 * (i + 2) for i, w in enumerate(_TENS.split())}
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
SCALES |= {"dozen": 12.0, "k": 1e3, "mn": 1e6, "m": 1e6, "bn": 1e9, "tn": 1e12}
FRACTIONS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "sixth": 6, "seventh": 7}
FRACTIONS |= {"eighth": 8, "ninth": 9, "tenth": 10}
# unit words → (dimension, factor to the dimension's base unit)
UNITS = {
    **dict.fromkeys(("km", "kilometre", "kilometer", "kilometres", "kilometers"), ("m", 1e3)),
    **dict.fromkeys(("mile", "miles", "mi"), ("m", 1609.344)),
    **dict.fromkeys(("metre", "meter", "metres", "meters"), ("m", 1.0)),
    **dict.fromkeys(("foot", "feet", "ft"), ("m", 0.3048)),
    **dict.fromkeys(("square kilometres", "square kilometers", "sq km", "km2"), ("m2", 1e6)),
    **dict.fromkeys(("square miles", "sq mi"), ("m2", 2.589988e6)),
    **dict.fromkeys(("hectare", "hectares"), ("m2", 1e4)),
    **dict.fromkeys(("tonne", "tonnes", "ton", "tons"), ("kg", 1e3)),
    **dict.fromkeys(("kg", "kilogram", "kilograms"), ("kg", 1.0)),
    # Speeds before the time units, so "miles per hour" is not read as miles.
    **dict.fromkeys(("mph", "miles per hour", "miles an hour"), ("m/s", 0.44704)),
    **dict.fromkeys(("km/h", "kph", "kmh"), ("m/s", 1 / 3.6)),
    **dict.fromkeys(("kilometres per hour", "kilometers per hour"), ("m/s", 1 / 3.6)),
    **dict.fromkeys(("hour", "hours"), ("s", 3600.0)),
    **dict.fromkeys(("day", "days"), ("s", 86400.0)),
    **dict.fromkeys(("week", "weeks"), ("s", 604800.0)),
    **dict.fromkeys(("month", "months"), ("s", 2629800.0)),
    **dict.fromkeys(("year", "years"), ("s", 31557600.0)),
    **dict.fromkeys(("%", "percent", "per cent"), ("ratio", 0.01)),
    **dict.fromkeys(("percentage point", "percentage points"), ("points", 1.0)),
}
CURRENCIES = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "dollars": "USD", "euros": "EUR"}


# Qualifier → (low factor, high factor) around the stated figure.
def _phrases(text: str) -> list[str]:
    return text.split(",")


APPROXIMATORS = {
    **dict.fromkeys(
        _phrases("about,around,roughly,approximately,some,an estimated,circa"), (0.9, 1.1)
    ),
    **dict.fromkeys(_phrases("nearly,almost,close to,just under,up to,at most"), (0.9, 1.0)),
    **dict.fromkeys(_phrases("less than,fewer than,under,below"), (0.75, 1.0)),
    **dict.fromkeys(_phrases("more than,over,above,at least,upwards of,just over"), (1.0, 1.25)),
}
_FRACTION_SLACK = 0.1  # "a fifth" is a rounded figure: 18–22%


def alternatives(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_WORD_NUMBER = rf"(?:{alternatives(_TENS.split())})(?:-(?:{alternatives(_SMALL.split()[1:10])}))?|"
_WORD_NUMBER += alternatives(_SMALL.split())
_NUMBER = rf"(?P<digits>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)|(?P<words>{_WORD_NUMBER})"
_QUANTITY = re.compile(
    rf"(?:\b(?P<approx>{alternatives(APPROXIMATORS)})\s+)?"
    rf"(?P<currency>US\$|\$|€|£)?(?<![\w.,:-])"
    rf"(?:{_NUMBER}|(?P<article>a|an)(?=\s+(?:hundred|thou|mil|bil|dozen)))"
    rf"(?:[\s-]?(?P<scale>{alternatives(SCALES)})\b)?"
    rf"(?:[\s-]?(?P<unit>%|(?:{alternatives(u for u in UNITS if u != '%')}|dollars|euros)\b))?"
    r"(?![\w:]|\.\d|\s?[ap]\.?m\b)",  # not a clock time ("8 p.m.")
    re.IGNORECASE,
)
# Every _QUANTITY match holds a digit, a number word or "a/an hundred…": most sentences have
# none, and this one cheap search spares them the long pattern above.
_SCORE = re.compile(r"(?<![\w.,$€£-])(\d{1,2})[-–](\d{1,2})(?![\w.,%-])")
_MAY_COUNT = re.compile(
    rf"\d|\b(?:{_WORD_NUMBER})|\ban?\s+(?:hundred|thou|mil|bil|dozen)", re.IGNORECASE
)
_FRACTION = re.compile(
    rf"(?:\b(?P<approx>{alternatives(APPROXIMATORS)})\s+)?"
    rf"\b(?:(?P<numer>a|an|one|two|three|four)[\s-]+)?(?P<frac>{alternatives(FRACTIONS)})s?"
    r"(?=\s+(?:of|the)\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure as written, its nominal value in base units and the range it stands for."""

    text: str
    start: int
    end: int
    value: float
    low: float
    high: float
    kind: str  # "m", "ratio", "USD", "count:troop" …: only equal kinds are compared
    of_nouns: frozenset[str]  # "a fifth of Ukraine's territory" → {"ukraine", "territory"}
    converted: bool  # written in another unit than the base one (miles → m)
    unit: str = ""  # the unit as written, normalised ("mph" = "miles per hour"): "m/s×0.44704"

    @property
    def marker(self) -> Marker:
        if self.kind == "score":
            return Marker(
                f"{int(self.value) // 1000}-{int(self.value) % 1000}", self.start, self.end
            )
        unitless = self.kind.startswith(("count", "toll:")) or self.kind in (
            "ratio",
            "magnitude",
            "age",
        )
        unit = "" if unitless else f" {self.kind}"
        return Marker(f"{format_number(self.value)}{unit}", self.start, self.end)


def format_number(value: float) -> str:
    """6 significant digits, no exponent, no trailing zeros: 14000, 0.016, 65.4."""
    text = f"{float(f'{value:.6g}'):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


_NAME_LABELS = frozenset(
    {"PERSON", "ORG", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "GPE", "LOC", "NORP"}
)


def quantities(p: Parsed, skip: Sequence[tuple[int, int]] = ()) -> tuple[Quantity, ...]:
    """Every figure in the sentence except those inside ``skip`` spans (dates) and bare years."""
    base = p.sentence.start
    sentence = p.text[base : p.sentence.end]
    found: list[Quantity] = []
    for match in _FRACTION.finditer(sentence):
        if match["numer"] or match["frac"].lower() == "half":  # "the fifth round" is an ordinal
            found.append(_fraction(p, match, base))
    for match in _SCORE.finditer(sentence):
        # A score or a vote ("won 4-2 on penalties", "an 8-1 vote"): one exact pair of counts.
        value = float(int(match[1]) * 1000 + int(match[2]))
        start, end = base + match.start(), base + match.end()
        found.append(
            Quantity(match[0], start, end, value, value, value, "score", frozenset(), False)
        )
    # A number inside a name ("the Route 91 Harvest Festival", "Flight 370") counts nothing.
    names = [(e.start, e.end) for e in p.sentence.entities if e.label in _NAME_LABELS]
    for match in _QUANTITY.finditer(sentence) if _MAY_COUNT.search(sentence) else ():
        start, end = base + match.start(), base + match.end()
        if any(s <= start < e or s < end <= e for s, e in skip):
            continue
        if any(s <= start and end <= e for s, e in names):
            continue
        if any(q.start <= start < q.end for q in found):
            continue
        quantity = _quantity(p, match, base)
        if quantity is not None:
            found.append(quantity)
    return tuple(sorted(found, key=lambda q: q.start))


def _fraction(p: Parsed, match: re.Match[str], base: int) -> Quantity:
    numerator = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4}
    value = numerator[(match["numer"] or "a").lower()] / FRACTIONS[match["frac"].lower()]
    low, high = value * (1 - _FRACTION_SLACK), value * (1 + _FRACTION_SLACK)
    low, high = _qualified(match["approx"], value, low, high)
    end = base + match.end()
    return Quantity(
        match[0], base + match.start(), end, value, low, high, "ratio", _of_nouns(p, end), False
    )


def _quantity(p: Parsed, match: re.Match[str], base: int) -> Quantity | None:
    number, slack = _number(match)
    scale = SCALES[match["scale"].lower()] if match["scale"] else 1.0
    unit = (match["unit"] or "").lower()
    if match["scale"] and match["scale"].lower() == "m" and not match["currency"]:
        return None  # "5m" without a currency is as likely metres as millions
    if match["words"] and not (match["scale"] or unit) and number <= 1:
        return None  # "one of them", "no one": a pronoun, not a count
    if _is_year(match, number) or (match["article"] and not match["scale"]):
        return None
    dimension, factor = UNITS.get(unit, (None, 1.0))
    end = base + match.end()
    if dimension == "s" and "-" in match[0] and p.text[end : end + 1] != "-":
        # "the 2-year Treasury", "a two-day meeting": a time span that names a kind of thing
        # ("34-year-old" is an age, read by the conflict finder).
        return None
    currency = CURRENCIES.get((match["currency"] or "").lower()) or CURRENCIES.get(unit)
    kind = currency or dimension or f"count:{_head_noun(p, end) or ''}"
    value = number * scale * factor
    low, high = (number - slack) * scale * factor, (number + slack) * scale * factor
    low, high = _qualified(match["approx"], value, low, high)
    converted = dimension not in {None, "ratio", "points"} and factor != 1.0
    return Quantity(
        match[0],
        base + match.start(),
        end,
        value,
        low,
        high,
        kind,
        _of_nouns(p, end),
        converted,
        f"{dimension}×{factor:g}" if dimension else "",
    )


def _number(match: re.Match[str]) -> tuple[float, float]:
    """The number and its rounding slack: half a unit of its last significant digit."""
    if match["article"]:
        return 1.0, 0.0
    if match["words"]:
        word = match["words"].lower()
        tens, _, unit = word.partition("-")
        return float(WORD_NUMBERS[tens] + (WORD_NUMBERS[unit] if unit else 0)), 0.0
    digits = match["digits"].replace(",", "")
    if "." in digits:
        return float(digits), 0.5 * 10 ** -len(digits.split(".")[1])
    value = float(digits)
    zeros = len(digits) - len(digits.rstrip("0"))
    # "1,000 km" may be rounded to the thousand, but rarely by more than 5%.
    return value, min(0.5 * 10**zeros if zeros else 0.5, 0.05 * value)


def _qualified(approx: str | None, value: float, low: float, high: float) -> tuple[float, float]:
    if not approx:
        return low, high
    down, up = APPROXIMATORS[approx.lower()]
    return min(low, value * down), max(high, value * up)


def _is_year(match: re.Match[str], number: float) -> bool:
    digits = match["digits"] or ""
    bare = not (match["scale"] or match["unit"] or match["currency"] or match["approx"])
    return bare and len(digits) == 4 and digits.isdigit() and 1800 <= number <= 2100


def _token_after(p: Parsed, offset: int) -> int | None:
    return next((i for i, t in enumerate(p.sentence.tokens) if t.start >= offset), None)


def _head_noun(p: Parsed, offset: int) -> str | None:
    """The noun a count counts: the first noun after it, across adjectives and "or"."""
    index = _token_after(p, offset)
    if index is None:
        return None
    # "two of the people" counts people
    return _first_noun(p, index + 1 if p.words[index].lower() == "of" else index)


def _first_noun(p: Parsed, index: int) -> str | None:
    tokens = p.sentence.tokens
    for i in range(index, min(index + 6, len(tokens))):
        token = tokens[i]
        if token.pos in {"NOUN", "PROPN"}:
            return token.lemma.lower()
        if token.pos in {"ADJ", "CCONJ", "DET"} or p.words[i] == "-":
            continue
        if token.pos == "VERB" and token.dep in {"amod", "conj"}:
            continue
        return None
    return None


def _of_nouns(p: Parsed, offset: int) -> frozenset[str]:
    """Nouns of the "of …" phrase right after a figure, up to the next verb or punctuation."""
    tokens = p.sentence.tokens
    index = _token_after(p, offset)
    if index is None or p.words[index].lower() != "of":
        return frozenset()
    nouns: set[str] = set()
    for token in tokens[index + 1 : index + 8]:
        if token.pos == "PUNCT" and p.text[token.start : token.end] not in {"'s", "’s"}:
            break
        if token.pos in {"VERB", "AUX", "ADP"} and token.dep != "amod":
            break
        if token.pos in {"NOUN", "PROPN"}:
            nouns.add(token.lemma.lower())
    return frozenset(nouns)
