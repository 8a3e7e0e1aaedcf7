"""Language identification (py3langid adapter): analysis is tuned for English, so we must know."""

from __future__ import annotations

from functools import cache

# Below this many letters any guess is noise; such texts are reported as undetermined.
_MIN_LETTERS = 40
_MIN_PROBABILITY = 0.6


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when the text is too short or mixed."""
    sample = text[:20_000]
    if sum(ch.isalpha() for ch in sample) < _MIN_LETTERS:
        return None
    code, probability = _identifier().classify(sample)
    return code if probability >= _MIN_PROBABILITY else None
