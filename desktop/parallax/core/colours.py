"""The colour palettes (resources/palettes/*.json) read without Qt: the panes, the charts and the
report take every colour from here, so one file decides them all.

The fallbacks are the JSON files' own values (a test keeps them equal): a bundle that lost its
resources still draws the same colours, never a second, different scheme.
"""

from __future__ import annotations

import json
from functools import cache

from parallax import resources

Palette = dict[str, dict[str, str]]

LIGHT: Palette = {
    "shared_all": {"background": "#dcefdc", "underline": "#2e7d32"},
    "shared_some": {"background": "#fdf3d0", "underline": "#b07d00"},
    "unique": {"background": "#ffffff", "underline": "#9e9e9e"},
    "conflict": {"foreground": "#b71c1c", "underline": "#d32f2f"},
    "selected": {"background": "#cfe2ff"},
    "difference": {"foreground": "#0d47a1"},
    "banner": {"background": "#fff8e1", "foreground": "#5d4037"},
    "hard": {"background": "#fff3e0"},
    "very_hard": {"background": "#ffcc80"},
    "hedge": {"foreground": "#1565c0"},
    "booster": {"foreground": "#6a1b9a"},
    "loaded": {"foreground": "#ad1457"},
    "chart_grade": {"fill": "#5c6bc0"},
    "tone_positive": {"fill": "#66bb6a"},
    "tone_neutral": {"fill": "#bdbdbd"},
    "tone_negative": {"fill": "#ef5350"},
    "report_text": {"foreground": "#1a1a1a", "small": "#444444"},
    "report_heading": {"foreground": "#283593"},
    "report_table": {"header": "#e8eaf6", "border": "#9e9e9e"},
    "report_value": {"background": "#ffe082"},
    "report_difference": {"background": "#dbe9fb"},
}

DARK: Palette = {
    "shared_all": {"background": "#1e3a24", "underline": "#81c784"},
    "shared_some": {"background": "#3d3314", "underline": "#ffd54f"},
    "unique": {"background": "#1e1e1e", "underline": "#757575"},
    "conflict": {"foreground": "#ff8a80", "underline": "#ff5252"},
    "selected": {"background": "#1a3a5c"},
    "difference": {"foreground": "#90caf9"},
    "banner": {"background": "#3e2f1c", "foreground": "#ffe0b2"},
    "hard": {"background": "#4e3b1f"},
    "very_hard": {"background": "#6d4c1f"},
    "hedge": {"foreground": "#90caf9"},
    "booster": {"foreground": "#ce93d8"},
    "loaded": {"foreground": "#f48fb1"},
}


@cache
def palette(dark: bool = False) -> Palette:
    """The light or dark palette: the JSON file's roles over the fallbacks, role by role."""
    fallback = DARK if dark else LIGHT
    merged = {role: dict(keys) for role, keys in fallback.items()}
    path = resources.resource(f"palettes/{'dark' if dark else 'light'}.json")
    if path is None:
        return merged
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return merged
    for role, keys in found.items():
        if not role.startswith("_") and isinstance(keys, dict):
            merged.setdefault(role, {}).update(keys)
    return merged


def colour(role: str, key: str, *, dark: bool = False) -> str | None:
    """A colour as ``#rrggbb``, or None when the palette has none for that role and key."""
    return palette(dark).get(role, {}).get(key)


def light(role: str, key: str) -> str:
    """A colour of the light palette, which the charts and the printed report always use."""
    value = colour(role, key)
    if value is None:
        raise KeyError(f"the light palette has no {role}.{key}")
    return value
