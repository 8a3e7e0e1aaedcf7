"""Where bundled files live (resources/, seeds/, third-party notices), installed or frozen."""

from __future__ import annotations

import os
import sys
from importlib import resources as package_files
from pathlib import Path

SAMPLE_SET = "ukraine-truce-2025-08"
# Inside the package, so a wheel and a frozen app carry it wherever the code goes.
NOTICES = "THIRD_PARTY_NOTICES.md"


def _roots() -> list[Path]:
    roots = []
    if override := os.environ.get("PARALLAX_DATA_DIR"):
        roots.append(Path(override))
    if frozen := getattr(sys, "_MEIPASS", None):
        roots.append(Path(frozen))
    # A source checkout or an editable install: desktop/parallax/resources.py → repository root.
    roots.append(Path(__file__).resolve().parents[2])
    roots.append(Path(sys.prefix) / "share" / "parallax")
    return roots


def find(relative: str) -> Path | None:
    """The first existing ``relative`` path under the known data roots, or None."""
    for root in _roots():
        candidate = root / relative
        if candidate.exists():
            return candidate
    return None


def sample_set_dir() -> Path | None:
    return find(f"seeds/{SAMPLE_SET}")


def resource(name: str) -> Path | None:
    return find(f"resources/{name}")


def third_party_notices() -> str | None:
    """The credits and licences of everything Parallax ships (Markdown), or None if missing."""
    try:
        return package_files.files("parallax").joinpath(NOTICES).read_text(encoding="utf-8")
    except OSError:
        return None
