"""Comparable details of one sentence: its claim clause, sources, hedges, polarity and entities.

Clause structure is approximated linearly, which forgives the parser's attachment errors on
long news sentences: the sentence is cut at commas, semicolons and spaced dashes, and a
piece that opens with a subordinator ("although", "which") or is a coordinated clause of its own
(", and the Kremlin has not commented") is set aside. What remains, minus the attribution phrase,
is the *claim region*: the words that state the claim the aligner grouped the sentence by.
Sources come from ``sources.py``, the finder the voices panel uses too.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from wordfreq import zipf_frequency

from parallax.core.models import Sentence, Token
from parallax.core.sources import REPORTING_VERBS, Cue, SourceKind, clean_name, find_credits
from parallax.core.wordlists import HEDGES, TermMatch, find_terms


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


MODALS = {"will": "will", "'ll": "will", "wo": "will", "shall": "will", "would": "would"}
MODALS |= {"could": "could", "may": "may", "might": "might"}
# HEDGES entries that are modals or sourcing are read by the modal and source rules instead;
# "claims"/"suggests" are mostly nouns or reporting verbs in news, not hedges.
_NOT_ADVERB_HEDGES = {"could", "might", "may", "claimed", "claims", "suggests", "suggested"}
_SOURCING = re.compile(r"according|familiar|sources")
ADVERB_HEDGES = tuple(h for h in HEDGES if h not in _NOT_ADVERB_HEDGES and not _SOURCING.search(h))
_RELATIVES = frozenset({"which", "who", "whom", "whose", "where"})
_SUBORDINATORS = _RELATIVES | {"although", "though", "while", "whereas", "because", "if", "unless"}
_SUBORDINATORS |= {"when", "despite"}
_COORDINATORS = frozenset({"and", "but", "or", "yet"})
DENIAL_VERBS = _words("deny reject refute rebut dispute disavow refuse fail")
_NEGATIVE_WORDS = frozenset({"no", "never", "nobody", "nothing", "none", "neither"})
# Deps whose clause modifies a noun or sets a circumstance: a "not" there is not the claim's.
_SIDE_DEPS = frozenset({"amod", "advcl"})
ENTITY_GROUPS = {"GPE": "place", "LOC": "place", "FAC": "place", "PERSON": "agent", "ORG": "agent"}
# Nouns that put a place in the "where it happens" role without a preposition
# ("Istanbul has been mentioned as a possible venue").
_ROLE_NOUNS = frozenset({"venue", "location", "site", "host", "destination"})


@dataclass(frozen=True, slots=True, eq=False)
class Parsed:
    """One sentence with its token texts and claim region (indices into ``sentence.tokens``).

    Compared by identity, so the per-sentence extractions below can be cached cheaply.
    """

    text: str
    sentence: Sentence
    words: tuple[str, ...]
    segments: tuple[tuple[int, int], ...]
    region: frozenset[int]
    sources: tuple[Source, ...]
    # Non-restrictive relative clauses (", who could meet next week"): outside the claim region,
    # but their modals still tell how sure the sentence is.
    relative: frozenset[int] = frozenset()
    # Hedges, boosters and loaded terms already found by the tone stage, if it ran.
    terms: tuple[TermMatch, ...] | None = None

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Article offsets covering tokens ``first``..``last`` inclusive."""
        tokens = self.sentence.tokens
        return tokens[first].start, tokens[last].end


@dataclass(frozen=True, slots=True)
class Source:
    kind: SourceKind
    name: str
    label: str | None  # entity label of a named source (GPE sources are often metonyms)
    first: int  # token indices of the whole attribution phrase
    last: int
    start: int  # its article offsets
    end: int

    @property
    def marker(self) -> Marker:
        return Marker(f"{self.kind}: {self.name}", self.start, self.end)


@dataclass(frozen=True, slots=True)
class Marker:
    """A word or phrase with a comparable form and its span in the article text."""

    normalized: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Certainty:
    modals: tuple[Marker, ...]
    hedges: tuple[Marker, ...]


