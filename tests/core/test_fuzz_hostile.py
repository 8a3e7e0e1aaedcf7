"""Generators for the hostile-input classes of release hygiene: nesting, expansion, size, special
files and output collisions. CI runs a few examples of each (profile "ci" in tests/conftest.py);
``benchmarks/fuzz.py`` runs them much longer.

Properties: a loader returns an article or raises ``ArticleLoadError`` with a reason, and does
it within a guard deadline (far above any accepted input's cost, so it only catches the
runaway classes this file is about); size limits refuse exactly what is over them; special
files are refused without being opened; an output is refused exactly when it is the same file
as an input or as another output.
"""

import os
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from parallax.core.errors import ArticleLoadError
from parallax.core.loading import MAX_SENTENCES, MAX_TEXT_CHARS, load_file, load_pasted
from parallax.core.outputs import Output, output_clashes


def guarded(share: float = 1.0) -> hypothesis_settings:
    """The profile's example count (a ``share`` of it for costly generators) and a hang guard:
    a deadline far above the slowest accepted example, not a speed target."""
    examples = max(3, int(hypothesis_settings.default.max_examples * share))
    return hypothesis_settings(deadline=timedelta(seconds=30), max_examples=examples)


PROSE = "Officials said the bridge would reopen on Monday after repairs to its deck."


def _loads_or_explains(call) -> None:
    try:
        article = call()
    except ArticleLoadError as error:
        assert error.reason
        return
    assert article.text.strip()


@st.composite
def nested_html(draw) -> str:
    """Pages of ``width`` blocks, each ``depth`` elements deep, around a paragraph of prose."""
    depth = draw(st.integers(1, 400))
    width = draw(st.integers(1, 3000 if depth < 60 else 400))
    tag = draw(st.sampled_from(["div", "span", "section", "b", "table"]))
    block = f"<{tag}>" * depth + f"<p>{PROSE}</p>" + f"</{tag}>" * draw(st.integers(0, depth))
    return "<html><body>" + block * width + "</body></html>"


@guarded()
@given(markup=nested_html())
def test_nested_html_loads_or_explains(markup):
    _loads_or_explains(lambda: load_pasted(markup, is_html=True))


MARKS = ["[", "]", "*", "_", "!", "`", ">", "(", ")", "#", "<", "- ", "1. ", "\\"]


@st.composite
def marked_markdown(draw) -> str:
    """Prose with runs of Markdown marks, some thousands long, in one block or many."""
    pieces = []
    for _ in range(draw(st.integers(1, 8))):
        if draw(st.booleans()):
            pieces.append(PROSE)
        else:
            pieces.append(draw(st.sampled_from(MARKS)) * draw(st.integers(1, 20_000)))
    separator = draw(st.sampled_from([" ", "\n", "\n\n", ""]))
    return "# Bridge\n\n" + separator.join(pieces)


@guarded()
@given(text=marked_markdown())
def test_markdown_marks_load_or_explain(tmp_path_factory, text):
    path = Path(tmp_path_factory.mktemp("md")) / "input.md"
    path.write_text(text, encoding="utf-8")
    _loads_or_explains(lambda: load_file(path))


@st.composite
def expanding_docx(draw) -> bytes:
    """Word-shaped zips whose parts expand by chosen amounts (padding packs very tightly)."""
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        padding = b" " * draw(st.integers(0, 30_000_000))
        archive.writestr("word/document.xml", b"<w:document>" + padding + b"</w:document>")
        for number in range(draw(st.integers(0, 3))):
            archive.writestr(f"word/media/{number}.bin", b"\0" * draw(st.integers(0, 60_000_000)))
    return buffer.getvalue()


@guarded(share=0.2)
@given(data=expanding_docx())
def test_expanding_docx_loads_or_explains(tmp_path_factory, data):
    path = Path(tmp_path_factory.mktemp("docx")) / "input.docx"
    path.write_bytes(data)
    _loads_or_explains(lambda: load_file(path))


