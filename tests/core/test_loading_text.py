"""Plain text and Markdown loading: encodings, mojibake, headline, byline, markup."""

from pathlib import Path

import pytest

from parallax.core.errors import ArticleLoadError
from parallax.core.loading import load_file, load_files, load_pasted
from parallax.core.models import SourceFormat

BODY = (
    "US and Russian officials are working toward an agreement that would halt the fighting.\n"
    "A summit between the two presidents could take place as early as next week.\n\n"
    "Kyiv said it had not been consulted about the terms of the draft.\n"
)


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_txt_first_line_headline_and_paragraphs(tmp_path):
    article = load_file(write(tmp_path, "a.txt", "Truce talks gather pace\n\n" + BODY))
    assert article.title == "Truce talks gather pace"
    assert article.has_headline
    assert article.format is SourceFormat.TEXT
    paragraphs = article.text.split("\n\n")
    # Single newlines are paragraph breaks too.
    assert paragraphs[0] == "Truce talks gather pace"
    assert paragraphs[1].startswith("US and Russian officials")
    assert paragraphs[2].startswith("A summit between")
    assert paragraphs[3].startswith("Kyiv said")
    assert article.language == "en"


def test_txt_first_line_that_is_a_sentence_is_not_a_headline(tmp_path):
    article = load_file(write(tmp_path, "a.txt", BODY))
    assert not article.has_headline
    assert article.title is None
    assert article.display_name == "a.txt"


def test_hard_wrapped_lines_are_joined(tmp_path):
    wrapped = (
        "Officials in Washington said the proposal would freeze the front line and\n"
        "leave the occupied regions under Moscow's control for now.\n"
        "European capitals reacted cautiously.\n"
    )
    article = load_file(write(tmp_path, "wrapped.txt", wrapped))
    assert article.text.split("\n\n") == [
        "Officials in Washington said the proposal would freeze the front line and leave the "
        "occupied regions under Moscow's control for now.",
        "European capitals reacted cautiously.",
    ]


def test_byline_becomes_author_and_date(tmp_path):
    text = "Truce talks gather pace\nBy Anna Keller, Meridian Wire, Aug. 8, 2025\n" + BODY
    article = load_file(write(tmp_path, "a.txt", text))
    assert article.author == "Anna Keller"
    assert article.outlet == "Meridian Wire"
    assert article.published == "2025-08-08"
    assert "By Anna Keller" not in article.text


@pytest.mark.parametrize(
    ("byline", "author", "outlet"),
    [
        (
            "By Oksana Derkach — The Kyiv Sentinel, 9 August 2025",
            "Oksana Derkach",
            "The Kyiv Sentinel",
        ),
        ("BY JANE DOE and Ian Roe | Daily Ledger", "JANE DOE and Ian Roe", "Daily Ledger"),
        ("By Jane Doe, Chief Economics Correspondent", "Jane Doe", None),
        ("By Jane Doe, Aug. 9, 2025", "Jane Doe", None),
    ],
)
def test_byline_forms(tmp_path, byline, author, outlet):
    article = load_file(write(tmp_path, "a.txt", f"Truce talks gather pace\n{byline}\n{BODY}"))
    assert (article.author, article.outlet) == (author, outlet)


def test_sentence_starting_with_by_is_not_a_byline(tmp_path):
    text = "Truce talks gather pace\nBy Monday the talks had stalled again.\n" + BODY
    article = load_file(write(tmp_path, "a.txt", text))
    assert article.author is None
    assert "By Monday the talks had stalled again." in article.text


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-8", b""),
        ("utf-8", b"\xef\xbb\xbf"),
        ("utf-16", b""),
        ("utf-16-le", b""),
        ("latin-1", b""),
        ("cp1252", b""),
    ],
)
def test_encodings_are_detected(tmp_path, encoding, bom):
    text = "Zelensky’s café talks\n\nThe président said the naïve plan would fail in Kyiv."
    if encoding in ("latin-1",):
        text = text.replace("’", "'")
    path = write(tmp_path, "enc.txt", bom + text.encode(encoding))
    article = load_file(path)
    assert "café" in article.text
    assert "président" in article.text
    assert "naïve" in article.text


def test_mojibake_is_repaired(tmp_path):
    broken = "Talks in Kyiv\n\nThe ministerâ€™s statement was â€œclearâ€\u009d about the cafÃ©."
    article = load_file(write(tmp_path, "moji.txt", broken))
    assert "minister’s" in article.text
    assert "“clear”" in article.text
    assert "café" in article.text


