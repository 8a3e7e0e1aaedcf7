"""Loaded language: words and phrases that judge or inflame, each with the rule that marked it.

A word is marked for what it does, not for how grim its subject is. Sources, in order:

- Evaluative adjectives and adverbs from Pattern's subjectivity lexicon (De Smedt & Daelemans
  2012, PDDL; shipped with TextBlob): subjectivity ≥ 0.75 and |polarity| ≥ 0.5, averaged over
  the word's senses, less plain degree and quantity words ("more", "great", "powerful").
- Emotive words from VADER's human-rated lexicon (Hutto & Gilbert 2014, MIT): |valence| ≥ 2.0
  for negative words and ≥ 2.8 for positive ones (news uses milder praise words plainly: "help",
  "win", "safe"), and adjectives or adverbs built on a negative rated word ("greed" → "greedy",
  "disgrace" → "disgraceful").
- Our own short lists, where neither lexicon has the word: charged labels and dysphemisms
  ("regime", "fat cats", "handouts"), tabloid verbs of attack or grabbing ("slammed", "slapped",
  "raked in") and emotive metaphors ("death trap", "tinder box", "witch hunt").
- Rules: an intensifier before an evaluative or rated word ("staggeringly awful"); scare quotes
  (one to four words in quotation marks, lower case, with no speaker, "said" or naming cue nearby).

Words that report a grim fact ("killed", "dead", "injured", "attack", "war", "fire") are never
marked by the lexicons: a deadly event is reported with them in the most sober wire copy.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path


class LoadedRule(StrEnum):
    EVALUATIVE = "evaluative"  # a judging adjective or adverb (Pattern, or built on a VADER word)
    EMOTIVE = "emotive"  # a word human raters found strongly negative or positive (VADER)
    LABEL = "label"  # a charged label or dysphemism (our list)
    VERB = "verb"  # a tabloid verb of attack or grabbing (our list)
    METAPHOR = "metaphor"  # an emotive metaphor (our list)
    INTENSIFIED = "intensified"  # intensifier + evaluative word
    SCARE_QUOTES = "scare_quotes"  # a short unattributed quotation, keeping the words at a distance


class Lexicon(StrEnum):
    PATTERN = "pattern"
    VADER = "vader"
    PARALLAX = "parallax"
    NONE = ""


@dataclass(frozen=True, slots=True)
class LoadedMatch:
    term: str
    start: int
    end: int
    rule: LoadedRule
    lexicon: Lexicon
    polarity: int  # −1 negative, +1 positive, 0 neither (a label, a scare quote)


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Report a grim fact; marked only through a rule (an intensifier, a metaphor phrase).
FACTS = _set(
    """kill kills killed killing killings dead death deaths die died dies dying fatal fatalities
    deadly injure injured injuries injury injuring wound wounded wounding hurt attack attacks
    attacked attacking war wars warfare explosion explosions explode exploded fire fires blaze
    bomb bombs bombed bombing bombings shoot shooting shootings shot shots gunman gunfire murder
    murdered murders crash crashed crashes disaster disasters earthquake earthquakes quake victim
    victims casualties collapse collapsed destroyed destruction damage damaged trapped missing
    rescue rescued flood floods crisis violence violent conflict threat threats threatened arrest
    arrested prison jailed terror terrorist terrorists terrorism hostage hostages emergency grief
    mourning funeral tragedy tragedies panic fear fears feared afraid suffering pain sick
    illness disease cancer poverty hunger starvation abuse abused rape raped assault assaulted
    robbery stolen theft crime crimes criminal guilty convicted lost loss losses losing fallen
    failed fail fails failure defeat defeated lose beat beating penalty risk risks danger
    dangerous problem problems worry worried concern concerns protest protests strike warning
    warned alarm scared harm harmed broken hazardous threatening"""
)
# Name what people feel: a reported state of the people in the story, not the writer's verdict.
FEELINGS = _set(
    """angry anger angered terrified distraught shocked disappointed unhappy desperate bereaved
    scared frightened upset sad saddened grieving heartbroken devastated furious outraged"""
)
# Plain degree, quantity and everyday words that the lexicons rate but news uses flatly.
PLAIN = _set(
    """more most many much few less least great good bad best better worse worst new old big
    small large high low strong weak important major significant top own original real true
    false right wrong clear possible likely sure certain full free open public early late first
    last next long short hard easy simple main key whole entire special serious powerful safe
    alive confirmed appropriate loved rose mean general only common popular local national total
    final recent current former live official normal usual direct available able potential
    like love party interest help protect protected safety win won wins winning growth united
    ensure relief success successful care support supported hope kind fine nice well glad happy
    proud welcome thanks thank agree agreed benefit benefits friendly fun joy celebrate
    celebrated celebrating victory honor honour prize award gift trust free freedom peace
    healthy rich wealthy positive negative perfect fresh fair favorite favourite super lucky
    smart clean pretty several effective severely unprecedented striking rank festival poor
    champion honestly bloody grim hell"""
)

LABELS = _set(
    """regime puppet puppets junta thugs thug invaders occupiers warmongers capitulation appeasement
    illegitimate extremist extremists
    extremism radical radicals loony lunatic lunatics lunacy fanatic fanatics zealots cronies
    cronyism bureaucrats elites handouts freeloaders scroungers hypocrisy hypocrite hypocrites
    propaganda hysteria sham shambles
    debacle fiasco apocalypse pandering peddling insinuates fomenters rant ranting preach
    preaching mob henchmen stooges lackeys traitor traitors betrayal spin spying snooping
    cover-up whitewash stunt charade farce"""
) | {"fat cats", "free stuff", "land grab", "power grab", "cash grab", "gravy train", "so-called"}
# Judging adjectives that neither lexicon rates.
JUDGEMENTS = _set("nefarious despicable monstrous disgraceful hypocritical deplorable odious")
VERBS = _set(
    """slammed slams slamming blasted blasts lambasted savaged trashed hammered splurged
    squandered squandering fumed seethed grabbed pocketed"""
) | {
    "lashed out",
    "slapped",
    "rake in",
    "raked in",
    "rakes in",
    "raking in",
    "ripped into",
    "tore into",
}
METAPHORS = frozenset(
    " ".join(phrase.split())
    for phrase in """death trap|death traps|tinder box|tinderbox|powder keg|time bomb|revolving door
    |witch hunt|witch-hunt|bloodbath|train wreck|car crash|circus|gather dust|gathering dust
    |drag on|dragging on|meltdown|spin cycle|smoke screen|smokescreen|blank cheque|blank check
    |feeding frenzy|kick in the teeth|slap in the face|stab in the back""".split("|")  # noqa: SIM905
)
# A physical collision or a plain tax, not an attack in words: "slammed into", "blasted off".
_LITERAL_AFTER = re.compile(r"\s+(?:into|onto|through|off|open|shut|the brakes)\b", re.I)

INTENSIFIERS = _set(
    """absolutely completely deeply enormously entirely extremely exceptionally greatly hugely
    incredibly intensely remarkably thoroughly totally tremendously truly unbelievably utterly
    very so staggeringly painfully horribly profoundly shockingly appallingly breathtakingly
    astonishingly woefully grossly outrageously"""
)
_SUFFIXES = ("ful", "ous", "y", "ly", "ing")  # "appalling": a participle used as adjective
_SPEECH_CUES = re.compile(
    r"\b(?:said|says|say|saying|told|tells|tweeted|wrote|writes|added|adds|according|pledged|"
    r"called|calls|dubbed|named|known|term|word|phrase|titled|labelled|labeled|found|finds|"
    r"described|describes|statement|quoted)\b|:",
    re.I,
)
# An opening quote never follows a letter: the apostrophe of "the country's" opens nothing.
_QUOTED = re.compile(r"(?<![A-Za-z0-9])[\"“‘'](?P<inner>[^\"“”‘’']{1,60}?)[\"”’'](?![A-Za-z])")
_NAMING = re.compile(r"\s*[\"“'‘]")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
PATTERN_SUBJECTIVITY, PATTERN_POLARITY = 0.75, 0.5
VADER_NEGATIVE, VADER_POSITIVE, VADER_ROOT = 2.0, 2.8, 1.5


@cache
def _pattern() -> dict[str, tuple[float, float]]:
    """Pattern's adjectives: word → (mean polarity, mean subjectivity) over its senses."""
    import xml.etree.ElementTree as ET

    import textblob.en

    path = Path(textblob.en.__file__).with_name("en-sentiment.xml")
    senses: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for word in ET.parse(path).getroot().iter("word"):
        senses[word.get("form", "").lower()].append(
            (float(word.get("polarity", 0)), float(word.get("subjectivity", 0)))
        )
    return {
        form: (sum(p for p, _ in v) / len(v), sum(s for _, s in v) / len(v))
        for form, v in senses.items()
    }


