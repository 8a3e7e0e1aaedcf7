"""``parallax`` on the command line: exit codes, summary, and JSON valid against the schema."""

import json
import os
import re
import sys

import jsonschema
import pytest

from parallax import __version__
from parallax.cli import main
from parallax.core.export import schema
from tests.conftest import run_python

ARTICLE = (
    "Truce talks gather pace\n\n"
    "US and Russian officials are working toward an agreement, people familiar said on Friday.\n"
    "A summit in Geneva could follow as early as next week.\n"
)


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "wire story.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_version(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"parallax {__version__}"


def test_compare_writes_valid_json_and_prints_summary(article, tmp_path, capsys):
    empty = tmp_path / "empty.md"
    empty.write_text("")
    out = tmp_path / "out.json"
    assert main(["compare", str(article), str(empty), "--json", str(out)]) == 3  # one failed
    printed = capsys.readouterr().out
    assert "1 article analysed" in printed
    assert "empty.md: the file is empty" in printed
    document = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(document, schema())
    (only,) = document["articles"]
    assert only["title"] == "Truce talks gather pace"
    assert [only["text"][s["start"] : s["end"]] for s in only["sentences"]] == [
        "Truce talks gather pace",
        "US and Russian officials are working toward an agreement, people familiar said on Friday.",
        "A summit in Geneva could follow as early as next week.",
    ]
    assert document["errors"] == [{"source": str(empty), "message": "empty.md: the file is empty"}]
    geneva = [e for s in only["sentences"] for e in s["entities"] if e["text"] == "Geneva"]
    assert geneva and only["text"][geneva[0]["start"] : geneva[0]["end"]] == "Geneva"


def test_no_loadable_article_exits_1(tmp_path, capsys):
    assert main(["compare", str(tmp_path / "missing.txt")]) == 1
    err = capsys.readouterr().err
    assert "missing.txt: the file does not exist" in err
    assert "no article could be loaded" in err


def test_usage_errors_exit_2(capsys):
    assert main(["compare"]) == 2
    assert main(["compare", "x.txt", "--no-such-option"]) == 2
    assert "usage:" in capsys.readouterr().err


def test_unwritable_json_path_is_a_clear_error(article, tmp_path, capsys):
    assert main(["compare", str(article), "--json", str(tmp_path / "no" / "dir" / "o.json")]) == 1
    assert "could not write" in capsys.readouterr().err


def test_folder_argument_and_stdin(tmp_path, monkeypatch, capsys, article):
    (tmp_path / "notes.json").write_text("{}")
    empty_folder = tmp_path / "nothing"
    empty_folder.mkdir()
    monkeypatch.setattr(
        sys, "stdin", __import__("io").StringIO("Pasted headline here\n\nKyiv said no.")
    )
    out = tmp_path / "o.json"
    assert main(["compare", str(tmp_path), str(empty_folder), "-", "--json", str(out)]) == 3
    document = json.loads(out.read_text())
    assert [a["format"] for a in document["articles"]] == ["txt", "pasted"]
    assert document["errors"][0]["message"] == "nothing: this folder has no article files"


def test_whole_sample_from_a_fresh_process(tmp_path, sample_dir):
    """The README's command: every sample article loads, gold.json is reported, JSON validates."""
    out = tmp_path / "sample.json"
    files = [str(p) for p in sorted(sample_dir.iterdir())]
    run = run_python("-m", "parallax", "compare", *files, "--json", str(out))
    assert run.returncode == 3, run.stderr  # gold.json is not an article: a partial run
    assert "Traceback" not in run.stdout + run.stderr
    document = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(document, schema())
    assert sorted(a["format"] for a in document["articles"]) == ["docx", "html", "md", "pdf", "txt"]
    assert [e["source"].rsplit("/", 1)[-1] for e in document["errors"]] == ["gold.json"]


