"""Who each article quotes or cites, and which named entities it mentions how often.

Voices come from the finder the attribution check uses (``sources.py``): every credited speaker
that is not a bare pronoun, marked ``quoted`` when its sentence holds a direct quotation.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
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
    source: str = "named"  # SourceKind: "named", "unnamed" ("a senior official") or "media"
    name: str = ""  # the source's name: the entity for a named one ("Dana Okafor")


@dataclass(frozen=True, slots=True)
class EntityCount:
    label: str
    text: str
    count: int
    sentences: tuple[int, ...]


def find_voices(item: AnalysedArticle) -> tuple[Voice, ...]:
    text = item.article.text
    voices: list[Voice] = []
    for sentence in item.sentences:
        voices.extend(_sentence_voices(sentence, text))
    return tuple(voices)


def _sentence_voices(sentence: Sentence, text: str) -> list[Voice]:
    quoted = bool(_QUOTE.search(text[sentence.start : sentence.end]))
    found = []
    for credit in find_credits(text, sentence):
        if credit.pronoun:
            continue
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
                str(credit.kind),
                credit.name,
            )
        )
    return found


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
