"""Typed conflicts between two sentences of one claim group, each from a different article.

Every rule is conservative: a detail found in only one sentence is an omission, not a conflict,
and two values are compared only when they fill the same slot (same unit or counted noun, same
kind of date, same role for an entity). Confidence is set per rule, from how direct the
evidence is: 0.85–0.9 for two explicit values that cannot both hold (two percentages that do not
meet, two calendar dates), about 0.7 when a value had to be resolved or converted first (a
weekday against a reference date, miles against km), 0.55–0.65 when the comparison leans on a
borrowed reference date, on word lists (hedges, denial verbs) or on a role guessed from the
words around an entity. Number confidence also grows with how far apart the two ranges are.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from rapidfuzz import fuzz

from parallax.core.dates import (
    DateMention,
    bare_weekday,
    date_label,
    dates,
    interval,
    parse_iso_prefix,
)
from parallax.core.models import ConflictType, ConflictValue, Sentence
from parallax.core.numbers import Quantity, quantities
from parallax.core.similarity import consonant_skeleton, place_key
from parallax.core.sources import SourceKind
from parallax.core.values import (
    DENIAL_VERBS,
    Certainty,
    EntityValue,
    Marker,
    Parsed,
    Polarity,
    certainty,
    entities,
    parse,
    polarity,
)
from parallax.core.wordlists import TermMatch


@dataclass(frozen=True, slots=True)
class Finding:
    type: ConflictType
    confidence: float  # 0..1
    first: ConflictValue  # the value in sentence a
    second: ConflictValue  # the value in sentence b


@dataclass(frozen=True, slots=True)
class MemberText:
    article: str  # article id, e.g. "a1"
    sentence: Sentence
    text: str  # the whole article text (offsets refer to it)
    published: str | None = None  # ISO date, to resolve weekdays and "next week"
    terms: tuple[TermMatch, ...] | None = None  # the tone stage's word-list matches, if any


@dataclass(frozen=True, slots=True)
class _Side:
    """One member sentence with everything the rules read from it, extracted once."""

    member: MemberText
    parsed: Parsed
    reference: date | None
    dates: tuple[DateMention, ...]
    certainty: Certainty
    polarity: Polarity
    entities: tuple[EntityValue, ...]
    quantities: tuple[Quantity, ...] = ()  # with their slots (tolls, magnitudes, ages)

    def value(self, marker: Marker) -> ConflictValue:
        member, start, end = self.member, marker.start, marker.end
        text = member.text[start:end]
        return ConflictValue(
            member.article, member.sentence.index, text, marker.normalized, start, end
        )


def find_conflicts(
    a: MemberText, b: MemberText, sides: dict[tuple[str, int], _Side] | None = None
) -> list[Finding]:
    """The details that differ between two member sentences of one claim. ``sides`` keeps each
    sentence's extraction for one comparison (a member is compared with several others); it
    is the caller's, so nothing outlives the comparison."""
    sides = {} if sides is None else sides
    x, y = _side(a, sides), _side(b, sides)
    findings = [*_numbers(x, y), *_dates(x, y), *_entities(x, y), *_negation(x, y)]
    sure = _certainty(x, y)
    # A source that hedges is already what the certainty finding shows: one type per difference.
    findings.extend(sure or _attribution(x, y))
    return findings


def details(member: MemberText, sides: dict[tuple[str, int], _Side]) -> _Side:
    """Everything the rules read from one sentence (figures with their slots, dates, places,
    sources), extracted once per comparison: the fact sheet reads the same values."""
    return _side(member, sides)


def said_when(side: _Side, mention: DateMention) -> bool:
    """Whether a date is when something was said rather than when it happened."""
    return _said_when(side, mention)


def _side(member: MemberText, sides: dict[tuple[str, int], _Side]) -> _Side:
    # Keyed by (article, sentence index): hashing the member itself hashes every token.
    key = (member.article, member.sentence.index)
    if key in sides:
        return sides[key]
    iso = parse_iso_prefix(member.published)
    reference = date.fromisoformat(iso) if iso else None
    parsed = parse(member.text, member.sentence, member.terms)
    found = dates(parsed)
    side = _Side(
        member, parsed, reference, found, certainty(parsed), polarity(parsed), entities(parsed)
    )
    spans = tuple((m.start, m.end) for m in found)
    side = replace(side, quantities=tuple(_with_slot(side, q) for q in quantities(parsed, spans)))
    sides[key] = side
    return side


