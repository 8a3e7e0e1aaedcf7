"""Typed conflicts between two sentences of one claim: hand-made pairs and the answer key."""

import itertools
import json

import pytest

from parallax.core.conflicts import Finding, MemberText, find_conflicts, same_name
from parallax.core.loading import load_file, load_pasted
from parallax.core.models import ConflictType
from parallax.core.nlp import split_sentences

NUMBER, DATE, ENTITY = ConflictType.NUMBER, ConflictType.DATE, ConflictType.ENTITY
NEGATION, CERTAINTY = ConflictType.NEGATION, ConflictType.CERTAINTY
ATTRIBUTION = ConflictType.ATTRIBUTION
FRIDAY, SATURDAY = "2025-08-08", "2025-08-09"


def _member(text: str, article: str, published: str | None) -> MemberText:
    loaded = load_pasted(text)
    (sentences,) = split_sentences([loaded])
    assert len(sentences) == 1, text
    return MemberText(article, sentences[0], loaded.text, published)


def _findings(a: str, b: str, published: tuple[str | None, str | None]) -> list[Finding]:
    return find_conflicts(_member(a, "a1", published[0]), _member(b, "a2", published[1]))


# type, sentence a, sentence b, value in a, value in b, normalized a, normalized b, published
CONFLICTS = [
    (NUMBER, "Brent crude fell 0.4% on Friday.", "Brent crude fell 1.6% on Friday.",
     "0.4%", "1.6%", "0.004", "0.016", (None, None)),
    (NUMBER, "Rebels hold close to a quarter of the province.",
     "Rebels hold roughly a fifth of the province.",
     "close to a quarter", "roughly a fifth", "0.25", "0.2", (None, None)),
    (NUMBER, "Police arrested 1,124 protesters.", "Police arrested 900 protesters.",
     "1,124", "900", "1124", "900", (None, None)),
    (NUMBER, "Five soldiers were killed in the attack.",
     "Seven soldiers were killed in the attack.", "Five", "Seven", "5", "7", (None, None)),
    # The same person's count still conflicts.
    (NUMBER, "Mbappe scored eight goals at the tournament.",
     "Mbappe scored seven goals at the tournament.", "eight", "seven", "8", "7", (None, None)),
    # One man's age, named in one article and described in the other.
    (NUMBER, "Messi, 35, became the first man to score in every round.",
     "In winning the World Cup, the 34-year-old emulated Maradona.", "35", "34-year",
     "35", "34", (None, None)),
    # Speeds in any unit; "22,500km/h (14,000mph)" is one figure.
    (NUMBER, "DART hit the asteroid at 15,000 mph.",
     "DART hit the asteroid at 22,500km/h (14,000mph).", "15,000 mph", "22,500km/h",
     "6705.6 m/s", "6250 m/s", (None, None)),
    (NUMBER, "The spacecraft slammed into the asteroid at 15,000 mph.",
     "NASA's spacecraft hit it at 14,000 miles per hour.", "15,000 mph",
     "14,000 miles per hour", "6705.6 m/s", "6258.56 m/s", (None, None)),
    # One toll, counted as people in one article and as a bare figure in another.
    (NUMBER, "The death toll was at 217 by Wednesday morning.",
     "The quake killed at least 245 people.", "217", "at least 245", "217", "245", (None, None)),
    (NUMBER, "A strong 7.7 earthquake jolted the region.",
     "A powerful magnitude 7.8 earthquake rocked the region.", "7.7", "7.8", "7.7", "7.8",
     (None, None)),
    (NUMBER, "The convoy travelled 8.7 miles.", "The convoy travelled 20 km.",
     "8.7 miles", "20 km", "14001.3 m", "20000 m", (None, None)),
    (NUMBER, "The company lost $5 billion last year.", "The company lost $7 billion last year.",
     "$5 billion", "$7 billion", "5000000000 USD", "7000000000 USD", (None, None)),
    (NUMBER, "Unemployment fell to 4.1% in June from 4.3% in May.",
     "Unemployment fell to 4.2% in June from 4.3% in May.", "4.1%", "4.2%", "0.041", "0.042",
     (None, None)),
    (DATE, "The envoy met the president on Tuesday.", "The envoy met the president on Wednesday.",
     "on Tuesday", "on Wednesday", "tuesday", "wednesday", (None, None)),
    (DATE, "The report first appeared on Thursday.", "The report first appeared on Aug. 8.",
     "on Thursday", "on Aug. 8", "2025-08-07", "2025-08-08", (SATURDAY, FRIDAY)),
    (DATE, "The leaders could meet as early as next week.",
     "The leaders could meet in early September.", "as early as next week",
     "in early September", "2025-08-11/2025-08-17", "2025-09-01/2025-09-10", (FRIDAY, SATURDAY)),
    (DATE, "The vote was held on March 3, 2024.", "The vote was held on March 10, 2024.",
     "on March 3, 2024", "on March 10, 2024", "2024-03-03", "2024-03-10", (None, None)),
    (ENTITY, "The summit will be held in Geneva.", "The summit will be held in Vienna.",
     "Geneva", "Vienna", "Geneva", "Vienna", (None, None)),
    (ENTITY, "The meeting could take place in the United Arab Emirates, officials said.",
     "Istanbul has been mentioned as a possible venue for the meeting.",
     "United Arab Emirates", "Istanbul", "United Arab Emirates", "Istanbul", (None, None)),
    (NEGATION, "Officials said the ceasefire had been agreed.",
     "Officials said the ceasefire had not been agreed.",
     "had been agreed", "had not been agreed", "agree", "not agree", (None, None)),
    (NEGATION, "The government denied that troops crossed the border.",
     "Troops crossed the border, the government said.", "denied", "crossed", "deny", "cross",
     (None, None)),
    (CERTAINTY, "The minister resigned on Monday.", "The minister reportedly resigned on Monday.",
     "resigned", "reportedly", "stated", "reportedly", (None, None)),
    (CERTAINTY, "The bill will pass next month.", "The bill could pass next month.",
     "will pass", "could pass", "will", "could", (None, None)),
    (CERTAINTY, "The truce will freeze the front line.",
     "The truce would freeze the front line, according to people familiar with the matter.",
     "will freeze", "according to people familiar with the matter", "will",
     "unnamed: people familiar with the matter", (None, None)),
    (ATTRIBUTION, "The White House said the talks would resume.",
     "The talks would resume, people familiar with the matter said.",
     "The White House said", "people familiar with the matter said", "named: White House",
     "unnamed: people familiar with the matter", (None, None)),
    (ATTRIBUTION, "The talks would resume, officials said.",
     "The talks would resume, according to media reports.", "officials said",
     "according to media reports", "unnamed: officials", "media: media reports", (None, None)),
]  # fmt: skip


