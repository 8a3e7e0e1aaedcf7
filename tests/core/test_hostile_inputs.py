"""Odd and hostile inputs not covered by the per-format loading tests: each either loads
correctly or fails with a message naming the file, and never disturbs the other articles."""

import socket
import time

import pytest
from pypdf import PdfWriter

from parallax.core import pipeline
from parallax.core.errors import ArticleLoadError
from parallax.core.loading import load_file, load_files, load_pasted
from parallax.core.models import ClaimStatus
from tests.core.test_loading_documents import PARAGRAPHS, html_page

BODY = (
    "US and Russian officials are working toward an agreement that would halt the fighting in "
    "Ukraine, people familiar with the matter said on Friday. A summit could follow next week."
)


def test_fifty_megabyte_text_file_is_refused_by_size_before_parsing(tmp_path):
    path = tmp_path / "dump.txt"
    path.write_bytes(b"word " * 10_000_000)  # 50 MB of real data on disk
    started = time.perf_counter()
    with pytest.raises(ArticleLoadError, match=r"dump\.txt: the file is too large \(50\.0 MB\)"):
        load_file(path)
    # Refused from its size alone: far quicker than reading and decoding 50 MB would be.
    assert time.perf_counter() - started < 1.0


def test_html_scripts_frames_and_remote_images_are_neither_run_nor_fetched(tmp_path, monkeypatch):
    def no_network(*_args, **_kwargs):
        raise AssertionError("loading tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    article = load_file(html_page(tmp_path))
    assert article.text.split("\n\n")[1:] == PARAGRAPHS
    assert "INJECTED" not in article.text and "127.0.0.1" not in article.text


def test_pdf_with_a_broken_cross_reference_table_is_recovered(qt_pdf, tmp_path):
    good = qt_pdf(tmp_path / "good.pdf", "Truce talks gather pace", PARAGRAPHS)
    data = good.read_bytes()
    offset = data.rindex(b"startxref") + len(b"startxref\n")
    end = data.index(b"\n", offset)
    broken = tmp_path / "broken xref.pdf"
    broken.write_bytes(data[:offset] + b"999999" + data[end:])  # points nowhere
    assert load_file(broken).text == load_file(good).text


def test_mixed_right_to_left_text_keeps_exact_offsets(tmp_path):
    text = (
        "Talks in Doha resume\n\n"
        "Negotiators met in Doha on Monday, the ministry said in a statement titled "
        "«محادثات السلام» and quoted in Hebrew as «שיחות שלום». The talks lasted three hours. "
        "Both delegations said further meetings were planned."
    )
    path = tmp_path / "doha.txt"
    path.write_text(text, encoding="utf-8")
    comparison = pipeline.compare([load_file(path), load_pasted(BODY)])
    item = comparison.articles[0]
    assert "محادثات السلام" in item.article.text and "שיחות שלום" in item.article.text
    for sentence in item.sentences:
        piece = item.sentence_text(sentence)
        assert piece == piece.strip() and piece
        for token in sentence.tokens:
            assert item.article.text[token.start : token.end].strip()


def test_one_sentence_article_is_compared_and_flagged_short(tmp_path):
    comparison = pipeline.compare([load_pasted("The ceasefire holds."), load_pasted(BODY)])
    short = comparison.articles[0]
    assert len(short.sentences) == 1
    assert short.scores.readability.warnings  # too short for reliable readability


def test_the_same_article_twice_is_shared_by_all_without_conflicts(tmp_path):
    path = tmp_path / "wire.txt"
    path.write_text("Truce talks gather pace\n\n" + BODY, encoding="utf-8")
    comparison = pipeline.compare(load_files([path, path]).articles)
    assert len(comparison.articles) == 2
    assert {claim.status for claim in comparison.claims} == {ClaimStatus.SHARED_ALL}
    assert comparison.conflicts == ()


@pytest.mark.parametrize(
    "name", ["with spaces.txt", "Zelenskyy’s “plan” – Київ.txt", 'it\'s "quoted".md', "ü.html"]
)
def test_awkward_file_names_load_and_are_named_in_errors(tmp_path, name):
    good = tmp_path / name
    good.write_text("Truce talks gather pace\n\n" + BODY, encoding="utf-8")
    assert "working toward an agreement" in load_file(good).text
    empty = tmp_path / ("empty " + name)
    empty.write_text("")
    with pytest.raises(ArticleLoadError) as caught:
        load_file(empty)
    assert str(caught.value) == f"empty {name}: the file is empty"


def test_every_hostile_input_at_once_leaves_the_good_articles_untouched(tmp_path, qt_pdf):
    good = tmp_path / "good.txt"
    good.write_text("Truce talks gather pace\n\n" + BODY, encoding="utf-8")
    scan = tmp_path / "scan.pdf"
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.write(scan)
    hostile = {
        "empty.txt": b"",
        "junk.txt": bytes(range(256)) * 40,
        "nested.html": b"<div>" * 10_000 + b"text",
        "not a zip.docx": b"plain text",
    }
    paths = []
    for name, data in hostile.items():
        (tmp_path / name).write_bytes(data)
        paths.append(tmp_path / name)
    gone = tmp_path / "deleted before loading.txt"
    result = load_files([good, *paths, scan, gone, tmp_path, good])
    assert [a.source for a in result.articles] == [good, good]
    assert result.articles[0] == load_file(good)
    named = [f.message.split(": ", 1)[0] for f in result.failures]
    assert named == [*hostile, "scan.pdf", gone.name, tmp_path.name]
