"""The sentence encoder: WordLlama from its wheel, offline, blended into claim grouping."""

import numpy as np

from parallax.core import embeddings
from parallax.core.export import to_document
from parallax.core.loading import load_pasted
from parallax.core.models import ClaimStatus
from parallax.core.pipeline import CompareOptions, compare

UNDISCLOSED = "The details of the agreement remain undisclosed."
NOT_PUBLIC = "The precise terms have not been made public."


class MeaningEmbedder:
    """Stands in for a sentence-embedding model: it knows these two sentences mean the same."""

    name = "test-model"

    def encode(self, texts):
        rows = []
        for n, text in enumerate(texts):
            vector = np.zeros(len(texts) + 1, dtype=np.float32)
            vector[0 if text in (UNDISCLOSED, NOT_PUBLIC) else n + 1] = 1.0
            rows.append(vector)
        return np.array(rows)


def articles():
    return [
        load_pasted(f"Truce talks\n{UNDISCLOSED}\nOil prices fell sharply on Friday."),
        load_pasted(f"Deal in the works\n{NOT_PUBLIC}\nFarmers protested in the capital."),
    ]


def shared_texts(comparison):
    items = {i.id: i for i in comparison.articles}
    return [
        sorted(
            items[m.article].sentence_text(items[m.article].sentences[m.sentence])
            for m in claim.members
        )
        for claim in comparison.claims
        if claim.status is ClaimStatus.SHARED_ALL
    ]


def test_lexical_similarity_alone_misses_a_paraphrase_without_shared_words(monkeypatch):
    monkeypatch.setattr(embeddings, "load", lambda: None)
    comparison = compare(articles())
    assert sorted([NOT_PUBLIC, UNDISCLOSED]) not in shared_texts(comparison)
    assert to_document(comparison)["generator"]["embedding_model"] is None


def test_embeddings_join_the_paraphrase_and_are_reported(monkeypatch):
    monkeypatch.setattr(embeddings, "load", lambda: MeaningEmbedder())
    comparison = compare(articles())
    assert sorted([NOT_PUBLIC, UNDISCLOSED]) in shared_texts(comparison)
    assert to_document(comparison)["generator"]["embedding_model"] == "test-model"
    off = compare(articles(), CompareOptions(use_embeddings=False))
    assert off.embedding_model is None


def test_switched_off_by_the_environment(monkeypatch):
    monkeypatch.setenv(embeddings.ENVIRONMENT_VARIABLE, "off")
    assert embeddings.load() is None
    comparison = compare(articles())
    assert comparison.embedding_model is None


def test_the_shipped_encoder_loads_offline_and_sees_paraphrase(monkeypatch):
    # Any attempt to reach the network would fail loudly here.
    import socket

    def no_network(*args, **kwargs):
        raise AssertionError("the encoder tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(embeddings, "_loaded", [])  # load it afresh, under the guard
    embedder = embeddings.load()
    assert embedder is not None, "wordllama is a dependency and ships its weights"
    vectors = embedder.encode(
        [
            "The earthquake killed at least 225 people.",
            "At least 225 people died in the quake.",
            "Oil prices fell sharply on Friday.",
        ]
    )
    assert vectors.shape == (3, embeddings.DIMENSIONS)
    assert float(vectors[0] @ vectors[1]) > float(vectors[0] @ vectors[2]) + 0.2
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert embedder.encode([]).shape == (0, embeddings.DIMENSIONS)


def test_comparisons_name_the_encoder_they_used():
    comparison = compare(articles())
    assert comparison.embedding_model == embeddings.NAME
