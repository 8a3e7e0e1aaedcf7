"""Prints how long the report exports take and how big they are, for the sample and larger sets.

Run: .venv/bin/python benchmarks/bench_report.py [--sizes 30]
For each set: the comparison is made first (not timed here; see bench_pipeline.py), then the
report HTML is built (charts included), the PDF rendered offscreen (A4), the standalone HTML and
the CSV tables written. Reports wall time per step, PDF pages and file sizes. Generated sets come
from benchmarks/generate_sets.py (~800 words per article). Figures are reported, never asserted.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from parallax.core import export, pipeline
from parallax.core.loading import load_file, supported_files
from parallax.core.report_html import build_report
from parallax.report.pdf import write_pdf

SAMPLE = Path(__file__).resolve().parents[1] / "seeds" / "ukraine-truce-2025-08"


def _articles(size: int):
    if not size:
        return [load_file(path) for path in supported_files(SAMPLE)]
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from generate_sets import generate_articles

    return generate_articles(size, words=800)


def measure(size: int, folder: Path) -> str:
    comparison = pipeline.compare(_articles(size))
    started = time.perf_counter()
    report = build_report(comparison)
    built = time.perf_counter()
    pages = write_pdf(report, folder / "report.pdf")
    rendered = time.perf_counter()
    export.write_html(comparison, folder / "report.html")
    html_written = time.perf_counter()
    export.write_csv(comparison, folder / "csv")
    csv_written = time.perf_counter()
    pdf_kb = (folder / "report.pdf").stat().st_size / 1024
    html_kb = (folder / "report.html").stat().st_size / 1024
    label = "sample" if not size else str(size)
    return (
        f"{label:>7} {len(comparison.articles):>5} {len(comparison.claims):>6} "
        f"{len(comparison.conflicts):>9} {built - started:>8.2f} {rendered - built:>7.2f} "
        f"{html_written - rendered:>7.2f} {csv_written - html_written:>6.2f} {pages:>6} "
        f"{pdf_kb:>8.0f} {html_kb:>8.0f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[30], help="generated set sizes")
    args = parser.parse_args()
    print("times in seconds; build = report HTML with charts; sizes in KB")
    print("    set  arts claims conflicts    build     pdf    html    csv  pages   pdf KB  html KB")
    with tempfile.TemporaryDirectory() as temporary:
        for size in [0, *args.sizes]:
            folder = Path(temporary) / f"set-{size}"
            folder.mkdir()
            print(measure(size, folder), flush=True)


if __name__ == "__main__":
    main()
