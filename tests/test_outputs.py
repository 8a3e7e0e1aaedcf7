"""Outputs are checked before any work: never over an input, never two on one path."""

import os

import pytest

from parallax.cli import main
from parallax.core.outputs import Output, output_clashes

ARTICLE = "Blast at the plant\n\nTwelve people died in the blast on Monday, officials said.\n"


@pytest.fixture
def inputs(tmp_path):
    first, second = tmp_path / "a.txt", tmp_path / "b.md"
    first.write_text(ARTICLE, encoding="utf-8")
    second.write_text(ARTICLE.replace("Twelve", "Fifteen"), encoding="utf-8")
    return first, second


def _unchanged(paths):
    return {path: path.read_bytes() for path in paths}


@pytest.mark.parametrize("flag", ["--json", "--html", "--pdf"])
def test_an_output_on_an_input_is_refused_before_any_work(inputs, flag, capsys):
    before = _unchanged(inputs)
    assert main(["compare", *map(str, inputs), flag, str(inputs[1])]) == 2
    error = capsys.readouterr().err
    assert f"{flag} {inputs[1]} is the input file {inputs[1]}" in error
    assert _unchanged(inputs) == before


def test_symlinks_hard_links_and_dotted_paths_are_the_same_file(inputs, tmp_path, capsys):
    link, hard = tmp_path / "link.json", tmp_path / "hard.html"
    link.symlink_to(inputs[0])
    os.link(inputs[1], hard)
    dotted = tmp_path / "sub" / ".." / "a.txt"
    before = _unchanged(inputs)
    args = ["compare", *map(str, inputs), "--json", str(link), "--html", str(hard)]
    assert main([*args, "--pdf", str(dotted)]) == 2
    error = capsys.readouterr().err
    assert "--json" in error and "--html" in error and "--pdf" in error
    assert error.count("is the input file") == 3
    assert _unchanged(inputs) == before


def test_csv_folder_holding_an_input_named_like_a_table(tmp_path, capsys):
    folder = tmp_path / "tables"
    folder.mkdir()
    article = folder / "claims.csv"
    article.write_text(ARTICLE, encoding="utf-8")
    assert main(["compare", str(article), "--csv", str(folder)]) == 2
    assert f"{folder / 'claims.csv'} is the input file" in capsys.readouterr().err
    assert article.read_text(encoding="utf-8") == ARTICLE


def test_two_outputs_on_one_path(inputs, tmp_path, capsys):
    target = tmp_path / "out"
    assert main(["compare", *map(str, inputs), "--json", str(target), "--html", str(target)]) == 2
    assert f"--json and --html would both write {target}" in capsys.readouterr().err
    assert not target.exists()


def test_a_saved_comparison_is_an_input_too(tmp_path):
    saved = tmp_path / "week.parallax"
    saved.write_text("{}", encoding="utf-8")
    messages = output_clashes([Output("--json", saved)], [saved])
    assert len(messages) == 1 and "week.parallax" in messages[0]


def test_distinct_outputs_pass(inputs, tmp_path):
    outputs = [
        Output("--json", tmp_path / "c.json"),
        Output("--html", tmp_path / "c.html"),
        Output("--csv", tmp_path / "tables", is_folder=True),
    ]
    assert output_clashes(outputs, list(inputs)) == []


def test_outputs_that_are_not_files_to_replace(inputs, tmp_path, capfd):
    import json
    import stat

    # Standard output: the JSON alone on it, the summary on stderr.
    assert main(["compare", str(inputs[0]), "--json", "-"]) == 0
    captured = capfd.readouterr()
    assert json.loads(captured.out)["schema"] == "parallax.comparison/2"
    assert "JSON written to standard output" in captured.err
    # A device is written in place, never replaced by a file.
    assert main(["compare", str(inputs[0]), "--json", "/dev/null", "-q"]) == 0
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    # A symlink stays a link; the file it points to gets the output.
    real, link = tmp_path / "real.json", tmp_path / "link.json"
    real.write_text("old", encoding="utf-8")
    link.symlink_to(real)
    assert main(["compare", str(inputs[0]), "--json", str(link), "-q"]) == 0
    assert link.is_symlink() and json.loads(real.read_text(encoding="utf-8"))
    # A read-only file is refused and left as it was.
    locked = tmp_path / "locked.json"
    locked.write_text("{}", encoding="utf-8")
    locked.chmod(0o444)
    assert main(["compare", str(inputs[0]), "--json", str(locked), "-q"]) == 1
    assert "locked.json: the file is read-only" in capfd.readouterr().err
    assert locked.read_text(encoding="utf-8") == "{}"
