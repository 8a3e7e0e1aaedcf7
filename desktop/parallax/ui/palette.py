"""Claim statuses → text formats, from the palettes in resources/ (colours are data), read through
the core's ``colours`` module, the one source of the panes', the charts' and the report's colours.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette, QTextCharFormat

from parallax.core import ClaimStatus, colours

# A second cue besides colour, so no status is told by colour alone.
UNDERLINES = {
    ClaimStatus.SHARED_ALL: QTextCharFormat.UnderlineStyle.SingleUnderline,
    ClaimStatus.SHARED_SOME: QTextCharFormat.UnderlineStyle.DashUnderline,
    ClaimStatus.UNIQUE: QTextCharFormat.UnderlineStyle.NoUnderline,
}


# Sentences and words picked for a correction: the desktop's selection colour at this opacity.
_PICKED_ALPHA = 110


def legend_html(marks: set[str] = frozenset()) -> str:
    """A key to everything the panes colour: statuses, conflicts, the picked claim and its
    differing words, and the View ▸ Mark overlays that are on. Swatches use the palette in use."""

    def swatch(text: str, role: str, key: str, style: str = "") -> str:
        colour = _colour(role, key)
        prop = "background-color" if key == "background" else "color"
        paint = f"{prop}:{colour.name()};" if colour is not None else ""
        return f'<span style="{paint}{style}">{text}</span>'

    parts = [
        swatch("shared by all", "shared_all", "background", "text-decoration:underline"),
        swatch("shared by some", "shared_some", "background", "text-decoration:underline"),
        "only here (plain)",
        swatch("conflicting value", "conflict", "foreground", "font-weight:bold"),
        swatch("picked claim", "selected", "background"),
        swatch("words it does not share", "difference", "foreground", "font-style:italic"),
        _picked_swatch(),
    ]
    if "difficulty" in marks:
        parts += [
            swatch("hard", "hard", "background"),
            swatch("very hard", "very_hard", "background"),
        ]
    if "passive" in marks:
        parts.append("<i>passive voice</i>")
    if "terms" in marks:
        parts += [
            swatch("hedge", "hedge", "foreground", "text-decoration:underline"),
            swatch("booster", "booster", "foreground", "font-weight:bold"),
            swatch("loaded", "loaded", "foreground", "font-weight:bold"),
        ]
    return "Key: " + " · ".join(parts)


def _picked_swatch() -> str:
    palette = QGuiApplication.palette()
    high = palette.color(QPalette.ColorRole.Highlight).getRgbF()[:3]
    base = palette.color(QPalette.ColorRole.Base).getRgbF()[:3]
    alpha = _PICKED_ALPHA / 255  # as painted over the text's background
    mixed = (alpha * h + (1 - alpha) * b for h, b in zip(high, base, strict=True))
    colour = QColor.fromRgbF(*mixed)
    return f'<span style="background-color:{colour.name()}">picked for a correction</span>'


def is_dark() -> bool:
    window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
    return window.lightness() < 128


def _colour(role: str, key: str) -> QColor | None:
    value = colours.colour(role, key, dark=is_dark())
    return QColor(value) if value else None


def _known(role: str, key: str) -> QColor:
    """A colour both palettes define (their fallbacks too), so it is never missing."""
    colour = _colour(role, key)
    assert colour is not None, f"{role}.{key} missing from the palette"
    return colour


def status_format(status: ClaimStatus) -> QTextCharFormat:
    fmt = QTextCharFormat()
    background = _colour(status.value, "background")
    if background is not None and status is not ClaimStatus.UNIQUE:
        fmt.setBackground(background)
    fmt.setUnderlineStyle(UNDERLINES[status])
    underline = _colour(status.value, "underline")
    if underline is not None:
        fmt.setUnderlineColor(underline)
    return fmt


def conflict_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    fmt.setUnderlineColor(_known("conflict", "underline"))
    fmt.setForeground(_known("conflict", "foreground"))
    fmt.setFontWeight(700)
    return fmt


def selected_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(_known("selected", "background"))
    return fmt


def picked_format() -> QTextCharFormat:
    """Sentences and words picked for a correction: the desktop's own selection colour, faded
    (what the user picked, as a selection looks), with a dash-dot underline as the second cue."""
    colour = QGuiApplication.palette().color(QPalette.ColorRole.Highlight)
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashDotLine)
    fmt.setUnderlineColor(colour)
    colour.setAlpha(_PICKED_ALPHA)
    fmt.setBackground(colour)
    return fmt


def difference_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(_known("difference", "foreground"))
    fmt.setFontItalic(True)
    fmt.setFontWeight(700)
    return fmt


def banner_style() -> str:
    background = _known("banner", "background")
    foreground = _known("banner", "foreground")
    return f"background:{background.name()}; color:{foreground.name()}; padding:4px;"


def difficulty_format(level: str) -> QTextCharFormat:
    """Hard / very hard sentences: a tint and an overline (very hard also a thicker weight)."""
    fmt = QTextCharFormat()
    fmt.setBackground(_known(level, "background"))
    fmt.setFontOverline(True)
    if level == "very_hard":
        fmt.setFontWeight(600)
    return fmt


def passive_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontItalic(True)
    return fmt


def term_format(kind: str) -> QTextCharFormat:
    """Hedges get a dotted underline; boosters and loaded terms bold coloured text."""
    fmt = QTextCharFormat()
    colour = _known(kind, "foreground")
    if kind == "hedge":
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(colour)
    else:
        fmt.setForeground(colour)
        fmt.setFontWeight(700)
    return fmt
