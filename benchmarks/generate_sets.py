"""Synthetic article sets for scale benchmarks, recombined from the sample set's sentences.

Each generated article draws a weighted random subset of the sample's sentences (popular sentences
land in most articles, rare ones in few), lightly rewords them (synonyms, clauses swapped around a
comma, now and then a changed number so conflicts exist) and adds a headline. Deterministic for a
seed. Run: .venv/bin/python benchmarks/generate_sets.py [--count N] [--words N] [--seed N]
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

from parallax.core.loading import load_file, load_pasted, supported_files
from parallax.core.models import Article

SAMPLE = Path(__file__).resolve().parents[1] / "seeds" / "ukraine-truce-2025-08"
_SENTENCE_END = re.compile(r"(?<=[.!?…”])\s+(?=[A-Z“\"])")
# Counts, amounts and percentages (thousands separators kept); years are left alone.
_NUMBER = re.compile(r"\b(?!(?:19|20)\d\d\b)(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\b")
_SYNONYMS = {
    "said": "stated",
    "officials": "representatives",
    "deal": "agreement",
    "talks": "negotiations",
    "war": "conflict",
    "meeting": "summit",
    "reported": "disclosed",
    "working on": "preparing",
    "far from clear": "uncertain",
    "current": "present",
}
# Words that open a clause which reads as well before the main clause as after it.
_OPENERS = {"although", "though", "while", "as", "after", "before", "since", "when", "citing"}
_OPENERS |= {"according", "possibly", "ending", "extending", "pointing", "regardless", "once"}


def sentence_pool(folder: Path = SAMPLE) -> tuple[list[str], list[str]]:
    """The sample's body sentences (6+ words, ending in punctuation) and its headlines."""
    sentences: list[str] = []
    headlines: list[str] = []
    for path in supported_files(folder):
        article = load_file(path)
        paragraphs = article.text.split("\n\n")
        if article.has_headline:
            headlines.append(paragraphs.pop(0))
        for paragraph in paragraphs:
            for sentence in _SENTENCE_END.split(paragraph):
                if len(sentence.split()) >= 6 and sentence.rstrip('”"’').endswith((".", "?", "!")):
                    sentences.append(sentence)
    return sentences, headlines


def reword(sentence: str, rng: random.Random, lowercase: set[str]) -> str:
    """Light, meaning-preserving edits, plus an occasional changed number (a conflict)."""
    for word, synonym in _SYNONYMS.items():
        if rng.random() < 0.4:
            sentence = re.sub(rf"\b{word}\b", synonym, sentence)
    sentence = re.sub(r"\b([Aa]) agreement\b", r"\1n agreement", sentence)
    if rng.random() < 0.5 and "“" not in sentence and '"' not in sentence:
        sentence = _swap_clauses(sentence, lowercase)
    numbers = list(_NUMBER.finditer(sentence))
    if numbers and rng.random() < 0.2:
        match = rng.choice(numbers)
        text = match.group().replace(",", "")
        places = len(text.split(".")[1]) if "." in text else 0
        changed = float(text) * rng.choice((0.5, 0.8, 1.25, 2.0)) + rng.choice((1, 2, 3))
        new = f"{changed:,.{places}f}" if "," in match.group() else f"{changed:.{places}f}"
        sentence = sentence[: match.start()] + new + sentence[match.end() :]
    return sentence


def _swap_clauses(sentence: str, lowercase: set[str]) -> str:
    """'A, while b.' → 'While b, a.': moves a trailing subordinate clause to the front."""
    head, sep, tail = sentence.rpartition(", ")
    tail, end = tail[:-1], tail[-1:]
    if not sep or len(head.split()) < 4 or end not in ".!?" or tail.split()[0] not in _OPENERS:
        return sentence
    if re.sub(r"[^A-Za-z].*", "", head).lower() in lowercase:
        head = head[0].lower() + head[1:]
    return f"{tail[0].upper()}{tail[1:]}, {head}{end}"


def generate_articles(count: int, words: int = 800, seed: int = 0) -> list[Article]:
    """``count`` articles of about ``words`` words whose claims overlap across the set."""
    rng = random.Random(seed)
    pool, headlines = sentence_pool()
    lowercase = {w for s in pool for w in re.findall(r"\b[a-z]+\b", s)}
    # Zipf-like popularity: a few sentences are in nearly every article, most in a few.
    weights = [1 / (rank + 1) ** 1.0 for rank in range(len(pool))]
    rng.shuffle(weights)
    articles = []
    for number in range(1, count + 1):
        chosen: list[int] = []
        candidates = list(range(len(pool)))
        total = 0
        while total < words and candidates:
            pick = rng.choices(candidates, [weights[i] for i in candidates])[0]
            candidates.remove(pick)
            chosen.append(pick)
            total += len(pool[pick].split())
        chosen.sort(key=lambda i: i + rng.uniform(-8, 8))  # roughly the sample's order
        body = [reword(pool[i], rng, lowercase) for i in chosen]
        paragraphs = []
        while body:
            size = rng.randint(1, 3)
            paragraphs.append(" ".join(body[:size]))
            body = body[size:]
        title = f"{reword(rng.choice(headlines), rng, lowercase)} ({number})"
        articles.append(load_pasted("\n\n".join([title, *paragraphs]), title=title))
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=3)
    parser.add_argument("--words", type=int, default=800)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    for article in generate_articles(args.count, args.words, args.seed):
        print(f"# {len(article.text.split())} words\n{article.text}\n")


if __name__ == "__main__":
    main()