@pytest.mark.parametrize(
    ("kind", "a", "b", "value_a", "value_b", "normal_a", "normal_b", "published"), CONFLICTS
)
def test_conflict_is_found(kind, a, b, value_a, value_b, normal_a, normal_b, published):
    findings = [f for f in _findings(a, b, published) if f.type is kind]
    assert len(findings) == 1, findings
    first, second = findings[0].first, findings[0].second
    assert (first.value, second.value) == (value_a, value_b)
    assert (first.normalized, second.normalized) == (normal_a, normal_b)
    assert (first.article, second.article) == ("a1", "a2")
    assert 0.5 <= findings[0].confidence <= 1


# type that must not be reported, sentence a, sentence b, published
NON_CONFLICTS = [
    # 515 is the injured, not the dead: "killed" is across "and" in another clause.
    (NUMBER, "Fifty-nine people were killed and 515 were injured on Sunday.",
     "Fifty-nine people were killed in the shooting on Sunday.", (None, None)),
    # A number inside a name counts nothing; an age given as "age 64" is not a toll.
    (NUMBER, "Shots rang out at the Route 91 Harvest Festival, killing 58 people.",
     "The gunman fired on the Route 99 Harvest Festival crowd, killing 58 people.", (None, None)),
    (NUMBER, "The suspected shooter is Stephen Paddock, age 64, who is dead.",
     "At least 58 people are dead, police said.", (None, None)),
    # A part of a toll is not another count of it.
    (NUMBER, "The quake killed at least 225 people.",
     "Among those killed were at least 20 children in a school that collapsed.", (None, None)),
    # Counts credited to different people are different details.
    (NUMBER, "Mbappe scored eight goals at the tournament.",
     "Messi scored seven goals at the tournament.", (None, None)),
    # "would" reported by a past "said" is the reported form of "will".
    (CERTAINTY, "Truss will remain as prime minister until a successor is chosen.",
     "Ms Truss said she would remain as prime minister until a successor is chosen.",
     (None, None)),
    (NUMBER, "Turnout was 50.89% in the vote.", "Turnout was 51% in the vote.", (None, None)),
    (NUMBER, "Police arrested 1,124 protesters.", "Police arrested more than 1,100 protesters.",
     (None, None)),
    (NUMBER, "Rebels hold roughly a fifth of the province.",
     "Rebels hold about 19% of the province.", (None, None)),
    (NUMBER, "The city has 73,300 residents.", "The city has 73.3 thousand residents.",
     (None, None)),
    (NUMBER, "The convoy travelled 8.7 miles.", "The convoy travelled 14 km.", (None, None)),
    (NUMBER, "The front line is about 1,000 kilometres long.",
     "The front line is roughly 620 miles long.", (None, None)),
    (NUMBER, "Five soldiers were killed in the attack.", "5 soldiers were killed in the attack.",
     (None, None)),
    (NUMBER, "The fire destroyed one million hectares.", "The fire destroyed 1,000,000 hectares.",
     (None, None)),
    (NUMBER, "Over one million troops were killed or wounded.",
     "More than 1,050,000 troops were killed or wounded.", (None, None)),
    (NUMBER, "Police arrested 40 protesters in 2022.", "Police arrested 40 protesters in 2023.",
     (None, None)),  # the years differ, but a year is a date, not a count
    (NUMBER, "Police arrested 40 protesters.", "Police wounded 12 officers.", (None, None)),
    (NUMBER, "The strike killed 12 people.", "The strike killed a dozen people.", (None, None)),
    (NUMBER, "Polls close at 8 p.m. on Sunday.", "Polls close at 9 p.m. on Sunday.",
     (None, None)),  # a clock time is not a quantity
    (NUMBER, "Prices rose 3 percentage points.", "Prices rose 3.5%.", (None, None)),
    (DATE, "The talks were held on Aug. 8.", "The talks were held on 8 August.", (None, None)),
    (DATE, "The plan was first reported on Friday.", "The plan was first reported on Aug. 8.",
     (SATURDAY, FRIDAY)),
    (DATE, "The summit could come as soon as next week.",
     "The leaders will meet in the coming days.", (FRIDAY, SATURDAY)),
    (DATE, "The summit could take place next week.", "The summit could take place within days.",
     (FRIDAY, FRIDAY)),
    (DATE, "He was given until Friday to respond, and he replied on Thursday.",
     "He replied on Thursday.", (None, None)),
    (DATE, "The troops left on Monday.", "The troops left on Monday.", (FRIDAY, "2025-08-15")),
    (DATE, "Crimea was annexed in 2014.", "Ukraine held the territory in 1991.", (None, None)),
    (ENTITY, "President Zelenskyy met the envoy in Kyiv.",
     "President Zelensky met the envoy in Kiev.", (None, None)),
    (ENTITY, "Troops advanced near Donbas.", "Troops advanced near Donbass.", (None, None)),
    (ENTITY, "The US said it would help.", "The United States said it would help.",
     (None, None)),
    (ENTITY, "Putin met Witkoff in Moscow.", "Witkoff met Putin.", (None, None)),  # omission
    (NEGATION, "The details remain undisclosed.", "The details have not been made public.",
     (None, None)),
    (NEGATION, "The minister confirmed the talks, though no date was set.",
     "The minister confirmed the talks.", (None, None)),
    (NEGATION, "The talks began on Monday, and the Kremlin has not commented.",
     "The talks began on Monday.", (None, None)),
    (CERTAINTY, "The talks could resume next month.", "The talks might resume next month.",
     (None, None)),
    (CERTAINTY, "The bill passed.", "The bill passed, officials said.", (None, None)),
    (ATTRIBUTION, "The Kremlin said the talks would resume.",
     "Moscow said the talks would resume.", (None, None)),
    (ATTRIBUTION, "The talks would resume, officials said.",
     "The talks would resume, a senior official said.", (None, None)),
    (ATTRIBUTION, "The talks would resume.", "The talks would resume, officials said.",
     (None, None)),
    # Different statements credited to different sources are not one claim's attribution.
    (ATTRIBUTION, "The Labor Department reported that payrolls rose by 147,000.",
     "Economists said hiring had slowed sharply in the spring.", (None, None)),
    # Negation and certainty only on the same predicate: "kept informed" vs "not consulted"
    # mean opposite things, but no word list here can tell (a known miss, docs/comparison.md).
    (NEGATION, "An official said the allies had been kept informed.",
     "Diplomats said the allies had not been consulted.", (None, None)),
    (NEGATION, "She could not deliver the mandate.", "She has spoken to the King.", (None, None)),
    (CERTAINTY, "Truss will remain prime minister.", "The plan would push rates higher.",
     (None, None)),
    # Figures in other slots: a toll for one place vs the national toll; a speed vs a distance;
    # inflation vs the size of a rate hike.
    (NUMBER, "The quake killed 225 people.", "The quake killed 71 people in Morelos.",
     (None, None)),
    (NUMBER, "Inflation is expected to end the year at 4.3%.",
     "The Fed raised its rate by a quarter of a percentage point.", (None, None)),
    (NUMBER, "The 7.8-magnitude quake killed 1,200 people.",
     "The magnitude 7.8 earthquake struck at dawn.", (None, None)),
    (NUMBER, "The 2-year Treasury yield rose to 2%.", "The 10-year Treasury yield rose to 2%.",
     (None, None)),  # a hyphenated time span names a kind of thing
    (NEGATION, "The asteroid poses no threat to Earth.", "The mission is a success.",
     (None, None)),  # "be" says too little to be the same predicate
    (DATE, "The gunman opened fire on the crowd on Sunday.",
     "The gunman opened fire on the crowd, police said on Monday.", (None, None)),
    (NUMBER, "The Fed signalled six more rate hikes this year.",
     "The Fed expects seven rate hikes in total this year.", (None, None)),  # added vs total
    (NUMBER, "The quake killed 226 people, officials said.",
     "The quake killed 94 people in Mexico City, officials said.", (None, None)),  # capital
    (ATTRIBUTION, "The toll rose to 225, Puente said.",
     "The toll rose to 225, the Twitter feed of agency head Luis Felipe Puente said.",
     (None, None)),  # one man, named two ways
    (ATTRIBUTION, "The gunman killed himself before police entered, he said.",
     "The gunman killed himself before police entered, Lombardo said.", (None, None)),
    (NUMBER, "The gunman, Stephen Paddock, 64, fired from the hotel.",
     "His companion, Marilou Danley, 62, was abroad.", (None, None)),  # two people's ages
    (NUMBER, "Argentina led France 2-0 at half-time.",
     "Argentina beat France 4-2 on penalties.", (None, None)),  # a lead is not the result
    (NUMBER, "The earthquake was felt in 10 provinces.",
     "A 7.8 earthquake was felt across the region.", (None, None)),
]  # fmt: skip


