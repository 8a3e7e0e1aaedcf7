"""Claim groups: paraphrases grouped, statuses right, no chaining, a partition of sentences."""

from parallax.core.align import SentenceRef, group_claims
from parallax.core.claims import status_of
from parallax.core.loading import load_pasted
from parallax.core.models import ClaimStatus, DiffOp
from parallax.core.pipeline import compare


def article(*sentences: str):
    return load_pasted("\n".join(sentences))


def claims_by_text(comparison):
    items = {item.id: item for item in comparison.articles}
    result = []
    for claim in comparison.claims:
        texts = sorted(
            items[m.article].sentence_text(items[m.article].sentences[m.sentence])
            for m in claim.members
        )
        result.append((claim.status, texts))
    return result


def test_shared_partial_and_unique_claims():
    comparison = compare(
        [
            article(
                "The United States and Russia are working on a truce in Ukraine.",
                "Oil prices fell sharply on Friday.",
                "The central bank kept interest rates unchanged.",
            ),
            article(
                "Washington and Moscow are working on a Ukraine truce, officials said.",
                "Oil prices fell sharply on Friday after the report.",
                "A football club announced a new coach.",
            ),
            article(
                "US and Russian officials are working on a truce for Ukraine.",
                "Farmers protested in the capital over grain imports.",
            ),
        ]
    )
    found = claims_by_text(comparison)
    assert (
        ClaimStatus.SHARED_ALL,
        sorted(
            [
                "The United States and Russia are working on a truce in Ukraine.",
                "Washington and Moscow are working on a Ukraine truce, officials said.",
                "US and Russian officials are working on a truce for Ukraine.",
            ]
        ),
    ) in found
    assert (
        ClaimStatus.SHARED_SOME,
        sorted(
            [
                "Oil prices fell sharply on Friday.",
                "Oil prices fell sharply on Friday after the report.",
            ]
        ),
    ) in found
    uniques = [texts for status, texts in found if status is ClaimStatus.UNIQUE]
    assert ["A football club announced a new coach."] in uniques
    assert ["The central bank kept interest rates unchanged."] in uniques


def test_every_sentence_in_exactly_one_claim_and_statuses_match_coverage(sample_dir):
    from parallax.core.loading import load_file, supported_files

    comparison = compare([load_file(p) for p in supported_files(sample_dir)])
    seen = [(m.article, m.sentence) for c in comparison.claims for m in c.members]
    expected = [(i.id, s.index) for i in comparison.articles for s in i.sentences]
    assert sorted(seen) == sorted(expected)
    for claim in comparison.claims:
        assert claim.status is status_of(len(claim.articles), len(comparison.articles))
        assert claim.representative in claim.members
        # A group never holds two sentences of one article.
        assert len(claim.articles) == len(claim.members)


def vec(*keys: str) -> dict[str, float]:
    weight = 1 / len(keys) ** 0.5
    return {key: weight for key in keys}


def test_no_chaining_through_an_intermediate_sentence():
    # A≈B and B≈C, but A and C share nothing: plain connected components would make one group.
    a, b, c = vec("w", "x", "y", "z"), vec("w", "x", "p", "q"), vec("p", "q", "r", "s")
    groups = group_claims([[a], [b], [c]], threshold=0.45)
    sizes = sorted(len(g.members) for g in groups)
    assert sizes == [1, 2]


def test_two_pairs_half_linked_across_merge_but_a_pair_and_a_single_do_not():
    # Four articles: A≈B, C≈D, and across them A≈C and B≈D (half the cross pairs). Two groups
    # of two that meet on half their cross pairs share a claim; one link between a pair and a
    # single sentence (half of two pairs) is the chaining case and never merges.
    a, b, c, d = vec("k", "x"), vec("k", "y"), vec("m", "x"), vec("m", "y")
    groups = group_claims([[a], [b], [c], [d]], threshold=0.45, mutual_min=0.45)
    assert [len(g.members) for g in groups] == [4]
    groups = group_claims([[a], [b], [c]], threshold=0.45, mutual_min=0.45)
    assert sorted(len(g.members) for g in groups) == [1, 2]


def test_two_articles_and_representative():
    groups = group_claims([[vec("a", "b", "c")], [vec("a", "b", "c", "d")]], threshold=0.5)
    (group,) = groups
    assert group.members == (SentenceRef(0, 0), SentenceRef(1, 0))
    assert group.scores[0] == group.scores[1] > 0.8


def test_members_carry_word_diffs_against_the_representative():
    comparison = compare(
        [
            article("The deal would freeze the front line, officials said."),
            article("The deal will freeze the current front line, officials said."),
        ]
    )
    (claim,) = [c for c in comparison.claims if c.status is ClaimStatus.SHARED_ALL]
    other = next(m for m in claim.members if m != claim.representative)
    items = {i.id: i for i in comparison.articles}
    changed = {
        (span.op, items[span.article].article.text[span.start : span.end])
        for span in other.diff
        if span.op is not DiffOp.EQUAL
    }
    assert changed in (
        {(DiffOp.DELETE, "would"), (DiffOp.INSERT, "will"), (DiffOp.INSERT, "current")},
        {(DiffOp.DELETE, "will"), (DiffOp.DELETE, "current"), (DiffOp.INSERT, "would")},
    )


def _token(surface: str, lemma: str, pos: str):
    from parallax.core.models import Token

    return Token(0, len(surface), lemma, pos, "", False, True)


def test_measures_in_different_units_share_a_dimension_key():
    from dataclasses import replace

    from parallax.core.similarity import MONEY_KEY, PERCENT_KEY, token_keys

    km = token_keys(_token("kilometres", "kilometre", "NOUN"), "kilometres")
    miles = token_keys(_token("miles", "mile", "NOUN"), "miles")
    assert set(km) & set(miles) == {"#unit:m"}
    percent = _token("%", "%", "PUNCT")
    assert token_keys(replace(percent, is_word=False), "%") == (PERCENT_KEY,)
    assert PERCENT_KEY in token_keys(_token("percent", "percent", "NOUN"), "percent")
    assert MONEY_KEY in token_keys(_token("$65.40", "$65.40", "NUM"), "$65.40")
    # Time words are not measures: "next week" must not look like "three weeks".
    assert token_keys(_token("week", "week", "NOUN"), "week") == ("week",)


def test_pronoun_us_is_not_a_place_and_long_place_names_fold():
    from parallax.core.similarity import _fold_multiword_places, token_keys

    assert token_keys(_token("us", "we", "PRON"), "us") == ("we",)
    assert token_keys(_token("US", "US", "PROPN"), "US") == ("@united states",)
    folded = _fold_multiword_places(["in", "the", "united", "arab", "emirates", "today"])
    assert folded[2:] == [token_keys(_token("UAE", "UAE", "PROPN"), "UAE")[0], "today"]
