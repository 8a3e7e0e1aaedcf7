"""The analysis core must run where no GUI toolkit is installed or wanted."""

from tests.conftest import SAMPLE, run_python

SCRIPT = f"""
import sys
from parallax.core import loading, pipeline, export, report_html, tables
result = loading.load_files(loading.supported_files(__import__("pathlib").Path({str(SAMPLE)!r})))
comparison = pipeline.compare(result.articles)
export.to_json(comparison)
report_html.build_report(comparison).standalone()  # charts drawn with matplotlib's Agg
tables.tables(comparison)
qt = sorted(name for name in sys.modules if name.startswith(("PySide6", "PyQt", "shiboken")))
print(len(comparison.articles), qt)
"""


def test_core_comparison_imports_no_qt():
    run = run_python("-c", SCRIPT)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "5 []"