@dataclass(frozen=True, slots=True)
class Polarity:
    negative: bool
    predicate: Marker | None


@dataclass(frozen=True, slots=True)
class EntityValue:
    text: str
    group: str
    start: int
    end: int
    slot: str | None  # "in:place", "role" or "dep:governor"; None when its role is unclear

    @property
    def marker(self) -> Marker:
        return Marker(self.text, self.start, self.end)


def parse(text: str, sentence: Sentence, terms: tuple[TermMatch, ...] | None = None) -> Parsed:
    """Token texts, clause pieces, sources and claim region of ``sentence``; ``terms`` are its
    word-list matches when the tone stage found them already."""
    words = tuple(text[t.start : t.end] for t in sentence.tokens)
    segments = _segments(text, sentence, words)
    probe = Parsed(text, sentence, words, segments, frozenset(), ())
    sources = _sources(probe)
    attributed = {i for s in sources for i in range(s.first, s.last + 1)}
    main = [range(a, _clause_end(probe, a, b) + 1) for a, b in segments if _is_main(probe, a, b)]
    relative = [range(a, b + 1) for a, b in segments if words[a].lower() in _RELATIVES]
    region, aside = ({i for r in rs for i in r} - attributed for rs in (main, relative))
    return Parsed(
        text, sentence, words, segments, frozenset(region), sources, frozenset(aside), terms
    )


