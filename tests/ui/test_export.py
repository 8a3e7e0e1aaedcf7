"""File ▸ Export in the window: the dialog's choices, and an export written off the UI thread."""

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QDialogButtonBox

from parallax.core.loading import supported_files
from parallax.ui.export import ExportDialog, ExportFormat, ExportRequest
from parallax.ui.main_window import MainWindow

TIMEOUT = 120_000


@pytest.fixture
def window(qtbot, sample_dir):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.comparison_finished, timeout=TIMEOUT):
        window.open_paths(supported_files(sample_dir))
    return window


def test_dialog_follows_the_format_and_remembers_choices(qtbot, tmp_path):
    dialog = ExportDialog()
    qtbot.addWidget(dialog)
    dialog.path.setText(str(tmp_path / "weekly"))
    dialog.set_format(ExportFormat.HTML)
    assert dialog.path.text().endswith("weekly.html") and not dialog.page_size.isEnabled()
    dialog.set_format(ExportFormat.PDF)
    assert dialog.path.text().endswith("weekly.pdf") and dialog.page_size.isEnabled()
    dialog.page_size.setCurrentText("Letter")
    dialog.open_when_done.setChecked(False)
    dialog.path.clear()
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()
    dialog.path.setText(str(tmp_path / "weekly.pdf"))
    dialog.accept()

    again = ExportDialog()
    qtbot.addWidget(again)
    assert again.format() is ExportFormat.PDF and again.page_size.currentText() == "Letter"
    assert Path(again.path.text()).parent == tmp_path and not again.open_when_done.isChecked()


def test_export_pdf_and_csv_from_the_window(window, qtbot, tmp_path):
    target = tmp_path / "report.pdf"
    with qtbot.waitSignal(window.exporter.finished, timeout=TIMEOUT) as done:
        assert window.exporter.start(ExportRequest(ExportFormat.PDF, target, "A4"))
        assert window.exporter.busy and window.exporter.progress.isVisible()
    assert done.args == [str(target)]
    assert not window.exporter.busy and not window.exporter.progress.isVisible()
    assert len(PdfReader(str(target)).pages) > 5
    assert "Exported to" in window.statusBar().currentMessage()

    with qtbot.waitSignal(window.exporter.finished, timeout=TIMEOUT):
        window.exporter.start(ExportRequest(ExportFormat.CSV, tmp_path / "tables"))
    assert sorted(p.name for p in (tmp_path / "tables").iterdir()) == [
        "claims.csv",
        "conflicts.csv",
        "facts.csv",
        "scores.csv",
    ]


def test_export_failure_is_a_message_and_the_window_stays_usable(window, qtbot, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with qtbot.waitSignal(window.exporter.failed, timeout=TIMEOUT) as failed:
        window.exporter.start(ExportRequest(ExportFormat.HTML, blocker / "r.html"))
    assert str(blocker / "r.html") in failed.args[0]
    assert not window.exporter.busy and window.comparison is not None
    claim = window.comparison.claims[0]
    window.select_claim(claim.id)  # still answers


def test_export_over_an_article_it_was_made_from_is_refused(qtbot, sample_dir, tmp_path):
    # A copy of the sample: a regression must not overwrite the repository's files.
    for path in supported_files(sample_dir):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    window = MainWindow()
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.comparison_finished, timeout=TIMEOUT):
        window.open_paths(supported_files(tmp_path))
    source = window.comparison.articles[0].article.source
    before = source.read_bytes()
    with qtbot.waitSignal(window.exporter.failed, timeout=TIMEOUT) as refused:
        assert not window.exporter.start(ExportRequest(ExportFormat.PDF, source, "A4"))
    assert "is the input file" in refused.args[0] and source.name in refused.args[0]
    assert not window.exporter.busy and source.read_bytes() == before
