"""Prints how well Parallax finds shared claims and conflicts, on the sample's answer key and STS-B.

Run: .venv/bin/python benchmarks/quality.py [--sweep] [--no-sts]
- Sample set (seeds/ukraine-truce-2025-08/gold.json): pair precision/recall/F1 (two sentences
  of different articles in one group), designed conflicts found by type, false alarms on the
  designed non-conflicts. Targets: F1 ≥ 0.90, every conflict found, no false alarm.
- STS-B (../shared/data/stsbenchmark, skipped when absent): Spearman of the sentence similarity
  with the human score, and accuracy of the same-claim threshold at gold ≥ 3.0, per split.
  Target: test Spearman ≥ 0.72 (TF-IDF cosine 0.64, averaged GloVe 0.58, USE 0.75).
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
from pathlib import Path

from parallax.core import align, pipeline
from parallax.core.loading import load_file, load_pasted, supported_files
from parallax.core.models import Comparison
from parallax.core.nlp import split_sentences
from parallax.core.similarity import Vectorizer, cosine, sentence_keys

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "seeds" / "ukraine-truce-2025-08"
STS = ROOT.parent / "shared" / "data" / "stsbenchmark"


def gold_pairs(gold: dict, comparison: Comparison) -> set[frozenset[tuple[str, int]]]:
    """Gold claim members as (file name, sentence index), paired across articles."""
    pairs = set()
    for claim in gold["claims"]:
        members = [_locate(comparison, m["article"], m["starts_with"]) for m in claim["members"]]
        for a, b in itertools.combinations(members, 2):
            if a[0] != b[0]:
                pairs.add(frozenset((a, b)))
    return pairs


def _locate(comparison: Comparison, name: str, starts_with: str) -> tuple[str, int]:
    item = next(i for i in comparison.articles if i.article.source.name == name)
    sentence = next(s for s in item.sentences if item.sentence_text(s).startswith(starts_with))
    return name, sentence.index


def found_pairs(comparison: Comparison) -> set[frozenset[tuple[str, int]]]:
    names = {item.id: item.article.source.name for item in comparison.articles}
    pairs = set()
    for claim in comparison.claims:
        for a, b in itertools.combinations(claim.members, 2):
            if a.article != b.article:
                pairs.add(
                    frozenset(((names[a.article], a.sentence), (names[b.article], b.sentence)))
                )
    return pairs


def sample_report(threshold: float) -> tuple[Comparison, dict, tuple[float, float, float]]:
    gold = json.loads((SAMPLE / "gold.json").read_text(encoding="utf-8"))
    articles = [load_file(path) for path in supported_files(SAMPLE)]
    comparison = pipeline.compare(articles, pipeline.CompareOptions(same_claim=threshold))
    expected, found = gold_pairs(gold, comparison), found_pairs(comparison)
    hits = len(expected & found)
    precision = hits / len(found) if found else 0.0
    recall = hits / len(expected) if expected else 0.0
    f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
    return comparison, gold, (precision, recall, f1)


def conflict_report(comparison: Comparison, gold: dict) -> None:
    """Designed conflicts found (right type, overlapping values) and designed non-conflicts hit."""
    names = {item.id: item.article.source.name for item in comparison.articles}
    texts = {item.id: item.article.text for item in comparison.articles}

    def matches(found, designed) -> bool:
        wanted = {(v["article"], v["value"]) for v in designed["values"]}
        hits = 0
        for value in found.values:
            name, text = names[value.article], texts[value.article]
            hits += any(
                name == article and (value.value in phrase or phrase in value.value)
                for article, phrase in wanted
                if phrase in text
            )
        return hits == 2

    found_types: dict[str, int] = {}
    for designed in gold["conflicts"]:
        hit = any(
            c.type.value == designed["type"] and matches(c, designed) for c in comparison.conflicts
        )
        found_types[designed["type"]] = found_types.get(designed["type"], 0) + hit
        print(f"  {designed['id']:<4} {designed['type']:<12} {'found' if hit else 'MISSED'}")
    kinds = {
        "rounding": "number",
        "unit_conversion": "number",
        "name_variant": "entity",
        "date_format": "date",
    }
    alarms = sum(
        any(c.type.value == kinds[n["kind"]] and matches(c, n) for c in comparison.conflicts)
        for n in gold["non_conflicts"]
    )
    total = len(gold["conflicts"])
    print(
        f"conflicts found: {sum(found_types.values())}/{total}; false alarms on designed "
        f"non-conflicts: {alarms}/{len(gold['non_conflicts'])}; all conflicts reported: "
        f"{len(comparison.conflicts)}"
    )


def read_sts(split: str) -> list[tuple[float, str, str]]:
    rows = []
    with (STS / f"sts-{split}.csv").open(encoding="utf-8") as handle:
        for parts in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(parts) >= 7:
                rows.append((float(parts[4]), parts[5], parts[6]))
    return rows


def sts_report() -> None:
    splits = {split: read_sts(split) for split in ("train", "dev", "test")}
    texts = sorted({t for rows in splits.values() for _, a, b in rows for t in (a, b)})
    articles = [load_pasted(text.replace("\n", " ")) for text in texts]
    keys = {}
    for text, article, sentences in zip(texts, articles, split_sentences(articles), strict=True):
        keys[text] = [k for s in sentences for k in sentence_keys(s, article.text)]
    vectorizer = Vectorizer.fit(list(keys.values()))
    vectors = {text: vectorizer.vector(k) for text, k in keys.items()}
    for split, rows in splits.items():
        predicted = [cosine(vectors[a], vectors[b]) for _, a, b in rows]
        gold = [score for score, _, _ in rows]
        same = sum(
            (p >= align.SAME_CLAIM) == (g >= 3.0) for p, g in zip(predicted, gold, strict=True)
        )
        print(
            f"STS-B {split:<5} n={len(rows):>5}  Spearman {_spearman(predicted, gold):.3f}  "
            f"same-claim accuracy {same / len(rows):.3f} at {align.SAME_CLAIM}"
        )


def _spearman(x: list[float], y: list[float]) -> float:
    rx, ry = _ranks(x), _ranks(y)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    return cov / (sum((a - mx) ** 2 for a in rx) * sum((b - my) ** 2 for b in ry)) ** 0.5


def _ranks(values: list[float]) -> list[float]:
    order = sorted(range(len(values)), key=values.__getitem__)
    ranks = [0.0] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        for position in range(start, end + 1):
            ranks[order[position]] = (start + end) / 2
        start = end + 1
    return ranks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sweep", action="store_true", help="sample F1 across thresholds")
    parser.add_argument("--no-sts", action="store_true", help="skip STS-B")
    args = parser.parse_args()
    thresholds = [t / 100 for t in range(20, 62, 2)] if args.sweep else [align.SAME_CLAIM]
    for threshold in thresholds:
        comparison, gold, (precision, recall, f1) = sample_report(threshold)
        print(
            f"sample pairs at {threshold:.2f}: precision {precision:.3f}  recall {recall:.3f}  "
            f"F1 {f1:.3f}"
        )
    conflict_report(comparison, gold)
    if not args.no_sts:
        if STS.exists():
            sts_report()
        else:
            print(f"STS-B: skipped ({STS} not found)")


if __name__ == "__main__":
    main()
