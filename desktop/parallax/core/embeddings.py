"""Sentence embeddings for claim matching: WordLlama's 256-d model, shipped inside its wheel.

Word overlap cannot see that "the details remain undisclosed" and "the terms have not been made
public" state the same thing; an embedding can. WordLlama (MIT) ships its weights and tokenizer in
the PyPI wheel and embeds 15,000–28,000 sentences a second here, so it is on by default and adds
well under a second to a comparison of 100 articles. It is loaded with downloads switched off
(its loader otherwise looks on the network for a tokenizer it already has).

Chosen by measurement (docs/comparison.md): on the real-coverage dev set the blend of word overlap
and WordLlama matches the blend with all-MiniLM-L6-v2 (STS-B 0.820 alone) while costing 1/300 of
its time. ``PARALLAX_EMBEDDING_MODEL=off`` turns embeddings off (word overlap only); a missing or
broken library does the same, and the comparison says so (``Comparison.embedding_model`` is None).
"""

from __future__ import annotations

import importlib.util
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ENVIRONMENT_VARIABLE = "PARALLAX_EMBEDDING_MODEL"
PACKAGE = "wordllama"
MODEL = "l2_supercat"
DIMENSIONS = 256
NAME = f"WordLlama {MODEL} {DIMENSIONS}-d"
# Shown wherever the encoder is named (the About box, the report's methods page).
CREDIT = "WordLlama by Lee Miller, MIT licence; weights shipped in the wordllama package"

_lock = threading.Lock()
_loaded: list[Embedder | None] = []


@dataclass(frozen=True)
class Embedder:
    name: str
    model: object  # a wordllama WordLlamaInference

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length float32 vectors, one row per text."""
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        vectors = np.asarray(self.model.embed(list(texts), norm=True), dtype=np.float32)
        # An input with no known token embeds to zeros: it then matches nothing, as it should.
        return np.nan_to_num(vectors)


def is_enabled() -> bool:
    return os.environ.get(ENVIRONMENT_VARIABLE, "").lower() != "off"


def package_folder() -> Path | None:
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def load() -> Embedder | None:
    """The process's embedder, loaded once (~0.3 s), or None when off or unavailable."""
    if not is_enabled():
        return None
    with _lock:
        if not _loaded:
            _loaded.append(_load())
        return _loaded[0]


def _load() -> Embedder | None:
    folder = package_folder()
    if folder is None or not (folder / "weights").is_dir():
        return None
    try:
        from wordllama import WordLlama

        model = WordLlama.load(
            config=MODEL, cache_dir=folder, dim=DIMENSIONS, disable_download=True
        )
    except Exception:  # a broken install must not stop a comparison: words only
        return None
    return Embedder(name=NAME, model=model)
