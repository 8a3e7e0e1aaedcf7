"""Time and peak memory of the largest inputs Parallax accepts, and of refusing larger ones.

Run: .venv/bin/python benchmarks/bench_limits.py [--only NAME …]
Each case runs in a fresh subprocess: load (or refuse) the input, then compare it with one
ordinary article. Peak RSS is the larger of the process's own and its spaCy workers'. The
target (issue 13): every accepted input analysed in <= 60 s and <= 1.5 GB on the 2-core machine,
anything larger refused up front. Prose comes from benchmarks/generate_sets.py (the sample's
sentences, reworded), so the texts read like news. The figures are reported, never asserted.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_sets import generate_articles

from parallax.core import nlp, scores
from parallax.core.errors import ArticleLoadError
from parallax.core.loading import MAX_SENTENCES, MAX_TEXT_CHARS, load_file
from parallax.core.pipeline import compare

SECONDS_TARGET, RSS_TARGET_MB = 60.0, 1536


def _prose(chars: int) -> list[str]:
    """Paragraphs of news-like prose adding up to about ``chars`` characters."""
    paragraphs: list[str] = []
    total, seed = 0, 0
    while total < chars:
        for article in generate_articles(20, words=800, seed=seed):
            for paragraph in article.text.split("\n\n")[1:]:
                paragraphs.append(paragraph)
                total += len(paragraph) + 2
                if total >= chars:
                    return paragraphs
        seed += 1
    return paragraphs


def _write_case(name: str, folder: Path) -> Path:
    if name == "text-at-limit":
        body = "\n\n".join(["A very long report on the talks", *_prose(MAX_TEXT_CHARS - 2_000)])
        return _save(folder / "long.txt", body[: MAX_TEXT_CHARS - 100])
    if name == "text-5MB":
        body = "\n\n".join(["A report far too long", *_prose(5_000_000)])
        return _save(folder / "huge.txt", body)
    if name == "sentences-at-limit":
        lines = [f"Item {n} was agreed on day {n % 28 + 1}." for n in range(MAX_SENTENCES - 50)]
        return _save(folder / "many.txt", "Minutes of the meeting\n\n" + " ".join(lines))
    if name == "tiny-words-at-limit":  # the most tokens the text limit lets through
        words = " ".join(["a"] * (MAX_TEXT_CHARS // 2 - 50))
        return _save(folder / "tiny.txt", "Tiny words\n\n" + words)
    if name == "markdown-marks":
        paragraphs = _prose(MAX_TEXT_CHARS * 7 // 10)
        marked = [
            f"A [link](http://example.org/{n}) and *stress*: {p}" for n, p in enumerate(paragraphs)
        ]
        brackets = "[" * 50_000 + " " + "*a " * 50_000
        return _save(folder / "marked.md", "# Talks\n\n" + "\n\n".join([*marked, brackets]))
    if name == "html-100k-elements":
        paragraphs = _prose(MAX_TEXT_CHARS * 6 // 10)
        cells = "".join(f"<div><span>{n}</span></div>" for n in range(30_000))
        body = "".join(f"<p>{p}</p>" for p in paragraphs)
        markup = f"<html><head><title>Talks</title></head><body><article><h1>Talks</h1>{body}"
        return _save(
            folder / "page.html", markup + f"</article><aside>{cells}</aside></body></html>"
        )
    raise ValueError(name)


def _save(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _measure(name: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        path = _write_case(name, Path(folder))
        size = path.stat().st_size
        nlp.get_pipeline()
        scores.warm_up()
        other = generate_articles(1, seed=99)[0]
        started = time.perf_counter()
        try:
            article = load_file(path)
        except ArticleLoadError as error:
            return {"name": name, "bytes": size, "refused": str(error), "load": _since(started)}
        loaded = time.perf_counter()
        comparison = compare([article, other])
        return {
            "name": name,
            "bytes": size,
            "chars": len(article.text),
            "sentences": len(comparison.articles[0].sentences),
            "load": loaded - started,
            "compare": _since(loaded),
            "rss_mb": max(
                resource.getrusage(who).ru_maxrss / 1024
                for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
            ),
        }


def _since(started: float) -> float:
    return time.perf_counter() - started


CASES = (
    "text-at-limit",
    "sentences-at-limit",
    "tiny-words-at-limit",
    "markdown-marks",
    "html-100k-elements",
    "text-5MB",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=CASES, default=list(CASES))
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_measure(args.child)))
        return
    print(f"limits: {MAX_TEXT_CHARS:,} characters of text, {MAX_SENTENCES:,} sentences per article")
    print(
        f"{'case':>20} {'file MB':>8} {'load s':>7} {'compare s':>9} {'total s':>8} {'RSS MB':>7}"
    )
    for name in args.only:
        command = [sys.executable, __file__, "--child", name]
        output = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True).stdout
        result = json.loads(output.strip().splitlines()[-1])
        if "refused" in result:
            print(
                f"{name:>20} {result['bytes'] / 1e6:>8.1f} {result['load']:>7.2f} "
                f"refused: {result['refused']}"
            )
            continue
        total = result["load"] + result["compare"]
        verdict = "ok" if total <= SECONDS_TARGET and result["rss_mb"] <= RSS_TARGET_MB else "OVER"
        print(
            f"{name:>20} {result['bytes'] / 1e6:>8.1f} {result['load']:>7.2f} "
            f"{result['compare']:>9.2f} {total:>8.2f} {result['rss_mb']:>7.0f}  "
            f"{result['sentences']:,} sentences, {result['chars']:,} chars  {verdict}"
        )
    print(
        f"target: <= {SECONDS_TARGET:.0f} s and <= {RSS_TARGET_MB / 1024:.1f} GB per accepted input"
    )


if __name__ == "__main__":
    main()
