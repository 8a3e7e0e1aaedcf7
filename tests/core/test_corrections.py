"""Corrections by hand on the plant-explosion set: every kind changes the claims or conflicts
it names, is kept in a saved comparison, and survives re-running the comparison, also after the
articles' text moved; one whose sentence is gone is reported, not dropped."""

import json
from dataclasses import replace

import pytest

from parallax.core import saved
from parallax.core.corrections import (
    Correction,
    CorrectionKind,
    anchor,
    claim_anchors,
    conflict_spans,
    describe,
    span,
)
from parallax.core.export import to_document
from parallax.core.loading import load_file, load_pasted
from parallax.core.models import ClaimStatus, ConflictType
from parallax.core.pipeline import compare, reassemble
from tests.core.test_facts import A1, A2, A3, A4


@pytest.fixture(scope="module")
def base():
    return compare([load_pasted(text) for text in (A1, A2, A3, A4)])


def claims_of(comparison, article_id, index):
    return [c for c in comparison.claims if (article_id, index) in _members(c)]


def _members(claim):
    return {(m.article, m.sentence) for m in claim.members}


def item(comparison, article_id):
    return next(i for i in comparison.articles if i.id == article_id)


def sentence_index(comparison, article_id, words):
    found = item(comparison, article_id)
    return next(s.index for s in found.sentences if words in found.sentence_text(s))


def test_link_a_sentence_to_a_claim(base):
    shared = max(base.claims, key=lambda c: len(c.articles))
    lonely = next(c for c in base.claims if c.status is ClaimStatus.UNIQUE)
    ref = lonely.representative
    link = Correction(
        CorrectionKind.LINK,
        sentences=(anchor(item(base, ref.article), ref.sentence),),
        claim=claim_anchors(shared, base.articles),
    )
    after = reassemble(base, [link])
    holding = claims_of(after, ref.article, ref.sentence)
    assert any(_members(shared) < _members(c) for c in holding)
    assert all(c.status is not ClaimStatus.UNIQUE for c in holding)
    assert len(after.claims) == len(base.claims) - 1  # its one-sentence claim is gone
    assert after.correction_problems == ()


def test_link_two_sentences_of_different_articles_as_one_claim(base):
    first = sentence_index(base, "a1", "cause of the blast is not yet known")
    second = sentence_index(base, "a2", "State inspectors cited the plant")
    assert not set(claims_of(base, "a1", first)) & set(claims_of(base, "a2", second))
    link = Correction(
        CorrectionKind.LINK,
        sentences=(anchor(item(base, "a1"), first), anchor(item(base, "a2"), second)),
    )
    after = reassemble(base, [link])
    assert set(map(id, claims_of(after, "a1", first))) & set(
        map(id, claims_of(after, "a2", second))
    )


def test_unlink_a_sentence_from_a_claim(base):
    shared = max(base.claims, key=lambda c: len(c.members))
    leaving = shared.members[-1]
    unlink = Correction(
        CorrectionKind.UNLINK,
        sentences=(anchor(item(base, leaving.article), leaving.sentence),),
        claim=claim_anchors(shared, base.articles),
    )
    after = reassemble(base, [unlink])
    rest = _members(shared) - {(leaving.article, leaving.sentence)}
    still = next(c for c in after.claims if rest <= _members(c))
    assert (leaving.article, leaving.sentence) not in _members(still)
    assert claims_of(after, leaving.article, leaving.sentence)  # every sentence has a claim


def test_merge_and_split_claims(base):
    shared = [c for c in base.claims if c.status is not ClaimStatus.UNIQUE]
    one, two = shared[0], shared[1]
    merge = Correction(
        CorrectionKind.MERGE,
        claim=claim_anchors(one, base.articles),
        other=claim_anchors(two, base.articles),
    )
    merged = reassemble(base, [merge])
    assert any(_members(one) | _members(two) <= _members(c) for c in merged.claims)
    assert len(merged.claims) == len(base.claims) - 1

    moving = two.members[:2]
    split = Correction(
        CorrectionKind.SPLIT,
        sentences=tuple(anchor(item(base, m.article), m.sentence) for m in moving),
        claim=claim_anchors(one, base.articles),
    )
    undone = reassemble(base, [merge, split])
    moved = {(m.article, m.sentence) for m in moving}
    assert any(_members(c) == moved for c in undone.claims)
    assert not any(moved & _members(c) and _members(one) <= _members(c) for c in undone.claims)


