"""HTML, PDF and Word loading: extraction, metadata, and the errors each format can give."""

import io
import zipfile
from datetime import datetime
from pathlib import Path

import docx
import pytest
from pypdf import PdfWriter

from parallax.core.errors import ArticleLoadError
from parallax.core.loading import load_file

PARAGRAPHS = [
    "US and Russian officials are working toward an agreement that would halt the fighting "
    "in Ukraine along the current front line, according to people familiar with the matter.",
    "A summit between the two presidents could take place as early as next week, the people said.",
    "Washington is seeking support for the plan from Kyiv and European capitals.",
]

PAGE = """<!doctype html><html><head><title>Truce talks | Meridian Wire</title>
<meta property="og:title" content="US and Russia work on truce that would freeze front line">
<meta property="og:site_name" content="Meridian Wire"><meta name="author" content="Anna Keller">
<meta property="article:published_time" content="2025-08-08T14:05:00Z">
<script>document.write("INJECTED SCRIPT TEXT")</script>
<link rel="stylesheet" href="http://127.0.0.1:9/style.css"></head>
<body><nav><a href="/">Home</a> <a href="/world">World news section</a></nav>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
<article><h1>US and Russia work on truce that would freeze front line</h1>
{paragraphs}
<iframe src="http://127.0.0.1:9/ad"></iframe><img src="http://127.0.0.1:9/pixel.gif"></article>
<aside><h2>Related stories</h2><ul><li><a href="/a">Oil prices slip</a></li></ul></aside>
<footer>© 2025 Meridian Wire. All rights reserved. <a href="/privacy">Privacy policy</a></footer>
</body></html>"""


def html_page(tmp_path: Path) -> Path:
    path = tmp_path / "wire.html"
    body = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    path.write_text(PAGE.format(paragraphs=body), encoding="utf-8")
    return path


def test_html_main_content_and_metadata(tmp_path):
    article = load_file(html_page(tmp_path))
    assert article.title == "US and Russia work on truce that would freeze front line"
    assert article.has_headline
    assert article.outlet == "Meridian Wire"
    assert article.author == "Anna Keller"
    assert article.published == "2025-08-08"
    assert article.text.split("\n\n") == [article.title, *PARAGRAPHS]
    for boilerplate in ("cookies", "Related stories", "Privacy", "INJECTED", "World news"):
        assert boilerplate not in article.text


def test_html_without_article_text(tmp_path):
    path = tmp_path / "nav.html"
    path.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    with pytest.raises(ArticleLoadError, match=r"nav\.html: no article text was found"):
        load_file(path)


def test_deeply_nested_html_is_refused(tmp_path):
    path = tmp_path / "deep.htm"
    path.write_text("<html><body>" + "<div>" * 10_000 + "<p>text</p>" + "</div>" * 10_000)
    with pytest.raises(ArticleLoadError, match=r"deep\.htm: this HTML page is nested too deeply"):
        load_file(path)


def make_docx(path: Path, *, title: str | None, heading: str | None) -> Path:
    document = docx.Document()
    if heading:
        document.add_heading(heading, level=0)
    document.add_paragraph("")
    for paragraph in PARAGRAPHS:
        document.add_paragraph(paragraph)
    document.core_properties.title = title or ""
    document.core_properties.author = "Pavel Sorokin"
    document.core_properties.created = datetime(2025, 8, 9, 7, 30)
    document.save(path)
    return path


def test_docx_paragraphs_and_core_properties(tmp_path):
    headline = "Washington ready to accept realities on the ground"
    article = load_file(make_docx(tmp_path / "state.docx", title=headline, heading=headline))
    assert article.title == headline
    assert article.has_headline
    assert article.author == "Pavel Sorokin"
    assert article.published == "2025-08-09"
    assert article.text.split("\n\n") == [headline, *PARAGRAPHS]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"this is plain text, not a zip", "this is not a valid Word (.docx) document"),
        (b"", "the file is empty"),
    ],
)
def test_broken_docx(tmp_path, content, reason):
    path = tmp_path / "broken.docx"
    path.write_bytes(content)
    with pytest.raises(ArticleLoadError) as caught:
        load_file(path)
    assert str(caught.value) == f"broken.docx: {reason}"


def test_zip_that_is_not_a_word_document(tmp_path):
    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(ArticleLoadError, match=r"archive\.docx: this zip archive is not a Word"):
        load_file(path)


