"""Test set-up: Qt runs offscreen (no display in CI), and shared paths."""

import os

# Must happen before anything imports Qt: without a display pytest-qt aborts the interpreter.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Property tests: a bounded run in CI; benchmarks/fuzz.py runs the "long" profile.
settings.register_profile(
    "ci", max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "long",
    max_examples=int(os.environ.get("PARALLAX_FUZZ_EXAMPLES", "1500")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("PARALLAX_HYPOTHESIS_PROFILE", "ci"))

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "seeds" / "ukraine-truce-2025-08"


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    return SAMPLE


@pytest.fixture
def qt_pdf(qapp):
    """Make a real text PDF the way many apps do (Qt's PDF writer): headline, paragraphs, pages."""
    from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

    def make(path: Path, headline: str, paragraphs: list[str]) -> Path:
        from html import escape

        document = QTextDocument()
        body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
        document.setHtml(f"<h1>{escape(headline)}</h1>{body}")
        writer = QPdfWriter(str(path))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setTitle(headline)
        document.print_(writer)  # prints page numbers at the foot of each page
        del writer
        return path

    return make


def run_python(*args: str, env: dict[str, str] | None = None, timeout: int = 180):
    """Run this interpreter in a fresh process from the repository root; output as text."""
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=timeout,
        check=False,
    )
