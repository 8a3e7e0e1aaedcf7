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


def _no_temporaries(folder):
    return [p.name for p in folder.rglob("*") if p.name.endswith(".tmp")]


def test_a_full_disk_leaves_every_old_output_as_it_was(inputs, tmp_path, capsys):
    """A file-size limit makes every write past a few kB fail as a full disk does (EFBIG instead
    of ENOSPC; Python ignores SIGXFSZ): each output is refused by name, the old ones stay."""
    import resource

    old = "an older good output\n" * 5000
    outputs = {flag: tmp_path / f"old.{flag[2:]}" for flag in ("--json", "--html", "--pdf")}
    for path in outputs.values():
        path.write_text(old, encoding="utf-8")
    args = [item for flag, path in outputs.items() for item in (flag, str(path))]
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, hard))
    try:
        status = main(["compare", *map(str, inputs), *args, "--words-only", "-q"])
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    assert status == 1
    lines = capsys.readouterr().err.splitlines()
    for path in outputs.values():
        assert path.read_text(encoding="utf-8") == old
        assert any(line.startswith(f"parallax: could not write {path}: ") for line in lines)
    assert len(lines) == len(outputs) and not _no_temporaries(tmp_path)


def test_a_sync_that_fails_keeps_the_old_file(inputs, tmp_path, monkeypatch, capsys):
    # Some file systems report a full disk only when the data is flushed.
    import errno

    from parallax.core import export

    targets = {"--json": tmp_path / "kept.json", "--pdf": tmp_path / "kept.pdf"}
    for target in targets.values():
        target.write_text("old", encoding="utf-8")

    def full(handle):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(export.os, "fsync", full)
    args = [item for flag, path in targets.items() for item in (flag, str(path))]
    assert main(["compare", str(inputs[0]), *args, "--words-only", "-q"]) == 1
    error = capsys.readouterr().err
    for target in targets.values():  # the PDF too, which Qt writes itself
        assert f"could not write {target}: No space left on device" in error
        assert target.read_text(encoding="utf-8") == "old"
    assert not _no_temporaries(tmp_path)


def test_json_to_dev_stdout_through_a_pipe(inputs):
    import json

    from tests.conftest import run_python

    run = run_python("-m", "parallax", "compare", str(inputs[0]), "--json", "/dev/stdout")
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["schema"] == "parallax.comparison/2"  # the summary: stderr
    assert "JSON written to /dev/stdout" in run.stderr


def test_a_file_output_on_the_csv_folder_is_refused(inputs, tmp_path, capsys):
    target = tmp_path / "out"
    assert main(["compare", str(inputs[0]), "--json", str(target), "--csv", str(target)]) == 2
    assert f"--json and --csv would both write {target}" in capsys.readouterr().err
    assert not target.exists()


def test_csv_into_a_file_a_link_or_a_folder(inputs, tmp_path, capsys):
    plain = tmp_path / "plain"
    plain.write_text("old", encoding="utf-8")
    assert main(["compare", str(inputs[0]), "--csv", str(plain), "--words-only", "-q"]) == 1
    assert f"could not write {plain}: it is not a folder" in capsys.readouterr().err
    assert plain.read_text(encoding="utf-8") == "old"
    # A link to a folder that does not exist yet: the link stays, the folder is made.
    link = tmp_path / "link"
    link.symlink_to(tmp_path / "made")
    assert main(["compare", str(inputs[0]), "--csv", str(link), "--words-only", "-q"]) == 0
    assert link.is_symlink() and (tmp_path / "made" / "claims.csv").is_file()


def test_a_folder_is_refused_as_a_file_output_before_rendering(inputs, tmp_path, capsys):
    from parallax.core import export

    with (
        pytest.raises(IsADirectoryError, match="it is a folder"),
        export.atomic_target(tmp_path),
    ):
        pytest.fail("nothing is rendered for a folder")
    assert not _no_temporaries(tmp_path)
