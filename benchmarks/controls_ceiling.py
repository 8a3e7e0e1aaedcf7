"""Prints how many negative controls a perfect conflict finder would flag under the shared scorer.

Run: .venv/bin/python benchmarks/controls_ceiling.py [CLUSTER …]

Reads only gold.tsv and conflicts.tsv (no article texts needed). The scorer
(../shared/eval/score_clusters.py) counts a control as flagged when any reported conflict has
sentences in two or more of the control's files, one of them a gold sentence of the control's
claim, whatever detail the conflict is about. A lead that gives the toll and the magnitude
carries both claims, so the toll conflict "flags" the magnitude control.

The perfect finder reports exactly the should-flag differences of conflicts.tsv, each once, in
one of two shapes, choosing (greedily) among each file's gold sentences those that flag fewest
controls:

- every file's value (as conflicts.tsv lists them, and as Parallax does: "217 · 225 · 245");
- two files only (the least a reader needs to see that the detail differs).

Issue 12's target is at most 10% of controls flagged.
"""

from __future__ import annotations

import argparse
import csv
import itertools
from collections import defaultdict
from pathlib import Path

CLUSTERS = Path(__file__).resolve().parent / "coverage"

Sentence = tuple[str, int]  # (file stem, gold sentence index)


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream, delimiter="\t"))


def _files(conflict: dict[str, str]) -> list[str]:
    return [Path(part.split("=")[0].strip()).stem for part in conflict["values_by_file"].split("|")]


def ceiling(cluster: Path) -> tuple[int, int, int]:
    """(controls, flagged when every file's value is listed, flagged with two files only)."""
    claims: dict[str, set[Sentence]] = defaultdict(set)
    for row in _rows(cluster / "gold.tsv"):
        claims[row["claim_id"]].add((Path(row["file"]).stem, int(row["sent_idx"])))
    conflicts = _rows(cluster / "conflicts.tsv")
    controls = [c for c in conflicts if c["should_flag"] == "no"]

    def flagged(members: set[Sentence]) -> set[str]:
        hit = set()
        for control in controls:
            files = set(_files(control))
            inside = {m for m in members if m[0] in files}
            if len({m[0] for m in inside}) >= 2 and inside & claims[control["claim_id"]]:
                hit.add(control["conflict_id"])
        return hit

    every: set[str] = set()
    two: set[str] = set()
    for conflict in (c for c in conflicts if c["should_flag"] == "yes"):
        gold = claims[conflict["claim_id"]]
        options = [sorted(s for s in gold if s[0] == f) for f in _files(conflict)]
        options = [o for o in options if o]
        members: set[Sentence] = set()
        for choices in options:  # greedily, the sentence of each file that flags fewest
            members.add(min(choices, key=lambda s: len(flagged(members | {s}))))
        every |= flagged(members)
        pairs = [
            flagged({a, b})
            for first, second in itertools.combinations(options, 2)
            for a, b in itertools.product(first, second)
        ]
        if pairs:
            two |= min(pairs, key=len)
    return len(controls), len(every), len(two)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("clusters", nargs="*", help="cluster folder names (default: all)")
    args = parser.parse_args()
    found = sorted(p for p in CLUSTERS.iterdir() if (p / "conflicts.tsv").exists())
    found = [p for p in found if not args.clusters or p.name in args.clusters]
    totals = [0, 0, 0]
    for cluster in found:
        counts = ceiling(cluster)
        totals = [t + c for t, c in zip(totals, counts, strict=True)]
        print(
            f"{cluster.name:<28} controls {counts[0]:>3}  "
            f"every value {counts[1]:>3}  two files {counts[2]:>3}"
        )
    controls, every, two = totals
    print(
        f"a perfect finder flags {every}/{controls} controls ({every / max(controls, 1):.0%}) "
        f"listing every file's value, {two}/{controls} ({two / max(controls, 1):.0%}) "
        "listing two files per difference (target ≤ 10%)"
    )


if __name__ == "__main__":
    main()
