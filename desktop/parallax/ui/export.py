"""File ▸ Export: the report as PDF or HTML, the CSV tables or the JSON, written off the UI thread.

The dialog remembers the last format, folder, page size and "open when done"; the writing runs
in Qt's thread pool (the report is built from the immutable ``Comparison``, the PDF painted on a
``QPdfWriter``, no widget touched) and reports back through signals.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from parallax.core import Comparison, Output, export, output_clashes
from parallax.ui import settings
from parallax.ui.document import ComparisonDocument


class ExportFormat(StrEnum):
    PDF = "pdf"
    HTML = "html"
    CSV = "csv"
    JSON = "json"


# Label in the dialog, file suffix (none: a folder), file-dialog filter.
FORMATS = {
    ExportFormat.PDF: ("PDF report", ".pdf", "PDF report (*.pdf)"),
    ExportFormat.HTML: ("HTML report (one standalone file)", ".html", "HTML report (*.html)"),
    ExportFormat.CSV: ("CSV tables (claims, conflicts, scores, facts) in a folder", "", ""),
    ExportFormat.JSON: ("JSON data (parallax.comparison/2)", ".json", "JSON data (*.json)"),
}
FORMAT = settings.Setting("export/format", str, ExportFormat.PDF.value)
FOLDER = settings.Setting("export/folder", str, "")
PAGE_SIZE = settings.Setting("export/page_size", str, "A4")
OPEN_WHEN_DONE = settings.Setting("export/open_when_done", str, "true")


@dataclass(frozen=True)
class ExportRequest:
    format: ExportFormat
    path: Path
    page_size: str = "A4"
    open_when_done: bool = False


def write(comparison: Comparison, request: ExportRequest, progress=None) -> Path:
    """Write one export; raises ``OSError`` when the target cannot be written."""
    if request.format is ExportFormat.PDF:
        from parallax.report.pdf import write_report_pdf

        write_report_pdf(comparison, request.path, request.page_size, progress)
    elif request.format is ExportFormat.HTML:
        export.write_html(comparison, request.path)
    elif request.format is ExportFormat.CSV:
        export.write_csv(comparison, request.path)
    else:
        export.write_json(comparison, request.path)
    return request.path


class ExportDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export Comparison"))
        self.formats = QButtonGroup(self)
        choices = QVBoxLayout()
        for n, kind in enumerate(ExportFormat):
            button = QRadioButton(self.tr(FORMATS[kind][0]))
            self.formats.addButton(button, n)
            choices.addWidget(button)
        self.page_size = QComboBox()
        self.page_size.addItems(["A4", "Letter"])
        self.path = QLineEdit()
        self.path.setMinimumWidth(380)
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._on_browse_clicked)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.open_when_done = QCheckBox(self.tr("&Open the file when done"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Format:"), choices)
        form.addRow(self.tr("&Page size:"), self.page_size)
        label = QLabel(self.tr("&Save to:"))
        label.setBuddy(self.path)
        form.addRow(label, row)
        form.addRow("", self.open_when_done)
        form.addRow(self.buttons)
        self._restore()
        self.formats.idToggled.connect(self._on_format_toggled)
        self.path.textChanged.connect(self._update_buttons)
        self._update_buttons()

    def request(self) -> ExportRequest:
        return ExportRequest(
            self.format(),
            Path(self.path.text().strip()).expanduser(),
            self.page_size.currentText(),
            self.open_when_done.isChecked(),
        )

    def format(self) -> ExportFormat:
        return list(ExportFormat)[max(self.formats.checkedId(), 0)]

    def set_format(self, kind: ExportFormat) -> None:
        self.formats.button(list(ExportFormat).index(kind)).setChecked(True)

    def accept(self) -> None:
        request = self.request()
        settings.write(FORMAT, request.format.value)
        settings.write(FOLDER, str(request.path.parent))
        settings.write(PAGE_SIZE, request.page_size)
        settings.write(OPEN_WHEN_DONE, "true" if request.open_when_done else "false")
        super().accept()

    def _restore(self) -> None:
        try:
            kind = ExportFormat(settings.read(FORMAT))
        except ValueError:
            kind = ExportFormat.PDF
        folder = Path(settings.read(FOLDER) or Path.home())
        self.path.setText(str(folder / f"parallax-report-{date.today().isoformat()}"))
        self.set_format(kind)
        self._on_format_toggled(0, True)
        self.page_size.setCurrentText(settings.read(PAGE_SIZE))
        self.open_when_done.setChecked(settings.read(OPEN_WHEN_DONE) == "true")

    def _on_format_toggled(self, _id: int, checked: bool) -> None:
        if not checked:
            return
        kind = self.format()
        self.page_size.setEnabled(kind is ExportFormat.PDF)
        # Keep the chosen name; give it the suffix of the new format.
        path = Path(self.path.text().strip() or "parallax-report")
        stem = path.with_suffix("") if path.suffix in {".pdf", ".html", ".json"} else path
        self.path.setText(str(stem) + FORMATS[kind][1])

    def _update_buttons(self) -> None:
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(bool(self.path.text().strip()))

    def _on_browse_clicked(self) -> None:
        kind = self.format()
        if kind is ExportFormat.CSV:
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the CSV tables"))
        else:
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export Comparison"), self.path.text(), FORMATS[kind][2]
            )
        if chosen:
            self.path.setText(chosen)


class _Signals(QObject):
    progressed = Signal(int, int)
    finished = Signal(str)
    failed = Signal(str)


class _ExportTask(QRunnable):
    def __init__(self, comparison: Comparison, request: ExportRequest) -> None:
        super().__init__()
        self.comparison, self.request = comparison, request
        self.signals = _Signals()

    def run(self) -> None:
        try:
            path = write(self.comparison, self.request, self.signals.progressed.emit)
        except OSError as error:
            reason = error.strerror or str(error)
            self.signals.failed.emit(f"Could not write {self.request.path}: {reason}")
        except Exception as error:  # a bug must surface as a message, not kill the thread
            self.signals.failed.emit(f"Export failed: {error}. Please report this.")
        else:
            self.signals.finished.emit(str(path))


class Exporter(QObject):
    """Runs exports for the window: one at a time, progress in the status bar."""

    finished = Signal(str)  # path written
    failed = Signal(str)  # message

    def __init__(self, window: QMainWindow, document: ComparisonDocument) -> None:
        super().__init__(window)
        self.window = window
        self.document = document
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(160)
        self.progress.setFormat(self.tr("Exporting %p%"))
        self.progress.hide()
        window.statusBar().addPermanentWidget(self.progress)
        self._task: _ExportTask | None = None

    @property
    def busy(self) -> bool:
        return self._task is not None

    def open_dialog(self) -> None:
        if self.document.comparison is None:
            self.window.statusBar().showMessage(self.tr("Nothing to export yet."), 5000)
            return
        dialog = ExportDialog(self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.start(dialog.request())

    def start(self, request: ExportRequest) -> bool:
        comparison = self.document.comparison
        if comparison is None or self.busy:
            return False
        clashes = self._clashes(comparison, request)
        if clashes:
            self._report_failure(clashes[0])
            return False
        self._task = _ExportTask(comparison, request)
        self._task.signals.progressed.connect(self._on_progressed)
        self._task.signals.finished.connect(self._on_finished)
        self._task.signals.failed.connect(self._on_failed)
        self.progress.setRange(0, 0)  # busy until the first page reports
        self.progress.show()
        self.window.statusBar().showMessage(self.tr("Exporting to {}…").format(request.path))
        QThreadPool.globalInstance().start(self._task)
        return True

    def _on_progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _on_finished(self, path: str) -> None:
        request = self._done()
        self.window.statusBar().showMessage(self.tr("Exported to {}").format(path), 15000)
        if request is not None and request.open_when_done:
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))
        self.finished.emit(path)

    def _clashes(self, comparison: Comparison, request: ExportRequest) -> list[str]:
        """An export never replaces an article it was made from, nor the saved comparison."""
        inputs = [item.article.source for item in comparison.articles if item.article.source]
        if self.document.path is not None:
            inputs.append(self.document.path)
        label = FORMATS[request.format][0].split(" (")[0]
        target = Output(f"The {label}", request.path, request.format is ExportFormat.CSV)
        return output_clashes([target], inputs)

    def _on_failed(self, message: str) -> None:
        self._done()
        self._report_failure(message)

    def _report_failure(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 15000)
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Export failed"), message, parent=self.window
        )
        box.setTextFormat(Qt.TextFormat.PlainText)  # file names are shown as written
        box.open()  # not modal to the app: the comparison stays usable
        self.failed.emit(message)

    def _done(self) -> ExportRequest | None:
        self.progress.hide()
        request = self._task.request if self._task else None
        self._task = None
        return request
