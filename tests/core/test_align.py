"""Claims: paraphrases grouped, statuses right, no chaining, every sentence in at least one
claim, restatements in one article and a sentence carrying two claims."""

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


def test_every_sentence_in_a_claim_and_statuses_match_coverage(sample_dir):
    from parallax.core.loading import load_file, supported_files

    comparison = compare([load_file(p) for p in supported_files(sample_dir)])
    seen = {(m.article, m.sentence) for c in comparison.claims for m in c.members}
    expected = {(i.id, s.index) for i in comparison.articles for s in i.sentences}
    assert seen == expected
    for claim in comparison.claims:
        assert claim.status is status_of(len(claim.articles), len(comparison.articles))
        assert claim.representative in claim.members
        # A sentence is listed once per claim.
        keys = [(m.article, m.sentence) for m in claim.members]
        assert len(keys) == len(set(keys))
        # A sentence alone in its claim is in no other claim.
        if len(claim.members) == 1:
            (only,) = keys
            assert sum(only in {(m.article, m.sentence) for m in c.members}
                       for c in comparison.claims) == 1  # fmt: skip


def test_a_restated_fact_and_a_lead_with_two_facts():
    """News restates its lead in the body, and one lead often carries two facts."""
    comparison = compare(
        [
            article(
                "A magnitude 7.1 earthquake killed 225 people in central Mexico on Tuesday.",
                "Rescuers searched collapsed schools through the night.",
                "The quake killed at least 225 people, officials said.",
            ),
            article(
                "At least 225 people were killed when the earthquake struck central Mexico.",
                "The earthquake had a magnitude of 7.1, the geological survey said.",
                "A football club announced a new coach.",
            ),
        ]
    )
    items = {i.id: i for i in comparison.articles}

    def text(m):
        return items[m.article].sentence_text(items[m.article].sentences[m.sentence])

    toll = next(c for c in comparison.claims if any("At least 225" in text(m) for m in c.members))
    toll_texts = {text(m) for m in toll.members}
    # The toll claim holds both of the first article's sentences that give the toll.
    assert "The quake killed at least 225 people, officials said." in toll_texts
    assert any(t.startswith("A magnitude 7.1") for t in toll_texts)
    assert "A football club announced a new coach." not in toll_texts


def vec(*keys: str) -> dict[str, float]:
    weight = 1 / len(keys) ** 0.5
    return {key: weight for key in keys}


def test_no_chaining_through_an_intermediate_sentence():
    # A≈B and B≈C, but A and C share nothing: plain connected components would make one group.
    a, b, c = vec("w", "x", "y", "z"), vec("w", "x", "p", "q"), vec("p", "q", "r", "s")
    groups = group_claims([[a], [b], [c]], threshold=0.45, attach=None)
    sizes = sorted(len(g.members) for g in groups)
    assert sizes == [1, 2]
    # B may state both claims (attached to the second), but A and C never share one.
    for group in group_claims([[a], [b], [c]], threshold=0.45, attach=0.45):
        assert {0, 2} - {ref.article for ref in group.members}


def test_groups_merge_on_their_mean_similarity_not_on_one_link():
    # Four articles: A≈B and C≈D strongly, and A≈C weakly. One weak link between two pairs
    # (mean over the four cross pairs far below the threshold) must not merge them.
    b = vec("k", "x", "y", "z")
    c, d = vec("m", "n", "o"), vec("m", "n", "o", "q")
    a_weak = vec("k", "x", "y", "m")
    groups = group_claims([[a_weak], [b], [c], [d]], threshold=0.45, attach=None)
    assert sorted(len(g.members) for g in groups) == [2, 2]
    # With every cross pair strongly linked they are one claim.
    same = vec("k", "x", "y")
    groups = group_claims([[same], [same], [same], [same]], threshold=0.45, attach=None)
    assert [len(g.members) for g in groups] == [4]


def test_a_lead_with_two_facts_joins_both_claims():
    # Article 1's lead gives the toll (t) and the magnitude (m); articles 2 and 3 give each
    # fact in a sentence of its own.
    lead = vec("t1", "t2", "m1", "m2")
    toll2, toll3 = vec("t1", "t2", "x"), vec("t1", "t2", "y")
    magnitude2, magnitude3 = vec("m1", "m2", "p"), vec("m1", "m2", "q")
    groups = group_claims(
        [[lead], [toll2, magnitude2], [toll3, magnitude3]], threshold=0.45, attach=0.45
    )
    members = sorted(sorted((r.article, r.sentence) for r in g.members) for g in groups)
    assert members == [[(0, 0), (1, 0), (2, 0)], [(0, 0), (1, 1), (2, 1)]]
    assert (
        group_claims(
            [[lead], [toll2, magnitude2], [toll3, magnitude3]], threshold=0.45, attach=None
        )
        != groups
    )  # without attachment the lead states one claim only


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
