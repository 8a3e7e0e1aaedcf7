"""Voices (who is quoted or cited) and entity counts, from the parse."""

from parallax.core.loading import load_pasted
from parallax.core.pipeline import compare
from parallax.core.voices import VoiceKind


def analysed(text: str):
    (item,) = compare([load_pasted(text)]).articles
    return item


def test_reported_quoted_according_to_and_passive_agent():
    item = analysed(
        "Truce talks\n"
        "The Kremlin spokesman said on Friday that talks would continue.\n"
        "“We will not give up land,” foreign ministry spokesperson Taras Melnyk told reporters.\n"
        "The deal would freeze the front line, according to people familiar with the matter.\n"
        "The plan was first reported by a US news agency.\n"
        "He said nothing more.\n"
    )
    voices = {(v.speaker, v.kind) for v in item.voices}
    assert ("The Kremlin spokesman", VoiceKind.REPORTED) in voices
    assert ("foreign ministry spokesperson Taras Melnyk", VoiceKind.QUOTED) in voices
    assert ("people familiar with the matter", VoiceKind.ACCORDING_TO) in voices
    assert ("a US news agency", VoiceKind.REPORTED) in voices
    assert all(v.speaker not in ("He", "The plan") for v in item.voices)
    text = item.article.text
    assert all(text[v.start : v.end] == v.speaker for v in item.voices)


def test_entity_counts_merge_mentions():
    item = analysed(
        "Talks in Geneva\n"
        "Officials from Russia met in Geneva. Russia said the talks in Geneva were useful.\n"
        "The Kremlin declined to comment.\n"
    )
    counts = {(e.label, e.text): e.count for e in item.entities}
    assert counts[("GPE", "Geneva")] == 3
    assert counts[("GPE", "Russia")] == 2
    first = item.entities[0]
    assert first.count == max(e.count for e in item.entities)


def test_voices_and_the_attribution_check_name_the_same_source():
    from parallax.core.values import parse

    item = analysed(
        "Blast at the plant\n"
        "The toll rose to 12, Fire Chief Dana Okafor said on Tuesday.\n"
        "Brightline Chemicals, which employs about 300 people, said the plant was safe.\n"
        "Dana Okafor, the fire chief, said that crews had left the site.\n"
        "The head of the agency, Luis Felipe Puente, said the toll would rise.\n"
    )
    speakers = [v.speaker for v in item.voices]
    assert speakers == [
        "Fire Chief Dana Okafor",
        "Brightline Chemicals",
        "Dana Okafor",
        "The head of the agency, Luis Felipe Puente",
    ]
    text = item.article.text
    names = [[s.name for s in parse(text, sentence).sources] for sentence in item.sentences[1:]]
    expected = ["Dana Okafor", "Brightline Chemicals", "Dana Okafor", "Luis Felipe Puente"]
    assert names == [[name] for name in expected]


def test_a_speech_act_is_a_voice_but_not_the_claims_source():
    from parallax.core.values import parse

    item = analysed("Talks\nThe Kremlin denied the report about the talks in Geneva.\n")
    (sentence,) = item.sentences[1:]
    assert [(v.speaker, v.verb) for v in item.voices] == [("The Kremlin", "deny")]
    assert parse(item.article.text, sentence).sources == ()


def test_a_quote_split_over_sentences_stays_credited():
    item = analysed(
        "Plant fire\n"
        "Fire Chief Dana Okafor said the fire was out.\n"
        '"It was a very dangerous scene," she said.\n'
        '"We have never seen a fire like this," Okafor told reporters. "Nobody was hurt."\n'
        '"He said nothing," a neighbour added.\n'
    )
    by_sentence = {(v.sentence, v.name or v.speaker) for v in item.voices}
    assert (2, "Dana Okafor") in by_sentence  # "she said" is the person quoted just before
    assert (4, "Okafor") in by_sentence  # a quotation with no speaker continues the last one
    text = item.article.text
    assert all(text[v.start : v.end] == v.speaker for v in item.voices)


def test_sources_across_articles_one_person_one_row():
    from parallax.core.voices import sources_across

    first = analysed(
        "Fire\nFire Chief Dana Okafor said the fire was out. Brightline said it helps.\n"
    )
    second = analysed("Fire\nThe fire is out, Okafor said. Officials said roads were shut.\n")
    rows = {row.name: row for row in sources_across([first, second])}
    assert rows["Dana Okafor"].articles == 2 and rows["Dana Okafor"].kind == "named"
    assert [len(found) for found in rows["Dana Okafor"].credits] == [1, 1]
    assert rows["Officials"].kind == "unnamed" and rows["Officials"].articles == 1
    assert "Okafor" not in rows
