"""Saved comparisons: byte-identical round trips, clear messages for bad files, atomic writes."""

import json
import subprocess
import sys
import time

import pytest

from parallax.core import export, pipeline, saved
from parallax.core.loading import load_files, load_pasted, supported_files
from tests.conftest import REPO


@pytest.fixture(scope="module")
def sample_articles(sample_dir):
    return load_files(supported_files(sample_dir)).articles


def _without_time(document: dict) -> dict:
    document["generator"].pop("created")
    return document


def test_save_reopen_save_is_byte_identical_and_compares_the_same(sample_articles, tmp_path):
    pasted = load_pasted("Pasted headline\n\nA pasted paragraph about the truce, in Kyiv.")
    articles = [*sample_articles, pasted]
    notes = ["check the wire's figure", "", "", "", "", "Zelenskyy spelled three ways — ask"]
    first = tmp_path / "week.parallax"
    saved.save(saved.saved_from(articles, notes, 0.5), first)
    reopened = saved.load(first)
    assert reopened.articles == tuple(articles)
    assert reopened.notes == tuple(notes) and reopened.same_claim == 0.5
    second = tmp_path / "again.parallax"
    saved.save(reopened, second)
    assert second.read_bytes() == first.read_bytes()
    # Reopened without any original file, the comparison is the same.
    before = _without_time(export.to_document(pipeline.compare(articles)))
    after = _without_time(export.to_document(pipeline.compare(list(reopened.articles))))
    assert json.dumps(after, sort_keys=True) == json.dumps(before, sort_keys=True)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\x00\x01\xffbinary", "is not a Parallax comparison (not text)"),
        (b'{"kind": "parallax.saved-comparison", "version": 1, "articles": [', "is damaged or not"),
        (b'{"schema": "parallax.comparison/1"}', "is not a Parallax comparison"),
        (b"[1, 2, 3]", "is not a Parallax comparison"),
        (b'{"kind": "parallax.saved-comparison"}', "its format version is missing"),
        (b'{"kind": "parallax.saved-comparison", "version": 0}', "uses an older format (0)"),
        (
            b'{"kind": "parallax.saved-comparison", "version": 7, "saved_by": "parallax 9.0"}',
            "was saved by a newer Parallax (parallax 9.0, format 7)",
        ),
        (b'{"kind": "parallax.saved-comparison", "version": 1, "articles": []}', "no articles"),
        (
            b'{"kind": "parallax.saved-comparison", "version": 1, "articles": [{"title": "x"}]}',
            "is damaged (an entry lacks 'text')",
        ),
        (
            b'{"kind": "parallax.saved-comparison", "version": 1, '
            b'"articles": [{"text": "Body.", "format": "exe"}]}',
            "is damaged",
        ),
    ],
)
def test_bad_saved_files_name_the_file_and_the_reason(tmp_path, content, reason):
    path = tmp_path / "their file.parallax"
    path.write_bytes(content)
    with pytest.raises(saved.SavedFileError) as caught:
        saved.load(path)
    assert str(caught.value).startswith("their file.parallax: ")
    assert reason in str(caught.value)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(saved.SavedFileError, match="no longer exists"):
        saved.load(tmp_path / "gone.parallax")
    with pytest.raises(saved.SavedFileError, match="folder"):
        saved.load(tmp_path)


def test_unwritable_target_is_a_saved_file_error(tmp_path, sample_articles):
    with pytest.raises(saved.SavedFileError, match="could not be written"):
        saved.save(saved.saved_from(sample_articles[:1]), tmp_path / "no" / "such" / "x.parallax")


WRITER = """
import os, sys, time
from parallax.core import saved
from parallax.core.loading import load_pasted
os.fsync = lambda fd: (print("writing", flush=True), time.sleep(60))  # stall mid-write
article = load_pasted("New headline\\n\\nA completely different article body.")
saved.save(saved.saved_from([article]), sys.argv[1])
"""


def test_a_writer_killed_mid_write_leaves_the_previous_file_intact(tmp_path, sample_articles):
    path = tmp_path / "work.parallax"
    saved.save(saved.saved_from(sample_articles[:2], ["keep me", ""]), path)
    before = path.read_bytes()
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)], cwd=REPO, stdout=subprocess.PIPE, text=True
    )
    try:
        assert writer.stdout.readline().strip() == "writing"  # the new text is half on disk
        writer.kill()
    finally:
        writer.wait(timeout=30)
    time.sleep(0.1)
    assert path.read_bytes() == before
    assert saved.load(path).notes == ("keep me", "")
