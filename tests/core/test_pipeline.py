"""compare(): progress through every stage, prompt cancel, and 200 articles at once."""

import pytest

from parallax.core.loading import load_file, load_pasted, supported_files
from parallax.core.models import ClaimStatus
from parallax.core.pipeline import ComparisonCancelled, Stage, compare


def test_progress_reports_every_stage_in_order(sample_dir):
    seen: list[Stage] = []
    compare(
        [load_file(p) for p in supported_files(sample_dir)],
        progress=lambda stage, done, total: seen.append(stage),
    )
    order = list(dict.fromkeys(seen))
    assert order == [
        Stage.LOADING_MODEL,
        Stage.SENTENCES,
        Stage.SCORES,
        Stage.ALIGNMENT,
        Stage.CONFLICTS,
        Stage.FACTS,
        Stage.DONE,
    ]


@pytest.mark.parametrize("stop_at", [Stage.SENTENCES, Stage.SCORES, Stage.ALIGNMENT])
def test_cancel_during_a_stage_stops_the_comparison(sample_dir, stop_at):
    articles = [load_file(p) for p in supported_files(sample_dir)]
    cancelled = False
    stages_after: list[Stage] = []

    def progress(stage, done, total):
        nonlocal cancelled
        if cancelled:
            stages_after.append(stage)
        if stage is stop_at:
            cancelled = True

    with pytest.raises(ComparisonCancelled):
        compare(articles, progress=progress, is_cancelled=lambda: cancelled)
    assert Stage.DONE not in stages_after


def test_two_hundred_articles():
    facts = [
        "US and Russian officials are working on a truce that would freeze the front line.",
        "A summit between the two presidents could take place next week.",
        "Oil prices fell on Friday after the report.",
        "Kyiv said it had not been consulted about the plan.",
        "European capitals were asked to back the framework.",
    ]
    articles = [
        load_pasted(f"Report number {n}\n" + "\n".join([*facts[n % 5 :], f"Local detail {n}."]))
        for n in range(200)
    ]
    comparison = compare(articles)
    assert len(comparison.articles) == 200
    by_status = {s: [c for c in comparison.claims if c.status is s] for s in ClaimStatus}
    # The last fact is in every article.
    assert any(len(c.articles) == 200 for c in by_status[ClaimStatus.SHARED_ALL])
    # No claim mixes a fact with the local details or with another fact.
    items = {i.id: i for i in comparison.articles}
    for claim in comparison.claims:
        texts = {
            items[m.article].sentence_text(items[m.article].sentences[m.sentence])
            for m in claim.members
        }
        assert len(texts & set(facts)) <= 1
        assert not (texts & set(facts) and any(t.startswith("Local detail") for t in texts))
    members = {(m.article, m.sentence) for c in comparison.claims for m in c.members}
    assert members == {(i.id, s.index) for i in comparison.articles for s in i.sentences}


def test_no_analysis_outlives_its_comparison():
    """The window's worker process compares again and again: no cache may keep old articles
    (their parses hold the whole text) alive after a comparison is gone."""
    import gc

    from parallax.core.values import Parsed

    comparison = compare(
        [
            load_pasted("Five soldiers were killed in the attack on Friday, officials said."),
            load_pasted("Seven soldiers were killed in the attack on Friday, the army said."),
        ]
    )
    assert comparison.conflicts  # the conflict finder parsed both sentences
    del comparison
    gc.collect()
    assert not [o for o in gc.get_objects() if isinstance(o, Parsed)]
