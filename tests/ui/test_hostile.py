"""Hostile files added to an open comparison: each gets its message, the open articles stay."""

from pathlib import Path

from parallax.core.loading import supported_files
from parallax.ui.main_window import MainWindow

TIMEOUT = 120_000


def test_hostile_files_added_to_open_articles(qtbot, tmp_path, sample_dir):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    good = list(supported_files(sample_dir))[:2]
    with qtbot.waitSignal(window.comparison_finished, timeout=TIMEOUT) as first:
        window.open_paths(good)
    before = {item.article.source: item.article.text for item in first.args[0].articles}

    hostile = {
        "empty.txt": b"",
        "blank.txt": b"   \n\t  \n",
        "junk.txt": bytes(range(256)) * 40,
        "nested.html": b"<div>" * 10_000 + b"deep text",
        "bomb.docx": b"PK\x03\x04 not really a zip",
        "huge.txt": None,  # sparse 30 MB: refused by its size
    }
    paths = []
    for name, data in hostile.items():
        path = tmp_path / name
        if data is None:
            with path.open("wb") as handle:
                handle.truncate(30_000_000)
        else:
            path.write_bytes(data)
        paths.append(path)
    paths += [tmp_path / "deleted.txt", tmp_path]
    with qtbot.waitSignal(window.comparison_finished, timeout=TIMEOUT) as second:
        window.open_paths(paths, replace=False)
    comparison = second.args[0]
    after = {item.article.source: item.article.text for item in comparison.articles}
    assert after == before and len(window.pane_row.panes) == 2
    named = sorted(f.message.split(": ", 1)[0] for f in window.failures)
    assert named == sorted([*hostile, "deleted.txt", tmp_path.name])
    assert all(": " in f.message and len(f.message.split(": ", 1)[1]) > 5 for f in window.failures)
    # Failed files are not kept as sources: the next re-comparison does not report them again.
    assert [Path(s) for s in window.document.sources] == good


def test_a_compression_bomb_pdf_beside_a_good_article(qtbot, tmp_path, sample_dir):
    """The window given both: the good article is compared, the bomb named with its reason."""
    from tests.core.test_bounded_inputs import bomb_pdf

    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(bomb_pdf())
    good = list(supported_files(sample_dir))[:1]
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.comparison_finished, timeout=TIMEOUT) as done:
        window.open_paths([bomb, *good])
    assert [Path(item.article.source) for item in done.args[0].articles] == good
    assert [f.message.split(": ", 1)[0] for f in window.failures] == ["bomb.pdf"]
