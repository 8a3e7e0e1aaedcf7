"""Plain text: encoding detection, mojibake repair, the first line as headline when it is one."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from charset_normalizer import from_bytes

from parallax.core.errors import ArticleLoadError
from parallax.core.formats import Extracted
from parallax.core.textclean import looks_like_headline, paragraphs_from_lines, repair

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def decode(data: bytes, path: Path | None) -> str:
    """Bytes to text, or a load error when the bytes are not text in any encoding we can tell."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    sample = data[:8192]
    utf16 = _utf16_without_bom(sample)
    if utf16:
        return data.decode(utf16, errors="replace")
    if b"\x00" in sample or _control_share(sample) > 0.05:
        raise ArticleLoadError(path, "this file contains binary data, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):  # one stray bad sequence in UTF-8 text: repair it, keep the rest
        return data.decode("utf-8", errors="replace")
    return data.decode(_guess_single_byte(data, path), errors="replace")


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 text with a few broken sequences: far more valid multi-byte characters than bad
    ones. Legacy text (cp1252 "é" is one byte) has no valid multi-byte characters at all."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    valid = sum(1 for ch in text if ord(ch) > 0x7F) - text.count("\ufffd")
    return 0 < bad <= max(2, len(data) // 2000) and valid >= 2 * bad


def _guess_single_byte(data: bytes, path: Path | None) -> str:
    """The legacy encoding of non-UTF-8 text, by charset-normalizer.

    On short texts several code pages decode the bytes equally cleanly and the detector's first
    pick is arbitrary (cp775 for French words); among equally clean candidates we take
    Windows-1252, by far the most common legacy encoding of English and Western European news.
    """
    matches = list(from_bytes(data[:200_000]))
    if not matches:
        raise ArticleLoadError(path, "this file contains binary data, not text")
    cleanest = min(match.chaos for match in matches)
    tied = [match.encoding for match in matches if match.chaos <= cleanest + 0.01]
    return "cp1252" if "cp1252" in tied else tied[0]


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 text of a Latin-script language has a NUL in one byte of nearly every pair."""
    pairs = len(sample) // 2
    if pairs < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if even == 0 and odd > pairs * 0.6:
        return "utf-16-le"
    if odd == 0 and even > pairs * 0.6:
        return "utf-16-be"
    return _non_latin_utf16(sample)


def _non_latin_utf16(sample: bytes) -> str | None:
    """UTF-16 of an alphabet outside Latin (Cyrillic, Greek, Arabic, Hebrew, Indic …): the high
    byte of nearly every pair is the alphabet's block (below 0x20) or 0 (spaces, digits,
    punctuation). Random bytes spread over all 256 values, and in 8-bit text every other byte
    is a printable character (0x20 and up). The sample must also decode cleanly."""
    sample = sample[: len(sample) // 2 * 2]
    for encoding, high in (("utf-16-be", sample[0::2]), ("utf-16-le", sample[1::2])):
        common = sorted(Counter(high).values(), reverse=True)[:3]
        low = sum(1 for byte in high if byte < 0x20)
        if sum(common) < 0.95 * len(high) or low < 0.95 * len(high):
            continue
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        letters = sum(ch.isalpha() for ch in text)
        if letters > 0.5 * len(text) and all(ch.isprintable() or ch.isspace() for ch in text):
            return encoding
    return None


def _control_share(sample: bytes) -> float:
    if not sample:
        return 0.0
    return sum(1 for b in sample if b < 9 or 13 < b < 32) / len(sample)


def extract_text(text: str) -> Extracted:
    paragraphs = paragraphs_from_lines(repair(text))
    if paragraphs and looks_like_headline(paragraphs[0], paragraphs[1:]):
        return Extracted(paragraphs, title=paragraphs[0], title_is_first_paragraph=True)
    return Extracted(paragraphs)


def extract(data: bytes, path: Path | None) -> Extracted:
    return extract_text(decode(data, path))