@pytest.mark.parametrize(("kind", "a", "b", "published"), NON_CONFLICTS)
def test_no_conflict_of_that_type(kind, a, b, published):
    assert [f for f in _findings(a, b, published) if f.type is kind] == []


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("Zelensky", "Zelenskyy", True),
        ("Volodymyr Zelenskiy", "Zelensky", True),
        ("Kyiv", "Kiev", True),
        ("Kharkiv", "Kharkov", True),
        ("the United Arab Emirates", "UAE", True),
        ("Steve Witkoff’s", "Witkoff", True),
        ("Istanbul", "United Arab Emirates", False),
        ("Austria", "Australia", False),
        ("Iran", "Iraq", False),
        # A capital, its seat of government and its country name one government.
        ("Moscow", "Kremlin", True),
        ("Washington", "US", True),
        ("Moscow", "Washington", False),
    ],
)
def test_name_variants(first, second, same):
    assert same_name(first, second) is same


def test_values_point_into_the_article_text():
    text = "Intro paragraph.\n\nBrent crude fell 0.4% on Friday, traders said."
    article = load_pasted(text)
    (sentences,) = split_sentences([article])
    a = MemberText("a1", sentences[-1], article.text)
    b = _member("Brent crude fell 1.6% on Friday, traders said.", "a2", None)
    (finding,) = find_conflicts(a, b)
    assert finding.first.sentence == sentences[-1].index
    assert article.text[finding.first.start : finding.first.end] == "0.4%"


