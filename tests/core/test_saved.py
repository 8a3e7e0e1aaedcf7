"""Saved comparisons: byte-identical round trips, messages that name the damaged field, limits,
atomic writes."""

import json
import os
import subprocess
import sys
import time

import pytest

from parallax.core import export, pipeline, saved
from parallax.core.loading import (
    MAX_SENTENCES,
    MAX_TEXT_CHARS,
    load_files,
    load_pasted,
    supported_files,
)
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


def _document(**changes) -> dict:
    """A valid saved comparison of two articles, with top-level keys changed as given."""
    article = {
        "text": "Headline\n\nBody of the article, in Kyiv.",
        "title": "Headline",
        "source": "/tmp/a.txt",
        "format": "txt",
        "has_headline": True,
        "outlet": None,
        "author": "A. Writer",
        "published": "2025-08-01",
        "language": "en",
        "warnings": [{"code": "encoding", "message": "read as Latin-1"}],
        "note": "check this",
    }
    document = {
        "kind": saved.KIND,
        "version": 1,
        "saved_by": "parallax 0.1.0",
        "options": {"same_claim": 0.5},
        "articles": [article, {**article, "title": "Other", "warnings": []}],
    }
    return {**document, **changes}


def _with_article(**fields) -> dict:
    document = _document()
    document["articles"][1] = {**document["articles"][1], **fields}
    return document


def _without(key: str) -> dict:
    document = _document()
    del document["articles"][1][key]
    return document


def _raw(document: dict, old: str, new: str) -> bytes:
    """The document as JSON with one value spelled as Python's json would never write it."""
    text = json.dumps(document)
    assert old in text
    return text.replace(old, new, 1).encode()


HUGE = "9" * 5000  # more digits than Python converts to an int (4,300)
VALID = json.dumps(_document()).encode()
THRESHOLD = "options.same_claim: expected a similarity threshold, a number between 0 and 1; "

