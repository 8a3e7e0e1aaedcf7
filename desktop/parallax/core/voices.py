"""Who each article quotes or cites, and which named entities it mentions how often.

Voices come from the finder the attribution check uses (``sources.py``): every credited speaker
that is not a bare pronoun, marked ``quoted`` when its sentence holds a direct quotation.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from parallax.core.models import AnalysedArticle, Sentence
from parallax.core.sources import Cue, find_credits

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"})
_QUOTE = re.compile(r"[“\"]([^”\"]{3,})[”\"]")


class VoiceKind(StrEnum):
    QUOTED = "quoted"  # direct quotation attributed to the speaker
    REPORTED = "reported"  # reported speech: "X said that …"
    ACCORDING_TO = "according_to"


@dataclass(frozen=True, slots=True)
class Voice:
    speaker: str
    start: int
    end: int
    sentence: int
    kind: VoiceKind
    verb: str
    # SourceKind: "named", "unnamed" ("a senior official") or "media" ("pronoun" only while
    # finding: a pronoun's quote is credited to the person it refers to).
    source: str = "named"
    name: str = ""  # the source's name: the entity for a named one ("Dana Okafor")


@dataclass(frozen=True, slots=True)
class EntityCount:
    label: str
    text: str
    count: int
    sentences: tuple[int, ...]


# How far back a pronoun ("she said") or a quotation with no speaker looks for the speaker.
_CARRY_SENTENCES = 2


def find_voices(item: AnalysedArticle) -> tuple[Voice, ...]:
    """Every credited speaker. A quote split over sentences stays credited: "she said" is the
    named person last quoted just before, and a quotation with no speaker of its own continues
    the quotation just before it."""
    text = item.article.text
    voices: list[Voice] = []
    for sentence in item.sentences:
        found = _sentence_voices(sentence, text)
        recent = _recent(voices, sentence.index)
        last = next((v for v in reversed(recent) if v.source == "named"), None)
        for voice in found:
            credited = voice if voice.source != "pronoun" else _as(last, voice)
            if credited is not None:
                voices.append(credited)
        quoted = _QUOTE.search(text[sentence.start : sentence.end])
        if quoted and not found and recent and recent[-1].kind is VoiceKind.QUOTED:
            voices.append(_continued(recent[-1], sentence.index))
    return tuple(voices)


def _recent(voices: list[Voice], index: int) -> list[Voice]:
    """The voices of the last few sentences before ``index`` (the list is in reading order)."""
    start = len(voices)
    while start and index - voices[start - 1].sentence <= _CARRY_SENTENCES:
        start -= 1
    return voices[start:]


def _as(speaker: Voice | None, pronoun: Voice) -> Voice | None:
    """A pronoun's quote credited to the person just quoted, or dropped when there is none."""
    if speaker is None:
        return None
    # The words stay the pronoun as written (offsets point at it); the name is the person's.
    return replace(pronoun, source=speaker.source, name=speaker.name or speaker.speaker)


def _continued(previous: Voice, sentence: int) -> Voice:
    """The same speaker, credited in a sentence that names nobody (offsets: the first words'
    credit, so they point at the speaker as last written)."""
    return replace(previous, sentence=sentence, verb="quoted")


def _sentence_voices(sentence: Sentence, text: str) -> list[Voice]:
    quoted = bool(_QUOTE.search(text[sentence.start : sentence.end]))
    found = []
    for credit in find_credits(text, sentence):
        if credit.cue is Cue.VERB:
            kind = VoiceKind.QUOTED if quoted else VoiceKind.REPORTED
        else:  # "citing X" credits X as "according to X" does
            kind = VoiceKind.ACCORDING_TO
        speaker = text[credit.start : credit.end]
        found.append(
            Voice(
                speaker,
                credit.start,
                credit.end,
                sentence.index,
                kind,
                credit.verb,
                "pronoun" if credit.pronoun else str(credit.kind),
                credit.name,
            )
        )
    return found


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One source across the articles: who, and each article's credits of it (in order)."""

    name: str  # the fullest name any article gives ("Dana Okafor"), or the words ("officials")
    kind: str  # "named", "unnamed" or "media"
    credits: tuple[tuple[Voice, ...], ...]  # per article, in article order

    @property
    def articles(self) -> int:
        return sum(bool(found) for found in self.credits)


def sources_across(articles: Sequence[AnalysedArticle]) -> tuple[SourceRow, ...]:
    """Who each article quotes or credits, one row per source: a name whose words are all in
    one longer name is that source ("Okafor" is "Dana Okafor", "Brightline" is "Brightline
    Chemicals"); unnamed sources are one row per wording. Most widely credited first."""
    keyed: dict[tuple[str, str], list[list[Voice]]] = {}
    names = {
        _words(v.name or v.speaker) for item in articles for v in item.voices if v.source == "named"
    }
    for position, item in enumerate(articles):
        for voice in item.voices:
            if voice.source == "named":
                key = (
                    "named",
                    " ".join(sorted(_widest(_words(voice.name or voice.speaker), names))),
                )
            else:
                key = (voice.source, " ".join(voice.speaker.lower().split()))
            cells = keyed.setdefault(key, [[] for _ in articles])
            cells[position].append(voice)
    rows = []
    for (kind, _), cells in keyed.items():
        voices = [v for found in cells for v in found]
        label = (
            max((v.name or v.speaker for v in voices), key=len)
            if kind == "named"
            else voices[0].speaker
        )
        rows.append(SourceRow(label, kind, tuple(tuple(found) for found in cells)))
    return tuple(sorted(rows, key=lambda r: (-r.articles, r.kind != "named", r.name.lower())))


def _words(name: str) -> frozenset[str]:
    return frozenset(re.findall(r"[\w’'-]+", name.lower()))


def _widest(words: frozenset[str], names: set[frozenset[str]]) -> frozenset[str]:
    """The one longest name that holds all of ``words``; ``words`` itself when none or several
    do (two Smiths stay apart)."""
    wider = [n for n in names if words < n]
    widest = [n for n in wider if not any(n < other for other in wider)]
    return widest[0] if len(widest) == 1 else words


def count_entities(item: AnalysedArticle) -> tuple[EntityCount, ...]:
    """Named entities by label and text, most mentioned first."""
    counts: Counter[tuple[str, str]] = Counter()
    where: dict[tuple[str, str], list[int]] = {}
    for sentence in item.sentences:
        for entity in sentence.entities:
            if entity.label not in ENTITY_LABELS:
                continue
            key = (entity.label, _clean(entity.text))
            counts[key] += 1
            where.setdefault(key, []).append(sentence.index)
    return tuple(
        EntityCount(label, text, count, tuple(dict.fromkeys(where[(label, text)])))
        for (label, text), count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    )


def _clean(text: str) -> str:
    text = re.sub(r"^the\s+", "", text.strip(), flags=re.IGNORECASE)
    return re.sub(r"[’']s$", "", text)
