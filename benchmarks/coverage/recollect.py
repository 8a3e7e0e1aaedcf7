"""Re-collects a coverage cluster's article texts from their public pages, or checks them.

The texts are third-party copyright and never committed; each cluster keeps ``sources.tsv``
(URL, outlet, and the edits made), ``text_sha256.tsv`` (the exact texts the gold was labelled
on) and ``text_span.tsv`` (the first and last words of each text, and a hash of its words).
This script

1. fetches each URL (or reads a saved copy of the page from ``--pages DIR``, named like the text
   file with ``.html``), extracts the article with trafilatura, the extractor Parallax uses;
2. keeps the stretch from the recorded first words to the recorded last words, one paragraph
   per line (the stored copies were the beginning of each page);
3. writes ``texts/<file>`` and compares its words with the labelled text's (line breaks may
   differ; the gold is anchored on words, so they do not matter).

A text whose hash differs needs the edits its ``notes`` list (dropped captions, bylines,
"Advertisement" lines): make them by hand, then run with ``--check`` until every text matches.

Run: python3 benchmarks/coverage/recollect.py benchmarks/coverage/<cluster> [--pages DIR] [--check]
     python3 benchmarks/coverage/recollect.py --spans benchmarks/coverage/<cluster>  (labellers)
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
import urllib.request
from pathlib import Path

SPAN_WORDS = 8


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def write_spans(cluster: Path) -> None:
    """Record each text's first and last words (run once, by whoever labelled the cluster)."""
    rows = []
    for path in sorted((cluster / "texts").glob("*.txt")):
        words = path.read_text(encoding="utf-8").split()
        rows.append(
            {
                "file": path.name,
                "first_words": " ".join(words[:SPAN_WORDS]),
                "last_words": " ".join(words[-SPAN_WORDS:]),
                # Line breaks may come out differently from a page; the words may not.
                "words_sha256": sha256(" ".join(words)),
            }
        )
    with (cluster / "text_span.tsv").open("w", encoding="utf-8", newline="") as handle:
        columns = ["file", "first_words", "last_words", "words_sha256"]
        writer = csv.DictWriter(handle, columns, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def page_html(url: str, saved: Path | None) -> str:
    if saved is not None and saved.exists():
        return saved.read_text(encoding="utf-8", errors="replace")
    request = urllib.request.Request(url, headers={"User-Agent": "parallax-recollect/1"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read().decode("utf-8", errors="replace")


def cut(text: str, first: str, last: str) -> str | None:
    """The stretch of ``text`` from the first words to the last words, whitespace-insensitive."""

    def pattern(words: str) -> str:
        return r"\s+".join(re.escape(w) for w in words.split())

    start = re.search(pattern(first), text)
    if start is None:
        return None
    ends = list(re.finditer(pattern(last), text[start.start() :]))
    if not ends:
        return None
    end = ends[-1]
    stretch = text[start.start() : start.start() + end.end()]
    return "\n".join(line.strip() for line in stretch.splitlines() if line.strip()) + "\n"


def recollect(cluster: Path, pages: Path | None) -> int:
    import trafilatura

    spans = {row["file"]: row for row in read_tsv(cluster / "text_span.tsv")}
    hashes = {row["file"]: row["sha256"] for row in read_tsv(cluster / "text_sha256.tsv")}
    (cluster / "texts").mkdir(exist_ok=True)
    failures = 0
    for source in read_tsv(cluster / "sources.tsv"):
        name = source["file"]
        try:
            html = page_html(source["url"], pages / f"{Path(name).stem}.html" if pages else None)
        except OSError as error:
            print(f"{name}: cannot fetch {source['url']}: {error}")
            failures += 1
            continue
        extracted = trafilatura.extract(html, include_comments=False) or ""
        text = cut(extracted, spans[name]["first_words"], spans[name]["last_words"])
        if text is None:
            print(f"{name}: the recorded first/last words are not on the page any more")
            failures += 1
            continue
        (cluster / "texts" / name).write_text(text, encoding="utf-8")
        if (
            sha256(text) != hashes[name]
            and sha256(" ".join(text.split())) != (spans[name]["words_sha256"])
        ):
            print(f"{name}: differs from the labelled text; apply the edits: {source['notes']}")
            failures += 1
    return failures


def check(cluster: Path) -> int:
    failures = 0
    for row in read_tsv(cluster / "text_sha256.tsv"):
        path = cluster / "texts" / row["file"]
        if not path.exists():
            print(f"{row['file']}: missing")
            failures += 1
        elif sha256(path.read_text(encoding="utf-8")) != row["sha256"]:
            print(f"{row['file']}: differs from the labelled text")
            failures += 1
    return failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cluster", type=Path)
    parser.add_argument("--pages", type=Path, help="saved pages (<file stem>.html) to use")
    parser.add_argument("--check", action="store_true", help="only compare texts/ with hashes")
    parser.add_argument("--spans", action="store_true", help="write text_span.tsv from texts/")
    args = parser.parse_args()
    if args.spans:
        write_spans(args.cluster)
        return 0
    failures = check(args.cluster) if args.check else recollect(args.cluster, args.pages)
    print(f"{args.cluster.name}: {'all texts match' if not failures else f'{failures} to fix'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
