"""The window's menus and keyboard shortcuts; every action is reachable from the keyboard."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from parallax.ui import settings

if TYPE_CHECKING:
    from parallax.ui.main_window import MainWindow


def build_menus(window: MainWindow) -> None:
    file_menu = window.menuBar().addMenu(window.tr("&File"))
    add_action(
        window,
        file_menu,
        window.tr("&Open Articles…"),
        QKeySequence.StandardKey.Open,
        window._on_open_triggered,
    )
    add_action(
        window, file_menu, window.tr("&Add Articles…"), "Ctrl+Shift+O", window._on_add_triggered
    )
    add_action(
        window,
        file_menu,
        window.tr("&Paste as Article"),
        "Ctrl+Shift+V",
        window._on_paste_triggered,
    )
    window.recent_menu = file_menu.addMenu(window.tr("Open &Recent"))
    file_menu.addSeparator()
    add_action(
        window,
        file_menu,
        window.tr("&Save Comparison"),
        QKeySequence.StandardKey.Save,
        window.session.save,
    )
    add_action(
        window,
        file_menu,
        window.tr("Save Comparison &As…"),
        QKeySequence.StandardKey.SaveAs,
        window.session.save_as,
    )
    add_action(window, file_menu, window.tr("&Export…"), "Ctrl+E", window.exporter.open_dialog)
    file_menu.addSeparator()
    add_action(
        window, file_menu, window.tr("&Remove Current Article"), "Ctrl+Del", window.remove_current
    )
    add_action(
        window,
        file_menu,
        window.tr("Move Article &Left"),
        "Ctrl+Shift+PgUp",
        lambda: window.move_current(-1),
    )
    add_action(
        window,
        file_menu,
        window.tr("Move Article Ri&ght"),
        "Ctrl+Shift+PgDown",
        lambda: window.move_current(1),
    )
    file_menu.addSeparator()
    add_action(window, file_menu, window.tr("&Quit"), QKeySequence.StandardKey.Quit, window.close)
    edit = window.menuBar().addMenu(window.tr("&Edit"))
    add_action(
        window,
        edit,
        window.tr("&Find in Articles…"),
        QKeySequence.StandardKey.Find,
        window.find_bar.open,
    )
    add_action(
        window,
        edit,
        window.tr("Find &Next"),
        QKeySequence.StandardKey.FindNext,
        lambda: window.find_bar.find(1),
    )
    add_action(
        window,
        edit,
        window.tr("Find &Previous"),
        QKeySequence.StandardKey.FindPrevious,
        lambda: window.find_bar.find(-1),
    )
    edit.addSeparator()
    add_action(
        window, edit, window.tr("&Note on Current Article…"), "Ctrl+Shift+N", window.edit_note
    )
    go = window.menuBar().addMenu(window.tr("&Navigate"))
    for text, keys, kind, step in (
        (window.tr("Next Shared Claim"), "Alt+Down", "shared", 1),
        (window.tr("Previous Shared Claim"), "Alt+Up", "shared", -1),
        (window.tr("Next Conflict"), "F8", "conflict", 1),
        (window.tr("Previous Conflict"), "Shift+F8", "conflict", -1),
        (window.tr("Next Claim Only Here"), "F9", "unique", 1),
        (window.tr("Previous Claim Only Here"), "Shift+F9", "unique", -1),
    ):
        add_action(window, go, text, keys, lambda k=kind, s=step: window.go(k, s))
    view = window.menuBar().addMenu(window.tr("&View"))
    add_action(
        window, view, window.tr("Zoom &In"), QKeySequence.StandardKey.ZoomIn, lambda: window.zoom(1)
    )
    add_action(
        window,
        view,
        window.tr("Zoom &Out"),
        QKeySequence.StandardKey.ZoomOut,
        lambda: window.zoom(-1),
    )
    view.addSeparator()
    window.mark_actions: dict[str, QAction] = {}
    for kind, text in (
        ("difficulty", window.tr("Mark &Hard Sentences")),
        ("passive", window.tr("Mark &Passive Voice")),
        ("terms", window.tr("Mark Hedges and &Loaded Terms")),
    ):
        action = add_action(window, view, text, None, window._on_mark_toggled)
        action.setCheckable(True)
        window.mark_actions[kind] = action
    view.addSeparator()
    docks = (window.facts_dock, window.claims_dock, window.conflicts_dock, window.voices_dock)
    for dock in (*docks, window.scores_dock):
        view.addAction(dock.toggleViewAction())
    themes = view.addMenu(window.tr("&Theme"))
    group = QActionGroup(window)
    for name, label in (
        ("system", window.tr("&System")),
        ("light", window.tr("&Light")),
        ("dark", window.tr("&Dark")),
    ):
        action = add_action(
            window, themes, label, None, lambda _=False, n=name: window.set_theme(n)
        )
        action.setCheckable(True)
        action.setChecked(name == settings.read(settings.THEME))
        group.addAction(action)
    help_menu = window.menuBar().addMenu(window.tr("&Help"))
    add_action(
        window, help_menu, window.tr("Third-party &Notices"), None, window._on_notices_triggered
    )
    add_action(window, help_menu, window.tr("&About Parallax"), None, window._on_about_triggered)
    window._refresh_recent()


def add_action(window: MainWindow, menu: QMenu, text: str, keys, slot) -> QAction:
    action = QAction(text, window)
    if keys is not None:
        action.setShortcut(QKeySequence(keys) if isinstance(keys, str) else keys)
    action.triggered.connect(slot)
    menu.addAction(action)
    return action
