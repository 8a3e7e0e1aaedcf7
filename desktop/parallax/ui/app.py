"""Start the desktop application: QApplication, the main window, the files to open."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from parallax import APP_ID, APP_NAME, __version__, resources
from parallax.ui import worker
from parallax.ui.main_window import MainWindow


def run(
    files: list[Path], screenshot: Path | None = None, size: tuple[int, int] | None = None
) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationDomain(APP_ID)
    app.aboutToQuit.connect(worker.shutdown)
    app.setDesktopFileName(APP_ID)  # Wayland and taskbars match the window to its .desktop entry
    icon = resources.resource("icons/parallax.svg")
    if icon is not None:
        app.setWindowIcon(QIcon(str(icon)))
    window = MainWindow()
    if screenshot is not None:
        save_screenshot_when_done(window, screenshot)
        window.session.unattended = True  # quits by itself: nothing to save, nobody to ask
    if size is not None:
        window.resize(*size)
    window.show()
    if screenshot is None:
        window.session.check_for_crash()
    sample = resources.sample_set_dir()
    if files:
        window.open_paths(files)
    elif sample is not None:
        from parallax.core import supported_files

        window.open_paths(supported_files(sample), sample=True)
    return app.exec()


def save_screenshot_when_done(window: MainWindow, path: Path) -> None:
    """For --screenshot: once the comparison is shown (or stopped), save a PNG and quit."""

    def shoot(*_args) -> None:
        QTimer.singleShot(300, lambda: (window.grab().save(str(path)), QApplication.quit()))

    window.comparison_finished.connect(shoot)
    window.comparison_stopped.connect(shoot)