def test_compare_exports_every_format_in_a_fresh_process(tmp_path, article):
    """No display: the PDF is rendered offscreen; one unwritable target does not stop the rest."""
    other = tmp_path / "second.txt"
    other.write_text(ARTICLE.replace("next week", "next month"), encoding="utf-8")
    blocker = tmp_path / "blocked"
    blocker.write_text("a file where a folder is wanted")
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "QT_QPA_PLATFORM"}}
    run = run_python(
        "-m", "parallax", "compare", str(article), str(other),
        "--pdf", str(tmp_path / "r.pdf"), "--html", str(tmp_path / "r.html"),
        "--csv", str(blocker / "csv"), "--json", str(tmp_path / "r.json"),
        "--page-size", "Letter",
        env=env,
    )  # fmt: skip
    assert run.returncode == 1, run.stderr
    assert f"could not write {blocker / 'csv'}" in run.stderr
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    assert "PDF report written to" in run.stdout and "HTML report written to" in run.stdout
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<script" not in page and "next month" in re.sub(r"<[^>]+>", "", page)
    assert json.loads((tmp_path / "r.json").read_text())["schema"] == "parallax.comparison/2"


def test_compare_reads_saved_comparisons(tmp_path, article, capsys):
    from parallax.core import saved
    from parallax.core.loading import load_file

    stored = tmp_path / "kept.parallax"
    saved.save(saved.saved_from([load_file(article)]), stored)
    broken = tmp_path / "broken.parallax"
    broken.write_text("{")
    out = tmp_path / "o.json"
    assert main(["compare", str(stored), str(article), str(broken), "--json", str(out)]) == 3
    document = json.loads(out.read_text())
    assert len(document["articles"]) == 2
    assert document["errors"][0]["message"].startswith("broken.parallax: is damaged")


def test_options_from_the_command_line_and_a_saved_file(tmp_path, article):
    from parallax.core import align, pair_model, saved
    from parallax.core.loading import load_file

    out = tmp_path / "o.json"

    def options(*extra: str) -> dict:
        assert main(["compare", *extra, "--json", str(out), "-q"]) == 0
        return json.loads(out.read_text())["generator"]["options"]

    default = options(str(article), str(article))
    assert default == {
        "same_claim": pair_model.load().same_claim,
        "attach": pair_model.load().attach,
        "use_embeddings": True,
    }
    words = options(str(article), str(article), "--words-only", "--attach", "0.4")
    assert words == {"same_claim": align.SAME_CLAIM_LEXICAL, "attach": 0.4, "use_embeddings": False}
    # A saved comparison's own threshold is honoured, and the command line overrides it.
    stored = tmp_path / "kept.parallax"
    saved.save(saved.saved_from([load_file(article)] * 2, same_claim=0.55), stored)
    assert options(str(stored))["same_claim"] == 0.55
    assert options(str(stored), "--same-claim", "0.6")["same_claim"] == 0.6


def test_out_of_range_threshold_is_a_usage_error(article, capsys):
    assert main(["compare", str(article), "--same-claim", "1.5"]) == 2
    assert "not between 0 and 1" in capsys.readouterr().err


