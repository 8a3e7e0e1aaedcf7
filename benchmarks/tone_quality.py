"""Prints how well sentence tone scores agree with human ratings on the VADER NYT editorial set.

Run: .venv/bin/python benchmarks/tone_quality.py [--folds K] [--limit N]

The data (Hutto & Gilbert, ICWSM 2014) are 5,190 sentences from NYT opinion pieces, each with
the mean of 20+ human ratings on −4…+4. For VADER compound, TextBlob polarity, their plain and
standardised averages and a least-squares blend of the two, it prints Pearson r against the human
mean over the whole set and over the same K shuffled folds (out-of-fold for the blend), then
scoring speed and which score the app should use. Figures are reported, never asserted.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from parallax.core.sentiment import textblob_sentiment, vader_compound

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "vader-nyt-editorial"
GROUND_TRUTH = DATA / "nytEditorialSnippets_GroundTruth.txt"
SEED = 20140601  # fixed so the folds, hence the cross-validated figures, are reproducible
MARGIN = 0.01  # the blend must beat the best single score by this much to be recommended


def load(limit: int | None) -> tuple[list[str], np.ndarray]:
    """Sentences and their mean human ratings (tab-separated id, rating, text; latin-1, CRLF)."""
    sentences: list[str] = []
    ratings: list[float] = []
    for line in GROUND_TRUTH.read_text(encoding="latin-1").splitlines():
        if line.strip():
            _, rating, text = line.split("\t", 2)
            sentences.append(text.strip())
            ratings.append(float(rating))
    return sentences[:limit], np.array(ratings[:limit])


def timed_scores(
    score: Callable[[str], float], sentences: Sequence[str]
) -> tuple[np.ndarray, float]:
    """Scores every sentence; returns them with the rate in sentences per second."""
    score("Warm-up sentence, so loading is not timed.")
    started = time.perf_counter()
    values = np.array([score(s) for s in sentences])
    return values, len(sentences) / (time.perf_counter() - started)


def pearson(x: np.ndarray, y: np.ndarray) -> float:
    return float(np.corrcoef(x, y)[0, 1])


def fit_blend(features: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Least-squares weights (intercept first) of target on the feature columns."""
    design = np.column_stack([np.ones(len(target)), features])
    return np.linalg.lstsq(design, target, rcond=None)[0]


def fold_indices(n: int, folds: int) -> list[np.ndarray]:
    return np.array_split(np.random.default_rng(SEED).permutation(n), folds)


def fold_rs(
    predict: Callable[[np.ndarray, np.ndarray], np.ndarray], target: np.ndarray, folds: int
) -> np.ndarray:
    """r on each held-out fold; predict(train_idx, test_idx) may use only the training fold."""
    rs = []
    for test in fold_indices(len(target), folds):
        train = np.setdiff1d(np.arange(len(target)), test)
        rs.append(pearson(predict(train, test), target[test]))
    return np.array(rs)


def standardised(x: np.ndarray) -> np.ndarray:
    return (x - x.mean()) / x.std()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds (default 5)")
    parser.add_argument("--limit", type=int, default=None, help="use the first N sentences only")
    args = parser.parse_args()
    if not GROUND_TRUTH.exists():
        print(f"skipping: {GROUND_TRUTH} not found")
        return

    sentences, human = load(args.limit)
    vader, vader_rate = timed_scores(vader_compound, sentences)
    textblob, textblob_rate = timed_scores(lambda s: textblob_sentiment(s)[0], sentences)
    features = np.column_stack([vader, textblob])
    # Rule-free scores: each is fixed before the ratings are seen, so a fold only selects rows.
    fixed = {
        "vader compound": vader,
        "textblob polarity": textblob,
        "mean (vader + textblob)/2": (vader + textblob) / 2,
        # Equal weight per standard deviation: TextBlob's spread is smaller, so the plain mean
        # is mostly VADER. Uses no ratings, only each score's own spread.
        "mean of z-scores": (standardised(vader) + standardised(textblob)) / 2,
    }

    print(f"data: {GROUND_TRUTH.name}, n = {len(human):,}, ratings −4…+4")
    print("paper: VADER r = 0.492, individual humans r = 0.745 (Hutto & Gilbert 2014)")
    print(f"{'score':<28} {'r (all)':>8}  {f'r over {args.folds} folds':>18}")
    cv: dict[str, float] = {}
    for name, values in fixed.items():
        rs = fold_rs(lambda _train, test, v=values: v[test], human, args.folds)
        cv[name] = float(rs.mean())
        print(
            f"{name:<28} {pearson(values, human):>8.3f}  {rs.mean():>10.3f} ± {rs.std(ddof=1):.3f}"
        )

    def blend(train: np.ndarray, test: np.ndarray) -> np.ndarray:
        weights = fit_blend(features[train], human[train])
        return features[test] @ weights[1:]

    blend_rs = fold_rs(blend, human, args.folds)
    _, w1, w2 = fit_blend(features, human)
    w1, w2 = w1 / (w1 + w2), w2 / (w1 + w2)
    in_sample = pearson(features @ np.array([w1, w2]), human)
    print(
        f"{'blend, least squares':<28} {in_sample:>8.3f}  "
        f"{blend_rs.mean():>10.3f} ± {blend_rs.std(ddof=1):.3f}  (out-of-fold)"
    )
    print(f"blend weights (full set, w1 + w2 = 1): {w1:.2f}*vader + {w2:.2f}*textblob")
    print(f"speed: vader {vader_rate:,.0f} sentences/s, textblob {textblob_rate:,.0f} sentences/s")

    single = max(("vader compound", "textblob polarity"), key=cv.__getitem__)
    if blend_rs.mean() >= cv[single] + MARGIN:
        print(f"primary: {w1:.2f}*vader + {w2:.2f}*textblob (cv r = {blend_rs.mean():.3f})")
    else:
        print(f"primary: {single} (cv r = {cv[single]:.3f}; blend {blend_rs.mean():.3f})")


if __name__ == "__main__":
    main()
