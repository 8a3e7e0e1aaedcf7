"""Corrections by hand in their stored form: saved comparisons (format 2) and the JSON export.

Reading trusts nothing: a damaged correction raises ``CorrectionDataError`` naming the field
(``corrections[2].sentences[0].index``) and what was expected.
"""

from __future__ import annotations

from parallax.core.corrections import Anchor, Correction, CorrectionKind, Span
from parallax.core.models import ConflictType


class CorrectionDataError(ValueError):
    """A stored correction is damaged: ``where`` names the field, the message what is wrong."""

    def __init__(self, where: str, problem: str) -> None:
        self.where, self.problem = where, problem
        super().__init__(f"{where}: {problem}")


def to_data(correction: Correction) -> dict:
    data: dict = {"kind": correction.kind.value}
    if correction.sentences:
        data["sentences"] = [_anchor_data(a) for a in correction.sentences]
    if correction.claim:
        data["claim"] = [_anchor_data(a) for a in correction.claim]
    if correction.other:
        data["other"] = [_anchor_data(a) for a in correction.other]
    if correction.conflict_type is not None:
        data["conflict_type"] = correction.conflict_type.value
    if correction.values:
        data["values"] = [
            {"sentence": _anchor_data(v.anchor), "start": v.start, "end": v.end, "text": v.text}
            for v in correction.values
        ]
    if correction.reason:
        data["reason"] = correction.reason
    return data


def _anchor_data(found: Anchor) -> dict:
    return {
        "article": found.article,
        "index": found.sentence,
        "text": found.text,
        "start": found.start,
    }


def from_data(data: object, where: str) -> Correction:
    """A correction from its stored form, or ``CorrectionDataError`` saying what is wrong."""
    if not isinstance(data, dict):
        raise CorrectionDataError(where, "expected an object (one correction)")
    kinds = ", ".join(k.value for k in CorrectionKind)
    kind = data.get("kind")
    if kind not in {k.value for k in CorrectionKind}:
        raise CorrectionDataError(f"{where}.kind", f"expected one of {kinds}")
    conflict_type = data.get("conflict_type")
    if conflict_type is not None and conflict_type not in {t.value for t in ConflictType}:
        types = ", ".join(t.value for t in ConflictType)
        raise CorrectionDataError(f"{where}.conflict_type", f"expected one of {types}")
    reason = data.get("reason", "")
    if not isinstance(reason, str):
        raise CorrectionDataError(f"{where}.reason", "expected text")
    correction = Correction(
        kind=CorrectionKind(kind),
        sentences=_anchors(data.get("sentences", []), f"{where}.sentences"),
        claim=_anchors(data.get("claim", []), f"{where}.claim"),
        other=_anchors(data.get("other", []), f"{where}.other"),
        conflict_type=ConflictType(conflict_type) if conflict_type is not None else None,
        values=_spans(data.get("values", []), f"{where}.values"),
        reason=reason,
    )
    _check_complete(correction, where)
    return correction


def _check_complete(correction: Correction, where: str) -> None:
    kind = correction.kind
    needs = {
        CorrectionKind.LINK: bool(correction.sentences)
        and (bool(correction.claim) or len(correction.sentences) >= 2),
        CorrectionKind.UNLINK: bool(correction.sentences) and bool(correction.claim),
        CorrectionKind.MERGE: bool(correction.claim) and bool(correction.other),
        CorrectionKind.SPLIT: bool(correction.sentences) and bool(correction.claim),
        CorrectionKind.DISMISS: bool(correction.values) and correction.conflict_type is not None,
        CorrectionKind.MARK: len(correction.values) == 2 and correction.conflict_type is not None,
    }
    if not needs[kind]:
        raise CorrectionDataError(where, f"a {kind.value} correction with parts missing")


def _anchors(items: object, where: str) -> tuple[Anchor, ...]:
    if not isinstance(items, list):
        raise CorrectionDataError(where, "expected a list of sentences")
    return tuple(_anchor(item, f"{where}[{n}]") for n, item in enumerate(items))


def _anchor(item: object, where: str) -> Anchor:
    if not isinstance(item, dict):
        raise CorrectionDataError(where, "expected an object (a sentence)")
    article, text = item.get("article"), item.get("text")
    index, start = item.get("index"), item.get("start")
    if not isinstance(article, str) or not article:
        raise CorrectionDataError(f"{where}.article", "expected the article's key")
    if not isinstance(text, str):
        raise CorrectionDataError(f"{where}.text", "expected the sentence's text")
    for name, value in (("index", index), ("start", start)):
        if not _is_offset(value):
            raise CorrectionDataError(f"{where}.{name}", "expected a whole number, 0 or more")
    return Anchor(article, index, text, start)


def _spans(items: object, where: str) -> tuple[Span, ...]:
    if not isinstance(items, list):
        raise CorrectionDataError(where, "expected a list of values")
    spans = []
    for n, item in enumerate(items):
        here = f"{where}[{n}]"
        if not isinstance(item, dict):
            raise CorrectionDataError(here, "expected an object (a value)")
        found = _anchor(item.get("sentence"), f"{here}.sentence")
        start, end, text = item.get("start"), item.get("end"), item.get("text")
        if not (_is_offset(start) and _is_offset(end) and start <= end):
            raise CorrectionDataError(here, "expected start ≤ end, whole numbers, 0 or more")
        if not isinstance(text, str):
            raise CorrectionDataError(f"{here}.text", "expected the value's words")
        spans.append(Span(found, start, end, text))
    return tuple(spans)


def _is_offset(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 2**40
