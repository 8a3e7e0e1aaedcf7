"""The window's menus and keyboard shortcuts; every action is reachable from the keyboard.

``Menus`` builds the menu bar and holds its actions; it calls nothing in the window. The window
connects the actions' ``triggered`` signals, and the signals below for the actions that come in
families (navigation steps, zoom, article moves, themes, recent files, marks), to its own slots.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu

from parallax.ui import settings

MARKS = ("difficulty", "passive", "terms")
THEMES = ("system", "light", "dark")


class Menus(QObject):
    navigate_requested = Signal(str, int)  # kind ("shared", "conflict", "unique"), step ±1
    zoom_requested = Signal(int)  # font size step
    move_requested = Signal(int)  # move the current article this many places
    theme_chosen = Signal(str)  # one of THEMES
    recent_chosen = Signal(object)  # Path
    marks_toggled = Signal()  # a View ▸ Mark overlay was turned on or off

    def __init__(
        self, window: QMainWindow, undo_stack: QUndoStack, dock_toggles: Sequence[QAction]
    ) -> None:
        super().__init__(window)
        self._parent = window
        bar = window.menuBar()
        self._build_file(bar.addMenu(self.tr("&File")))
        self._build_edit(bar.addMenu(self.tr("&Edit")), undo_stack)
        self._navigate_menu = bar.addMenu(self.tr("&Navigate"))
        self._build_navigate(self._navigate_menu)
        self._build_view(bar.addMenu(self.tr("&View")), dock_toggles)
        help_menu = bar.addMenu(self.tr("&Help"))
        self.notices_action = self._add(help_menu, self.tr("Third-party &Notices"))
        self.about_action = self._add(help_menu, self.tr("&About Parallax"))
        self.refresh_recent()

    def _build_file(self, menu: QMenu) -> None:
        self.open_action = self._add(
            menu, self.tr("&Open Articles…"), QKeySequence.StandardKey.Open
        )
        self.add_action = self._add(menu, self.tr("&Add Articles…"), "Ctrl+Shift+O")
        self.paste_action = self._add(menu, self.tr("&Paste as Article"), "Ctrl+Shift+V")
        self.recent_menu = menu.addMenu(self.tr("Open &Recent"))
        menu.addSeparator()
        self.save_action = self._add(
            menu, self.tr("&Save Comparison"), QKeySequence.StandardKey.Save
        )
        self.save_as_action = self._add(
            menu, self.tr("Save Comparison &As…"), QKeySequence.StandardKey.SaveAs
        )
        self.export_action = self._add(menu, self.tr("&Export…"), "Ctrl+E")
        menu.addSeparator()
        self.remove_action = self._add(menu, self.tr("&Remove Current Article"), "Ctrl+Del")
        left = self._add(menu, self.tr("Move Article &Left"), "Ctrl+Shift+PgUp")
        right = self._add(menu, self.tr("Move Article Ri&ght"), "Ctrl+Shift+PgDown")
        left.triggered.connect(lambda: self.move_requested.emit(-1))
        right.triggered.connect(lambda: self.move_requested.emit(1))
        menu.addSeparator()
        self.quit_action = self._add(menu, self.tr("&Quit"), QKeySequence.StandardKey.Quit)

    def _build_edit(self, menu: QMenu, undo_stack: QUndoStack) -> None:
        # Undo and redo follow the document's stack: enabled and named by what they would undo.
        self.undo_action = undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcut(QKeySequence("Ctrl+Shift+Z"))
        menu.addAction(self.undo_action)
        menu.addAction(self.redo_action)
        menu.addSeparator()
        self.find_action = self._add(
            menu, self.tr("&Find in Articles…"), QKeySequence.StandardKey.Find
        )
        self.find_next_action = self._add(
            menu, self.tr("Find &Next"), QKeySequence.StandardKey.FindNext
        )
        self.find_previous_action = self._add(
            menu, self.tr("Find &Previous"), QKeySequence.StandardKey.FindPrevious
        )
        menu.addSeparator()
        self.note_action = self._add(menu, self.tr("&Note on Current Article…"), "Ctrl+Shift+N")

    def _build_navigate(self, menu: QMenu) -> None:
        for text, keys, kind, step in (
            (self.tr("Next Shared Claim"), "Alt+Down", "shared", 1),
            (self.tr("Previous Shared Claim"), "Alt+Up", "shared", -1),
            (self.tr("Next Conflict"), "F8", "conflict", 1),
            (self.tr("Previous Conflict"), "Shift+F8", "conflict", -1),
            (self.tr("Next Claim Only Here"), "F9", "unique", 1),
            (self.tr("Previous Claim Only Here"), "Shift+F9", "unique", -1),
        ):
            action = self._add(menu, text, keys)
            action.triggered.connect(
                lambda _=False, k=kind, s=step: self.navigate_requested.emit(k, s)
            )

    def _build_view(self, menu: QMenu, dock_toggles: Sequence[QAction]) -> None:
        zoom_in = self._add(menu, self.tr("Zoom &In"), QKeySequence.StandardKey.ZoomIn)
        zoom_out = self._add(menu, self.tr("Zoom &Out"), QKeySequence.StandardKey.ZoomOut)
        zoom_in.triggered.connect(lambda: self.zoom_requested.emit(1))
        zoom_out.triggered.connect(lambda: self.zoom_requested.emit(-1))
        menu.addSeparator()
        self.mark_actions: dict[str, QAction] = {}
        for kind, text in zip(
            MARKS,
            (
                self.tr("Mark &Hard Sentences"),
                self.tr("Mark &Passive Voice"),
                self.tr("Mark Hedges and &Loaded Terms"),
            ),
            strict=True,
        ):
            action = self._add(menu, text)
            action.setCheckable(True)
            action.triggered.connect(lambda *_: self.marks_toggled.emit())
            self.mark_actions[kind] = action
        menu.addSeparator()
        for toggle in dock_toggles:
            menu.addAction(toggle)
        themes = menu.addMenu(self.tr("&Theme"))
        group = QActionGroup(self)
        labels = (self.tr("&System"), self.tr("&Light"), self.tr("&Dark"))
        for name, label in zip(THEMES, labels, strict=True):
            action = self._add(themes, label)
            action.setCheckable(True)
            action.setChecked(name == settings.read(settings.THEME))
            action.triggered.connect(lambda _=False, n=name: self.theme_chosen.emit(n))
            group.addAction(action)

    def _add(self, menu: QMenu, text: str, keys: str | QKeySequence.StandardKey | None = None):
        action = QAction(text, self._parent)
        if keys is not None:
            action.setShortcut(QKeySequence(keys) if isinstance(keys, str) else keys)
        menu.addAction(action)
        return action

    def insert_menu(self, title: str) -> QMenu:
        """A menu after Edit, for actions another part of the window owns (corrections)."""
        menu = QMenu(title, self._parent)
        self._parent.menuBar().insertMenu(self._navigate_menu.menuAction(), menu)
        return menu

    def marks_on(self) -> set[str]:
        return {kind for kind, action in self.mark_actions.items() if action.isChecked()}

    def refresh_recent(self) -> None:
        """File ▸ Open Recent as the settings list it, most recent first."""
        self.recent_menu.clear()
        for path in settings.read(settings.RECENT):
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _=False, p=path: self.recent_chosen.emit(Path(p)))
        self.recent_menu.setEnabled(bool(self.recent_menu.actions()))
