"""Prints wall time per pipeline stage and peak memory of ``compare`` at several set sizes.

Run: .venv/bin/python benchmarks/bench_pipeline.py [--sizes 20 100 200] [--quick]
Measures the sample set (5 articles) and synthetic sets of ~800-word articles
(benchmarks/generate_sets.py). Each size runs in a fresh subprocess so its peak RSS is its own.
Stage times come from the ``progress`` callback: a stage lasts from its first report to the next
stage's first report. The spaCy model and the scoring dictionaries are loaded, and timed, before
``compare``, as the app does once per process; inside ``compare`` the loading_model stage then only
covers the first NLP batch (sentences is first reported after it) and is counted as NLP.
Targets (issue): alignment + conflicts + diffs <= 30% of NLP time at every size; 100 articles
end-to-end <= 20 s with peak RSS <= 1.5 GB; time from 100 to 200 articles grows <= 2.3x;
(issue 12) 100 articles compare <= 1.3x a bare spaCy pass over the same paragraphs.
The figures are reported, never asserted.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from parallax.core import nlp, scores
from parallax.core.loading import load_file, supported_files
from parallax.core.models import CompareOptions
from parallax.core.pipeline import Stage, compare
from parallax.core.pipeline import _processes as pipeline_processes

SAMPLE = Path(__file__).resolve().parents[1] / "seeds" / "ukraine-truce-2025-08"
# Stages that are not alignment, conflicts or diffs; every other stage counts towards those.
_NOT_ALIGNMENT = {Stage.LOADING_MODEL, Stage.SENTENCES, Stage.SCORES, Stage.FACTS, Stage.DONE}
FACTS_SHARE_TARGET = 0.10  # issue 14: the fact sheet adds <= 10% to compare at 100 articles
RATIO_TARGET, SECONDS_100, RSS_100_MB, GROWTH_TARGET, BARE_TARGET = 0.30, 20.0, 1536, 2.3, 1.3


def _measure(size: int, words: int) -> dict[str, Any]:
    """One comparison in this process; ``size`` 0 means the sample set."""
    started = time.perf_counter()
    if size:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from generate_sets import generate_articles

        articles = generate_articles(size, words=words)
    else:
        articles = [load_file(path) for path in supported_files(SAMPLE)]
    loaded = time.perf_counter()
    nlp.get_pipeline()
    model_ready = time.perf_counter()
    scores.warm_up()
    warmed = time.perf_counter()
    first_report: dict[str, float] = {}

    def progress(stage: Stage, done: int, total: int) -> None:
        first_report.setdefault(str(stage), time.perf_counter())

    comparison = compare(articles, progress=progress)
    finished = time.perf_counter()
    bare = _bare_spacy(articles)
    order = sorted(first_report, key=first_report.__getitem__)
    ends = [first_report[stage] for stage in order[1:]] + [finished]
    stages = {stage: end - first_report[stage] for stage, end in zip(order, ends, strict=True)}
    return {
        "articles": len(articles),
        "words": sum(len(article.text.split()) for article in articles),
        "load_articles": loaded - started,
        "model": model_ready - loaded,
        "dictionaries": warmed - model_ready,
        "stages": stages,
        "bare_spacy": bare,
        "claims": len(comparison.claims),
        "conflicts": len(comparison.conflicts),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def _bare_spacy(articles) -> float:
    """Seconds for a bare spaCy pass over the same texts, in as many processes as compare used:
    the yardstick of the 1.3× target."""
    processes = pipeline_processes(CompareOptions(), articles)
    texts = [part for article in articles for part in article.text.split("\n") if part]
    model, _ = nlp.get_pipeline()
    started = time.perf_counter()
    for _ in model.pipe(texts, batch_size=64, n_process=processes):
        pass
    return time.perf_counter() - started


def _run_child(size: int, words: int) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", "--size", str(size), "--words", str(words)]
    output = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def _summary(result: dict[str, Any]) -> dict[str, float]:
    stages = result["stages"]
    model = result["model"] + result["dictionaries"]
    nlp_s = stages.get(Stage.LOADING_MODEL, 0.0) + stages.get(Stage.SENTENCES, 0.0)
    aligned = sum(t for stage, t in stages.items() if stage not in _NOT_ALIGNMENT)
    ratio = aligned / nlp_s if nlp_s else float("nan")
    compare_s = sum(stages.values())
    return {
        "model": model,
        "compare": compare_s,
        "nlp": nlp_s,
        "aligned": aligned,
        "ratio": ratio,
        "bare": result["bare_spacy"],
        "facts": stages.get(Stage.FACTS, 0.0),
    }


def _report(label: str, result: dict[str, Any]) -> dict[str, float]:
    figures = _summary(result)
    print(
        f"{label:>7} {result['articles']:>5} {result['words']:>8,} {figures['model']:>7.2f} "
        f"{figures['compare']:>8.2f} {figures['nlp']:>7.2f} {figures['aligned']:>7.2f} "
        f"{figures['ratio']:>6.1%} {figures['model'] + figures['compare']:>8.2f} "
        f"{result['peak_rss_mb']:>7.0f} {result['claims']:>6} {result['conflicts']:>9}"
    )
    stages = "  ".join(
        f"{stage}{' (first NLP batch)' if stage == Stage.LOADING_MODEL else ''} {seconds:.2f}s"
        for stage, seconds in result["stages"].items()
    )
    print(f"{'':>7} stages: {stages}")
    print(
        f"{'':>7} a bare spaCy pass over the same text: {figures['bare']:.2f}s; "
        f"compare / bare spaCy = {figures['compare'] / figures['bare']:.2f}x"
    )
    print(
        f"{'':>7} before compare: articles {result['load_articles']:.2f}s, spaCy model "
        f"{result['model']:.2f}s, scoring dictionaries {result['dictionaries']:.2f}s"
    )
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[20, 100, 200])
    parser.add_argument("--quick", action="store_true", help="the sample set and 20 articles")
    parser.add_argument("--words", type=int, default=800, help="words per generated article")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_measure(args.size, args.words)))
        return

    sizes = [0, 20] if args.quick else [0, *args.sizes]
    print("times in seconds; model = spaCy model + scoring dictionaries, loaded before compare;")
    print("compare excludes them; end2end = model + compare; a+c+d = alignment+conflicts+diffs")
    print(
        f"{'set':>7} {'arts':>5} {'words':>8} {'model':>7} {'compare':>8} {'NLP':>7} "
        f"{'a+c+d':>7} {'/NLP':>6} {'end2end':>8} {'RSS MB':>7} {'claims':>6} {'conflicts':>9}"
    )
    results: dict[int, dict[str, float]] = {}
    rss: dict[int, float] = {}
    for size in sizes:
        result = _run_child(size, args.words)
        results[size] = _report(str(size) if size else "sample", result)
        rss[size] = result["peak_rss_mb"]

    print("\ntargets (reported, not asserted):")
    worst = max(results.values(), key=lambda figures: figures["ratio"])
    missing = "" if any(f["aligned"] for f in results.values()) else " (no such stages reported)"
    print(
        f"  alignment+conflicts+diffs <= {RATIO_TARGET:.0%} of NLP at every size: "
        f"worst {worst['ratio']:.1%}{missing}"
    )
    if 100 in results:
        end_to_end = results[100]["model"] + results[100]["compare"]
        print(
            f"  100 articles end-to-end <= {SECONDS_100:.0f} s: {end_to_end:.2f} s "
            f"(compare alone {results[100]['compare']:.2f} s); "
            f"peak RSS <= {RSS_100_MB / 1024:.1f} GB: {rss[100]:.0f} MB"
        )
        times = results[100]["compare"] / results[100]["bare"]
        print(f"  100 articles compare <= {BARE_TARGET}x a bare spaCy pass: {times:.2f}x")
        facts = results[100]["facts"] / (results[100]["compare"] - results[100]["facts"])
        print(f"  100 articles: the fact sheet adds <= {FACTS_SHARE_TARGET:.0%}: {facts:.1%}")
    if 100 in results and 200 in results:
        growth = results[200]["compare"] / results[100]["compare"]
        print(f"  time 100 -> 200 articles <= {GROWTH_TARGET}x: {growth:.2f}x (compare time)")


if __name__ == "__main__":
    main()