def _finding(
    kind: ConflictType, confidence: float, x: _Side, first: Marker, y: _Side, second: Marker
) -> Finding:
    confidence = round(min(max(confidence, 0.0), 1.0), 2)
    return Finding(kind, confidence, x.value(first), y.value(second))


def _numbers(x: _Side, y: _Side) -> list[Finding]:
    """Figures of one kind (unit, currency, counted noun) whose ranges do not meet."""
    qx, qy = _distinct(x.quantities), _distinct(y.quantities)
    findings = []
    for kind in sorted({q.kind for q in qx} & {q.kind for q in qy}):
        if kind == "count:":  # a bare count with no noun: nothing says what it counts
            continue
        left = _unmatched([q for q in qx if q.kind == kind], [q for q in qy if q.kind == kind])
        right = _unmatched([q for q in qy if q.kind == kind], [q for q in qx if q.kind == kind])
        # With several figures of one kind left on a side, which pairs with which is a guess.
        if (
            len(left) == 1 == len(right)
            and _same_subject(left[0], right[0])
            and _same_slot(x, left[0], y, right[0])
        ):
            first, second = left[0], right[0]
            confidence = _number_confidence(first, second)
            findings.append(
                _finding(ConflictType.NUMBER, confidence, x, first.marker, y, second.marker)
            )
    return findings


# Words too general to tie two figures to one detail ("rose 2%" and "rose to 4.3%" may measure
# different things; "inflation rose" and "inflation was" both speak of inflation).
_WEAK_ANCHORS = frozenset(
    (
        "be",
        "have",
        "do",
        "say",
        "rise",
        "fall",
        "increase",
        "decrease",
        "reach",
        "about",
        "more",
        "less",
        "than",
        "total",
        "number",
        "year",
        "month",
        "week",
        "day",
        "time",
        "percent",
        "per",
        "cent",
        "point",
        "people",
    )
)


def _distinct(found: tuple[Quantity, ...]) -> list[Quantity]:
    """One figure per value and kind: "22,500km/h (14,000mph)" gives the speed once."""
    kept: list[Quantity] = []
    for q in found:
        if not any(k.kind == q.kind and _overlap(k, q) for k in kept):
            kept.append(q)
    return kept


def _same_slot(x: _Side, q: Quantity, y: _Side, o: Quantity) -> bool:
    """A counted noun ties two counts to one detail; a measure (%, money, length, time) needs
    a content word in common among the words it hangs on ("the rate rose to 0.5%" vs "the rate
    was raised to 0.25%": yes; "inflation of 4.3%" vs "a quarter-point hike": no)."""
    # A count of one noun, a toll, a quake's magnitude and a speed are each one detail.
    if q.kind.startswith("toll:") or q.kind in ("magnitude", "m/s"):
        return True
    if q.kind == "score":
        # "Argentina led 2-0" and "Argentina won 4-2 on penalties": the teams are in both, so
        # scores need a common word other than a name.
        first, second = _anchors(x, q, names=False), _anchors(y, o, names=False)
        return bool(first and second and first & second)
    if q.kind == "age":
        # "Messi, 35," and "the 34-year-old": one person's age unless both name different people.
        names = [_names(x, q), _names(y, o)]
        return not (names[0] and names[1] and names[0].isdisjoint(names[1]))
    if q.kind.startswith("count"):
        # "Mbappe … with eight goals" and "Messi … with seven goals": counts credited to
        # different people are different details.
        names = [_named_anchors(x, q), _named_anchors(y, o)]
        return not (names[0] and names[1] and names[0].isdisjoint(names[1]))
    first, second = _anchors(x, q), _anchors(y, o)
    # With no parse (blank pipeline) or nothing but general words around a figure, the kind
    # must do; two figures anchored on different words measure different things.
    return not (first and second and first.isdisjoint(second))


