"""Renders resources/icons/parallax.svg to the PNG sizes desktops ask for (Qt's SVG renderer).

Run: .venv/bin/python packaging/render_icons.py
(writes resources/icons/parallax-<N>.png, parallax.ico and parallax.icns)
The PNGs are committed; run this again after changing the SVG.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 (fonts and image plugins need it)
    renderer = QSvgRenderer(str(ICONS / "parallax.svg"))
    if not renderer.isValid():
        print("parallax.svg could not be read", file=sys.stderr)
        return 1
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        image.save(str(ICONS / f"parallax-{size}.png"))
    # Windows and macOS icon files for the PyInstaller spec (Qt's ico and icns writers).
    largest = QImage(str(ICONS / "parallax-256.png"))
    largest.save(str(ICONS / "parallax.ico"))
    QImage(str(ICONS / "parallax-512.png")).save(str(ICONS / "parallax.icns"))
    print(f"wrote {len(SIZES)} PNGs, parallax.ico and parallax.icns to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
