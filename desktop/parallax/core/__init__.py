"""Parallax's analysis core: loading, NLP, comparison and export, with no GUI toolkit imported.

The window, the command line and the report import what they need from here, by these names;
the modules behind them are the core's own business. Names load on first use, so importing
``parallax.core`` stays cheap (``parallax --version`` loads no language model).
"""

from __future__ import annotations

import importlib
from typing import Any

# Public name -> the module that defines it.
_EXPORTS = {
    # records
    "AnalysedArticle": "models",
    "Article": "models",
    "Claim": "models",
    "ClaimStatus": "models",
    "CompareOptions": "models",
    "Comparison": "models",
    "Conflict": "models",
    "ConflictType": "models",
    "LoadFailure": "models",
    # loading
    "ArticleLoadError": "errors",
    "SUFFIXES": "loading",
    "load_pasted": "loading",
    "decode_text": ("formats.plain", "decode"),
    "supported_files": "loading",
    "SAVED_SUFFIX": ("saved", "SUFFIX"),
    # comparing
    "Stage": "pipeline",
    "compare": "pipeline",
    "claims_by_sentence": "claims",
    "conflict_kinds": "claims",
    "status_counts": "claims",
    "omitted_claims": "claims",
    "omissions_sentence": "claims",
    "sources_across": "voices",
    "EMBEDDING_CREDIT": ("embeddings", "CREDIT"),
    # exporting
    "Report": "report_html",
    "build_report": "report_html",
    "atomic_target": "export",
    "Output": "outputs",
    "output_clashes": "outputs",
    # the fact sheet
    "FactCell": "models",
    "FactRow": "models",
    "fact_omission": ("facts", "omissions"),
    # scores and tone marks
    "TermMatch": "wordlists",
    "READABILITY_HEADLINE": ("readability", "HEADLINE_METHOD"),
    "ToneMethod": "tone",
    "TONE_METHODS": ("tone", "METHOD_DESCRIPTIONS"),
    "tone_bands": ("tone", "band_key"),
    "signed_score": ("tone", "signed"),
    # processes
    "end_with_parent": "lifeline",
    # corrections by hand
    "Correction": "corrections",
    "CorrectionKind": "corrections",
    "describe_corrections": ("corrections", "describe"),
    # a correction names sentences, claims and words as they are now (found again on a re-run)
    "sentence_anchor": ("corrections", "anchor"),
    "claim_anchors": "corrections",
    "conflict_spans": "corrections",
    "text_span": ("corrections", "span"),
    "reassemble": "pipeline",
}
# Modules used as a whole by the window and the command line.
_MODULES = ("charts", "colours", "export", "jobs", "loading", "pipeline", "saved")

__all__ = sorted([*_EXPORTS, *_MODULES])


def __getattr__(name: str) -> Any:
    if name in _MODULES:
        return importlib.import_module(f"parallax.core.{name}")
    where = _EXPORTS.get(name)
    if where is None:
        raise AttributeError(f"module 'parallax.core' has no attribute {name!r}")
    module, attribute = where if isinstance(where, tuple) else (where, name)
    value = getattr(importlib.import_module(f"parallax.core.{module}"), attribute)
    globals()[name] = value
    return value