def test_docx_zip_bomb_is_refused(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<w/>")
        archive.writestr("word/media/huge.bin", b"\0" * 250_000_000)
    assert path.stat().st_size < 1_000_000
    with pytest.raises(ArticleLoadError, match=r"bomb\.docx: .*expands to 250 MB \(at most 100"):
        load_file(path)


def test_pdf_text_layer_is_reflowed(qt_pdf, tmp_path):
    path = qt_pdf(tmp_path / "kyiv.pdf", "Kyiv rejects land-for-peace trade", PARAGRAPHS * 12)
    article = load_file(path)
    assert article.title == "Kyiv rejects land-for-peace trade"
    assert article.has_headline
    paragraphs = article.text.split("\n\n")
    # Every paragraph comes back whole: lines rejoined, page breaks and page numbers undone.
    assert paragraphs[1:] == PARAGRAPHS * 12


def test_pdf_without_text_layer(tmp_path):
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    path = tmp_path / "scan.pdf"
    writer.write(path)
    with pytest.raises(ArticleLoadError, match=r"scan\.pdf: this PDF has no text layer"):
        load_file(path)


def test_password_protected_pdf(qt_pdf, tmp_path):
    plain = qt_pdf(tmp_path / "plain.pdf", "Title", PARAGRAPHS)
    writer = PdfWriter(clone_from=plain)
    writer.encrypt(user_password="secret", owner_password="owner")
    path = tmp_path / "locked.pdf"
    writer.write(path)
    with pytest.raises(ArticleLoadError, match=r"locked\.pdf: this PDF is password-protected"):
        load_file(path)


def test_pdf_encrypted_with_empty_password_still_opens(qt_pdf, tmp_path):
    plain = qt_pdf(tmp_path / "plain.pdf", "Title of the piece", PARAGRAPHS)
    writer = PdfWriter(clone_from=plain)
    writer.encrypt(user_password="", owner_password="owner")
    path = tmp_path / "restricted.pdf"
    writer.write(path)
    assert load_file(path).text.split("\n\n")[1:] == PARAGRAPHS


def test_damaged_pdf(tmp_path):
    path = tmp_path / "damaged.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nxref\ngarbage\n%%EOF")
    with pytest.raises(ArticleLoadError, match=r"damaged\.pdf: this PDF (is damaged|has no text)"):
        load_file(path)


def test_format_is_sniffed_when_the_name_has_no_suffix(qt_pdf, tmp_path):
    pdf = qt_pdf(tmp_path / "x.pdf", "Sniffed title here", PARAGRAPHS)
    unnamed = tmp_path / "download"
    unnamed.write_bytes(pdf.read_bytes())
    assert load_file(unnamed).text.split("\n\n")[1:] == PARAGRAPHS
    buffer = io.BytesIO()
    make_docx(tmp_path / "d.docx", title=None, heading=None)
    buffer.write((tmp_path / "d.docx").read_bytes())
    (tmp_path / "attachment").write_bytes(buffer.getvalue())
    assert load_file(tmp_path / "attachment").text.split("\n\n") == PARAGRAPHS


def test_word_file_with_a_corrupt_compressed_part(sample_dir, tmp_path):
    """Found by the fuzz run: a damaged deflate stream raised zlib.error out of the loader."""
    data = bytearray((sample_dir / "state-media-moscow.docx").read_bytes())
    header = data.index(b"word/document.xml")  # the part's local header, then its data
    data[header + 40 : header + 120] = b"\x00\xff" * 40
    path = tmp_path / "corrupt.docx"
    path.write_bytes(bytes(data))
    with pytest.raises(ArticleLoadError, match=r"corrupt\.docx: this is not a valid Word"):
        load_file(path)


def test_a_pdf_past_pypdf_limits_is_refused_by_name(tmp_path, sample_dir, monkeypatch):
    """pypdf 7 stops at resource limits with an error that is not a PdfReadError (found by the
    fuzz test on a mutated sample PDF): it is a damaged file, named, not a crash."""
    from pypdf.errors import LimitReachedError

    from parallax.core.formats import pdf

    def over_limit(*args, **kwargs):
        raise LimitReachedError("Maximum /ToUnicode code length exceeded: 18 > 16.")

    monkeypatch.setattr(pdf, "PdfReader", over_limit)
    copy = tmp_path / "limits.pdf"
    copy.write_bytes((sample_dir / "kyiv-outlet-report.pdf").read_bytes())
    with pytest.raises(ArticleLoadError, match=r"limits\.pdf.*damaged"):
        load_file(copy)


@pytest.mark.parametrize(
    ("title", "outlet"),
    [
        ("Quake kills 225 in Mexico - Daily Planet News", "Daily Planet News"),
        ("Quake kills 225 in Mexico | The Courier", "The Courier"),
        ("Quake kills 225 in Mexico", None),
        ("Live - Quake kills 225 in Mexico as rescuers dig through rubble all night", None),
    ],
)
def test_html_outlet_from_the_title_when_no_byline_names_one(tmp_path, title, outlet):
    path = tmp_path / "page.html"
    sentence = (
        "The earthquake struck central Mexico on Tuesday and killed 225 people, officials said."
    )
    path.write_text(
        f"<html><head><title>{title}</title></head><body><article><h1>Quake kills 225 in "
        f"Mexico</h1><p>{sentence} {sentence}</p><p>{sentence}</p></article></body></html>",
        encoding="utf-8",
    )
    assert load_file(path).outlet == outlet