def test_dismiss_a_conflict_with_a_reason(base):
    toll = next(k for k in base.conflicts if k.type is ConflictType.NUMBER)
    dismiss = Correction(
        CorrectionKind.DISMISS,
        conflict_type=toll.type,
        values=conflict_spans(toll, base.articles),
        reason="tolls given at different times",
    )
    after = reassemble(base, [dismiss])
    assert len(after.conflicts) == len(base.conflicts) - 1
    assert [d.reason for d in after.dismissed] == ["tolls given at different times"]
    assert {v.value for v in after.dismissed[0].conflict.values} == {v.value for v in toll.values}
    # The fact sheet no longer marks the dismissed values as a conflict.
    assert all(
        cell is None or cell.conflict_type is None or cell.value not in {"12", "15"}
        for row in after.facts
        if row.kind == "toll"
        for cell in row.cells
    )


def test_mark_a_missed_conflict_between_two_spans(base):
    a1, a2 = item(base, "a1"), item(base, "a2")
    first = sentence_index(base, "a1", "We have never seen")
    second = sentence_index(base, "a2", "very dangerous scene")
    start1 = a1.article.text.index("never seen a fire like this")
    start2 = a2.article.text.index("very dangerous scene")
    mark = Correction(
        CorrectionKind.MARK,
        conflict_type=ConflictType.ATTRIBUTION,
        values=(
            span(a1, first, start1, start1 + len("never seen a fire like this")),
            span(a2, second, start2, start2 + len("very dangerous scene")),
        ),
        reason="different quotes from one press conference",
    )
    after = reassemble(base, [mark])
    marked = [k for k in after.conflicts if k.marked]
    assert len(marked) == 1 and len(after.conflicts) == len(base.conflicts) + 1
    assert marked[0].type is ConflictType.ATTRIBUTION
    assert [v.value for v in marked[0].values] == [
        "never seen a fire like this",
        "very dangerous scene",
    ]
    assert marked[0].note == "different quotes from one press conference"
    assert [k.id for k in after.conflicts] == [f"k{n}" for n in range(1, len(after.conflicts) + 1)]