def _segments(text: str, sentence: Sentence, words: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    cuts = [-1]
    for i, word in enumerate(words):
        token = sentence.tokens[i]
        # "US–Russia deal" keeps its dash; " – " between clauses cuts like a comma.
        spaced = text[token.start - 1 : token.start].isspace() and text[token.end : token.end + 1]
        if word in {",", ";", ":", "—", "(", ")"} or (word in {"–", "-"} and spaced == " "):
            cuts.append(i)
    cuts.append(len(words))
    segments = []
    for before, after in itertools.pairwise(cuts):
        last = after - 1
        while last > before and sentence.tokens[last].pos == "PUNCT":  # the full stop
            last -= 1
        if last > before:
            segments.append((before + 1, last))
    return tuple(segments)


def _is_main(p: Parsed, first: int, last: int) -> bool:
    head = p.words[first].lower()
    if head in _SUBORDINATORS:
        return False
    if head in _COORDINATORS:
        tokens = p.sentence.tokens[first : last + 1]
        has_subject = any(t.dep in {"nsubj", "nsubjpass", "expl"} for t in tokens)
        return not (has_subject and any(t.pos in {"VERB", "AUX"} for t in tokens))
    return True


def _clause_end(p: Parsed, first: int, last: int) -> int:
    """Last index before a subordinator that opens mid-piece ("… although it is unclear")."""
    for i in range(first + 1, last + 1):
        if p.sentence.tokens[i].dep == "mark" and p.words[i].lower() in _SUBORDINATORS:
            return i - 1
    return last


def _sources(p: Parsed) -> tuple[Source, ...]:
    """The credits that frame the sentence's claim, each with its whole attribution phrase (the
    words left out of the claim region)."""
    found = []
    for credit in find_credits(p.text, p.sentence):
        segment = _segment_of(p, credit.cue_index)
        if not credit.frames_claim or segment is None:
            continue
        first, last = segment
        if credit.cue is not Cue.VERB:  # "according to X" / "citing X" to the piece's end
            whole = (credit.cue_index, last)
        elif credit.head > credit.cue_index:  # "…, said Smith": the whole piece
            whole = (first, last)
        else:
            whole = (min(first, credit.first), _speaker_end(p, credit.cue_index, last))
        start, end = p.span(*whole)
        found.append(Source(credit.kind, credit.name, credit.label, *whole, start, end))
    return tuple(found)


def _segment_of(p: Parsed, index: int) -> tuple[int, int] | None:
    return next(((a, b) for a, b in p.segments if a <= index <= b), None)


def _speaker_end(p: Parsed, verb: int, last: int) -> int:
    """ "X said (that) <claim>" ends at the verb; "<claim>, X told Y." takes the whole piece."""
    tokens = p.sentence.tokens
    if not any(t.dep == "ccomp" for t in tokens[verb + 1 : last + 1]):
        return last
    if verb < last and p.words[verb + 1].lower() == "that":
        return verb + 1
    return verb


def certainty(p: Parsed) -> Certainty:
    """Modal auxiliaries and hedging adverbs/phrases inside the claim region.

    Cached: a conflict check asks for it several times per sentence pair.
    """
    tokens = p.sentence.tokens
    modals = tuple(
        Marker(MODALS[p.words[i].lower()], *p.span(i, _verb_after(p, i)))
        for i in sorted(p.region | p.relative)
        if p.words[i].lower() in MODALS and tokens[i].dep == "aux"
    )
    found: list[tuple[int, int, Marker]] = []
    # The tone word lists' own finder (exact offsets); listed in the hedge list's order, as the
    # conflict rules expect.
    terms = p.terms
    if terms is None:
        terms = find_terms(p.text[p.sentence.start : p.sentence.end], p.sentence.start)
    for term in terms:
        if term.term not in _HEDGE_ORDER or not _in_region(p, term.start):
            continue
        around = next((m for m in modals if m.start <= term.start < m.end), None)
        span = (around.start, around.end) if around else (term.start, term.end)
        found.append((_HEDGE_ORDER[term.term], term.start, Marker(term.term, *span)))
    return Certainty(modals, tuple(marker for *_, marker in sorted(found, key=lambda f: f[:2])))


_HEDGE_ORDER = {hedge: n for n, hedge in enumerate(ADVERB_HEDGES)}


def _in_region(p: Parsed, offset: int) -> bool:
    return any(p.sentence.tokens[i].start <= offset < p.sentence.tokens[i].end for i in p.region)


def _verb_after(p: Parsed, index: int) -> int:
    """The verb an auxiliary belongs to: the next verb within a few words (or the aux itself)."""
    tokens = p.sentence.tokens
    for i in range(index + 1, min(index + 6, len(tokens))):
        if tokens[i].pos == "VERB" or (tokens[i].pos == "ADJ" and tokens[i].dep == "acomp"):
            return i
        if tokens[i].pos not in {"AUX", "ADV", "PART"}:
            break
    return index


def polarity(p: Parsed) -> Polarity:
    """Whether the claim region asserts or denies, and the predicate span that shows it."""
    tokens = p.sentence.tokens
    negators = [i for i in sorted(p.region) if _negates(p, i)]
    if not negators:
        target = _main_predicate(p)
        if target is None:
            return Polarity(False, None)
        span = _predicate_span(p, target, target)
        return Polarity(False, Marker(tokens[target].lemma.lower(), *span))
    first = negators[0]
    if p.words[first].lower() in _NEGATIVE_WORDS - {"never"}:  # "No details have been released"
        target = _main_predicate(p) or first
    elif tokens[first].dep == "neg" or p.words[first].lower() == "never":
        target = _verb_after(p, first)
    else:  # a denial verb or an "un-" adjective is its own predicate
        target = first
    negative = len(negators) % 2 == 1  # "denied that it had not…" asserts
    lemma = tokens[target].lemma.lower()
    normalized = f"not {lemma}" if negative and target != first else lemma
    span = _predicate_span(p, min(first, target), max(first, target))
    return Polarity(negative, Marker(normalized, *span))


def _negates(p: Parsed, i: int) -> bool:
    token, word = p.sentence.tokens[i], p.words[i].lower()
    if token.dep == "neg" or word in _NEGATIVE_WORDS:
        target = _verb_after(p, i)
        return p.sentence.tokens[target].dep not in _SIDE_DEPS
    if token.pos == "VERB" and token.lemma.lower() in DENIAL_VERBS:
        return token.dep not in _SIDE_DEPS
    return token.pos == "ADJ" and token.dep in {"acomp", "oprd", "ROOT"} and _negative_prefix(word)


def _negative_prefix(word: str) -> bool:
    """'undisclosed', 'unconfirmed', 'non-binding': a prefix in front of a common English word."""
    for prefix in ("non-", "non", "un"):
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) >= 4 and zipf_frequency(rest, "en") >= 3.0:
            return True
    return False


