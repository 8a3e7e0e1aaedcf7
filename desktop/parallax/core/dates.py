"""Calendar dates written the ways English news writes them, normalised to ISO 8601."""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_PATTERNS = (
    re.compile(rf"\b{_YEAR}-(?P<month_num>\d{{2}})-(?P<day>\d{{2}})(?!\d)"),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
)


def find_date(text: str) -> str | None:
    """The first full calendar date (day, month and year) in ``text``, as ``YYYY-MM-DD``."""
    found: list[tuple[int, str]] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            iso = _to_iso(match)
            if iso:
                found.append((match.start(), iso))
                break
    return min(found)[1] if found else None


def parse_iso_prefix(value: str | None) -> str | None:
    """``2025-08-08T10:00:00Z`` or ``2025-08-08`` → ``2025-08-08``; anything else → None."""
    if not value:
        return None
    match = _PATTERNS[0].match(value.strip())
    return _to_iso(match) if match else None


def _to_iso(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    month = (
        int(groups["month_num"]) if groups.get("month_num") else _MONTHS[groups["month"].lower()]
    )
    try:
        return date(int(groups["year"]), month, int(groups["day"])).isoformat()
    except ValueError:
        return None