def _named_anchors(side: _Side, q: Quantity) -> frozenset[str]:
    """The proper names among a figure's anchors (who scored, whose goals)."""
    every, common = _anchors(side, q), _anchors(side, q, names=False)
    return (every or frozenset()) - (common or frozenset())


def _anchors(side: _Side, q: Quantity, names: bool = True) -> frozenset[str] | None:
    """Content lemmas up to three steps up the parse from the figure, and the noun it counts
    (proper nouns only with ``names``)."""
    tokens = side.member.sentence.tokens
    inside = {n for n, t in enumerate(tokens) if t.start < q.end and t.end > q.start}
    if not tokens or all(t.head < 0 for t in tokens):
        return None
    chain: set[int] = set()
    for n in inside:
        head, steps = tokens[n].head, 0
        while 0 <= head < len(tokens) and steps < 3 and head not in inside:
            chain.add(head)
            if tokens[head].head == head:
                break
            head, steps = tokens[head].head, steps + 1
    # The subjects of those words too: "Brent crude fell 0.4%" is about Brent crude.
    chain |= {n for n, t in enumerate(tokens) if t.head in chain and t.dep.startswith("nsubj")}
    found = {
        tokens[n].lemma.lower()
        for n in chain - inside
        if tokens[n].pos in _ANCHOR_POS
        and not tokens[n].is_stop
        and (names or tokens[n].pos != "PROPN")
    }
    return frozenset(found - _WEAK_ANCHORS)


_ANCHOR_POS = frozenset({"NOUN", "VERB", "PROPN", "ADJ"})


def _names(side: _Side, q: Quantity) -> frozenset[str]:
    """The name a figure hangs on directly ("Messi, 35": Messi), if any."""
    tokens = side.member.sentence.tokens
    inside = [n for n, t in enumerate(tokens) if t.start < q.end and t.end > q.start]
    heads = {tokens[n].head for n in inside} - set(inside)
    return frozenset(
        tokens[h].lemma.lower() for h in heads if 0 <= h < len(tokens) and tokens[h].pos == "PROPN"
    )


# What a count of people is a count of, from the words around it ("killed at least 245",
# "the death toll rose to 217", "5,385 injured"): tolls of one kind are one detail even when
# one article counts "people" and another gives a bare number.
_TOLLS = {
    "dead": "kill dead death die fatality toll life body",
    "injured": "injure wound hurt injury",
    "missing": "missing",
    "evacuated": "evacuate evacuation displace",
    "rescued": "rescue",
    "arrested": "arrest detain",
}
_TOLL_OF = {word: toll for toll, words in _TOLLS.items() for word in words.split()}
_INCREMENT = frozenset({"more", "additional", "further", "extra", "new"})
_MAGNITUDE_WORDS = frozenset({"magnitude", "earthquake", "quake", "temblor", "tremor"})
_WINDOW = 4  # tokens on each side of a figure that say what it counts


