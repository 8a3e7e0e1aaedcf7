"""The sentence splitting the loaded-language labels are anchored to (plain, no spaCy)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

# A sentence ends at . ! or ? (optionally followed by a closing quote) before a space and a capital,
# digit or opening quote; titles and initials before a full stop do not end one.
_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘'(]?[A-Z0-9])")
_NO_END = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gen|Gov|Lt|Col|No|Jan|Feb|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.N|"
    r"a\.m|p\.m|[A-Z])\.[\"”’']?$"
)


def split(text: str) -> list[str]:
    """Every non-empty line is a paragraph; each paragraph is split into sentences."""
    out: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        pending = ""
        start = 0
        for match in _END.finditer(line):
            piece = line[start : match.start()]
            candidate = (pending + " " + piece).strip() if pending else piece.strip()
            start = match.end()
            if _NO_END.search(candidate):
                pending = candidate
                continue
            out.append(candidate)
            pending = ""
        rest = line[start:].strip()
        tail = (pending + " " + rest).strip() if pending else rest
        if tail:
            out.append(tail)
    return out


def sha1(sentence: str) -> str:
    return hashlib.sha1(" ".join(sentence.split()).encode("utf-8")).hexdigest()


def file_sentences(path: Path) -> list[str]:
    return split(path.read_text(encoding="utf-8"))
