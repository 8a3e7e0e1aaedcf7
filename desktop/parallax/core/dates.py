"""The calendar in one place: dates as English news writes them, found in text and in
sentences, normalised to ISO 8601 and resolved to spans of days against an article's date.

- ``find_date``/``parse_iso_prefix``: an article's own date, from its metadata or text;
- ``dates``: every date mention in a parsed sentence (weekdays, calendar dates, months, years,
  "next week", "in the coming days"), with the slot it fills (a deadline or an event);
- ``interval``/``date_label``: a mention resolved to the days it can mean, against a reference
  date, and its normalised label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from parallax.core.numbers import alternatives
from parallax.core.values import Parsed

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August")
MONTHS += ("September", "October", "November", "December")
# Month names as news writes them ("Aug", "Sept", "August") → month number: one table for
# article dates and for dates in sentences.
_SHORT_MONTHS = {m[:3]: n for n, m in enumerate(MONTHS, 1)} | {"Sept": 9}
_MONTH_NUMBERS = {m: n for n, m in enumerate(MONTHS, 1)} | _SHORT_MONTHS
_MONTHS = {name.lower(): number for name, number in _MONTH_NUMBERS.items()}
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


def in_words(value: str | None) -> str | None:
    """``2025-03-06`` (or a timestamp starting so) → "6 March 2025", as a reader writes it;
    a timestamp keeps its time ("30 November 2026, 10:41 UTC"). None when it is no date."""
    iso = parse_iso_prefix(value)
    if iso is None:
        return None
    year, month, day = (int(part) for part in iso.split("-"))
    words = f"{day} {MONTHS[month - 1]} {year}"
    time = re.match(r"\d{4}-\d{2}-\d{2}[T ](\d{2}:\d{2})", value.strip())
    if time is None:
        return words
    zone = " UTC" if value.strip().endswith(("+00:00", "Z")) else ""
    return f"{words}, {time.group(1)}{zone}"


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


# Date mentions in sentences.
_ANY_MONTH = alternatives(_MONTH_NUMBERS)
_FULL_MONTH = alternatives(MONTHS)
_WEEKDAY = alternatives(WEEKDAYS)
_PREP = r"(?:\b(?P<prep>[Oo]n|[Ii]n|[Bb]y|until|till|before|after|since|from|during"
_PREP += r"|as (?:early|soon) as)\s+)?"
_DATE_PATTERNS = (
    rf"{_PREP}(?:\b(?P<wd>{_WEEKDAY}),?\s+)?(?:\b(?P<m1>{_ANY_MONTH})\.?\s+(?P<d1>\d{{1,2}})"
    rf"(?:st|nd|rd|th)?|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_ANY_MONTH})\.?)"
    rf"(?:,?\s+{_YEAR})?\b",
    rf"{_PREP}(?:\b(?P<rel>(?i:last|next|this))\s+)?\b(?P<wd>{_WEEKDAY})\b(?!s)",
    rf"{_PREP}(?:\b(?P<part>early|mid|late|[Ee]arly|[Mm]id|[Ll]ate)[\s-]+)?\b(?P<month>{_FULL_MONTH})"
    rf"(?:\s+{_YEAR})?\b",
    rf"\b(?P<prep>[Ii]n|since|by|until|before|after|from|during)\s+{_YEAR}\b(?![-–]\d)",
    rf"{_PREP}\b(?P<rel>(?i:(?:next|this|last|earlier this|later this)\s+(?:week|month|year)))\b",
    r"\b(?P<prep>[Ii]n|within|over)\s+(?:the\s+)?(?:(?:coming|next|few|several)\s+){0,2}"
    r"(?P<span>days|weeks|months)\b",
    r"\b(?P<rel>(?i:today|yesterday|tomorrow|tonight))\b",
)
_DATE_RES = tuple(re.compile(pattern) for pattern in _DATE_PATTERNS)
# Every date pattern needs a digit, a month or weekday name, or one of the relative words: one
# cheap search spares the seven patterns in sentences that have none (most of them).
_MAY_DATE = re.compile(
    rf"\d|\b(?:{alternatives(m[:3] for m in MONTHS)}|{_WEEKDAY})"
    r"|\b(?i:week|month|year|day|today|yesterday|tomorrow|tonight)"
)
_BOUNDS = {"by": "before", "until": "before", "till": "before", "before": "before"}
_BOUNDS |= {"after": "after", "since": "after", "from": "after"}
_FUTURE = re.compile(r"\b(?:will|'ll|shall|due to|expected to|scheduled|plans? to)\b", re.I)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A calendar expression as written; ``relative`` holds "next week", "coming days" …"""

    text: str
    start: int
    end: int
    weekday: int | None = None  # 0 = Monday
    year: int | None = None
    month: int | None = None
    day: int | None = None
    part: str | None = None  # early / mid / late, for a month
    relative: str | None = None
    bound: str = "point"  # "before" for "by Friday", "after" for "since 2022"
    future: bool = False  # the sentence speaks of what will happen
    governor: str | None = None  # nearest preceding word lemma, to pair mentions

    @property
    def year_only(self) -> bool:
        return self.year is not None and self.month is None and self.relative is None