def _with_slot(side: _Side, q: Quantity) -> Quantity:
    """The figure with a finer kind where the words around it say what it is: a quake's
    magnitude, or a toll (dead, injured, missing …) with the place it is given for."""
    tokens = side.member.sentence.tokens
    inside = [n for n, t in enumerate(tokens) if t.start < q.end and t.end > q.start]
    if not inside:
        return q
    first, last = inside[0], inside[-1]
    near = sorted(
        range(max(0, first - _WINDOW), min(len(tokens), last + _WINDOW + 1)),
        key=lambda n: min(abs(n - first), abs(n - last)),
    )
    if _is_age(side.member.text, q):
        years = float(re.match(r"\d+", q.text)[0])
        return replace(
            q, kind="age", value=years, low=years - 0.5, high=years + 0.5, converted=False
        )
    text = side.member.text
    # A word before the figure across "and" or a comma is another clause's: in "59 were killed
    # and 515 were injured", 515 is not the dead.
    breaks = {
        n
        for n in range(max(0, first - _WINDOW), first)
        if tokens[n].pos == "CCONJ" or text[tokens[n].start : tokens[n].end] in {",", ";"}
    }
    lemmas = [
        (n, tokens[n].lemma.lower())
        for n in near
        if n not in inside and not (n < first and any(n < b < first for b in breaks))
    ]
    # A magnitude is written with its decimal ("7.8"); "in 10 provinces" near "earthquake" is not.
    if "." in q.text and 0 < q.value < 10.5 and any(w in _MAGNITUDE_WORDS for _, w in lemmas):
        return replace(q, kind="magnitude")
    if not q.kind.startswith("count:"):
        return q
    # "six more hikes" counts what is added, "seven hikes in total" the whole: two details.
    following = side.member.text[q.end : q.end + 20].lower().split()[:1]
    if following and following[0] in _INCREMENT:
        q = replace(q, kind=f"{q.kind}+")
    toll = next((_TOLL_OF[lemma] for _, lemma in lemmas if lemma in _TOLL_OF), None)
    if toll is None or _another_time(side, q):
        return q
    # "at least 20 children" among the dead is a part of the toll, not another count of it.
    counted = q.kind.removeprefix("count:")
    more = "+" if counted.endswith("+") else ""  # "20 more dead" adds to the toll
    counted = counted.rstrip("+")
    part = "" if counted in _EVERYONE or counted in _TOLL_OF else f":{counted}"
    return replace(q, kind=f"toll:{toll}{more}{part}{_place_of(side, q)}")


def _another_time(side: _Side, q: Quantity) -> bool:
    """A toll dated to another time is another event's: "killed 49 people at the Pulse
    nightclub in June 2016" (an earlier year after it in the same clause) or "last year's
    massacre of 49 people" ("last year" just before it)."""
    text = side.member.text
    for mention in side.dates:
        relative = (mention.relative or "").lower()
        if relative.startswith("last") and q.start - 40 <= mention.end <= q.start:
            return True
        after = q.end <= mention.start <= q.end + 60
        if (
            after
            and mention.year
            and side.reference
            and mention.year < side.reference.year
            and not re.search(r"[,;:]", text[q.end : mention.start])
        ):
            return True
    return False


# Nouns a toll counts everyone with ("225 people", "12 deaths", a bare "15 killed").
_EVERYONE = frozenset(
    {"", "people", "person", "persons", "victim", "individual", "resident", "life", "body"}
    | {"other", "more"}  # "killing 58 and injuring 500 others"
)


# "the 34-year-old", "Messi, 35," and "Paddock, 64, of Mesquite": a person's age.
_AGED = re.compile(r"\d{1,3}-year-old")
_APPOSITIVE_AGE = re.compile(r"[A-Z][\w'’-]+, $")
_AGE_WORD = re.compile(r"\b[Aa]ged? $")  # "Stephen Paddock, age 64, who is dead"


def _is_age(text: str, q: Quantity) -> bool:
    if _AGED.match(text, q.start, q.end + 5) or _AGE_WORD.search(
        text, max(0, q.start - 5), q.start
    ):
        return True
    return (
        q.text.isdigit()
        and 0 < q.value < 120
        and text[q.end : q.end + 1] == ","
        and bool(_APPOSITIVE_AGE.search(text, max(0, q.start - 40), q.start))
    )


def _place_of(side: _Side, q: Quantity) -> str:
    """ "72 died in Morelos": the place a toll is given for, when one follows it closely."""
    text = side.member.text
    for entity in side.member.sentence.entities:
        if entity.label in {"GPE", "LOC"} and 0 < entity.start - q.end <= 30:
            between = text[q.end : entity.start]
            if re.search(r"\bin\b", between) and not re.search(r"[;:.]", between):
                if _is_main_place(text, entity.text):
                    return ""  # "59 dead in Las Vegas" in a story about Las Vegas: the toll
                # The place as named: a capital's toll is not its country's ("94 died in
                # Mexico City" vs "226 in Mexico"), so no folding of capitals into countries.
                return f"@{_plain(entity.text)}"
    return ""


_HEADLINE = 200  # characters: a longer first line is a paragraph, not a headline