@pytest.fixture(scope="module")
def sample(sample_dir):
    gold = json.loads((sample_dir / "gold.json").read_text(encoding="utf-8"))
    articles = {name: load_file(sample_dir / name) for name in gold["articles"]}
    sentences = dict(zip(articles, split_sentences(list(articles.values())), strict=True))

    def member(claim: str, name: str) -> MemberText:
        starts = next(c for c in gold["claims"] if c["id"] == claim)["members"]
        start = next(m["starts_with"] for m in starts if m["article"] == name)
        article = articles[name]
        sentence = next(
            s for s in sentences[name] if article.text[s.start : s.end].startswith(start)
        )
        return MemberText(name, sentence, article.text, article.published)

    return gold, member


def _holds(value, member: MemberText, written: str) -> bool:
    """Whether a finding's value overlaps where ``written`` stands in the member sentence."""
    sentence = member.text[member.sentence.start : member.sentence.end]
    start = member.sentence.start + sentence.index(written)
    return value.start < start + len(written) and start < value.end


# k10 ("had been kept informed" vs "had not been consulted") negates a different predicate:
# negation is only reported for the same predicate, so it is a documented miss.
KNOWN_MISSES = {"k10"}


def test_every_designed_conflict_is_found(sample):
    gold, member = sample
    for conflict in gold["conflicts"]:
        found = False
        for first, second in itertools.combinations(conflict["values"], 2):
            a, b = (
                member(conflict["claim"], first["article"]),
                member(conflict["claim"], second["article"]),
            )
            found = found or any(
                f.type == conflict["type"]
                and _holds(f.first, a, first["value"])
                and _holds(f.second, b, second["value"])
                for f in find_conflicts(a, b)
            )
        assert found == (conflict["id"] not in KNOWN_MISSES), conflict["id"]


