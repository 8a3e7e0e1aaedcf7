"""Prints how well Parallax finds shared claims and conflicts: on real coverage, on the demo
sample, and on STS-B.

Run: .venv/bin/python benchmarks/quality.py [--sweep] [--no-sts] [--no-coverage]
- Real coverage (the measure): the dev set in benchmarks/coverage/, scored with the shared
  scorer by benchmarks/coverage_quality.py (macro pair F1, should-flag differences found,
  controls flagged, reported conflicts that match a labelled difference). Targets: F1 ≥ 0.75,
  ≥ 75% found, ≤ 10% of controls, ≥ 70% matching.
- Sample set (seeds/ukraine-truce-2025-08/gold.json, written by us: a demo, not the measure):
  pair precision/recall/F1, designed conflicts found by type, false alarms on the designed
  non-conflicts.
- STS-B (../shared/data/stsbenchmark, skipped when absent): Spearman of word overlap, of the
  sentence embedding and of their blend (the similarity claims use) with the human score, per
  split. Target: test Spearman ≥ 0.80.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
from pathlib import Path

import coverage_quality

from parallax.core import align, embeddings, pipeline
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


def sample_report(
    threshold: float | None,
) -> tuple[Comparison, dict, tuple[float, float, float]]:
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
        return hits >= 2  # a conflict lists every article's value for its detail

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
    """Word overlap with weights fitted per batch of 60 pairs (as in a comparison of a few
    articles), the sentence embedding, and the blend claims use."""
    splits = {split: read_sts(split) for split in ("train", "dev", "test")}
    texts = sorted({t for rows in splits.values() for _, a, b in rows for t in (a, b)})
    articles = [load_pasted(text.replace("\n", " ")) for text in texts]
    keys = {}
    for text, article, sentences in zip(texts, articles, split_sentences(articles), strict=True):
        keys[text] = [k for s in sentences for k in sentence_keys(s, article.text)]
    embedder = embeddings.load()
    rows_of = {text: n for n, text in enumerate(texts)}
    vectors = embedder.encode(texts) if embedder else None
    weight = align.EMBEDDING_WEIGHT
    for split, rows in splits.items():
        lexical = []
        for first in range(0, len(rows), 60):
            batch = rows[first : first + 60]
            vectorizer = Vectorizer.fit([keys[t] for _, a, b in batch for t in (a, b)])
            lexical += [
                cosine(vectorizer.vector(keys[a]), vectorizer.vector(keys[b])) for _, a, b in batch
            ]
        gold = [score for score, _, _ in rows]
        line = f"STS-B {split:<5} n={len(rows):>5}  words {_spearman(lexical, gold):.3f}"
        if vectors is not None:
            semantic = [float(vectors[rows_of[a]] @ vectors[rows_of[b]]) for _, a, b in rows]
            blend = [(1 - weight) * x + weight * y for x, y in zip(lexical, semantic, strict=True)]
            line += (
                f"  {embedder.name} {_spearman(semantic, gold):.3f}"
                f"  blend ({weight:g}) {_spearman(blend, gold):.3f}"
            )
        print(line)


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
    parser.add_argument("--no-coverage", action="store_true", help="skip the real-coverage set")
    args = parser.parse_args()
    if not args.no_coverage:
        print("== Real coverage (benchmarks/coverage/): the measure")
        coverage_quality.main([])
    print("== Sample set (demo, written by us)")
    thresholds = [t / 100 for t in range(20, 62, 2)] if args.sweep else [None]
    for threshold in thresholds:
        comparison, gold, (precision, recall, f1) = sample_report(threshold)
        print(
            f"sample pairs at {threshold or 'the default threshold'}: precision {precision:.3f}  "
            f"recall {recall:.3f}  F1 {f1:.3f}"
        )
    conflict_report(comparison, gold)
    if not args.no_sts:
        if STS.exists():
            sts_report()
        else:
            print(f"STS-B: skipped ({STS} not found)")


if __name__ == "__main__":
    main()
