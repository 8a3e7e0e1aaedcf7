"""Prints how well Parallax finds shared claims and conflicts on the real-coverage dev set.

Run: .venv/bin/python benchmarks/coverage_quality.py [CLUSTER …] [--json-dir DIR]
Each cluster is a folder of benchmarks/coverage/ with texts/ (re-collected with
benchmarks/coverage/recollect.py; never committed), gold.tsv and conflicts.tsv. Every cluster is
compared as the CLI would (``parallax compare texts/*.txt --json``) and scored with the shared
scorer (../shared/eval/score_clusters.py). Prints one line per cluster and the macro figures.
Targets (issue 12): macro pair F1 ≥ 0.75; ≥ 75% of should-flag differences found; ≤ 10% of
controls flagged; ≥ 70% of reported conflicts match a labelled difference.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from parallax.core import export, pipeline
from parallax.core.loading import load_file

ROOT = Path(__file__).resolve().parents[1]
CLUSTERS = ROOT / "benchmarks" / "coverage"
SCORER = ROOT.parent / "shared" / "eval" / "score_clusters.py"


def clusters(names: list[str]) -> list[Path]:
    found = sorted(p for p in CLUSTERS.iterdir() if (p / "gold.tsv").exists())
    if names:
        found = [p for p in found if p.name in names]
    return [p for p in found if any((p / "texts").glob("*.txt"))]


def score(cluster: Path, json_dir: Path) -> dict:
    articles = [load_file(path) for path in sorted((cluster / "texts").glob("*.txt"))]
    comparison = pipeline.compare(articles)
    out = json_dir / f"{cluster.name}.json"
    out.write_text(json.dumps(export.to_document(comparison)), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(SCORER), str(cluster), str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def _fraction(text: str) -> tuple[int, int]:
    found, total = text.split("/")
    return int(found), int(total)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("clusters", nargs="*", help="cluster folder names (default: all)")
    parser.add_argument("--json-dir", type=Path, help="keep the comparison JSON here")
    args = parser.parse_args(argv)
    if not SCORER.exists():
        print(f"coverage: skipped ({SCORER} not found)")
        return
    chosen = clusters(args.clusters)
    if not chosen:
        print("coverage: no cluster has texts/; run benchmarks/coverage/recollect.py first")
        return
    with tempfile.TemporaryDirectory() as tmp:
        json_dir = args.json_dir or Path(tmp)
        json_dir.mkdir(parents=True, exist_ok=True)
        rows = [score(cluster, json_dir) for cluster in chosen]
    totals = {"yes": [0, 0], "no": [0, 0], "optional": [0, 0]}
    reported = unmatched = 0
    for row in rows:
        print(
            f"{row['cluster']:<28} P {row['pair_precision']:.3f} R {row['pair_recall']:.3f} "
            f"F1 {row['pair_f1']:.3f}  flag found {row['conflicts_yes_found']:>5}  "
            f"optional {row['conflicts_optional_found']:>5}  controls flagged "
            f"{row['false_alarms_on_controls']:>5}  conflicts {row['app_conflicts']:>3} "
            f"(unmatched {row['app_conflicts_unmatched']}) "
            f"unmapped {row['unmapped_gold_sentences']}"
        )
        for flag, key in (
            ("yes", "conflicts_yes_found"),
            ("no", "false_alarms_on_controls"),
            ("optional", "conflicts_optional_found"),
        ):
            found, total = _fraction(row[key])
            totals[flag][0] += found
            totals[flag][1] += total
        reported += row["app_conflicts"]
        unmatched += row["app_conflicts_unmatched"]
    n = len(rows)
    macro = {k: sum(r[k] for r in rows) / n for k in ("pair_precision", "pair_recall", "pair_f1")}
    yes, no = totals["yes"], totals["no"]
    print(
        f"macro over {n} clusters: P {macro['pair_precision']:.3f} R {macro['pair_recall']:.3f} "
        f"F1 {macro['pair_f1']:.3f}\n"
        f"should-flag found {yes[0]}/{yes[1]} ({yes[0] / max(yes[1], 1):.0%}); controls flagged "
        f"{no[0]}/{no[1]} ({no[0] / max(no[1], 1):.0%}); reported conflicts matching a labelled "
        f"difference {reported - unmatched}/{reported} "
        f"({(reported - unmatched) / max(reported, 1):.0%})"
    )


if __name__ == "__main__":
    main()