def test_screenshot_of_the_users_files_saves_and_quits(tmp_path, article):
    # Opened files are the user's work: the run must still quit without asking to save them.
    other = tmp_path / "other.txt"
    other.write_text(ARTICLE.replace("Friday", "Thursday"), encoding="utf-8")
    shot = tmp_path / "shot.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"))
    args = ["-m", "parallax", "--screenshot", str(shot), "--size", "900x700"]
    result = run_python(*args, str(article), str(other), env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    from PySide6.QtGui import QImage

    image = QImage(str(shot))
    assert (image.width(), image.height()) == (900, 700)


def test_window_size_must_be_width_x_height(capsys):
    assert main(["--screenshot", "x.png", "--size", "big"]) == 2
    assert "is not a size like 1600x1000" in capsys.readouterr().err


def test_exit_status_tells_a_clean_run_from_a_partial_one(article, tmp_path, capsys):
    out = tmp_path / "o.json"
    assert main(["compare", str(article), "--json", str(out), "-q"]) == 0
    missing = tmp_path / "gone.txt"
    assert main(["compare", str(article), str(missing), "--json", str(out), "-q"]) == 3
    assert "gone.txt" in capsys.readouterr().err and out.exists()
    assert main(["compare", str(missing), "-q"]) == 1


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(tmp_path):
    import csv

    hostile = '=HYPERLINK("http://x","click") said the council\n\n+1 said nobody. @all was told.'
    path = tmp_path / "hostile.txt"
    path.write_text("Headline here\n\n" + hostile + "\n", encoding="utf-8")
    assert main(["compare", str(path), "--csv", str(tmp_path / "tables"), "-q"]) == 0
    for table in (tmp_path / "tables").iterdir():
        with table.open(encoding="utf-8") as handle:
            for row in csv.reader(handle):
                for cell in row:  # a leading sign is fine on a number ("-0.26"), not on text
                    if cell.startswith(("=", "+", "-", "@", "\t", "\r")):
                        float(cell)
    claims = (tmp_path / "tables" / "claims.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK" in claims


def test_hostile_names_and_standard_input_are_contained(article, tmp_path, monkeypatch, capsys):
    import io

    odd = tmp_path / os.fsdecode(b"bad\xffname.txt")
    odd.write_text(ARTICLE.replace("Friday", "Thursday"), encoding="utf-8")
    out, page, tables = tmp_path / "o.json", tmp_path / "o.html", tmp_path / "tables"
    outputs = ["--json", str(out), "--html", str(page), "--csv", str(tables)]
    assert main(["compare", str(article), str(odd), *outputs, "-q"]) == 0
    document = json.loads(out.read_text(encoding="utf-8"))  # valid UTF-8 JSON
    assert len(document["articles"]) == 2
    for written in (page, *tables.iterdir()):  # and valid UTF-8 report and tables
        written.read_text(encoding="utf-8")

    class Stdin(io.TextIOWrapper):
        pass

    def stdin_with(data: bytes):
        return Stdin(io.BytesIO(data), encoding="utf-8", errors="strict")

    monkeypatch.setattr(sys, "stdin", stdin_with(bytes(range(256)) * 12))
    assert main(["compare", "-", "-q"]) == 1
    assert "binary data" in capsys.readouterr().err
    legacy = "Café story\n\nThe café opened on Monday, the mayor said.\n".encode("cp1252")
    monkeypatch.setattr(sys, "stdin", stdin_with(legacy))
    assert main(["compare", "-", "--json", str(out), "-q"]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["articles"][0]["title"] == "Café story"


def test_utf8_with_one_bad_sequence_is_repaired_not_read_as_a_code_page():
    from parallax.core.formats.plain import decode

    text = "Café story — naïve\n\nThe café opened on Monday, the mayor said. Naïve, said he.\n"
    data = text.encode("utf-8").replace(b"Monday", b"Mon\xffday")
    decoded = decode(data, None)
    assert "Café story — naïve" in decoded and "Mon\ufffdday" in decoded
    legacy = text.replace("—", "-").encode("cp1252")
    assert decode(legacy, None).startswith("Café story")


@pytest.mark.parametrize("encoding", ["utf-16-be", "utf-16-le"])
def test_utf16_without_a_bom_in_a_non_latin_alphabet_is_text(tmp_path, encoding):
    from parallax.core.loading import load_file

    text = (
        "Переговоры в Женеве\n\nПредставители России и Украины встретились в Женеве в "
        "пятницу, сообщили чиновники. Переговоры продлятся неделю.\n"
    )
    path = tmp_path / "story.txt"
    path.write_bytes(text.encode(encoding))
    assert load_file(path).title == "Переговоры в Женеве"


def test_repetitive_ascii_is_not_taken_for_utf16():
    from parallax.core.formats.plain import decode

    for text in ("[" * 5000 + " words", "ab" * 4000, "Headline\n\n" + "x " * 3000):
        assert decode(text.encode("ascii"), None) == text


def test_help_lists_every_exit_status(capsys):
    assert main(["compare", "--help"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    for words in (
        "0 every input loaded and every output written",
        "1 no article loaded or an output could not be written",
        "2 usage error",
        "3 some inputs failed",
        "130/143/129 stopped by Ctrl-C/SIGTERM/SIGHUP",
    ):
        assert words in text


def test_every_formula_start_is_neutralised_and_numbers_stay_numbers():
    import csv
    import io

    from parallax.core.tables import to_csv

    cells = ["=1+1", "+1", "-1 said", "@SUM(A1)", "\tTAB", "\rCR", "a\rb", "plain", -0.26, 3]
    (row,) = csv.reader(io.StringIO(to_csv([cells]), newline=""))  # one row, not split at \r
    assert row[:6] == ["'=1+1", "'+1", "'-1 said", "'@SUM(A1)", "'\tTAB", "'\nCR"]
    assert row[6:] == ["a\nb", "plain", "-0.26", "3"]