def dates(p: Parsed) -> tuple[DateMention, ...]:
    """Calendar expressions of the sentence, longest first where they overlap."""
    base = p.sentence.start
    sentence = p.text[base : p.sentence.end]
    if not _MAY_DATE.search(sentence):
        return ()
    future = bool(_FUTURE.search(sentence))
    found: list[DateMention] = []
    for pattern in _DATE_RES:
        for match in pattern.finditer(sentence):
            start, end = base + match.start(), base + match.end()
            if any(m.start < end and start < m.end for m in found):
                continue
            found.append(_mention(p, match, start, end, future))
    return tuple(sorted(found, key=lambda m: m.start))


def _mention(p: Parsed, match: re.Match[str], start: int, end: int, future: bool) -> DateMention:
    groups = {k: v for k, v in match.groupdict().items() if v}
    month = groups.get("m1") or groups.get("m2") or groups.get("month")
    day = groups.get("d1") or groups.get("d2")
    relative = groups.get("rel") or (f"coming {groups['span']}" if "span" in groups else None)
    if relative and groups.get("wd"):
        relative = f"{relative} weekday"
    prep = (groups.get("prep") or "").lower()
    return DateMention(
        text=match[0],
        start=start,
        end=end,
        weekday=WEEKDAYS.index(groups["wd"]) if "wd" in groups else None,
        year=int(groups["year"]) if "year" in groups else None,
        month=_MONTH_NUMBERS[month] if month else None,
        day=int(day) if day else None,
        part=groups["part"].lower() if "part" in groups else None,
        relative=relative.lower() if relative else None,
        bound=_BOUNDS.get(prep, "point"),
        future=future,
        governor=_preceding_lemma(p, start),
    )


def _preceding_lemma(p: Parsed, offset: int) -> str | None:
    tokens = p.sentence.tokens
    before = [i for i, t in enumerate(tokens) if t.end <= offset]
    for i in reversed(before[-6:]):
        if tokens[i].pos in {"VERB", "NOUN"}:
            return tokens[i].lemma.lower()
        if tokens[i].pos == "PUNCT":
            break
    return None


# Mentions resolved to days.
def bare_weekday(m: DateMention) -> bool:
    return m.weekday is not None and m.day is None and m.relative is None


def interval(m: DateMention, ref: date | None) -> tuple[date, date] | None:
    year = m.year or (ref.year if ref else None)
    try:
        if m.month and m.day and year:
            return date(year, m.month, m.day), date(year, m.month, m.day)
        if m.month and year:
            return _month(year, m.month, m.part)
    except ValueError:
        return None
    if m.year_only and m.year:
        return date(m.year, 1, 1), date(m.year, 12, 31)
    if ref is None:
        return None
    if m.weekday is not None:
        day = _weekday(m, ref)
        return day, day
    return _relative(m.relative or "", ref)


def _month(year: int, month: int, part: str | None) -> tuple[date, date]:
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    first_day, last_day = {"early": (1, 10), "mid": (11, 20), "late": (21, last)}.get(
        part or "", (1, last)
    )
    return date(year, month, first_day), date(year, month, last_day)


def _weekday(m: DateMention, ref: date) -> date:
    """A bare weekday is the last one on or before the article's date, unless it looks ahead."""
    back = (ref.weekday() - (m.weekday or 0)) % 7
    ahead = ((m.weekday or 0) - ref.weekday()) % 7
    relative = m.relative or ""
    if relative.startswith("next"):
        return ref + timedelta(days=ahead or 7)
    if relative.startswith("last"):
        return ref - timedelta(days=back or 7)
    return ref + timedelta(days=ahead) if m.future else ref - timedelta(days=back)


# Vague spans are read generously so "in the coming days" meets "next week".
_DAYS = {"today": (0, 0), "tonight": (0, 0), "yesterday": (-1, -1), "tomorrow": (1, 1)}
_DAYS |= {"coming days": (0, 10), "coming weeks": (0, 42), "coming months": (0, 183)}
_WEEKS = {"next week": (7, 13), "this week": (0, 6), "last week": (-7, -1)}
_WEEKS |= {"earlier this week": (0, None), "later this week": (None, 6)}


def _relative(relative: str, ref: date) -> tuple[date, date] | None:
    """ "next week", "in the coming days" … from the article's date (weeks start on Monday)."""
    monday = ref - timedelta(days=ref.weekday())
    if relative in _DAYS:
        low, high = _DAYS[relative]
        return ref + timedelta(days=low), ref + timedelta(days=high)
    if relative in _WEEKS:
        low, high = _WEEKS[relative]
        start = ref if low is None else monday + timedelta(days=low)
        return start, ref if high is None else monday + timedelta(days=high)
    if relative.endswith("month"):
        shift = {"next month": 1, "last month": -1}.get(relative, 0)
        month = (ref.month - 1 + shift) % 12 + 1
        return _month(ref.year + (ref.month - 1 + shift) // 12, month, None)
    return None


def date_label(m: DateMention, ref: date | None) -> str:
    if bare_weekday(m) and ref is None:
        return WEEKDAYS[m.weekday or 0].lower()
    span = interval(m, ref)
    if span is None and m.month and m.day:
        return f"--{m.month:02d}-{m.day:02d}"  # ISO 8601 for a day of an unknown year
    if span is None:
        return m.text.lower()
    return span[0].isoformat() if span[0] == span[1] else f"{span[0]}/{span[1]}"
