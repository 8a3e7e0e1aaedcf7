"""``parallax compare`` given damaged saved comparisons: each is reported with what is wrong,
the other inputs are still compared, and nothing is an "unexpected error"."""

import json
import os

import pytest

from parallax.cli import main
from tests.conftest import run_python

ARTICLE = (
    "Truce talks gather pace\n\n"
    "US and Russian officials are working toward an agreement, people familiar said on Friday.\n"
)
HEAD = '{"kind": "parallax.saved-comparison", "version": 1, '


def test_damaged_saved_files_are_reported_and_the_rest_compared(tmp_path, capsys):
    article = tmp_path / "story.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    files = {
        "deep.parallax": HEAD + '"x": ' + "[" * 50_000 + "]" * 50_000 + "}",
        "huge.parallax": '{"kind": "parallax.saved-comparison", "version": ' + "9" * 5000 + "}",
        "options.parallax": HEAD + '"options": ["same_claim", 0.5], "articles": []}',
    }
    for name, content in files.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    out = tmp_path / "o.json"
    arguments = [str(tmp_path / name) for name in files]
    assert main(["compare", *arguments, str(article), "--json", str(out), "-q"]) == 3
    assert "unexpected error" not in capsys.readouterr().err
    messages = [error["message"] for error in json.loads(out.read_text())["errors"]]
    assert messages == [
        "deep.parallax: the file is nested too deeply (more than 64 levels)",
        "huge.parallax: version: 999999999999… (5,000 digits): this file was saved by a newer "
        "Parallax (format 2 is the newest this version reads)",
        "options.parallax: options: expected an object; found a list",
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_an_error_not_a_wait(tmp_path):
    pipe = tmp_path / "x.parallax"
    os.mkfifo(pipe)
    run = run_python("-m", "parallax", "compare", str(pipe), timeout=120)
    assert run.returncode == 1
    assert "x.parallax: this is a named pipe, not a file" in run.stderr
    assert "unexpected error" not in run.stderr
