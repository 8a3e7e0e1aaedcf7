"""The PDF report, rendered headless by Qt and read back with pypdf."""

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from parallax.core import pipeline
from parallax.core.loading import load_files, load_pasted, supported_files
from parallax.core.report_html import build_report, summary_text
from parallax.report.pdf import write_pdf


def _text(path, pages: slice = slice(None)) -> tuple[int, str]:
    """Page count and the text of ``pages`` with whitespace removed (cells wrap words anywhere)."""
    every = PdfReader(str(path)).pages
    text = "".join(every[n].extract_text() for n in range(len(every))[pages])
    return len(every), re.sub(r"\s+", "", text)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def sample_comparison(sample_dir):
    return pipeline.compare(load_files(supported_files(sample_dir)).articles)


def test_sample_report_pdf_cites_titles_conflicts_and_summary(qapp, sample_comparison, tmp_path):
    path = tmp_path / "report.pdf"
    pages = write_pdf(build_report(sample_comparison), path)
    count, text = _text(path)
    assert count == pages and 5 <= pages <= 60
    for item in sample_comparison.articles:
        assert _squash(item.article.display_name) in text
    for conflict in sample_comparison.conflicts:
        for value in conflict.values:
            assert _squash(value.value) in text
    assert _squash(summary_text(sample_comparison)) in text
    assert f"Page1of{pages}" in text and f"Page{pages}of{pages}" in text
    assert PdfReader(str(path)).metadata.title == build_report(sample_comparison).title


def test_two_articles_letter_size_and_non_latin_names(qapp, tmp_path):
    first = load_pasted(
        "Zelensky meets envoy in Kyiv\n\nPresident Volodymyr Zelensky (Володимир Зеленський) "
        "met the envoy in Kyiv on Tuesday, his office said. The talks lasted three hours.",
    )
    second = load_pasted(
        "Envoy holds talks in Kyiv\n\nPresident Volodymyr Zelenskyy met the envoy in Kyiv on "
        "Wednesday, officials said. The talks lasted two hours — longer than planned.",
    )
    comparison = pipeline.compare([first, second])
    path = tmp_path / "two.pdf"
    write_pdf(build_report(comparison), path, page_size="Letter")
    reader = PdfReader(str(path))
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(width), round(height)) == (612, 792)
    _, text = _text(path)
    assert "ВолодимирЗеленський" in text
    assert "longerthanplanned" in text and "—" in text
    assert comparison.conflicts, "Tuesday vs Wednesday should be reported"
    assert "Tuesday" in text and "Wednesday" in text


def test_thirty_articles_export(qapp, sample_dir, tmp_path):
    """Thirty articles: variants of the sample's five, each missing a different paragraph."""
    originals = load_files(supported_files(sample_dir)).articles
    articles = []
    for n in range(30):
        source = originals[n % len(originals)]
        paragraphs = [p for p in source.text.split("\n") if p.strip()]
        drop = 1 + (n // len(originals)) % (len(paragraphs) - 1)
        kept = paragraphs[:drop] + paragraphs[drop + 1 :]
        articles.append(load_pasted("\n\n".join(kept)))
    comparison = pipeline.compare(articles)
    report = build_report(comparison)
    path = tmp_path / "thirty.pdf"
    pages = write_pdf(report, path)
    count, text = _text(path, slice(0, 3))  # articles and summary: pypdf is slow
    assert count == pages and pages < 150
    assert _squash(summary_text(comparison)) in text
    assert "a30" in text
    html = report.standalone()
    # The unique-claims section names every article: a heading with its own claims, or in the
    # one line of articles whose every claim is shared.
    unique = html[html.index("Claims unique to one article") :]
    unique = unique[: unique.index("<h2")]
    shared_line = re.search(r"<p>([^<]*) share every claim with at least one other article", unique)
    for n in range(1, 31):
        named = f"<h3>a{n} · " in unique
        listed = shared_line is not None and re.search(rf"\ba{n}\b", shared_line.group(1))
        assert named or listed, f"a{n}"
    # Breaks set before claim blocks that then fell at a page top anyway left pages blank.
    spans, _ = _page_spans(report, tmp_path)
    assert len(spans) == pages and not _nearly_empty(spans), spans


def test_unwritable_pdf_path_raises_oserror_and_leaves_nothing(qapp, sample_comparison, tmp_path):
    with pytest.raises(OSError):
        write_pdf(build_report(sample_comparison, with_charts=False), tmp_path / "no" / "r.pdf")
    assert list(tmp_path.iterdir()) == []


def test_a_section_that_fits_a_page_is_never_split(qapp, tmp_path):
    # The plant-explosion set: five conflict blocks, claim blocks and tables of a few rows,
    # several of which fell across a page foot before sections were kept together.
    from tests.core.test_facts import A1, A2, A3, A4

    comparison = pipeline.compare([load_pasted(text) for text in (A1, A2, A3, A4)])
    path = tmp_path / "plant.pdf"
    write_pdf(build_report(comparison), path)
    # pypdf separates words with tabs here; one space each, lines kept.
    pages = [re.sub(r"[ \t\xa0]+", " ", p.extract_text()) for p in PdfReader(str(path)).pages]
    for conflict in comparison.conflicts:
        heading = f"{conflict.id}: {conflict.type.value} conflict"
        (page,) = [text for text in pages if heading in text]
        # The block's two tables follow its heading on the same page.
        after = page[page.index(heading) :]
        assert "Value as written" in after and "Wording" in after
        for value in conflict.values:
            assert value.value.split()[0] in after
    by_id = {item.id: item for item in comparison.articles}
    flat = [" ".join(text.split()) for text in pages]
    for claim in comparison.claims:
        if len(claim.articles) < 2:
            continue
        (page,) = [text for text in flat if f"{claim.id}: shared by" in text]
        after = page[page.index(f"{claim.id}: shared by") :]
        for member in claim.members:  # every member's wording on the heading's page
            item = by_id[member.article]
            words = re.findall(r"[A-Za-z]{4,}", item.sentence_text(item.sentences[member.sentence]))
            assert words[-1] in after.split(claim.id)[1], (claim.id, member)


def test_an_unfinished_pdf_never_replaces_a_good_report(
    qapp, sample_comparison, tmp_path, monkeypatch
):
    # What a full disk does: Qt's painter cannot finish the file and says so.
    from PySide6.QtGui import QPainter

    good = tmp_path / "report.pdf"
    write_pdf(build_report(sample_comparison, with_charts=False), good)
    before = good.read_bytes()
    monkeypatch.setattr(QPainter, "end", lambda painter: False)
    with pytest.raises(OSError, match="could not be finished"):
        write_pdf(build_report(sample_comparison, with_charts=False), good)
    assert good.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]  # no temporary left