def _is_main_place(text: str, place: str) -> bool:
    """The place the article is about: named whole in its headline ("Mexico" is not named by
    "Mexico City"; the lead may name the places a toll is broken down by, so it does not count).
    """
    first, _, rest = text.lstrip().partition("\n")
    if not rest.strip() or len(first) > _HEADLINE:
        return False  # no headline
    name = re.escape(place.removeprefix("the ").strip())
    return re.search(rf"\b{name}\b(?!\s+[A-Z])", first) is not None


def _unmatched(mine: list[Quantity], theirs: list[Quantity]) -> list[Quantity]:
    return [q for q in mine if not any(_same_subject(q, o) and _overlap(q, o) for o in theirs)]


def _same_subject(q: Quantity, o: Quantity) -> bool:
    """ "19% of the territory" and "a fifth of the vote" measure different things."""
    return not (q.of_nouns and o.of_nouns and q.of_nouns.isdisjoint(o.of_nouns))


def _overlap(q: Quantity, o: Quantity) -> bool:
    # A converted unit was itself rounded by the writer ("620 miles" for 1,000 km); two figures
    # written in the same unit ("44 days", "45 days") were not converted from each other.
    converted = (q.converted or o.converted) and q.unit != o.unit
    slack = 0.01 * max(abs(q.value), abs(o.value)) if converted else 0.0
    # Strict: "4.1%" and "4.2%" share only the rounding boundary 4.15, and they do disagree.
    # The same value always agrees ("Fifty-nine" and "Fifty-nine": a range of width 0 each).
    if q.value == o.value and q.low == o.low and q.high == o.high:
        return True
    return q.low < o.high + slack and o.low < q.high + slack


def _number_confidence(q: Quantity, o: Quantity) -> float:
    gap = max(o.low - q.high, q.low - o.high) / max(abs(q.value), abs(o.value), 1e-9)
    confidence = 0.6 + min(0.3, gap)
    return confidence - 0.1 if q.converted or o.converted else confidence


def _dates(x: _Side, y: _Side) -> list[Finding]:
    """Dates of the same slot that cannot be the same day or span."""
    dx, dy = x.dates, y.dates
    verdicts = {(m, n): _date_verdict(m, n, x, y) for m in dx for n in dy if _comparable(m, n)}
    left = [m for m in dx if not any(v is None for (a, _), v in verdicts.items() if a == m)]
    right = [n for n in dy if not any(v is None for (_, b), v in verdicts.items() if b == n)]
    pairs = [(m, n) for m in left for n in right if verdicts.get((m, n)) is not None]
    if not (len(left) == 1 == len(right)):  # several dates each: pair only by the word before
        pairs = [(m, n) for m, n in pairs if m.governor and m.governor == n.governor]
    # When something was said is not when it happened: "opened fire on Sunday" vs "police said
    # on Monday" are two details.
    pairs = [(m, n) for m, n in pairs if _said_when(x, m) == _said_when(y, n)]
    return [
        _finding(
            ConflictType.DATE,
            verdicts[(m, n)] or 0.0,
            x,
            Marker(date_label(m, x.reference or y.reference), m.start, m.end),
            y,
            Marker(date_label(n, y.reference or x.reference), n.start, n.end),
        )
        for m, n in pairs
    ]


# Verbs whose date is when a source spoke ("said Monday"), not when the event happened: the
# reporting verbs that only speak. "Reported", "revealed" or "claimed" on a day is often the news
# event itself ("the plan was first reported on Friday"), so they are not here.
_SPEAKING = frozenset({"say", "tell", "add", "note", "announce", "confirm", "state", "write"})


def _said_when(side: _Side, m: DateMention) -> bool:
    """Whether the date hangs on a verb of speaking (up to three steps up the parse)."""
    tokens = side.member.sentence.tokens
    at = next((n for n, t in enumerate(tokens) if t.start <= m.start < t.end), None)
    steps = 0
    while at is not None and 0 <= at < len(tokens) and steps < 4:
        token = tokens[at]
        if token.pos == "VERB":
            return token.lemma.lower() in _SPEAKING
        if token.head == at:
            return False
        at, steps = token.head, steps + 1
    return False