def _main_predicate(p: Parsed) -> int | None:
    tokens = p.sentence.tokens
    region = sorted(p.region)
    for dep in ("ROOT", "ccomp"):
        for i in region:
            token = tokens[i]
            if token.dep == dep and token.pos in {"VERB", "AUX"} and not _reports(token):
                return i
    return next((i for i in region if tokens[i].pos == "VERB"), None)


def _reports(token: Token) -> bool:
    return token.lemma.lower() in REPORTING_VERBS


def _predicate_span(p: Parsed, first: int, target: int) -> tuple[int, int]:
    """The predicate with its auxiliaries before and particles/complements after it."""
    tokens = p.sentence.tokens
    # "would reportedly be frozen": auxiliaries, with adverbs between them
    while first > 0 and (
        tokens[first - 1].dep in {"aux", "auxpass", "neg"} or _between_aux(p, first - 1)
    ):
        first -= 1
    last = target
    while last + 1 < len(tokens) and tokens[last + 1].dep in {"oprd", "prt", "acomp", "dobj"}:
        last += 1
        if tokens[last].dep == "dobj":
            break
    return p.span(first, last)


def _between_aux(p: Parsed, i: int) -> bool:
    tokens = p.sentence.tokens
    return tokens[i].pos == "ADV" and i > 0 and tokens[i - 1].dep in {"aux", "auxpass"}


def entities(p: Parsed) -> tuple[EntityValue, ...]:
    """Named people, bodies and places in the claim region, with the slot each one fills."""
    found = []
    for entity in p.sentence.entities:
        group = ENTITY_GROUPS.get(entity.label)
        tokens = enumerate(p.sentence.tokens)
        indices = [i for i, t in tokens if entity.start <= t.start < entity.end]
        if group is None or not indices or not all(i in p.region for i in indices):
            continue
        name = clean_name(entity.text)
        offset = entity.text.find(name)
        start = entity.start + max(offset, 0)
        slot = _slot(p, indices[0], indices[-1], group)
        found.append(EntityValue(name, group, start, start + len(name), slot))
    return tuple(found)


def _slot(p: Parsed, first: int, last: int, group: str) -> str | None:
    tokens = p.sentence.tokens
    before = first - 1
    while before >= 0 and tokens[before].pos == "DET":
        before -= 1
    dep = tokens[last].dep
    if group == "place" and dep == "pobj" and before >= 0 and p.words[before] in {"in", "at"}:
        return "in:place"
    segment = next(s for s in p.segments if s[0] <= first <= s[1])
    lemmas = {tokens[i].lemma.lower() for i in range(segment[0], segment[1] + 1)}
    if group == "place" and dep in {"nsubj", "nsubjpass", "attr"} and lemmas & _ROLE_NOUNS:
        return "role"
    governor = _governor(p, first, last, dep)
    return f"{dep}:{governor}" if governor else None


def _governor(p: Parsed, first: int, last: int, dep: str) -> str | None:
    """Nearest verb after a subject, or the preposition and word before an object."""
    tokens = p.sentence.tokens
    if dep in {"nsubj", "nsubjpass"}:
        after = range(last + 1, min(last + 5, len(tokens)))
        return next((tokens[i].lemma.lower() for i in after if tokens[i].pos == "VERB"), None)
    if dep == "dobj":
        before = range(first - 1, max(first - 5, -1), -1)
        return next((tokens[i].lemma.lower() for i in before if tokens[i].pos == "VERB"), None)
    before = first - 1
    while before >= 1 and tokens[before].pos == "DET":
        before -= 1
    if dep == "pobj" and before >= 1 and tokens[before].pos == "ADP":
        return f"{tokens[before - 1].lemma.lower()} {p.words[before].lower()}"
    return None