@cache
def _vader() -> dict[str, float]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return {w: v for w, v in SentimentIntensityAnalyzer().lexicon.items() if w.isalpha()}


def classify_word(word: str) -> tuple[LoadedRule, Lexicon, int] | None:
    """Why one lower-case word is loaded on its own, or None."""
    if word in FACTS or word in PLAIN or word in FEELINGS or len(word) < 3:
        return None
    if word in LABELS:
        return LoadedRule.LABEL, Lexicon.PARALLAX, 0
    if word in JUDGEMENTS:
        return LoadedRule.EVALUATIVE, Lexicon.PARALLAX, -1
    if word in VERBS:
        return LoadedRule.VERB, Lexicon.PARALLAX, -1
    polarity, subjectivity = _pattern().get(word, (0.0, 0.0))
    if subjectivity >= PATTERN_SUBJECTIVITY and abs(polarity) >= PATTERN_POLARITY:
        return LoadedRule.EVALUATIVE, Lexicon.PATTERN, 1 if polarity > 0 else -1
    valence = _vader().get(word, 0.0)
    if valence <= -VADER_NEGATIVE or valence >= VADER_POSITIVE:
        return LoadedRule.EMOTIVE, Lexicon.VADER, 1 if valence > 0 else -1
    root = _rated_root(word)
    if root is not None:
        return LoadedRule.EVALUATIVE, Lexicon.VADER, 1 if root > 0 else -1
    return None