def _comparable(m: DateMention, n: DateMention) -> bool:
    """Same kind of slot: "until Friday" (a deadline) is not the date of an event."""
    if m.bound != n.bound:
        return False
    if m.year_only or n.year_only:  # "annexed in 2014" vs "held in 1991": only the same verb
        return m.year_only and n.year_only and m.governor is not None and m.governor == n.governor
    return True


def _date_verdict(m: DateMention, n: DateMention, x: _Side, y: _Side) -> float | None:
    """Confidence that the two mentions name different times; None when they may agree."""
    if bare_weekday(m) and bare_weekday(n):  # no reference needed: Tuesday is not Wednesday
        return 0.8 if m.weekday != n.weekday else None
    borrowed = x.reference is None or y.reference is None
    first = interval(m, x.reference or y.reference)
    second = interval(n, y.reference or x.reference)
    if first is None or second is None:
        if m.month and n.month and m.day and n.day:  # month and day, no year known
            return 0.8 if (m.month, m.day) != (n.month, n.day) else None
        return None
    if first[1] < second[0] or second[1] < first[0]:
        if m.year and n.year:  # both written out in full: no reference date involved
            return 0.85
        return 0.55 if borrowed else 0.7
    return None


def _entities(x: _Side, y: _Side) -> list[Finding]:
    """A different name in the same role, each with no counterpart in the other sentence."""
    left = [e for e in x.entities if e.slot and not _mentioned(e.text, y.parsed)]
    right = [e for e in y.entities if e.slot and not _mentioned(e.text, x.parsed)]
    findings = []
    for e in left:
        for f in right:
            if e.group != f.group or _slot_class(e.slot) != _slot_class(f.slot):
                continue
            # Only the one unexplained name of its slot on each side: otherwise it is a guess.
            rivals = sum(_slot_class(g.slot) == _slot_class(e.slot) for g in left)
            rivals += sum(_slot_class(g.slot) == _slot_class(f.slot) for g in right)
            if rivals == 2:
                # A place may contain the other (Bali, Indonesia): places get less confidence.
                confidence = (0.75 if e.slot == f.slot else 0.6) - 0.1 * (e.group == "place")
                findings.append(_finding(ConflictType.ENTITY, confidence, x, e.marker, y, f.marker))
    return findings


def _slot_class(slot: str | None) -> str | None:
    # "in the United Arab Emirates" and "Istanbul … as a possible venue" both say where.
    return "where" if slot in {"in:place", "role"} else slot


def _mentioned(name: str, other: Parsed) -> bool:
    """Whether ``name`` (or a spelling of it) appears anywhere in the other sentence."""
    candidates = [e.text for e in other.sentence.entities]
    candidates += [w for w in other.words if w[:1].isupper()]
    return any(same_name(name, candidate) for candidate in candidates)


@lru_cache(maxsize=65536)
def same_name(first: str, second: str) -> bool:
    """Zelensky/Zelenskyy, Kyiv/Kiev, Putin/Vladimir Putin, UAE/United Arab Emirates."""
    a, b = _plain(first), _plain(second)
    if not a or not b:
        return False
    if a == b or _acronym(first) == b.replace(" ", "") or _acronym(second) == a.replace(" ", ""):
        return True
    # A capital or adjective names its country's government: "Washington" = "US".
    country = place_key(a)
    if country is not None and country == place_key(b):
        return True
    short, long = sorted((a.split(), b.split()), key=len)
    return all(any(_same_word(s, w) for w in long) for s in short)


def _plain(name: str) -> str:
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    name = re.sub(r"['’]s\b", "", name.lower())
    return " ".join(w for w in re.findall(r"[a-z0-9]+", name) if w != "the")


def _acronym(name: str) -> str:
    words = [w for w in re.findall(r"[A-Za-z]+", name) if w[0].isupper() and w != "The"]
    return "".join(w[0] for w in words).lower() if len(words) > 1 else ""


def _same_word(a: str, b: str) -> bool:
    # Transliterations keep their consonants: zlnsk for every Zelensky, kv for Kyiv and Kiev.
    if a == b or fuzz.ratio(a, b) >= 90:
        return True
    skeleton = consonant_skeleton(a)
    return len(skeleton) >= 2 and skeleton == consonant_skeleton(b)