@guarded(share=0.2)
@given(
    sentences=st.integers(MAX_SENTENCES - 50, MAX_SENTENCES + 50),
    per_paragraph=st.integers(1, 4),
)
def test_the_sentence_cap_refuses_exactly_what_is_over_it(sentences, per_paragraph):
    lines = [f"Item {n} was agreed." for n in range(sentences)]
    paragraphs = [
        " ".join(lines[i : i + per_paragraph]) for i in range(0, sentences, per_paragraph)
    ]
    text = "Minutes\n\n" + "\n\n".join(paragraphs)
    if len(text) > MAX_TEXT_CHARS:
        return
    over = sentences + 1 > MAX_SENTENCES  # the headline counts as one
    try:
        load_pasted(text)
    except ArticleLoadError as error:
        assert over and "sentences or lines" in error.reason
    else:
        assert not over


@guarded(share=0.3)
@given(extra=st.integers(-200, 200))
def test_the_text_limit_refuses_exactly_what_is_over_it(extra):
    body = (PROSE + " ") * ((MAX_TEXT_CHARS + extra) // (len(PROSE) + 1) + 1)
    text = ("Headline\n\n" + body)[: MAX_TEXT_CHARS + extra].rstrip()
    try:
        article = load_pasted(text)
    except ArticleLoadError as error:
        assert len(text) > MAX_TEXT_CHARS and "too large" in error.reason
    else:
        assert len(article.text) <= MAX_TEXT_CHARS


@pytest.mark.parametrize("suffix", ["", ".txt", ".md", ".html", ".pdf", ".docx", ".parallax"])
def test_special_files_are_refused_by_every_loader(tmp_path, suffix):
    path = tmp_path / f"pipe{suffix}"
    os.mkfifo(path)
    if suffix == ".parallax":
        from parallax.core import saved

        with pytest.raises(saved.SavedFileError, match="named pipe"):
            saved.load(path)
        return
    with pytest.raises(ArticleLoadError, match="named pipe, not a file"):
        load_file(path)


@st.composite
def output_plans(draw):
    """Inputs, and outputs that are new paths, inputs, or another output under other names:
    symlinks, hard links, "x/../" detours."""
    names = draw(st.lists(st.sampled_from("abcdefgh"), min_size=1, max_size=4, unique=True))
    picks = st.tuples(
        st.sampled_from(["new", "input", "symlink", "hardlink", "dotted"]),
        st.integers(0, 7),
        st.booleans(),
    )
    return names, draw(st.lists(picks, min_size=1, max_size=4))


@given(plan=output_plans())
def test_outputs_clash_exactly_when_they_are_one_file(tmp_path_factory, plan):
    folder = Path(tmp_path_factory.mktemp("outputs"))
    (folder / "sub").mkdir()
    names, picks = plan
    inputs = [folder / f"{name}.txt" for name in names]
    for path in inputs:
        path.write_text(PROSE, encoding="utf-8")
    outputs = []
    for number, (kind, index, folder_output) in enumerate(picks):
        target = inputs[index % len(inputs)]
        path = folder / f"out{number}-{index}"
        if kind == "new":
            path = folder / f"new{index}.json"  # equal indices: two outputs on one path
        elif kind == "input":
            path = target
        elif kind == "symlink":
            path.symlink_to(target)
        elif kind == "hardlink":
            os.link(target, path)
        else:
            path = folder / "sub" / ".." / target.name
        outputs.append(Output(f"--out{number}", path, is_folder=folder_output and kind == "new"))
    messages = output_clashes(outputs, inputs)
    assert bool(messages) == _really_clash(outputs, inputs)


def _really_clash(outputs, inputs) -> bool:
    """The oracle: os.path.samefile for files that exist, real paths for the rest."""
    targets = []
    for output in outputs:
        names = [None, "claims.csv", "conflicts.csv", "scores.csv", "facts.csv"]
        names = names if output.is_folder else [None]
        targets += [output.path / name if name else output.path for name in names]

    def same(a: Path, b: Path) -> bool:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
        return os.path.realpath(a) == os.path.realpath(b)

    if any(same(t, i) for t in targets for i in inputs):
        return True
    return any(same(a, b) for n, a in enumerate(targets) for b in targets[n + 1 :])
