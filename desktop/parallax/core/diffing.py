"""Word-level differences between two sentences (diff-match-patch), as offset spans."""

from __future__ import annotations

import re

from diff_match_patch import diff_match_patch

from parallax.core.models import DiffOp, DiffSpan

_WORD = re.compile(r"\w+(?:[’'\-]\w+)*|[^\w\s]")
_OPS = {0: DiffOp.EQUAL, 1: DiffOp.INSERT, -1: DiffOp.DELETE}


def word_diff(
    base: str, base_start: int, base_article: str, other: str, other_start: int, other_article: str
) -> tuple[DiffSpan, ...]:
    """Spans that turn ``base`` into ``other``, word by word.

    Words are mapped to single characters so diff-match-patch compares words, not letters
    (its line mode, applied to words). Equal and inserted spans point into ``other``'s article,
    deleted spans into ``base``'s; offsets are absolute (sentence start added).
    """
    base_words = list(_WORD.finditer(base))
    other_words = list(_WORD.finditer(other))
    alphabet: dict[str, str] = {}

    def encode(words: list[re.Match[str]]) -> str:
        return "".join(
            alphabet.setdefault(w.group().lower(), chr(0xE000 + len(alphabet))) for w in words
        )

    engine = diff_match_patch()
    engine.Diff_Timeout = 0.2
    diffs = engine.diff_main(encode(base_words), encode(other_words), False)
    engine.diff_cleanupSemantic(diffs)
    spans: list[DiffSpan] = []
    i = j = 0
    for op, chunk in diffs:
        count = len(chunk)
        if op == -1:
            words, start, article, i = (
                base_words[i : i + count],
                base_start,
                base_article,
                i + count,
            )
        else:
            words, start, article = other_words[j : j + count], other_start, other_article
            j += count
            if op == 0:
                i += count
        if words:
            spans.append(
                DiffSpan(_OPS[op], article, start + words[0].start(), start + words[-1].end())
            )
    return tuple(spans)