def _negation(x: _Side, y: _Side) -> list[Finding]:
    first, second = x.polarity, y.polarity
    if first.negative == second.negative or not first.predicate or not second.predicate:
        return []
    # "could not deliver" vs "has spoken" is no finding; "denied that troops crossed" vs
    # "troops crossed" is (the denied clause's verb is the other's predicate).
    if not _same_predicate(x, y) and not (
        _denies(x, _predicate(second)) or _denies(y, _predicate(first))
    ):
        return []
    return [_finding(ConflictType.NEGATION, 0.8, x, first.predicate, y, second.predicate)]


def _predicate(found) -> str:
    return found.predicate.normalized.removeprefix("not ") if found.predicate else ""


def _denies(side: _Side, predicate: str) -> bool:
    """The sentence's predicate is a denial whose clause holds ``predicate``."""
    if _predicate(side.polarity) not in DENIAL_VERBS or not predicate:
        return False
    return any(
        t.lemma.lower() == predicate and t.pos in {"VERB", "AUX"}
        for t in side.member.sentence.tokens
    )


def _modal_verbs(side: _Side) -> set[str]:
    """The verbs the sentence's modals govern: "will meet" and "who could meet" both give meet."""
    tokens = side.member.sentence.tokens
    verbs = set()
    for modal in side.certainty.modals:
        after = [t for t in tokens if t.start >= modal.start and t.pos == "VERB"]
        if after:
            verbs.add(after[0].lemma.lower())
    return verbs


def _same_predicate(x: _Side, y: _Side) -> bool:
    """Both sentences assert (or deny, or hedge) the same verb; "is"/"has" say too little to
    tell ("poses no threat" vs "the mission is a success" both hang on "be")."""
    first, second = _predicate(x.polarity), _predicate(y.polarity)
    return bool(first) and first == second and first not in _GENERIC_PREDICATES


_GENERIC_PREDICATES = frozenset({"be", "have", "do", "get", "make"})


def _certainty(x: _Side, y: _Side) -> list[Finding]:
    """At most one: the first rule that holds, in either direction, and only when both
    sentences hedge or state the same predicate ("will remain" vs "would push" is no finding)."""
    if not (_same_predicate(x, y) or _modal_verbs(x) & _modal_verbs(y)):
        return []
    for rule, confidence in ((_reported, 0.75), (_sourced, 0.65), (_modal, 0.7)):
        for one, other, flipped in ((x, y, False), (y, x, True)):
            pair = rule(one, other)
            if pair and flipped:
                return [_finding(ConflictType.CERTAINTY, confidence, x, pair[1], y, pair[0])]
            if pair:
                return [_finding(ConflictType.CERTAINTY, confidence, x, pair[0], y, pair[1])]
    return []


def _stated(side: _Side, *, needs_will: bool) -> Marker | None:
    """The marker of a sentence that states its claim as fact, unsourced and unhedged."""
    sure = side.certainty
    modals = {m.normalized for m in sure.modals}
    if side.parsed.sources or sure.hedges or modals - {"will"} or (needs_will and not modals):
        return None
    will = next((m for m in sure.modals if m.normalized == "will"), None)
    predicate = side.polarity.predicate
    if will or predicate is None:
        return will
    return Marker("stated", predicate.start, predicate.end)


def _reported(one: _Side, other: _Side) -> tuple[Marker, Marker] | None:
    """Stated as fact vs "reportedly" / "allegedly"."""
    stated = _stated(one, needs_will=False)
    hedges = other.certainty.hedges
    return (stated, hedges[0]) if stated and hedges else None


def _sourced(one: _Side, other: _Side) -> tuple[Marker, Marker] | None:
    """ "The deal will freeze…" vs the same "according to people familiar with the matter"."""
    stated = _stated(one, needs_will=True)
    hedging = [s for s in other.parsed.sources if s.kind is not SourceKind.NAMED]
    return (stated, hedging[0].marker) if stated and hedging else None