DAMAGED = {
    "empty": (b" \n", "the file is empty"),
    "not UTF-8": (
        b"\x00\x01\xffbinary",
        "not a saved comparison: not UTF-8 text (byte 0xff at offset 2)",
    ),
    "truncated JSON": (VALID[:-20], "is damaged or not a saved comparison: not valid JSON ("),
    "JSON error position": (
        b'{"kind": 1,,}',
        "(Expecting property name enclosed in double quotes at line 1, column 12)",
    ),
    "a list, not an object": (
        b"[1, 2, 3]",
        'not a saved comparison: no "kind": "parallax.saved-comparison"',
    ),
    "an exported comparison": (
        b'{"schema": "parallax.comparison/2"}',
        'not a saved comparison: no "kind"',
    ),
    "no version": (
        _document(version=None),
        "version: expected the format version, a whole number; found null",
    ),
    "version as text": (
        _document(version="1"),
        'version: expected the format version, a whole number; found a string ("1")',
    ),
    "version zero": (_document(version=0), "version: 0: no such format (the first is 1)"),
    "newer version": (
        _document(version=7, saved_by="parallax 9.0"),
        "version: 7: this file was saved by a newer Parallax "
        "(parallax 9.0; format 2 is the newest this version reads)",
    ),
    "5,000-digit version": (
        _raw(_document(), '"version": 1', f'"version": {HUGE}'),
        "version: 999999999999… (5,000 digits): this file was saved by a newer Parallax",
    ),
    "options a list": (_document(options=[0.5]), "options: expected an object; found a list"),
    "threshold out of range": (
        _document(options={"same_claim": 1.5}),
        THRESHOLD + "found a number (1.5)",
    ),
    "threshold infinite": (
        _raw(_document(), '"same_claim": 0.5', '"same_claim": 1e999'),
        THRESHOLD + "found a number too large to hold (infinity)",
    ),
    "threshold NaN": (
        _raw(_document(), '"same_claim": 0.5', '"same_claim": NaN'),
        THRESHOLD + "found NaN",
    ),
    "threshold true": (
        _document(options={"same_claim": True}),
        THRESHOLD + "found true",
    ),
    "threshold huge": (
        _raw(_document(), '"same_claim": 0.5', f'"same_claim": {HUGE}'),
        THRESHOLD + "found a number with 5,000 digits",
    ),
    "no articles key": (
        _document(articles=None),
        "articles: expected a list of articles; found null",
    ),
    "articles an object": (
        _document(articles={"0": {}}),
        "articles: expected a list of articles; found an object",
    ),
    "no articles": (_document(articles=[]), "articles: the list is empty"),
    "article not an object": (
        _document(articles=["text"]),
        'articles[0]: expected an object (one article); found a string ("text")',
    ),
    "text missing": (
        _without("text"),
        "articles[1].text: expected the article's text, a string; it is missing",
    ),
    "text a number": (
        _with_article(text=3),
        "articles[1].text: expected the article's text, a string; found a number (3)",
    ),
    "text a 5,000-digit number": (
        _raw(_with_article(text=0), '"text": 0', f'"text": {HUGE}'),
        "articles[1].text: expected the article's text, a string; found a number with 5,000 digits",
    ),
    "text blank": (
        _with_article(text=" \n "),
        "articles[1].text: expected the article's text; found no text",
    ),
    "format unknown": (
        _with_article(format="exe"),
        "articles[1].format: expected one of txt, md, html, pdf, docx, pasted; "
        'found a string ("exe")',
    ),
    "format missing": (
        _without("format"),
        "articles[1].format: expected one of txt, md, html, pdf, docx, pasted; it is missing",
    ),
    "title a list": (
        _with_article(title=["a"]),
        "articles[1].title: expected a string or null; found a list",
    ),
    "source a number": (
        _with_article(source=7),
        "articles[1].source: expected a string or null; found a number (7)",
    ),
    "outlet an object": (
        _with_article(outlet={}),
        "articles[1].outlet: expected a string or null; found an object",
    ),
    "author true": (
        _with_article(author=True),
        "articles[1].author: expected a string or null; found true",
    ),
    "published a number": (
        _with_article(published=2025),
        "articles[1].published: expected a string or null; found a number (2025)",
    ),
    "language a list": (
        _with_article(language=["en"]),
        "articles[1].language: expected a string or null; found a list",
    ),
    "note a number": (
        _with_article(note=5),
        "articles[1].note: expected a string or null; found a number (5)",
    ),
    "has_headline text": (
        _with_article(has_headline="yes"),
        'articles[1].has_headline: expected true or false; found a string ("yes")',
    ),
    "warnings an object": (
        _with_article(warnings={}),
        "articles[1].warnings: expected a list; found an object",
    ),
    "warning a string": (
        _with_article(warnings=["odd"]),
        "articles[1].warnings[0]: expected an object with a code and a message; "
        'found a string ("odd")',
    ),
    "warning code a number": (
        _with_article(warnings=[{"code": 1, "message": "m"}]),
        "articles[1].warnings[0].code: expected a string; found a number (1)",
    ),
    "warning without message": (
        _with_article(warnings=[{"code": "c"}]),
        "articles[1].warnings[0].message: expected a string; it is missing",
    ),
    "kept key with a 5,000-digit number": (
        _raw(_document(future={"x": [1, 0]}), "[1, 0]", f"[1, {HUGE}]"),
        "future.x[1]: expected a number of up to 4,300 digits; found a number with 5,000 digits",
    ),
    "deep nesting": (
        b'{"kind": "parallax.saved-comparison", "deep": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        f"the file is nested too deeply (more than {saved.MAX_DEPTH} levels)",
    ),
    "deep nesting, unclosed": (
        b"[" * 100_000,
        f"the file is nested too deeply (more than {saved.MAX_DEPTH} levels)",
    ),
    "millions of empty lists": (
        b'{"kind": "parallax.saved-comparison", "x": [' + b"[]," * saved.MAX_VALUES + b"[]]}",
        f"the file holds too many values (more than {saved.MAX_VALUES:,} lists, objects, strings",
    ),
    "millions of numbers": (
        b'{"kind": "parallax.saved-comparison", "x": [' + b"1," * saved.MAX_VALUES + b"1]}",
        f"the file holds too many values (more than {saved.MAX_VALUES:,} lists, objects, strings",
    ),
    "unbalanced brackets": (b"]" * 1000, "not valid JSON (Expecting value at line 1, column 1)"),
}


@pytest.mark.parametrize(("content", "reason"), DAMAGED.values(), ids=DAMAGED.keys())
def test_a_damaged_file_names_the_field_and_what_was_expected(tmp_path, content, reason):
    path = tmp_path / "their file.parallax"
    path.write_bytes(content if isinstance(content, bytes) else json.dumps(content).encode())
    with pytest.raises(saved.SavedFileError) as caught:
        saved.load(path)
    assert str(caught.value).startswith("their file.parallax: ")
    assert reason in str(caught.value)


def test_the_valid_document_of_the_table_loads(tmp_path):
    path = tmp_path / "fine.parallax"
    path.write_bytes(b"\xef\xbb\xbf" + VALID)  # a byte-order mark an editor added is fine
    document = saved.load(path)
    assert [a.title for a in document.articles] == ["Headline", "Other"]
    assert document.notes == ("check this", "check this") and document.same_claim == 0.5
    assert document.articles[0].warnings[0].message == "read as Latin-1"


REPLACEMENTS = [None, True, 0, -1, 0.5, 1e300, HUGE, "", "x", [], {}, [[[]]], {"a": {}}]


def _fields(value, where=()):
    """Every path into a document: ("articles", 1, "text"), …"""
    items = value.items() if isinstance(value, dict) else enumerate(value)
    for key, item in items:
        yield (*where, key)
        if isinstance(item, dict | list):
            yield from _fields(item, (*where, key))


