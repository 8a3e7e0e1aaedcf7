"""Fits the pair model (desktop/parallax/core/pair_model.py) on the real-coverage dev set and
reports how it does on events it was not fitted on.

Run: .venv/bin/python benchmarks/fit_pair_model.py [--write]
Needs the clusters' texts (benchmarks/coverage/recollect.py) and the shared scorer's sentence
splitter (../shared/eval/). For each event in turn, the model is fitted on the other events, its
two thresholds are chosen on those events too, and the held-out event is grouped and scored
(pair precision, recall and F1, as the shared scorer counts them): the leave-one-event-out
figures are what to expect on coverage the model has not seen. ``--write`` then fits on every
event and writes the coefficients, thresholds and those figures to
desktop/parallax/core/data/pair_model.json.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from parallax.core import align, embeddings, pair_model, pipeline
from parallax.core.links import link_arrays
from parallax.core.loading import load_file
from parallax.core.models import CompareOptions

ROOT = Path(__file__).resolve().parents[1]
CLUSTERS = ROOT / "benchmarks" / "coverage"
EVAL = ROOT.parent / "shared" / "eval"
OUT = ROOT / "desktop" / "parallax" / "core" / "data" / "pair_model.json"
SAME_GRID = (0.25, 0.3, 0.35, 0.4, 0.45, 0.5)
ATTACH_GRID = (0.25, 0.3, 0.35, 0.4, 0.45)
L2 = 1.0


@dataclass
class Event:
    name: str
    article_of: list[int]
    first: np.ndarray
    second: np.ndarray
    features: np.ndarray
    labels: np.ndarray
    gold_pairs: set[tuple[int, int]]


def load_event(cluster: Path, embedder) -> Event:
    sys.path.insert(0, str(EVAL))
    import score_clusters as scorer  # the scorer's own normalisation and sentence splitter
    from sents import split

    files = sorted((cluster / "texts").glob("*.txt"))
    comparison = pipeline.compare(
        [load_file(f) for f in files], CompareOptions(use_embeddings=False)
    )
    analysed = comparison.articles
    vecs = align.vectors([(item.article.text, item.sentences) for item in analysed])
    texts = [item.sentence_text(s) for item in analysed for s in item.sentences]
    vectors = embedder.encode(texts)
    info = pipeline.sentence_infos(analysed)
    article_of = [a for a, item in enumerate(analysed) for _ in item.sentences]
    flat = {}
    for a, item in enumerate(analysed):
        for s in item.sentences:
            flat[(a, s.index)] = len(flat)
    candidates = link_arrays(vecs, align.CANDIDATE_FLOOR, embeddings=vectors, embedding_weight=0.5)
    first, second = candidates[0], candidates[1]
    features = align.pair_features(candidates, article_of, info)
    gold_pairs = _gold_pairs(cluster, files, analysed, flat, article_of, scorer, split)
    labels = np.array(
        [(a, b) in gold_pairs for a, b in zip(first.tolist(), second.tolist(), strict=True)]
    )
    return Event(cluster.name, article_of, first, second, features, labels, gold_pairs)


def _gold_pairs(cluster, files, analysed, flat, article_of, scorer, split) -> set:
    """Gold pairs as flat sentence ids, located the way the shared scorer locates them."""
    stems = [f.stem for f in files]
    members = defaultdict(set)
    cache = {}
    for row in scorer.read_tsv(cluster / "gold.tsv"):
        name, index = row["file"], int(row["sent_idx"])
        if name not in cache:
            cache[name] = split((cluster / "texts" / name).read_text(encoding="utf-8"))
        sentences = cache[name]
        first = " ".join(" ".join(sentences[index:]).split()[: int(row["anchor_words"])])
        if hashlib.sha1(first.encode()).hexdigest() != row["anchor_sha1"]:
            raise SystemExit(f"{cluster.name}: {name} differs from the labelled text")
        a = stems.index(Path(name).stem)
        item = analysed[a]
        text, where = scorer.norm_with_map(item.article.text)
        position = -1
        for words in (8, 4):
            position = text.find(scorer.norm(" ".join(sentences[index].split()[:words])))
            if position >= 0:
                break
        if position < 0:
            continue
        offset = where[position]
        hit = next((s.index for s in item.sentences if s.start <= offset < s.end), None)
        if hit is not None:
            members[row["claim_id"]].add(flat[(a, hit)])
    pairs = set()
    for ids in members.values():
        for x, y in itertools.combinations(sorted(ids), 2):
            if article_of[x] != article_of[y]:
                pairs.add((x, y))
    return pairs


def probabilities(model: tuple, event: Event) -> np.ndarray:
    mean, scale, coefficients, intercept = model
    fitted = pair_model.PairModel(mean, scale, coefficients, intercept, 0.0, 0.0)
    return fitted.probabilities(event.features)


def score(event: Event, p: np.ndarray, same: float, attach: float) -> tuple[float, float, float]:
    keep = p >= align.PAIR_FLOOR
    found = {
        (a, b): q
        for a, b, q in zip(
            event.first[keep].tolist(), event.second[keep].tolist(), p[keep].tolist(), strict=True
        )
    }
    groups = align.groups_from_links(found, event.article_of, same, attach)
    start = {a: event.article_of.index(a) for a in set(event.article_of)}
    flat_of = {(a, n - start[a]): n for n, a in enumerate(event.article_of)}
    predicted = set()
    for group in groups:
        ids = sorted(flat_of[(r.article, r.sentence)] for r in group.members)
        for x, y in itertools.combinations(ids, 2):
            if event.article_of[x] != event.article_of[y]:
                predicted.add((x, y))
    hit = len(predicted & event.gold_pairs)
    precision = hit / len(predicted) if predicted else 0.0
    recall = hit / len(event.gold_pairs) if event.gold_pairs else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def fit(events: list[Event]) -> tuple[tuple, float, float]:
    x = np.concatenate([e.features for e in events])
    y = np.concatenate([e.labels for e in events]).astype(np.float64)
    model = pair_model.fit_logistic(x, y, L2)
    chances = [probabilities(model, e) for e in events]
    best = max(
        itertools.product(SAME_GRID, ATTACH_GRID),
        key=lambda t: np.mean([score(e, p, *t)[2] for e, p in zip(events, chances, strict=True)]),
    )
    return model, *best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write core/data/pair_model.json")
    parser.add_argument(
        "--minilm",
        type=Path,
        metavar="WHEEL",
        help="measure with all-MiniLM-L6-v2 (its PyPI wheel, see encoder_ceiling.py) as the "
        "encoder instead of WordLlama (leave-one-event-out figures only)",
    )
    args = parser.parse_args()
    if args.minilm and args.write:
        parser.error("--minilm only measures; the shipped model is fitted with WordLlama")
    embedder = embeddings.load()
    if args.minilm:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from encoder_ceiling import MiniLM

        embedder = MiniLM(args.minilm)
    if embedder is None:
        raise SystemExit("the sentence encoder is not available")
    chosen = [c for c in sorted(CLUSTERS.iterdir()) if any((c / "texts").glob("*.txt"))]
    events = [load_event(c, embedder) for c in chosen]
    held_out = []
    for n, event in enumerate(events):
        model, same, attach = fit(events[:n] + events[n + 1 :])
        result = score(event, probabilities(model, event), same, attach)
        held_out.append(result)
        print(
            f"{event.name:<28} P {result[0]:.3f} R {result[1]:.3f} F1 {result[2]:.3f} "
            f"(thresholds {same:g}/{attach:g} chosen on the other events)"
        )
    macro = np.mean(held_out, axis=0)
    print(f"leave-one-event-out macro: P {macro[0]:.3f} R {macro[1]:.3f} F1 {macro[2]:.3f}")
    if not args.write:
        return
    (mean, scale, coefficients, intercept), same, attach = fit(events)
    document = {
        "description": "Logistic pair model for claim grouping; fitted by "
        "benchmarks/fit_pair_model.py on the real-coverage dev set (benchmarks/coverage/).",
        "features": list(pair_model.FEATURES),
        "mean": [round(v, 6) for v in mean.tolist()],
        "scale": [round(v, 6) for v in scale.tolist()],
        "coefficients": [round(v, 6) for v in coefficients.tolist()],
        "intercept": round(intercept, 6),
        "same_claim": same,
        "attach": attach,
        "l2": L2,
        "events": [e.name for e in events],
        "leave_one_event_out": {
            "precision": round(float(macro[0]), 3),
            "recall": round(float(macro[1]), 3),
            "f1": round(float(macro[2]), 3),
        },
    }
    OUT.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")
    print(f"written to {OUT.relative_to(ROOT)} (thresholds {same:g}/{attach:g})")


if __name__ == "__main__":
    main()
