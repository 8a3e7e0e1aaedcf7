"""Who each article quotes or cites, and which named entities it mentions how often.

A voice is found three ways, each from the dependency parse, never from a list of names:
- a reporting verb ("said", "told", "warned", "according to" …) and its grammatical subject,
  the speaker ("The Kremlin spokesman said…" → "The Kremlin spokesman");
- "according to X" → X;
- a direct quotation (text between quotation marks) in a sentence that has one of the above.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum

from parallax.core.models import AnalysedArticle, Sentence, Token
from parallax.core.values import REPORTING_VERBS, SPEECH_VERBS

# One list of reporting verbs with the attribution check (values.py), plus speech acts.
VOICE_VERBS = REPORTING_VERBS | SPEECH_VERBS
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
    tokens = sentence.tokens
    quoted = bool(_QUOTE.search(text[sentence.start : sentence.end]))
    found = []
    for n, token in enumerate(tokens):
        lemma = token.lemma.lower()
        if lemma == "accord" and n + 1 < len(tokens) and tokens[n + 1].lemma.lower() == "to":
            objects = [i for i, t in enumerate(tokens) if t.head == n + 1 and t.dep == "pobj"]
            if objects:
                start, end = _span(tokens, objects[0])
                found.append(
                    Voice(
                        text[start:end],
                        start,
                        end,
                        sentence.index,
                        VoiceKind.ACCORDING_TO,
                        "according to",
                    )
                )
        elif token.pos == "VERB" and lemma in VOICE_VERBS:
            speaker = _speaker(tokens, n)
            if speaker is not None:
                start, end = _span(tokens, speaker)
                kind = VoiceKind.QUOTED if quoted else VoiceKind.REPORTED
                found.append(Voice(text[start:end], start, end, sentence.index, kind, lemma))
    return found


def _speaker(tokens: tuple[Token, ...], verb: int) -> int | None:
    """The active subject of a reporting verb, or the agent of a passive one ("… by X")."""
    for i, token in enumerate(tokens):
        if token.head == verb and token.dep == "nsubj" and token.pos != "PRON":
            return i
        if token.head == verb and token.dep == "agent":
            agent = next((j for j, t in enumerate(tokens) if t.head == i and t.dep == "pobj"), None)
            if agent is not None:
                return agent
    return None


def _span(tokens: tuple[Token, ...], root: int) -> tuple[int, int]:
    """Character range of the subtree under ``root`` (the whole noun phrase)."""
    members = {root}
    changed = True
    while changed:
        changed = False
        for i, token in enumerate(tokens):
            if i not in members and token.head in members and token.head != i:
                members.add(i)
                changed = True
    words = [tokens[i] for i in sorted(members) if tokens[i].is_word]
    words = words or [tokens[root]]
    return words[0].start, words[-1].end


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
