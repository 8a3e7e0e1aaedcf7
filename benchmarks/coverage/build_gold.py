"""Fills in the anchor columns of a coverage cluster's gold.tsv and writes its text_sha256.tsv.

A labeller writes gold.tsv with claim_id, claim_paraphrase, file, sent_idx, is_headline_or_deck
and note (anchor_sha1 and anchor_words may be left empty); this script computes the anchors from
texts/ with the segmentation the shared scorer uses (../shared/eval/sents.py), checks every row
(the file exists, the index is in range, a claim has sentences in two or more files, no duplicate
rows) and rewrites gold.tsv with the columns in the scorer's order.

Run: python3 benchmarks/coverage/build_gold.py benchmarks/coverage/<cluster> [--check]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT.parent / "shared" / "eval"
COLUMNS = [
    "claim_id",
    "claim_paraphrase",
    "file",
    "anchor_sha1",
    "anchor_words",
    "sent_idx",
    "is_headline_or_deck",
    "note",
]
ANCHOR_WORDS = 8


def _split():
    sys.path.insert(0, str(EVAL))
    from sents import split  # the segmentation the gold is labelled with

    return split


def anchor(sentences: list[str], index: int) -> tuple[str, int]:
    words = " ".join(sentences[index:]).split()[:ANCHOR_WORDS]
    return hashlib.sha1(" ".join(words).encode()).hexdigest(), len(words)


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def write_tsv(path: Path, columns: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, columns, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({c: row.get(c, "") for c in columns})


def build(cluster: Path, check_only: bool) -> list[str]:
    split = _split()
    texts = {
        p.name: p.read_text(encoding="utf-8") for p in sorted((cluster / "texts").glob("*.txt"))
    }
    sentences = {name: split(text) for name, text in texts.items()}
    rows = read_tsv(cluster / "gold.tsv")
    problems, seen, files_of = [], set(), defaultdict(set)
    for number, row in enumerate(rows, start=2):
        name, idx = row["file"], int(row["sent_idx"])
        if name not in sentences:
            problems.append(f"gold.tsv line {number}: no texts/{name}")
            continue
        if not 0 <= idx < len(sentences[name]):
            problems.append(f"gold.tsv line {number}: {name} has no sentence {idx}")
            continue
        key = (row["claim_id"], name, idx)
        if key in seen:
            problems.append(f"gold.tsv line {number}: duplicate row {key}")
        seen.add(key)
        files_of[row["claim_id"]].add(name)
        sha, count = anchor(sentences[name], idx)
        if check_only and (row.get("anchor_sha1"), row.get("anchor_words")) != (sha, str(count)):
            problems.append(f"gold.tsv line {number}: anchor differs (texts changed?)")
        row["anchor_sha1"], row["anchor_words"] = sha, str(count)
    for claim, files in files_of.items():
        if len(files) < 2:
            problems.append(f"claim {claim} is stated by one file only: {sorted(files)}")
    if not check_only and not problems:
        write_tsv(cluster / "gold.tsv", COLUMNS, rows)
        hashes = [
            {"file": n, "sha256": hashlib.sha256(t.encode("utf-8")).hexdigest()}
            for n, t in texts.items()
        ]
        write_tsv(cluster / "text_sha256.tsv", ["file", "sha256"], hashes)
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cluster", type=Path)
    parser.add_argument("--check", action="store_true", help="only check, write nothing")
    args = parser.parse_args()
    problems = build(args.cluster, args.check)
    for line in problems:
        print(line, file=sys.stderr)
    if not problems:
        print(f"{args.cluster.name}: gold ok")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