def _modal(one: _Side, other: _Side) -> tuple[Marker, Marker] | None:
    """ "will meet" vs "could meet" / "would meet"."""
    mine, theirs = one.certainty.modals, other.certainty.modals
    if not mine or any(m.normalized != "will" for m in mine):
        return None
    weaker = [m for m in theirs if m.normalized != "will" and not _backshifted(other, m)]
    if not weaker or len(weaker) != len(theirs):
        return None
    return mine[0], weaker[0]


# Past reporting verbs: "she said she would remain" reports "I will remain" (the tense moves
# back in reported speech), so that "would" is as certain as "will".
_REPORTED_PAST = frozenset(
    [
        "said",
        "told",
        "added",
        "announced",
        "insisted",
        "promised",
        "vowed",
        "pledged",
        "confirmed",
        "stated",
        "declared",
        "indicated",
        "signalled",
        "signaled",
        "wrote",
    ]
)


def _backshifted(side: _Side, modal: Marker) -> bool:
    """A "would" in a clause reported by a past reporting verb."""
    if modal.normalized != "would":
        return False
    tokens, text = side.member.sentence.tokens, side.member.text
    at = next((n for n, t in enumerate(tokens) if t.start == modal.start), None)
    if at is None:
        return False
    verb = tokens[at].head
    if not 0 <= verb < len(tokens) or tokens[verb].dep not in ("ccomp", "conj"):
        return False
    reporter = tokens[verb].head
    if not 0 <= reporter < len(tokens):
        return False
    word = text[tokens[reporter].start : tokens[reporter].end].lower()
    return word in _REPORTED_PAST


def _attribution(x: _Side, y: _Side) -> list[Finding]:
    """Two articles credit the same statement to different sources.

    Both must credit a source (unattributed vs attributed is an omission), the sources must
    differ in name or in kind (a place name is a metonym for its government: "Moscow said" =
    "the Kremlin said"), and the two sentences must make the same statement: most of their
    words outside the attributions are the same ("The Labor Department reported that payrolls
    rose" and "economists said hiring slowed" credit different statements, not one).
    """
    # "he said", "she told": a pronoun names no source of its own (it is someone named earlier).
    first = tuple(s for s in x.parsed.sources if s.name.lower() not in _PRONOUNS)
    second = tuple(s for s in y.parsed.sources if s.name.lower() not in _PRONOUNS)
    if not first or not second:
        return []
    if _jaccard(_statement(x, first), _statement(y, second)) < _SAME_STATEMENT:
        return []
    named = [s for s in first if s.kind is SourceKind.NAMED]
    other_named = [s for s in second if s.kind is SourceKind.NAMED]
    # "Puente said" and "the Twitter feed of agency head Luis Felipe Puente said" credit one man.
    if _names_within(named, second) or _names_within(other_named, first):
        return []
    if named and other_named:
        if any(same_name(s.name, o.name) for s in named for o in other_named):
            return []
        if any(s.label == "GPE" for s in named + other_named):
            return []
        pair, confidence = (named[0], other_named[0]), 0.75
    else:
        if {s.kind for s in second} & {s.kind for s in first}:
            return []
        pair = (first[0], second[0])
        confidence = 0.7 if named or other_named else 0.55
    return [_finding(ConflictType.ATTRIBUTION, confidence, x, pair[0].marker, y, pair[1].marker)]


_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it", "you", "who"})


def _names_within(named, sources) -> bool:
    """Whether a named source's name appears inside one of the other side's source phrases."""
    return any(
        same_name(source.name, word)
        for source in named
        for other in sources
        for word in other.name.split()
        if word[:1].isalpha() and len(word) > 2
    )


# Share of content words two sentences must have in common outside their attributions: a
# paraphrase of one statement keeps its main nouns (the sample's designed attribution conflict,
# 0.3); statements that only share a topic keep fewer.
_SAME_STATEMENT = 0.3


def _statement(side: _Side, sources) -> frozenset[str]:
    skip = {n for source in sources for n in range(source.first, source.last + 1)}
    # Places fold to their country so "Kyiv" and "Ukraine" count as one word.
    return frozenset(
        place_key(token.lemma.lower()) or token.lemma.lower()
        for n, token in enumerate(side.member.sentence.tokens)
        if n not in skip and token.is_word and not token.is_stop
    )


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0