def _spelled(path: tuple) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")


@pytest.mark.parametrize("field", list(_fields(_document())), ids=_spelled)
def test_any_value_anywhere_loads_or_names_the_field(tmp_path, field):
    """Each field replaced by each kind of JSON value: the file loads, or the error is a
    SavedFileError naming that field (or saying the file is not a saved comparison)."""
    path = tmp_path / "x.parallax"
    for replacement in REPLACEMENTS:
        document = _document()
        parent = document
        for key in field[:-1]:
            parent = parent[key]
        parent[field[-1]] = "<huge>" if replacement is HUGE else replacement
        text = json.dumps(document).replace('"<huge>"', HUGE)
        path.write_text(text, encoding="utf-8")
        try:
            saved.load(path)
        except saved.SavedFileError as error:
            reason = error.reason
            assert reason.startswith(_spelled(field)) or reason.startswith("not a saved"), (
                replacement,
                reason,
            )


def test_unknown_keys_are_kept_and_written_back(tmp_path):
    path = tmp_path / "future.parallax"
    document = _document(future={"colour": "teal", "ranks": [1, 2.5, None]})
    document["articles"][0]["from_a_later_version"] = {"ignored": True}
    document["options"]["later_option"] = 3
    path.write_text(json.dumps(document), encoding="utf-8")
    reopened = saved.load(path)
    assert reopened.extra == {"future": {"colour": "teal", "ranks": [1, 2.5, None]}}
    saved.save(reopened, path)
    assert json.loads(path.read_text(encoding="utf-8"))["future"]["ranks"] == [1, 2.5, None]


def test_article_text_has_the_limit_article_files_have(tmp_path):
    path = tmp_path / "big.parallax"
    at_limit = "Headline\n\n" + "w" * (MAX_TEXT_CHARS - 10)
    path.write_text(json.dumps(_with_article(text=at_limit, title="Huge")), encoding="utf-8")
    assert len(saved.load(path).articles[1].text) == MAX_TEXT_CHARS
    path.write_text(json.dumps(_with_article(text=at_limit + "w", title="Huge")), encoding="utf-8")
    with pytest.raises(saved.SavedFileError) as caught:
        saved.load(path)
    assert caught.value.reason == (
        f"articles[1].text: the article “Huge” has {MAX_TEXT_CHARS + 1:,} characters of text; "
        f"articles of up to {MAX_TEXT_CHARS:,} characters are supported"
    )


def test_article_sentences_have_the_limit_article_files_have(tmp_path):
    path = tmp_path / "lines.parallax"
    lines = "\n\n".join(["Headline", *["One line."] * MAX_SENTENCES])
    path.write_text(json.dumps(_with_article(text=lines, title=None)), encoding="utf-8")
    with pytest.raises(saved.SavedFileError) as caught:
        saved.load(path)
    assert caught.value.reason == (
        f"articles[1].text: the article has about {MAX_SENTENCES + 1:,} sentences or lines; "
        f"articles of up to {MAX_SENTENCES:,} are supported"
    )


def test_the_number_of_articles_is_capped(tmp_path, monkeypatch):
    monkeypatch.setattr(saved, "MAX_ARTICLES", 3)
    path = tmp_path / "many.parallax"
    article = _document()["articles"][0]
    path.write_text(json.dumps(_document(articles=[article] * 3)), encoding="utf-8")
    assert len(saved.load(path).articles) == 3
    path.write_text(json.dumps(_document(articles=[article] * 4)), encoding="utf-8")
    with pytest.raises(
        saved.SavedFileError, match=r"articles: 4 articles; a saved comparison holds at most 3,"
    ):
        saved.load(path)


def test_a_file_over_the_size_limit_is_refused_before_it_is_parsed(tmp_path, monkeypatch):
    monkeypatch.setattr(saved, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "large.parallax"
    path.write_bytes(b"{" + b" " * 1000 + b"}")
    with pytest.raises(saved.SavedFileError, match=r"the file is too large \(0\.0 MB\); saved"):
        saved.load(path)


def test_the_file_size_cap_fits_the_other_limits():
    """An article at the text limit fits in any script (four bytes a character at most), and the
    cap is below what the article limits alone would let through."""
    assert 4 * MAX_TEXT_CHARS < saved.MAX_FILE_BYTES < saved.MAX_ARTICLES * MAX_TEXT_CHARS


OPENER = """
import sys
from parallax.core import saved
try:
    saved.load(sys.argv[1])
except saved.SavedFileError as error:
    print(error)
"""


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path):
    pipe = tmp_path / "x.parallax"
    os.mkfifo(pipe)
    # In a subprocess so that a regression (a read that waits for a writer forever) fails
    # the test when the timeout kills it, instead of hanging the suite.
    run = subprocess.run(
        [sys.executable, "-c", OPENER, str(pipe)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.stdout.strip() == "x.parallax: this is a named pipe, not a file", run.stderr


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
