"""Settings declared once (name, type, default) and read through one typed accessor."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from parallax import APP_NAME


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any


GEOMETRY = Setting("window/geometry", QByteArray, QByteArray())
STATE = Setting("window/state", QByteArray, QByteArray())
SPLITTER = Setting("window/panes", QByteArray, QByteArray())
PANE_COUNT = Setting("window/pane_count", int, 0)  # how many panes SPLITTER's widths are for
RECENT = Setting("files/recent", list, [])
THEME = Setting("view/theme", str, "system")
FONT_SIZE = Setting("view/font_size", int, 10)
MAX_RECENT = 10


def store() -> QSettings:
    # The default format (native unless changed) so that tests can point it at a temporary
    # folder; QSettings(org, app) alone would always use the user's real settings.
    return QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope, APP_NAME, APP_NAME)


def read(setting: Setting) -> Any:
    value = store().value(setting.key, setting.default)
    if setting.type is list:
        if value is None:
            return []
        return [value] if isinstance(value, str) else list(value)
    if setting.type is int:
        try:
            return int(value)
        except (TypeError, ValueError):
            return setting.default
    return value if value is not None else setting.default


def write(setting: Setting, value: Any) -> None:
    store().setValue(setting.key, value)


def remember_files(paths: list[str]) -> list[str]:
    """Put ``paths`` first in Open Recent, as absolute paths: the list must work from any
    folder the app is started in."""
    paths = [os.path.abspath(p) for p in paths]
    recent = [p for p in read(RECENT) if p not in paths]
    updated = (paths + recent)[:MAX_RECENT]
    write(RECENT, updated)
    return updated