def test_markdown_markup_is_stripped(tmp_path):
    md = (
        "# Markets rally on truce report\n\n"
        "*By Lena Ortiz — Ledger Markets, Aug. 8, 2025*\n\n"
        "Oil **fell** 2% after [a report](https://example.com/story) said talks advanced.\n\n"
        "- Brent crude slipped to $66 a barrel\n"
        "- The rouble gained `0.8%` against the dollar\n\n"
        "```\nprint('not article text')\n```\n\n"
        "![chart](chart.png)\n"
    )
    article = load_file(write(tmp_path, "brief.md", md))
    assert article.title == "Markets rally on truce report"
    assert article.has_headline
    assert article.author == "Lena Ortiz"
    assert article.published == "2025-08-08"
    paragraphs = article.text.split("\n\n")
    assert paragraphs[1] == "Oil fell 2% after a report said talks advanced."
    assert "Brent crude slipped to $66 a barrel" in paragraphs
    assert "The rouble gained 0.8% against the dollar" in paragraphs
    for markup in ("**", "](", "# ", "`", "print(", "chart.png"):
        assert markup not in article.text


def test_non_english_gets_a_warning(tmp_path):
    german = (
        "Die Vereinigten Staaten und Russland arbeiten an einem Abkommen, das die Kämpfe in der "
        "Ukraine entlang der aktuellen Frontlinie einfrieren würde. Ein Gipfeltreffen könnte "
        "schon nächste Woche stattfinden."
    )
    article = load_file(write(tmp_path, "de.txt", german))
    assert article.language == "de"
    assert [w.code for w in article.warnings] == ["not_english"]


def test_pasted_text_and_html(tmp_path):
    article = load_pasted("Truce talks gather pace\n" + BODY)
    assert article.format is SourceFormat.PASTED
    assert article.source is None
    assert article.title == "Truce talks gather pace"
    page = "<html><body><article><h1>Deal near</h1><p>" + BODY + "</p></article></body></html>"
    pasted_html = load_pasted(page, is_html=True)
    assert "US and Russian officials" in pasted_html.text
    assert "<p>" not in pasted_html.text


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "the file is empty"),
        ("blank.txt", b"  \n\t\n   \n", "the file is empty"),
        ("junk.txt", bytes(range(256)) * 40, "binary data, not text"),
        ("symbols.txt", b"--- *** ... !!! ???\n", "contains no words"),
        ("data.xyz", b"just some words", "“.xyz” files are not supported"),
        (
            "old.doc",
            b"\xd0\xcf\x11\xe0 not really a doc",
            "old Word (.doc) files are not supported",
        ),
    ],
)
def test_bad_text_inputs_name_file_and_reason(tmp_path, name, content, reason):
    path = write(tmp_path, name, content)
    with pytest.raises(ArticleLoadError) as caught:
        load_file(path)
    message = str(caught.value)
    assert message.startswith(f"{name}: ")
    assert reason in message


def test_too_large_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(30_000_000)  # sparse: 30 MB on paper, nothing to read
    with pytest.raises(ArticleLoadError, match=r"huge\.txt: the file is too large \(30\.0 MB\)"):
        load_file(path)


def test_too_much_text_after_extraction_is_refused(tmp_path):
    path = write(tmp_path, "long.txt", ("word " * 1_100_000 + "\n") * 1)
    with pytest.raises(ArticleLoadError, match=r"long\.txt: the file is too large"):
        load_file(path)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(ArticleLoadError, match=r"gone\.txt: the file does not exist"):
        load_file(tmp_path / "gone.txt")
    with pytest.raises(ArticleLoadError, match=r": this is a folder, not a file"):
        load_file(tmp_path)


def test_one_bad_file_never_stops_the_others(tmp_path):
    good = write(tmp_path, "good.txt", BODY)
    bad = write(tmp_path, "bad.txt", b"")
    also_good = write(tmp_path, "also good – “quoted” ü.txt", BODY)
    result = load_files([good, bad, tmp_path / "missing.txt", also_good])
    assert [a.source for a in result.articles] == [good, also_good]
    assert [f.source for f in result.failures] == [str(bad), str(tmp_path / "missing.txt")]
    assert all(f.message.split(": ", 1)[0] in f.source for f in result.failures)


@pytest.mark.parametrize(
    ("line", "dropped"),
    [
        ("Read the original article here", True),
        ("Click here to subscribe to our newsletter.", True),
        ("Follow us on Twitter", True),
        ("Read the full report here: officials said the talks failed.", False),
        ("See you next week, the minister said to reporters here.", False),
        ("“Read it here,” she said.", False),
    ],
)
def test_call_to_action_lines_are_dropped(tmp_path, line, dropped):
    path = write(tmp_path, "piece.txt", f"Truce talks gather pace\n\n{BODY}\n\n{line}\n")
    assert (line not in load_file(path).text) is dropped
