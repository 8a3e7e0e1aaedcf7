"""Prints spaCy throughput (words/s) and model load time on the sample set and a larger corpus.

Run: .venv/bin/python benchmarks/bench_nlp.py [--repeat N]
The larger corpus is the sample set repeated so batching effects show; the figure is reported,
never asserted.
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from parallax.core import nlp
from parallax.core.loading import load_file, supported_files

SAMPLE = Path(__file__).resolve().parents[1] / "seeds" / "ukraine-truce-2025-08"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="copies of the sample (default 20)")
    args = parser.parse_args()

    started = time.perf_counter()
    articles = [load_file(path) for path in supported_files(SAMPLE)]
    loaded = time.perf_counter()
    _, model = nlp.get_pipeline()
    model_ready = time.perf_counter()
    print(f"model: {model.label} (trained: {model.trained})")
    print(f"load {len(articles)} sample files: {loaded - started:.2f} s")
    print(f"load spaCy pipeline: {model_ready - loaded:.2f} s")

    for label, batch in (("sample", articles), (f"sample x{args.repeat}", articles * args.repeat)):
        begin = time.perf_counter()
        sentences = nlp.split_sentences(batch)
        seconds = time.perf_counter() - begin
        words = sum(s.word_count for per_article in sentences for s in per_article)
        print(
            f"{label}: {words:,} words, {sum(map(len, sentences)):,} sentences in "
            f"{seconds:.2f} s = {words / seconds:,.0f} words/s"
        )
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
