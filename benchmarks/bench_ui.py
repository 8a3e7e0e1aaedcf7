"""Prints the window's responsiveness: start-up to first paint, time to a finished sample
comparison, and the longest event-loop stall while the comparison runs.

Run: .venv/bin/python benchmarks/bench_ui.py [--front DOCK]   (offscreen unless a display is set)
``--front scores`` brings the scores panel to the front first, so its charts are drawn as the
comparison is shown (the heaviest presentation step); the default front dock is the claims table.
Settings are read from a temporary folder, so every run starts from the first-run layout.
Target (issue 5): no event-loop stall over 100 ms during the sample comparison.
A 5 ms timer records when the event loop gets to run; a gap between two ticks is a stall.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import itertools

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--front", default="claims", help="dock in front: claims, scores, …")
    args = parser.parse_args()
    settings_folder = tempfile.TemporaryDirectory()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_folder.name)
    started = time.perf_counter()
    app = QApplication([])
    from parallax import resources
    from parallax.core.loading import supported_files
    from parallax.ui.main_window import MainWindow

    window = MainWindow()
    window.show()
    getattr(window, f"{args.front}_dock").raise_()
    app.processEvents()
    first_paint = time.perf_counter() - started
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(5)
    marks: dict[str, float] = {}

    def finished(_comparison) -> None:
        marks["finished"] = time.perf_counter()
        QTimer.singleShot(200, app.quit)

    window.comparison_finished.connect(finished)
    begin = time.perf_counter()
    window.open_paths(supported_files(resources.sample_set_dir()), sample=True)
    app.exec()
    gaps = [b - a for a, b in itertools.pairwise(ticks) if a >= begin]
    longest = max(gaps, default=0.0)
    print(f"start-up to first paint: {first_paint:.2f} s (Qt, window, imports)")
    print(f"sample comparison finished and shown: {marks['finished'] - begin:.2f} s after open")
    print(
        f"longest event-loop stall during the comparison ({args.front} in front): "
        f"{longest * 1000:.0f} ms "
        f"(target ≤ 100 ms); stalls over 100 ms: {sum(g > 0.1 for g in gaps)}"
    )


if __name__ == "__main__":
    main()
