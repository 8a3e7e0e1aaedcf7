"""Who a sentence credits: the one finder of sources and speakers.

The attribution check (``values.py``, read by the conflict rules) and the voices panel
(``voices.py``) both ask it, so a speaker the window lists is the source the conflict rules
compare. A credit is found from the dependency parse, never from a list of names:

- a reporting or speech verb and its grammatical subject ("The Kremlin spokesman said …"), or
  the agent of a passive one ("… was first reported by a US news agency");
- "according to X" and "citing X".

A credit *frames the claim* when the sentence's statement is what the source said: a reporting
verb at the root with a clausal complement ("X said that …") or in parenthesis ("…, X told
reporters"), or "according to"/"citing". "X denied the report" is a voice but frames nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from parallax.core.models import Sentence, Token


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Verbs that credit a statement to a source ("X said …", "…, X told reporters").
REPORTING_VERBS = _words(
    "say tell report state announce confirm claim add note insist warn declare estimate write "
    "assert acknowledge argue maintain stress suggest indicate reveal disclose allege"
)
# Verbs that show someone speaking without stating a claim's content ("denied", "called for",
# "accused"): a voice, but not an attribution of the claim.
SPEECH_VERBS = _words("accuse call caution cite comment deny describe predict")
VOICE_VERBS = REPORTING_VERBS | SPEECH_VERBS
# Words that make an unnamed source a media one ("according to media reports").
MEDIA_WORDS = _words(
    "media medium report press newspaper outlet broadcaster publication journalist news"
)
# Dependents that describe a speaker rather than name it ("Brightline Chemicals, which employs
# about 300 people, said"; "Dana Okafor, the fire chief, said"): left out of the speaker's words.
# An apposition is left out only when commas set it off: "agency head Luis Felipe Puente" is
# one name even where the parser calls "Puente" an apposition.
_DESCRIPTIONS = frozenset({"relcl", "advcl", "parataxis"})


class SourceKind(StrEnum):
    NAMED = "named"  # a named person, body or outlet: "The White House said"
    UNNAMED = "unnamed"  # "people familiar with the matter", "a senior official"
    MEDIA = "media"  # "according to media reports"


class Cue(StrEnum):
    VERB = "verb"  # "X said", "… reported by X"
    ACCORDING_TO = "according_to"
    CITING = "citing"


@dataclass(frozen=True, slots=True)
class Credit:
    """One source credited in one sentence; token indices are into ``sentence.tokens``."""

    cue: Cue
    verb: str  # the verb's lemma, or "according to" / "citing"
    cue_index: int  # the verb, or "according" / "citing"
    head: int  # the speaker's head word
    first: int  # the speaker's words, descriptions left out
    last: int
    start: int  # their article offsets
    end: int
    kind: SourceKind
    name: str  # a named source's entity text, else the speaker's words in lower case
    label: str | None  # entity label of a named source (GPE sources are often metonyms)
    pronoun: bool  # "he said": a credit, but nobody a reader can tell apart
    frames_claim: bool


def find_credits(text: str, sentence: Sentence) -> tuple[Credit, ...]:
    """Every source ``sentence`` credits, in reading order. ``text`` is the article text."""
    tokens = sentence.tokens
    found: list[Credit] = []
    for n, token in enumerate(tokens):
        lower = text[token.start : token.end].lower()
        if lower == "according" and n + 1 < len(tokens) and tokens[n + 1].lemma.lower() == "to":
            head = _child(tokens, n + 1, {"pobj"})
            if head is not None:
                found.append(_credit(text, sentence, Cue.ACCORDING_TO, "according to", n, head))
        elif lower == "citing":
            head = _child(tokens, n, {"dobj", "pobj"})
            if head is not None:
                found.append(_credit(text, sentence, Cue.CITING, "citing", n, head))
        elif token.lemma.lower() in VOICE_VERBS and token.pos in {"VERB", "AUX"}:
            head = _speaker(tokens, n)
            if head is not None:
                found.append(_credit(text, sentence, Cue.VERB, token.lemma.lower(), n, head))
    return tuple(found)


def _child(tokens: tuple[Token, ...], parent: int, deps: set[str]) -> int | None:
    return next((i for i, t in enumerate(tokens) if t.head == parent and t.dep in deps), None)


def _speaker(tokens: tuple[Token, ...], verb: int) -> int | None:
    """The subject of a reporting verb, or the agent of a passive one ("… by X")."""
    subject = _child(tokens, verb, {"nsubj"})
    if subject is not None:
        return subject
    agent = _child(tokens, verb, {"agent"})
    return _child(tokens, agent, {"pobj"}) if agent is not None else None


def _frames_claim(tokens: tuple[Token, ...], cue: Cue, index: int) -> bool:
    if cue is not Cue.VERB:
        return True
    verb = tokens[index]
    if verb.lemma.lower() not in REPORTING_VERBS:
        return False
    return verb.dep == "parataxis" or (verb.dep == "ROOT" and any(t.dep == "ccomp" for t in tokens))


def _credit(text: str, sentence: Sentence, cue: Cue, verb: str, index: int, head: int) -> Credit:
    tokens = sentence.tokens
    # "The head of the agency, Luis Felipe Puente, said": the apposition is the speaker's name.
    naming = _child(tokens, head, {"appos"}) if tokens[head].pos != "PROPN" else None
    named_by = naming if naming is not None and tokens[naming].pos == "PROPN" else None
    first, last = _extent(tokens, head, keep_apposition=named_by is not None)
    start, end = tokens[first].start, tokens[last].end
    words = {t.lemma.lower() for t in tokens[first : last + 1]}
    head_token = tokens[head if named_by is None else named_by]
    entity = next((e for e in sentence.entities if e.start <= head_token.start < e.end), None)
    if head_token.pos == "PROPN":
        kind, label = SourceKind.NAMED, entity.label if entity else None
        name = clean_name(entity.text if entity else text[head_token.start : head_token.end])
    else:
        kind = SourceKind.MEDIA if words & MEDIA_WORDS else SourceKind.UNNAMED
        label, name = None, clean_name(text[start:end]).lower()
    return Credit(
        cue=cue,
        verb=verb,
        cue_index=index,
        head=head,
        first=first,
        last=last,
        start=start,
        end=end,
        kind=kind,
        name=name,
        label=label,
        pronoun=head_token.pos == "PRON",
        frames_claim=_frames_claim(tokens, cue, index),
    )


def _extent(tokens: tuple[Token, ...], root: int, keep_apposition: bool) -> tuple[int, int]:
    """First and last word of the phrase under ``root``, its descriptions left out."""
    members = {root}
    changed = True
    while changed:
        changed = False
        for i, token in enumerate(tokens):
            if i in members or token.head not in members or token.head == i:
                continue
            if token.head == root and _describes(tokens, root, i, keep_apposition):
                continue
            members.add(i)
            changed = True
    # Only the contiguous run around the head: a left-out description ends the phrase.
    first = last = root
    while first - 1 in members:
        first -= 1
    while last + 1 in members:
        last += 1
    while first < root and not tokens[first].is_word:
        first += 1
    while last > root and not tokens[last].is_word:
        last -= 1
    return first, last


def _describes(tokens: tuple[Token, ...], root: int, child: int, keep_apposition: bool) -> bool:
    if tokens[child].dep in _DESCRIPTIONS:
        return True
    if keep_apposition:
        return False
    between = tokens[min(root, child) + 1 : max(root, child)]
    return tokens[child].dep == "appos" and any(t.lemma in {",", "(", "–", "—"} for t in between)


def clean_name(text: str) -> str:
    """'the United Arab Emirates' → 'United Arab Emirates'; 'Witkoff’s' → 'Witkoff'."""
    text = re.sub(r"^(?:the|The)\s+", "", text.strip())
    return re.sub(r"['’]s$", "", text)
