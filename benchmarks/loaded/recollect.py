"""Re-collects the page texts of the loaded-language sets, or checks them.

The texts are third-party copyright and never committed. pages.tsv (the tuning set's opinion
and tabloid pages) and heldout_pages.tsv (the held-out set's news and opinion pages) keep each
page's URL and the first and last words of the stretch that was labelled, with a hash of its
words. Both sets' texts go to pages/ (their file names differ). This script
fetches each URL (or reads a saved copy, ``--pages DIR/<file>.html``), extracts the article with
trafilatura, keeps the stretch from the first to the last recorded words and writes
``pages/<file>``; ``--check`` only compares the words of the texts already there. A text whose
hash differs needs the edits its notes list; the labels are anchored per sentence (sha1), so a
sentence that still matches is scored even when others moved.

Run: python3 benchmarks/loaded/recollect.py [--set tuning|heldout|all] [--pages DIR] [--check]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
SETS = {"tuning": "pages.tsv", "heldout": "heldout_pages.tsv"}


def words_hash(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def page_text(row: dict[str, str], saved: Path | None) -> str:
    import trafilatura

    if saved is not None and (saved / row["file"]).with_suffix(".html").exists():
        html = (saved / row["file"]).with_suffix(".html").read_text(encoding="utf-8")
    else:
        with urllib.request.urlopen(row["url"], timeout=30) as response:
            html = response.read().decode("utf-8", errors="replace")
    text = trafilatura.extract(html) or ""
    start = text.find(row["first_words"].split()[0])
    lines = text[max(start, 0) :].splitlines()
    kept = []
    for line in lines:
        kept.append(line)
        if row["last_words"] in " ".join(" ".join(kept).split()):
            break
    return "\n".join(kept) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, help="folder of saved pages (<file>.html)")
    parser.add_argument("--check", action="store_true", help="only compare the texts present")
    parser.add_argument("--set", choices=(*SETS, "all"), default="all", help="which pages")
    args = parser.parse_args()
    rows = []
    for name in SETS if args.set == "all" else [args.set]:
        with (HERE / SETS[name]).open(encoding="utf-8", newline="") as handle:
            rows += list(csv.DictReader(handle, delimiter="\t"))
    for row in rows:
        path = HERE / "pages" / row["file"]
        if not args.check:
            path.parent.mkdir(exist_ok=True)
            path.write_text(page_text(row, args.pages), encoding="utf-8")
        ok = path.exists() and words_hash(path.read_text(encoding="utf-8")) == row["words_sha256"]
        print(f"{'ok' if ok else 'DIFFERS'}\t{row['file']}")


if __name__ == "__main__":
    main()
