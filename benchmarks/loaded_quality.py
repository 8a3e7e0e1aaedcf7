"""Prints precision and recall of the loaded-language marks on the labelled news sentences.

Run: .venv/bin/python benchmarks/loaded_quality.py [--set tuning|heldout|all]
     [--only coverage|pages|news|opinion] [--misses]

Two labelled sets, reported separately (rule in benchmarks/loaded/README.md):
- tuning (benchmarks/loaded/labels.tsv, 364 sentences): the word lists and thresholds of
  parallax.core.loaded were set with these sentences in view, so its figures are optimistic;
  parts: coverage (the coverage clusters' texts) and pages (opinion pages, pages.tsv);
- heldout (benchmarks/loaded/heldout.tsv, 254 sentences from the pages of heldout_pages.tsv):
  collected and labelled after the marker was written, before it was run on them, and never
  used to change it; parts: news (wire and straight news) and opinion (opinion, tabloid and
  partisan pages), by the page's kind.
By default both sets are printed one after the other; --set all pools them.

The labels anchor each sentence by file, index and sha1; the texts are third-party and never
committed, so the
sentences are read again from benchmarks/coverage/*/texts/ and benchmarks/loaded/pages/
(re-collected by benchmarks/coverage/recollect.py and benchmarks/loaded/recollect.py). A
sentence whose text is missing or has changed is counted and skipped.

Phrase level: a mark is right when it overlaps a labelled phrase (precision); a labelled phrase
is found when a mark overlaps it (recall). Sentence level: a sentence is loaded when it has a
labelled phrase, and marked when it has a mark. Two markers are compared: the word list the app
used before issue 16 ("old": VADER words with |valence| ≥ 2.5 and a hand list) and the current
one (parallax.core.loaded). Figures are reported, never asserted.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from parallax.core.loaded import find_loaded
from parallax.core.sentiment import strong_lexicon_words

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "loaded"))
from sentences import file_sentences, sha1  # noqa: E402

LABELS = {"tuning": HERE / "loaded" / "labels.tsv", "heldout": HERE / "loaded" / "heldout.tsv"}
HELDOUT_PAGES = HERE / "loaded" / "heldout_pages.tsv"
PARTS = {"coverage": "tuning", "pages": "tuning", "news": "heldout", "opinion": "heldout"}
Span = tuple[int, int]

# The loaded terms before issue 16 (kept here only to compare against).
_OLD_WORDS = (
    "regime puppet junta thugs invaders occupiers aggressor capitulation appease appeasement "
    "surrender betrayal sham so-called slammed blasted hysteria propaganda illegitimate "
    "russophobia neo-nazi neo-nazis warmongers genocide massacre"
)
OLD_LIST = (*_OLD_WORDS.split(" "), "land grab", "lashed out")


@dataclass(frozen=True, slots=True)
class Labelled:
    source: str
    text: str
    gold: list[Span]


def old_marker(text: str) -> list[Span]:
    words = strong_lexicon_words(2.5) | {t for t in OLD_LIST if " " not in t}
    spans = [
        (m.start(), m.end())
        for m in re.finditer(r"[A-Za-z][A-Za-z'’-]*", text)
        if m.group().lower() in words and (m.group() == m.group().lower() or m.start() == 0)
    ]
    for phrase in (t for t in OLD_LIST if " " in t):
        spans += [(m.start(), m.end()) for m in re.finditer(re.escape(phrase), text)]
    return spans


def new_marker(text: str) -> list[Span]:
    return [(m.start, m.end) for m in find_loaded(text)]


def _heldout_parts() -> dict[str, str]:
    """Held-out page file -> "opinion" or "news", by the kind recorded for the page."""
    with HELDOUT_PAGES.open(encoding="utf-8", newline="") as handle:
        return {
            row["file"]: "opinion"
            if any(k in row["kind"] for k in ("opinion", "editorial", "column"))
            else "news"
            for row in csv.DictReader(handle, delimiter="\t")
        }


def _part(name: str, source: str, heldout_parts: dict[str, str]) -> str:
    if name == "tuning":
        return source.split("/", 1)[0]
    return heldout_parts.get(source.split("/", 1)[1], "news")


def load(name: str, only: str | None = None) -> tuple[list[Labelled], int]:
    """The labelled sentences of one set ("tuning" or "heldout"), optionally of one part."""
    items, missing = [], 0
    cache: dict[str, list[str]] = {}
    heldout_parts = _heldout_parts() if name == "heldout" else {}
    with LABELS[name].open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if only and _part(name, row["source"], heldout_parts) != only:
                continue
            path = _path(row["source"])
            if row["source"] not in cache:
                cache[row["source"]] = file_sentences(path) if path.exists() else []
            sentences = cache[row["source"]]
            index = int(row["sent_idx"])
            if index >= len(sentences) or sha1(sentences[index]) != row["sha1"]:
                missing += 1
                continue
            text = sentences[index]
            gold = [
                (m.start(), m.end())
                for phrase in filter(None, (p.strip() for p in row["loaded"].split("|")))
                for m in re.finditer(re.escape(phrase), text)
            ]
            items.append(Labelled(row["source"], text, gold))
    return items, missing


def _path(source: str) -> Path:
    kind, rest = source.split("/", 1)
    if kind == "coverage":
        cluster, name = rest.split("/")
        return HERE / "coverage" / cluster / "texts" / name
    return HERE / "loaded" / "pages" / rest


def _overlaps(span: Span, others: list[Span]) -> bool:
    return any(span[0] < b and a < span[1] for a, b in others)


def score(items: list[Labelled], marker: Callable[[str], list[Span]]) -> dict[str, float]:
    tp_marks = marks = found = gold = 0
    s_tp = s_marked = s_loaded = 0
    for item in items:
        predicted = marker(item.text)
        marks += len(predicted)
        tp_marks += sum(_overlaps(p, item.gold) for p in predicted)
        gold += len(item.gold)
        found += sum(_overlaps(g, predicted) for g in item.gold)
        s_marked += bool(predicted)
        s_loaded += bool(item.gold)
        s_tp += bool(predicted) and bool(item.gold)
    return {
        "phrase_p": tp_marks / marks if marks else 0.0,
        "phrase_r": found / gold if gold else 0.0,
        "sent_p": s_tp / s_marked if s_marked else 0.0,
        "sent_r": s_tp / s_loaded if s_loaded else 0.0,
        "marks": marks,
        "gold": gold,
    }


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def show_misses(items: list[Labelled]) -> None:
    for item in items:
        predicted = new_marker(item.text)
        wrong = [item.text[a:b] for a, b in predicted if not _overlaps((a, b), item.gold)]
        missed = [item.text[a:b] for a, b in item.gold if not _overlaps((a, b), predicted)]
        if wrong or missed:
            print(f"{item.source}: +{wrong} -{missed}\n    {item.text}")


def report(title: str, items: list[Labelled], missing: int, misses: bool) -> None:
    loaded = sum(bool(i.gold) for i in items)
    phrases = sum(len(i.gold) for i in items)
    print(f"== {title}: {len(items)} sentences ({loaded} loaded, {phrases} phrases)")
    if missing:
        print(f"{missing} labelled sentences skipped: text missing or changed")
    print(
        f"{'marker':<8}{'phrase P':>10}{'R':>7}{'F1':>7}{'sent P':>9}{'R':>7}{'F1':>7}{'marks':>7}"
    )
    for name, marker in (("old", old_marker), ("new", new_marker)):
        s = score(items, marker)
        print(
            f"{name:<8}{s['phrase_p']:>8.3f}{s['phrase_r']:>8.3f}"
            f"{_f1(s['phrase_p'], s['phrase_r']):>8.3f}{s['sent_p']:>8.3f}{s['sent_r']:>8.3f}"
            f"{_f1(s['sent_p'], s['sent_r']):>8.3f}{s['marks']:>8}"
        )
    if misses:
        show_misses(items)


TITLES = {
    "tuning": "tuning set (the lists were set with it in view: optimistic)",
    "heldout": "held-out set (never used to set the marker)",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--set",
        choices=("tuning", "heldout", "all"),
        help="one set, or both pooled (default: each set on its own)",
    )
    parser.add_argument("--only", choices=tuple(PARTS), help="one part of a set")
    parser.add_argument("--misses", action="store_true", help="list the new marker's errors")
    args = parser.parse_args()
    if args.only:
        if args.set not in (None, PARTS[args.only]):
            parser.error(f"--only {args.only} is a part of the {PARTS[args.only]} set")
        names = [PARTS[args.only]]
    else:
        names = ["tuning", "heldout"] if args.set in (None, "all") else [args.set]
    if args.set == "all":
        loaded = [load(name) for name in names]
        items = [item for part, _ in loaded for item in part]
        report("both sets pooled", items, sum(m for _, m in loaded), args.misses)
        return
    for name in names:
        items, missing = load(name, args.only)
        title = TITLES[name] + (f", {args.only} only" if args.only else "")
        report(title, items, missing, args.misses)


if __name__ == "__main__":
    main()
