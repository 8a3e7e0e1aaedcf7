"""Every accepted input is analysed in bounded work, or refused up front with the reason.

One test per class of hostile input that once hung or ran for minutes: special files, zip parts
that expand too far, HTML both wide and deep, Markdown with thousands of brackets, texts of
too many sentences or too much text. A worker thread with a generous deadline turns a hang into
a failure; the deadline is a guard, not a speed target (those live in benchmarks/).
"""

import os
import socket
import threading
import zipfile

import pytest

from parallax.core.errors import ArticleLoadError
from parallax.core.loading import MAX_SENTENCES, MAX_TEXT_CHARS, load_file, load_pasted

GUARD_SECONDS = 60
PROSE = "The council said the bridge would reopen on Monday after repairs to its deck. "


def finishes(call):
    """``call()``'s result or exception, failing the test instead of hanging."""
    outcome = {}

    def run():
        try:
            outcome["value"] = call()
        except Exception as error:  # handed to the test
            outcome["error"] = error

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(GUARD_SECONDS)
    assert not worker.is_alive(), "still running: an unbounded input"
    return outcome


@pytest.mark.parametrize("name", ["pipe", "pipe.txt", "pipe.md", "pipe.html"])
def test_a_named_pipe_is_refused_without_being_opened(tmp_path, name):
    path = tmp_path / name
    os.mkfifo(path)
    outcome = finishes(lambda: load_file(path))
    assert isinstance(outcome.get("error"), ArticleLoadError)
    assert str(outcome["error"]) == f"{name}: this is a named pipe, not a file; " + (
        "save the article to a file first"
    )


def test_devices_and_sockets_are_refused(tmp_path):
    with pytest.raises(ArticleLoadError, match=r"null: this is a device, not a file"):
        load_file("/dev/null")
    path = tmp_path / "s.txt"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        with pytest.raises(ArticleLoadError, match=r"s\.txt: this is a socket, not a file"):
            load_file(path)
    finally:
        server.close()


def _docx(path, parts):
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def test_docx_part_that_expands_far_more_than_prose_is_refused(tmp_path):
    # Just under the archive limit in all, but packed thousands of times tighter than XML.
    path = _docx(
        tmp_path / "tight.docx", {"word/document.xml": b"<w:document/>" + b" " * 90_000_000}
    )
    outcome = finishes(lambda: load_file(path))
    error = outcome.get("error")
    assert isinstance(error, ArticleLoadError)
    assert "has a part (word/document.xml) that expands" in str(error)


def test_docx_with_more_xml_than_an_article_needs_is_refused(tmp_path):
    # Varied words, so it packs like real XML (well under the ratio limit) but is 30 MB of it.
    words = " ".join(f"w{n}x{n * 7919 % 104729}" for n in range(3_000_000)).encode()
    path = _docx(tmp_path / "long.docx", {"word/document.xml": b"<w:document>" + words})
    with pytest.raises(ArticleLoadError, match=r"long\.docx: .* MB of XML \(at most 25 MB\)"):
        load_file(path)


def test_html_both_wide_and_deep_is_refused_up_front():
    block = "<div>" * 150 + "<p>Words of the article are here.</p>" + "</div>" * 150
    markup = "<html><body>" + block * 1000 + "</body></html>"
    outcome = finishes(lambda: load_pasted(markup, is_html=True))
    assert "more than 100,000 elements" in str(outcome.get("error"))


def test_markdown_with_thousands_of_brackets_reads_as_text(tmp_path):
    path = tmp_path / "brackets.md"
    body = "[" * 20_000 + " The council said the bridge would reopen. " + "*a " * 20_000
    path.write_text("# Bridge to reopen\n\n" + body + "\n\n" + PROSE + "\n", encoding="utf-8")
    outcome = finishes(lambda: load_file(path))
    article = outcome["value"]
    assert article.title == "Bridge to reopen"
    assert "The council said the bridge would reopen." in article.text
    assert "[" not in article.text and PROSE.strip() in article.text


def test_ordinary_markdown_keeps_its_markup_rules(tmp_path):
    path = tmp_path / "ok.md"
    path.write_text("# Title here\n\nA [link](http://x.org) and *emphasis* here.\n", "utf-8")
    assert "A link and emphasis here." in load_file(path).text


def test_too_many_sentences_are_refused_before_the_parse():
    text = "Headline\n\n" + "Yes. " * (MAX_SENTENCES + 10)
    expected = rf"about {MAX_SENTENCES + 11:,} sentences or lines; .* up to {MAX_SENTENCES:,}"
    with pytest.raises(ArticleLoadError, match=expected):
        load_pasted(text)


def test_one_line_paragraphs_count_once(tmp_path):
    # News often gives each sentence its own paragraph: that is not twice the sentences.
    text = "Headline\n\n" + "\n\n".join([PROSE.strip()] * (MAX_SENTENCES // 2))
    assert len(load_pasted(text).text) > MAX_SENTENCES


def test_text_over_the_limit_is_refused(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("Headline\n\n" + PROSE * (MAX_TEXT_CHARS // len(PROSE) + 10), "utf-8")
    with pytest.raises(ArticleLoadError, match=r"huge\.txt: .*up to 0\.5 MB of text"):
        load_file(path)


def bomb_pdf(expanded: int = 80_000_000) -> bytes:
    """A one-page PDF whose content stream inflates from ~80 kB to ``expanded`` bytes."""
    import zlib

    packer = zlib.compressobj(9)
    drawing = b"BT /F1 12 Tf 72 700 Td (Blast at the plant) Tj ET\n"
    stream = packer.compress(drawing) + packer.compress(b" " * expanded) + packer.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    data, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(data))
        data += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    table = len(data)
    data += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    data += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    data += b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1)
    return data + b"startxref\n%d\n%%%%EOF\n" % table


def test_a_compression_bomb_pdf_is_refused_by_name(tmp_path):
    path = tmp_path / "bomb.pdf"
    path.write_bytes(bomb_pdf())
    outcome = finishes(lambda: load_file(path))
    assert isinstance(outcome.get("error"), ArticleLoadError), outcome
    assert str(outcome["error"]).startswith("bomb.pdf: ")


def test_a_compression_bomb_pdf_does_not_stop_the_other_articles(tmp_path, capsys):
    import json

    from parallax.cli import main

    bomb, good = tmp_path / "bomb.pdf", tmp_path / "good.txt"
    bomb.write_bytes(bomb_pdf())
    good.write_text("Blast at the plant\n\n" + PROSE + "\n", encoding="utf-8")
    out = tmp_path / "o.json"
    assert main(["compare", str(bomb), str(good), "--json", str(out), "-q", "--words-only"]) == 3
    assert "unexpected error" not in capsys.readouterr().err
    document = json.loads(out.read_text(encoding="utf-8"))
    assert [a["title"] for a in document["articles"]] == ["Blast at the plant"]
    assert [e["message"].split(": ")[0] for e in document["errors"]] == ["bomb.pdf"]
