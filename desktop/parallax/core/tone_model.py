"""Sentence tone as news readers rate it: a ridge regression over the sentence embedding and the
VADER and TextBlob scores, fitted on NewsMTSC.

VADER and TextBlob were built on social media and product reviews; on news they miss tone that
lies in what is reported rather than in evaluative words ("censuring", "walked back", "under
fire"). NewsMTSC (Hamborg & Donnay, EACL 2021, MIT) has news sentences whose sentiment towards
each named person or group was rated by several readers: negative, neutral or positive. A
sentence's target is the mean of its targets' polarities mapped to −1 / 0 / +1, so the model
predicts how negative or positive readers find a sentence on the same −1…+1 scale as VADER.

The coefficients, with the figures that justify them, are in ``data/tone_model.json``, written by
``benchmarks/fit_tone_model.py``; nothing here is tuned by hand. Without embeddings (turned off,
or the encoder missing) callers fall back to the VADER and TextBlob blend of ``core.tone``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

FEATURES = ("embedding", "vader_compound", "textblob_polarity")
CREDIT = (
    "NewsMTSC (Hamborg & Donnay, EACL 2021), MIT licence: the news sentences with rated "
    "sentiment that the tone model was fitted on (only its coefficients ship)"
)


@dataclass(frozen=True)
class ToneModel:
    weights: np.ndarray  # one per embedding dimension, then VADER compound, TextBlob polarity
    intercept: float
    neutral_band: tuple[float, float]  # scores strictly inside are neutral
    dimensions: int

    def predict(
        self, vectors: np.ndarray, compound: np.ndarray, polarity: np.ndarray
    ) -> np.ndarray:
        """Tone of each sentence, −1 (negative) … +1 (positive)."""
        features = np.column_stack([vectors, compound, polarity]).astype(np.float64)
        return np.clip(features @ self.weights + self.intercept, -1.0, 1.0)


@cache
def load() -> ToneModel:
    text = resources.files("parallax.core.data").joinpath("tone_model.json").read_text()
    data = json.loads(text)
    if tuple(data["features"]) != FEATURES:
        raise ValueError("tone_model.json was fitted on other features; refit it")
    weights = np.asarray(data["weights"], dtype=np.float64)
    low, high = data["neutral_band"]
    return ToneModel(weights, float(data["intercept"]), (low, high), len(weights) - 2)