def test_corrections_survive_moved_text_and_report_what_is_gone(tmp_path):
    paths = []
    for n, text in enumerate((A1, A2, A3, A4), start=1):
        paths.append(tmp_path / f"a{n}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    first = compare([load_file(p) for p in paths])
    lonely = next(c for c in first.claims if c.status is ClaimStatus.UNIQUE)
    shared = max(first.claims, key=lambda c: len(c.articles))
    ref = lonely.representative
    words = item(first, ref.article).sentence_text(item(first, ref.article).sentences[ref.sentence])
    link = Correction(
        CorrectionKind.LINK,
        sentences=(anchor(item(first, ref.article), ref.sentence),),
        claim=claim_anchors(shared, first.articles),
    )
    cause = sentence_index(first, "a1", "cause of the blast")
    unlink = Correction(
        CorrectionKind.UNLINK,
        sentences=(anchor(item(first, "a1"), cause),),
        claim=claim_anchors(claims_of(first, "a1", cause)[0], first.articles),
    )
    # Every article gains a paragraph at the top (every offset and index moves), and a1 loses
    # the sentence the second correction names.
    for path in paths:
        text = path.read_text(encoding="utf-8").replace(
            " The cause of the blast is not yet known.", ""
        )
        path.write_text("Update: this story was revised on Thursday.\n\n" + text, encoding="utf-8")
    rerun = compare([load_file(p) for p in paths], corrections=[link, unlink])
    moved = next(
        (i.id, s.index) for i in rerun.articles for s in i.sentences if i.sentence_text(s) == words
    )
    assert moved[1] != ref.sentence or moved[0] != ref.article  # it did move
    assert all(c.status is not ClaimStatus.UNIQUE for c in claims_of(rerun, *moved))
    assert len(rerun.correction_problems) == 1
    position, reason = rerun.correction_problems[0]
    assert position == 1 and "is no longer in a1" in reason
    lines = describe(rerun.corrections, rerun.correction_problems)
    assert lines[0].startswith(
        "2 corrections made by hand (1 sentence linked, 1 sentence unlinked)"
    )
    assert lines[1].startswith("Correction 2 (unlink) could not be applied")


def test_corrections_are_saved_and_read_back(tmp_path, base):
    toll = next(k for k in base.conflicts if k.type is ConflictType.NUMBER)
    shared = [c for c in base.claims if c.status is not ClaimStatus.UNIQUE]
    made = [
        Correction(
            CorrectionKind.DISMISS,
            conflict_type=toll.type,
            values=conflict_spans(toll, base.articles),
            reason="différent times",
        ),
        Correction(
            CorrectionKind.MERGE,
            claim=claim_anchors(shared[0], base.articles),
            other=claim_anchors(shared[1], base.articles),
        ),
    ]
    path = tmp_path / "plant.parallax"
    saved.save(saved.saved_from([i.article for i in base.articles], corrections=made), path)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["version"] == 2 and len(document["corrections"]) == 2
    assert saved.load(path).corrections == tuple(made)
    # A format-1 file (no corrections) still opens.
    document["version"] = 1
    del document["corrections"]
    path.write_text(json.dumps(document), encoding="utf-8")
    assert saved.load(path).corrections == ()


@pytest.mark.parametrize(
    ("damage", "where"),
    [
        ([{"kind": "rename"}], "corrections[0].kind"),
        ("link", "corrections"),
        (
            [
                {
                    "kind": "link",
                    "sentences": [{"article": "a", "index": -1, "text": "", "start": 0}],
                }
            ],
            "corrections[0].sentences[0].index",
        ),
        ([{"kind": "merge", "claim": []}], "corrections[0]"),
        (
            [{"kind": "dismiss", "conflict_type": "colour", "values": []}],
            "corrections[0].conflict_type",
        ),
    ],
)
def test_damaged_corrections_are_named(tmp_path, base, damage, where):
    path = tmp_path / "d.parallax"
    saved.save(saved.saved_from([base.articles[0].article]), path)
    document = json.loads(path.read_text(encoding="utf-8"))
    document["corrections"] = damage
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(saved.SavedFileError) as error:
        saved.load(path)
    assert f"{where}:" in str(error.value)


def test_a_claim_two_corrections_made_identical_is_one_for_the_next_correction(base):
    # Splitting the a4 headline and lead out of the shared claim makes them a claim equal to the
    # rest of their evacuation claim (its other sentences split off first): the user sees one
    # claim, and linking a sentence to it must not bring the other copy back as a claim.
    head = sentence_index(base, "a4", "Thousands evacuated")
    lead = sentence_index(base, "a4", "About 3,000 residents")
    a1_evac = sentence_index(base, "a1", "About 2,000 residents")
    a3_evac = sentence_index(base, "a3", "Around 2,000 people")
    a4 = item(base, "a4")
    evacuation = next(
        c for c in claims_of(base, "a4", head) if {("a1", a1_evac), ("a4", lead)} <= _members(c)
    )
    shared = next(
        c
        for c in claims_of(base, "a4", head)
        if ("a1", sentence_index(base, "a1", "Twelve")) in _members(c)
    )
    splits = [
        Correction(
            CorrectionKind.SPLIT,
            sentences=(anchor(item(base, "a1"), a1_evac), anchor(item(base, "a3"), a3_evac)),
            claim=claim_anchors(evacuation, base.articles),
        ),
        Correction(
            CorrectionKind.SPLIT,
            sentences=(anchor(a4, head), anchor(a4, lead)),
            claim=claim_anchors(shared, base.articles),
        ),
    ]
    split = reassemble(base, splits)
    both = next(c for c in split.claims if _members(c) == {("a4", head), ("a4", lead)})
    source = sentence_index(base, "a4", "A source familiar")
    link = Correction(
        CorrectionKind.LINK,
        sentences=(anchor(a4, source),),
        claim=claim_anchors(both, split.articles),
    )
    linked = reassemble(base, [*splits, link])
    assert linked.correction_problems == ()
    assert len(linked.claims) == len(split.claims) - 1  # the source's own claim joined it
    assert not any(_members(c) == {("a4", head), ("a4", lead)} for c in linked.claims)
    assert any(_members(c) == {("a4", head), ("a4", lead), ("a4", source)} for c in linked.claims)


def test_the_same_text_pasted_twice_is_corrected_in_the_copy_named():
    # Two outlets ran the same wire copy, pasted twice: unlinking the first copy's headline must
    # take that one out of the claim, not the second copy's.
    pasted = compare([load_pasted(A1), load_pasted(A1), load_pasted(A2)])
    first, second = pasted.articles[0], pasted.articles[1]
    claim = next(c for c in claims_of(pasted, "a1", 0) if len(c.members) > 1)
    assert ("a2", 0) in _members(claim)
    unlink = Correction(
        CorrectionKind.UNLINK,
        sentences=(anchor(first, 0, pasted.articles),),
        claim=claim_anchors(claim, pasted.articles),
    )
    after = reassemble(pasted, [unlink])
    assert after.correction_problems == ()
    rest = _members(claim) - {("a1", 0)}
    assert any(_members(c) == rest for c in after.claims)  # the second copy's headline stays
    assert anchor(second, 0, pasted.articles).article != unlink.sentences[0].article


def test_a_dismissed_conflict_keeps_no_id_of_a_conflict_still_reported(base):
    first = base.conflicts[0]
    dismiss = Correction(
        CorrectionKind.DISMISS,
        conflict_type=first.type,
        values=conflict_spans(first, base.articles),
    )
    after = reassemble(base, [dismiss])
    assert len(after.dismissed) == 1 and after.conflicts
    reported = {k.id for k in after.conflicts}
    assert after.dismissed[0].conflict.id not in reported  # k1 is another conflict now
    exported = to_document(after)
    ids = [k["id"] for k in exported["conflicts"]]
    ids += [d["conflict"]["id"] for d in exported["dismissed"]]
    assert len(ids) == len(set(ids))


def test_a_conflict_marked_by_hand_can_be_dismissed_later(base):
    a1, a2 = item(base, "a1"), item(base, "a2")
    start1 = a1.article.text.index("through the night")
    start2 = a2.article.text.index("by early evening")
    mark = Correction(
        CorrectionKind.MARK,
        conflict_type=ConflictType.DATE,
        values=(
            span(a1, sentence_index(base, "a1", "Crews worked"), start1, start1 + 17),
            span(a2, sentence_index(base, "a2", "crews had contained"), start2, start2 + 16),
        ),
    )
    marked = reassemble(base, [mark])
    conflict = next(k for k in marked.conflicts if k.marked)
    dismiss = Correction(
        CorrectionKind.DISMISS,
        conflict_type=conflict.type,
        values=conflict_spans(conflict, marked.articles),
        reason="the same evening",
    )
    after = reassemble(base, [mark, dismiss])
    assert after.correction_problems == ()
    assert not any(k.marked for k in after.conflicts)
    assert len(after.conflicts) == len(base.conflicts)
    assert [(d.conflict.marked, d.reason) for d in after.dismissed] == [(True, "the same evening")]


def test_a_link_follows_its_claim_when_compared_again_on_a_looser_threshold(sample_dir):
    # The sample's "front line frozen where it stands" claim (three articles) grows into a larger
    # claim at a looser threshold; a sentence the user linked to it joins that claim, not
    # another that holds one of its sentences among its own.
    base = compare([load_file(p) for p in sorted(sample_dir.iterdir()) if p.suffix != ".json"])
    frozen = next(
        c
        for c in base.claims
        if len(c.articles) == 3
        and all(
            "front line"
            in item(base, m.article).sentence_text(item(base, m.article).sentences[m.sentence])
            for m in c.members
        )
    )
    kyiv = next(i for i in base.articles if i.article.source.name == "kyiv-outlet-report.pdf")
    consulted = sentence_index(base, kyiv.id, "had not been consulted")
    link = Correction(
        CorrectionKind.LINK,
        sentences=(anchor(kyiv, consulted, base.articles),),
        claim=claim_anchors(frozen, base.articles),
    )
    looser = replace(base, options=replace(base.options, same_claim=0.15))
    grown = max(reassemble(looser, []).claims, key=lambda c: len(_members(c) & _members(frozen)))
    assert _members(frozen) <= _members(grown)  # still one claim, grown
    after = reassemble(looser, [link])
    assert after.correction_problems == ()
    assert any(_members(frozen) | {(kyiv.id, consulted)} <= _members(c) for c in after.claims)


def test_a_split_still_applies_to_its_sentences_that_remain(tmp_path):
    paths = []
    for n, text in enumerate((A1, A2, A3, A4), start=1):
        paths.append(tmp_path / f"a{n}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    first = compare([load_file(p) for p in paths])
    claim = max(first.claims, key=lambda c: len({m.article for m in c.members}))
    by_article = {}
    for m in claim.members:
        by_article.setdefault(m.article, m)
    moving = [by_article[a] for a in sorted(by_article)[-2:]]  # one sentence of each of two
    split = Correction(
        CorrectionKind.SPLIT,
        sentences=tuple(anchor(item(first, m.article), m.sentence) for m in moving),
        claim=claim_anchors(claim, first.articles),
    )
    gone = item(first, moving[0].article).sentence_text(
        item(first, moving[0].article).sentences[moving[0].sentence]
    )
    kept = item(first, moving[1].article).sentence_text(
        item(first, moving[1].article).sentences[moving[1].sentence]
    )
    path = paths[int(moving[0].article[1:]) - 1]
    path.write_text(path.read_text(encoding="utf-8").replace(gone, ""), encoding="utf-8")
    rerun = compare([load_file(p) for p in paths], corrections=[split])
    assert rerun.correction_problems == ()
    where = next(
        (i.id, s.index) for i in rerun.articles for s in i.sentences if i.sentence_text(s) == kept
    )
    alone = [c for c in rerun.claims if where in _members(c)]
    assert any(_members(c) == {where} for c in alone), alone