def _rated_root(word: str) -> float | None:
    """The valence of the negative rated word an adjective or adverb is built on ("greed" →
    "greedy"); praise built this way ("helpful") is mostly plain in news."""
    vader = _vader()
    for suffix in _SUFFIXES:
        if not word.endswith(suffix) or len(word) - len(suffix) < 4:
            continue
        stem = word[: -len(suffix)]
        for root in (stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else stem):
            valence = vader.get(root)
            if valence is not None and valence <= -VADER_ROOT and root not in FACTS | PLAIN:
                return valence
    return None


def _is_rated(word: str) -> bool:
    """Evaluative enough to be intensified ("so complacent"), a milder bar than marking alone."""
    polarity, subjectivity = _pattern().get(word, (0.0, 0.0))
    return (subjectivity >= 0.5 and abs(polarity) >= 0.3) or abs(_vader().get(word, 0.0)) >= 1.0


def _phrases() -> re.Pattern[str]:
    phrases = [p for p in LABELS | VERBS | METAPHORS if " " in p]
    alternatives = "|".join(map(re.escape, sorted(phrases, key=len, reverse=True)))
    return re.compile(r"\b(?:" + alternatives + r")\b", re.I)


_PHRASES = _phrases()


def _phrase_rule(phrase: str) -> tuple[LoadedRule, int]:
    if phrase in METAPHORS:
        return LoadedRule.METAPHOR, -1
    return (LoadedRule.VERB, -1) if phrase in VERBS else (LoadedRule.LABEL, 0)


def find_loaded(text: str, offset: int = 0) -> list[LoadedMatch]:
    """Every loaded word or phrase in one sentence, with offsets (plus ``offset``)."""
    found: list[LoadedMatch] = []
    for m in _PHRASES.finditer(text):
        phrase = m.group().lower()
        rule, polarity = _phrase_rule(phrase)
        found.append(LoadedMatch(phrase, m.start(), m.end(), rule, Lexicon.PARALLAX, polarity))
    found += _scare_quotes(text)
    found += _words(text, [(f.start, f.end) for f in found])
    found.sort(key=lambda f: f.start)
    return [
        LoadedMatch(f.term, f.start + offset, f.end + offset, f.rule, f.lexicon, f.polarity)
        for f in found
    ]


def _words(text: str, taken: list[tuple[int, int]]) -> list[LoadedMatch]:
    found: list[LoadedMatch] = []
    words = list(_WORD.finditer(text))
    for i, m in enumerate(words):
        if any(a <= m.start() < b for a, b in taken):
            continue
        word = m.group().lower().replace("’", "'")
        if m.group()[0].isupper() and m.start() != 0 and not m.group().isupper():
            continue  # a name ("Fast and Furious", "Hope"), unless it opens the sentence
        if word in INTENSIFIERS and i + 1 < len(words):
            nxt = words[i + 1]
            following = nxt.group().lower()
            between = text[m.end() : nxt.start()]
            rated = _is_rated(following) or classify_word(following) is not None
            if between.strip(" ,") == "" and following not in FACTS and rated:
                reason = classify_word(following)
                polarity = reason[2] if reason else (-1 if _vader().get(following, 0) < 0 else 1)
                found.append(
                    LoadedMatch(
                        text[m.start() : nxt.end()].lower(),
                        m.start(),
                        nxt.end(),
                        LoadedRule.INTENSIFIED,
                        reason[1] if reason else Lexicon.VADER,
                        polarity,
                    )
                )
                taken.append((m.start(), nxt.end()))
                continue
        reason = classify_word(word)
        if reason is None or (word == "so-called" and _NAMING.match(text, m.end())):
            continue  # "its so-called "dot plot"" introduces a name
        if reason[0] is LoadedRule.VERB and _LITERAL_AFTER.match(text, m.end()):
            continue
        found.append(LoadedMatch(word, m.start(), m.end(), *reason))
    return found


def _scare_quotes(text: str) -> list[LoadedMatch]:
    found = []
    for m in _QUOTED.finditer(text):
        inner = m.group("inner").strip(" ,.;")
        words = inner.split()
        if not 1 <= len(words) <= 4 or not inner[:1].islower():
            continue
        if m.start() == 0 or m.end() >= len(text.rstrip()) - 1:
            continue  # a quotation opening or closing the sentence is speech
        before = text[max(0, m.start() - 30) : m.start()]
        after = text[m.end() : m.end() + 20]
        if _SPEECH_CUES.search(before) or re.match(r"\W*(?:said|says|he|she)\b", after):
            continue
        found.append(
            LoadedMatch(m.group(), m.start(), m.end(), LoadedRule.SCARE_QUOTES, Lexicon.NONE, 0)
        )
    return found