def test_designed_non_conflicts_are_not_flagged(sample):
    gold, member = sample
    kinds = {"name_variant": ENTITY, "date_format": DATE, "rounding": NUMBER}
    kinds["unit_conversion"] = NUMBER
    for case in gold["non_conflicts"]:
        articles = dict.fromkeys(value["article"] for value in case["values"])
        for first, second in itertools.combinations(articles, 2):
            findings = find_conflicts(member(case["claim"], first), member(case["claim"], second))
            assert [f for f in findings if f.type is kinds[case["kind"]]] == [], case


def test_no_finding_of_a_type_the_claim_does_not_hold(sample):
    """Within each gold claim, every pair of members yields only types designed for that claim."""
    gold, member = sample
    designed = {(c["claim"], c["type"]) for c in gold["conflicts"]}
    for claim in gold["claims"]:
        for first, second in itertools.combinations(claim["members"], 2):
            a, b = member(claim["id"], first["article"]), member(claim["id"], second["article"])
            for finding in find_conflicts(a, b):
                assert (claim["id"], finding.type.value) in designed, (claim["id"], finding)


def test_capitalised_relative_dates_and_whole_word_approximators():
    from parallax.core import dates, numbers

    found = [m[0] for pattern in dates._DATE_RES for m in pattern.finditer("Last week, Kyiv")]
    assert found == ["Last week"]
    assert dates._MAY_DATE.search("Yesterday, talks failed.")
    # "troublesome" holds "some", which is no approximator here.
    match = numbers._QUANTITY.search("a troublesome 5% drop")
    assert match[0] == "5%" and match["approx"] is None
