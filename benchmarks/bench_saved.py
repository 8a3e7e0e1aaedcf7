"""Prints the time and peak memory of opening the largest saved comparisons Parallax accepts.

Run: .venv/bin/python benchmarks/bench_saved.py [--compare 200 500 1000]
Opening is ``saved.load``: read, parse and validate, as File ▸ Open, session restore and
``parallax compare x.parallax`` do before comparing. Each file is opened in a fresh subprocess,
so its peak RSS is its own (its RSS before opening, Parallax imported, is printed beside it).
Files measured: ``saved.MAX_ARTICLES`` ordinary articles (~800 words each,
benchmarks/generate_sets.py), one article at the text limit (``MAX_TEXT_CHARS``), and a file
of such articles as close to ``saved.MAX_FILE_BYTES`` as they come.
``--compare N…`` also opens N ordinary articles and compares them as ``parallax compare`` does
(spaCy in worker processes for large sets): the measurement behind ``saved.MAX_ARTICLES``.
Sizes above the cap are measured by raising the cap in the measuring subprocess.
The figures are reported, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
from pathlib import Path
from typing import Any

from parallax.core import saved
from parallax.core.loading import MAX_TEXT_CHARS, load_pasted

_SENTENCE = "The ceasefire talks resumed in Geneva on Tuesday, officials said."


def _ordinary(path: Path, count: int) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from generate_sets import generate_articles

    saved.save(saved.saved_from(generate_articles(count)), path)


def _text_limit_article(number: int):
    """An article of prose exactly ``MAX_TEXT_CHARS`` long (the largest text a file may give)."""
    paragraph = " ".join([_SENTENCE] * 12)
    body = "\n\n".join([f"Headline number {number}", *[paragraph] * (MAX_TEXT_CHARS // 700)])
    body = body[:MAX_TEXT_CHARS].rstrip()
    return load_pasted(body + "." * (MAX_TEXT_CHARS - len(body)))


def _at_text_limit(path: Path, count: int) -> None:
    saved.save(saved.saved_from([_text_limit_article(0)] * count), path)


class _TreePeak:
    """The largest total memory of this process and its descendants (spaCy's workers), sampled
    from /proc as proportional set size, so pages shared after a fork count once. Linux only."""

    def __init__(self) -> None:
        self.peak_kb = 0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> _TreePeak:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        self._thread.join()

    def _sample(self) -> None:
        while not self._done.wait(0.2):
            self.peak_kb = max(self.peak_kb, sum(_pss_kb(pid) for pid in _tree(os.getpid())))


def _tree(pid: int) -> list[int]:
    pids = [pid]
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        for child in task.read_text().split():
            pids += _tree(int(child))
    return pids


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:  # the process ended meanwhile
        pass
    return 0


def _open(path: str, cap: int, compare: bool) -> dict[str, Any]:
    """In the child: open (and perhaps compare) one saved comparison."""
    saved.MAX_ARTICLES = max(saved.MAX_ARTICLES, cap)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    document = saved.load(Path(path))
    result: dict[str, Any] = {
        "open_s": time.perf_counter() - started,
        "baseline_rss_mb": before,
        "open_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "articles": len(document.articles),
        "chars": sum(len(article.text) for article in document.articles),
    }
    if compare:
        result.update(_compare(document.articles))
    else:  # opened again, counting what opening allocates (the RSS peak may be the import's)
        del document
        tracemalloc.start()
        saved.load(Path(path))
        result["allocated_mb"] = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
    return result


def _compare(articles) -> dict[str, Any]:
    from parallax.core import nlp, pipeline, scores

    with _TreePeak() as tree:
        nlp.get_pipeline()
        scores.warm_up()
        started = time.perf_counter()
        pipeline.compare(list(articles))
        seconds = time.perf_counter() - started
    return {
        "compare_s": seconds,
        "tree_mb": tree.peak_kb / 1024,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "child_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def _run_child(path: Path, cap: int = 0, compare: bool = False) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", str(path), "--cap", str(cap)]
    command += ["--compare-child"] if compare else []
    output = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def _report_open(label: str, path: Path) -> None:
    result = _run_child(path)
    print(
        f"{label:<40} {path.stat().st_size / 1e6:>7.1f} {result['articles']:>5} "
        f"{result['chars'] / 1e6:>8.2f} {result['open_s']:>7.2f} "
        f"{result['baseline_rss_mb']:>9.0f} {result['open_rss_mb']:>8.0f} "
        f"{result['allocated_mb']:>9.1f}"
    )


def _measure_opening(folder: Path) -> None:
    print(
        f"{'file':<40} {'MB':>7} {'arts':>5} {'M chars':>8} {'open s':>7} "
        f"{'RSS before':>9} {'peak RSS':>8} {'allocated':>9}"
    )
    cap = folder / "cap.parallax"
    _ordinary(cap, saved.MAX_ARTICLES)
    _report_open(f"{saved.MAX_ARTICLES} ordinary articles (the cap)", cap)
    one = folder / "one.parallax"
    _at_text_limit(one, 1)
    _report_open("1 article at the text limit", one)
    fits = max(1, saved.MAX_FILE_BYTES // one.stat().st_size)
    many = folder / "many.parallax"
    _at_text_limit(many, fits)
    _report_open(f"{fits} articles at the text limit (file cap)", many)
    print(
        "MB; RSS before: the subprocess with Parallax imported, before opening; allocated: the\n"
        "most Python memory that opening held at once (tracemalloc, a second opening)"
    )


def _measure_compare(folder: Path, sizes: list[int]) -> None:
    print("\nopen + compare N ordinary articles, as `parallax compare x.parallax` does")
    print(
        f"{'N':>5} {'MB':>6} {'M chars':>8} {'open s':>7} {'open RSS':>9} {'compare s':>10} "
        f"{'peak RSS':>9} {'worker RSS':>11} {'all PSS':>8}"
    )
    for size in sizes:
        path = folder / f"compare-{size}.parallax"
        _ordinary(path, size)
        result = _run_child(path, cap=size, compare=True)
        print(
            f"{size:>5} {path.stat().st_size / 1e6:>6.1f} {result['chars'] / 1e6:>8.2f} "
            f"{result['open_s']:>7.2f} "
            f"{result['open_rss_mb']:>9.0f} {result['compare_s']:>10.1f} "
            f"{result['peak_rss_mb']:>9.0f} {result['child_rss_mb']:>11.0f} "
            f"{result['tree_mb']:>8.0f}"
        )
    print(
        "MB; peak RSS: the comparing process (the figure bench_pipeline.py reports); worker RSS:\n"
        "the largest spaCy worker (none below ~50,000 words); all PSS: the largest sum over the\n"
        "process and its workers at one moment, sampled every 0.2 s (Linux only)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compare", type=int, nargs="*", default=[], metavar="N")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--cap", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--compare-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(_open(args.child, args.cap, args.compare_child)))
        return
    print(
        f"limits: {saved.MAX_ARTICLES} articles, {MAX_TEXT_CHARS:,} characters of text each, "
        f"files up to {saved.MAX_FILE_BYTES / 1e6:.0f} MB"
    )
    with tempfile.TemporaryDirectory() as folder:
        if args.compare:
            _measure_compare(Path(folder), args.compare)
        else:
            _measure_opening(Path(folder))


if __name__ == "__main__":
    main()
