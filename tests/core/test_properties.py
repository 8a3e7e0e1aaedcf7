"""Property and fuzz tests (Hypothesis): random text and bytes through every loader and through
``compare()``. CI runs a bounded number of examples (profile "ci" in tests/conftest.py);
``benchmarks/fuzz.py`` runs the same properties much longer.

Properties: no exception but ``ArticleLoadError`` escapes a loader; sentence offsets slice the
text exactly; claim groups partition the sentences; statuses agree with the coverage matrix;
comparing A, B equals comparing B, A up to article ids.
"""

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from parallax.core import export, pipeline
from parallax.core.claims import status_of
from parallax.core.errors import ArticleLoadError
from parallax.core.loading import load_file, load_pasted
from parallax.core.models import Article

SUFFIXES = (".txt", ".md", ".html", ".pdf", ".docx", "")
# compare() costs ~0.1–0.5 s per example: a third of the loader examples.
COMPARE_EXAMPLES = max(5, hypothesis_settings.default.max_examples // 3)

VOCABULARY = (
    "the officials said Kyiv Kiev Moscow Washington US Russia Zelensky Zelenskyy Putin Trump "
    "will would could may not never reportedly according to Bloomberg the Kremlin truce deal "
    "summit front line territory on Friday Thursday Aug. 8 August next week early September "
    "1,124 more than 1,100 19% a fifth 8 km 620 miles $65.40 0.4% five troops killed in "
    "Istanbul the United Arab Emirates agreed denied talks halt war “quote” — – ü é "
    "Sept. 3 Monday last next this week month year days in the coming weeks today tonight "
    "twenty-one a hundred an estimated dozen mid-September early 2024 since 2022 8th of May"
)
WORDS = VOCABULARY.split()
sentence = st.lists(st.sampled_from(WORDS), min_size=2, max_size=25).map(
    lambda words: " ".join(words).capitalize() + "."
)
paragraph = st.lists(sentence, min_size=1, max_size=4).map(" ".join)
noise = st.text(max_size=80)
articleish = st.lists(st.one_of(paragraph, paragraph, noise), min_size=1, max_size=6).map(
    "\n\n".join
)


SAMPLE = Path(__file__).resolve().parents[2] / "seeds" / "ukraine-truce-2025-08"
ORIGINALS = {
    path.suffix: path.read_bytes()
    for path in (SAMPLE / "kyiv-outlet-report.pdf", SAMPLE / "state-media-moscow.docx")
}


@st.composite
def damaged(draw) -> tuple[str, bytes]:
    """A real PDF or Word file with some bytes overwritten and perhaps cut short."""
    suffix = draw(st.sampled_from(sorted(ORIGINALS)))
    data = bytearray(ORIGINALS[suffix])
    for _ in range(draw(st.integers(0, 12))):
        at = draw(st.integers(0, len(data) - 1))
        patch = draw(st.binary(min_size=1, max_size=16))
        data[at : at + len(patch)] = patch
    cut = draw(st.one_of(st.none(), st.integers(0, len(data))))
    return suffix, bytes(data[:cut] if cut is not None else data)


def _loads_or_explains(call) -> Article | None:
    try:
        article = call()
    except ArticleLoadError as error:
        assert str(error) and error.reason
        return None
    assert article.text.strip()
    return article


# Random bytes behind the signatures the loaders sniff, to get past their first checks.
SIGNATURES = (b"", b"%PDF-1.4\n", b"PK\x03\x04", b"<!doctype html><html><body><p>", b"\xef\xbb\xbf")
raw = st.builds(
    lambda head, body: head + body, st.sampled_from(SIGNATURES), st.binary(max_size=3000)
)


@given(data=raw, suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_through_every_loader(tmp_path_factory, data, suffix):
    path = Path(tmp_path_factory.mktemp("bytes")) / f"input{suffix}"
    path.write_bytes(data)
    _loads_or_explains(lambda: load_file(path))


@given(case=damaged())
def test_damaged_real_pdf_and_word_files(tmp_path_factory, case):
    suffix, data = case
    path = Path(tmp_path_factory.mktemp("damaged")) / f"input{suffix}"
    path.write_bytes(data)
    _loads_or_explains(lambda: load_file(path))


@given(
    text=st.one_of(st.text(max_size=3000), articleish),
    suffix=st.sampled_from(SUFFIXES),
    encoding=st.sampled_from(["utf-8", "utf-16", "latin-1"]),
)
def test_random_text_through_every_loader(tmp_path_factory, text, suffix, encoding):
    path = Path(tmp_path_factory.mktemp("text")) / f"input{suffix}"
    path.write_bytes(text.encode(encoding, errors="replace"))
    _loads_or_explains(lambda: load_file(path))


@given(text=st.one_of(st.text(max_size=3000), articleish), is_html=st.booleans())
def test_random_pasted_text(text, is_html):
    _loads_or_explains(lambda: load_pasted(text, is_html=is_html))


def _pasted(text: str) -> Article | None:
    return _loads_or_explains(lambda: load_pasted(text))


def _claims_by_input(comparison, order: list[int]) -> set[frozenset[tuple[int, int]]]:
    """Claims as sets of (input position, sentence index): comparable across article orders."""
    position = {item.id: order[n] for n, item in enumerate(comparison.articles)}
    return {
        frozenset((position[m.article], m.sentence) for m in claim.members)
        for claim in comparison.claims
    }


@hypothesis_settings(max_examples=COMPARE_EXAMPLES)
@given(first=articleish, second=articleish)
def test_compare_properties_and_symmetry(first, second):
    a, b = _pasted(first), _pasted(second)
    if a is None or b is None:
        return
    forward = pipeline.compare([a, b])
    backward = pipeline.compare([b, a])
    for comparison in (forward, backward):
        _check_offsets(comparison)
        _check_partition(comparison)
        _check_coverage(comparison)
    assert _claims_by_input(forward, [0, 1]) == _claims_by_input(backward, [1, 0])
    kinds = Counter(k.type for k in forward.conflicts)
    assert kinds == Counter(k.type for k in backward.conflicts)


def _check_offsets(comparison) -> None:
    for item in comparison.articles:
        text = item.article.text
        previous_end = 0
        for sentence in item.sentences:
            piece = text[sentence.start : sentence.end]
            assert piece and piece == piece.strip()
            assert sentence.start >= previous_end
            previous_end = sentence.end
            for token in sentence.tokens:
                assert sentence.start <= token.start < token.end <= sentence.end
            for entity in sentence.entities:
                assert text[entity.start : entity.end] == entity.text


def _check_partition(comparison) -> None:
    """Every sentence in at least one claim, and once in each claim it is in."""
    every = {(item.id, s.index) for item in comparison.articles for s in item.sentences}
    grouped = {(m.article, m.sentence) for c in comparison.claims for m in c.members}
    assert grouped == every
    for claim in comparison.claims:
        keys = [(m.article, m.sentence) for m in claim.members]
        assert len(keys) == len(set(keys))


def _check_coverage(comparison) -> None:
    document = export.to_document(comparison)
    ids = document["coverage"]["articles"]
    rows = {row["claim"]: row["present"] for row in document["coverage"]["rows"]}
    for claim in comparison.claims:
        present = rows[claim.id]
        assert present == [i in claim.articles for i in ids]
        assert claim.status is status_of(sum(present), len(ids))


@given(text=st.one_of(st.text(max_size=300), articleish))
def test_cheap_prechecks_never_skip_a_date_or_a_figure(text):
    # The quick searches that let most sentences skip the long date and quantity patterns must
    # match wherever those patterns do.
    from parallax.core import dates, numbers

    if any(pattern.search(text) for pattern in dates._DATE_RES):
        assert dates._MAY_DATE.search(text)
    if numbers._QUANTITY.search(text):
        assert numbers._MAY_COUNT.search(text)


def test_a_pdf_with_an_unknown_stream_filter_is_refused_as_damaged(tmp_path):
    # Found by the property above: one overwritten byte turned /FlateDecode into "/ lateDecode",
    # and pypdf's NotImplementedError escaped the loader.
    data = ORIGINALS[".pdf"].replace(b"/FlateDecode", b"/ lateDecode")
    assert data != ORIGINALS[".pdf"]
    path = tmp_path / "filter.pdf"
    path.write_bytes(data)
    with pytest.raises(ArticleLoadError, match="damaged"):
        load_file(path)