def test_a_cut_short_pdf_is_caught_before_the_rename(
    qapp, sample_comparison, tmp_path, monkeypatch
):
    from parallax.report import pdf

    rendered = pdf._render

    def truncated(report, target, page_size, progress):
        pages = rendered(report, target, page_size, progress)
        with open(target, "r+b") as stream:
            stream.truncate(stream.seek(0, 2) // 2)
        return pages

    monkeypatch.setattr(pdf, "_render", truncated)
    path = tmp_path / "report.pdf"
    with pytest.raises(OSError, match="cut short"):
        write_pdf(build_report(sample_comparison, with_charts=False), path)
    assert not path.exists()


def _page_spans(report, tmp_path) -> tuple[list[float], list[list[str]]]:
    """How much of each page its content spans, top to bottom, as a share of the page, and the
    first-column text of the table rows on it: read from the document laid out for the PDF."""
    from PySide6.QtGui import QPdfWriter, QTextCursor

    from parallax.report.pdf import ensure_application, lay_out

    ensure_application()
    writer = QPdfWriter(str(tmp_path / "layout.pdf"))
    document, body = lay_out(report, writer)
    height = body.height()
    layout = document.documentLayout()
    spans: list[list[float]] = [[] for _ in range(document.pageCount())]
    rows: list[list[str]] = [[] for _ in spans]
    block = document.begin()
    while block.isValid():
        if block.length() > 1:  # every paragraph, in table cells too; not empty ones
            rect = layout.blockBoundingRect(block)
            top, bottom = rect.top(), rect.bottom()
            page = int(top // height)
            table = QTextCursor(block).currentTable()
            if table is not None and table.cellAt(block.position()).column() == 0:
                rows[page].append(block.text())
            while top < bottom - 1 and page < len(spans):
                spans[page] += [top, min(bottom, (page + 1) * height)]
                page += 1
                top = page * height
        block = block.next()
    del writer
    return [(max(s) - min(s)) / height if s else 0.0 for s in spans], rows


def _nearly_empty(spans: list[float]) -> list[tuple[int, float]]:
    return [(n + 1, round(share, 2)) for n, share in enumerate(spans[:-1]) if share < 0.15]


def test_a_long_tables_last_rows_never_sit_alone_on_a_page(qapp, tmp_path):
    # A table of sources longer than two pages, then a chapter that starts on a new page: with
    # one row more than two pages hold, that row sat alone on a page (as the voices table's
    # tail did in a 30-article report).
    from parallax.core.report_html import Report

    def report(count: int) -> Report:
        rows = "".join(
            f"<tr><td>Source {n:03d}</td><td>r{n % 3}</td><td>q{n % 5}</td></tr>"
            for n in range(count)
        )
        return Report(
            "Sources",
            "<h2>Voices</h2><p>Who each article quotes.</p>"
            '<table border="1" cellspacing="0" cellpadding="3" width="100%">'
            f"<thead><tr><th>Source</th><th>a1</th><th>a2</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>"
            '<h2 style="page-break-before: always">Methods</h2><p>How it was made.</p>',
        )

    _, probe = _page_spans(report(300), tmp_path)
    two_pages = len([row for row in probe[0] + probe[1] if row.startswith("Source")])
    sources = report(two_pages + 1)
    spans, rows = _page_spans(sources, tmp_path)
    assert len(spans) == 4 and rows[3] == []  # the chapter after the table on a page of its own
    assert not _nearly_empty(spans), spans
    assert len(rows[2]) >= 3  # rows moved along with the last
    every = [row for page in rows for row in page if row.startswith("Source ")]
    assert every == [f"Source {n:03d}" for n in range(two_pages + 1)]  # none lost or doubled
    path = tmp_path / "sources.pdf"
    write_pdf(sources, path)
    third = PdfReader(str(path)).pages[2].extract_text().split()
    assert third[:4] == ["Source", "a1", "a2", rows[2][0].split()[0]]  # under the header row


def test_no_report_page_but_the_last_is_nearly_empty(qapp, tmp_path, monkeypatch):
    # Generated sets (benchmarks/generate_sets.py): in ten articles the voices table's last
    # rows sat alone on a page before Methods, in five the fact sheet's list of omissions
    # spilled three lines onto a page. The plant set's chapters are short and end pages early.
    from tests.core.test_facts import A1, A2, A3, A4

    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from generate_sets import generate_articles

    sets = [generate_articles(10, words=800), generate_articles(5, words=800)]
    sets.append([load_pasted(text) for text in (A1, A2, A3, A4)])
    for articles in sets:
        spans, _ = _page_spans(build_report(pipeline.compare(articles)), tmp_path)
        assert not _nearly_empty(spans), (len(articles), spans)
