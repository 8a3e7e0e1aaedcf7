"""Text repair and paragraph shaping shared by every loader, so all formats end up alike."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import ftfy

# Characters that are never article text: C0/C1 controls except tab/newline, and the BOM.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufffe]")
_INLINE_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_SENTENCE_END = re.compile(r"[.!?…:;\"”’)\]]$")
# "By Jane Doe", "BY JANE DOE and Ian Roe": two or more capitalised name parts after "By".
_NAME_PART = r"[A-Z][\w'’.\-]*"
_BYLINE = re.compile(
    rf"^[*_\s]*(?:By|BY)\s+(?P<name>{_NAME_PART}(?:\s+(?:{_NAME_PART}|and|&|de|van|von|al|bin))*"
    rf"\s+{_NAME_PART})"
)
_HEADLINE_MAX_CHARS = 200


def repair(text: str) -> str:
    """Fix mojibake and normalise Unicode, keeping typographic quotes (they are the author's)."""
    text = ftfy.fix_text(text, uncurl_quotes=False, fix_character_width=False)
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    return _CONTROL.sub("", text.replace("\u2029", "\n\n"))


def clean_line(line: str) -> str:
    return _INLINE_SPACE.sub(" ", line).strip()


def paragraphs_from_lines(text: str) -> list[str]:
    """Split plain text into paragraphs: blank lines and single newlines both end a paragraph.

    The one exception is a hard-wrapped line: when a line does not end a sentence and the next
    starts in lower case, the newline is a wrap inside a sentence and the lines are joined.
    """
    paragraphs: list[str] = []
    current = ""
    for raw in text.split("\n"):
        line = clean_line(raw)
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        if current and _continues(current, line):
            current = _join_wrapped(current, line)
        else:
            if current:
                paragraphs.append(current)
            current = line
    if current:
        paragraphs.append(current)
    return paragraphs


def _continues(previous: str, line: str) -> bool:
    return not _SENTENCE_END.search(previous) and (line[0].islower() or previous.endswith("-"))


def _join_wrapped(previous: str, line: str) -> str:
    # A line-final hyphen is kept: dropping it would corrupt compounds such as "front-line".
    return previous + line if previous.endswith("-") else f"{previous} {line}"


def looks_like_headline(line: str, following: Iterable[str]) -> bool:
    """A first line that is short, not a finished sentence, and followed by body text."""
    if not line or len(line) > _HEADLINE_MAX_CHARS or not any(following):
        return False
    if line.endswith((".", ",", ";", ":")) and not line.endswith("..."):
        return False
    words = line.split()
    return 2 <= len(words) <= 30


_ROLE_WORDS = re.compile(r"correspondent|editor|reporter|writer|staff|analyst|columnist", re.I)
_DATE_START = re.compile(
    r"^(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)", re.I
)


@dataclass(frozen=True, slots=True)
class Byline:
    author: str
    index: int
    outlet: str | None = None


def find_byline(paragraphs: list[str], *, search: int = 3) -> Byline | None:
    """A short "By Jane Doe, Outlet" paragraph near the top, which is metadata rather than text."""
    for index, paragraph in enumerate(paragraphs[:search]):
        match = _BYLINE.match(paragraph)
        if (
            match
            and len(paragraph) <= 120
            and not paragraph.rstrip("*_ ").endswith((".", "?", "!"))
        ):
            outlet = _byline_outlet(paragraph[match.end() :])
            return Byline(author=match.group("name").strip(" *_"), index=index, outlet=outlet)
    return None


def _byline_outlet(rest: str) -> str | None:
    """ "— Ledger Markets, Aug. 8, 2025" → "Ledger Markets"; a role or a date is no outlet."""
    part = rest.strip(" *_").lstrip("—–-|,").split(",")[0].strip(" *_")
    if not part or len(part) > 60 or not part[0].isupper():
        return None
    if _ROLE_WORDS.search(part) or _DATE_START.match(part):
        return None
    return part


def has_words(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


# Call-to-action lines pages and newsletters leave in copied text ("Read the original article
# here", "Click here to subscribe", "Follow us on Twitter"): standalone, short, and made of a
# prompt verb and a link word. A sentence of reporting never has this shape.
_CALL_TO_ACTION = re.compile(
    r"^(?:read|click|tap|listen|subscribe|sign up|follow us|share this|download|"
    r"continue reading)\b.{0,60}?\b(?:here|more|now|below|above|article|story|newsletter|app|"
    r"twitter|facebook|instagram|x|podcast|online)[\s.!:»›>→)]*$",
    re.IGNORECASE,
)
_CALL_TO_ACTION_MAX_WORDS = 10


def is_call_to_action(paragraph: str) -> bool:
    """Whether a whole paragraph is a page's prompt to click, read or subscribe."""
    # Commas and quotation marks belong to sentences ("Read it here," she said), not to prompts.
    return (
        len(paragraph.split()) <= _CALL_TO_ACTION_MAX_WORDS
        and not any(mark in paragraph for mark in ',"“”')
        and _CALL_TO_ACTION.match(paragraph.strip()) is not None
    )
