"""The window's dock panels: fact sheet, claims table with filters, conflicts, voices, scores."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLineEdit,
    QTableView,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from parallax.ui.facts_panel import FactsTable
from parallax.ui.panels import STATUS_LABELS, ClaimsFilter, voices_browser
from parallax.ui.scores_panel import ScoresPanel

if TYPE_CHECKING:
    from parallax.ui.main_window import MainWindow


def build_docks(window: MainWindow) -> None:
    window.claims_filter = ClaimsFilter()
    window.claims_view = QTableView()
    window.claims_view.setModel(window.claims_filter)
    window.claims_view.setSortingEnabled(True)
    window.claims_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    window.claims_view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    window.status_choice = QComboBox()
    window.status_choice.addItem(window.tr("All claims"), None)
    for status, label in STATUS_LABELS.items():
        window.status_choice.addItem(window.tr(label), status)
    window.search = QLineEdit()
    window.search.setPlaceholderText(window.tr("Filter claims by text"))
    top = QHBoxLayout()
    top.addWidget(window.status_choice)
    top.addWidget(window.search, 1)
    box = QWidget()
    column = QVBoxLayout(box)
    column.addLayout(top)
    column.addWidget(window.claims_view)
    window.conflicts_table = QTableWidget()
    window.conflicts_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    window.voices = voices_browser()
    window.scores_panel = ScoresPanel()
    window.facts_table = FactsTable()
    for title, widget, name in (
        (window.tr("Fact sheet"), window.facts_table, "facts"),
        (window.tr("Claims"), box, "claims"),
        (window.tr("Conflicts"), window.conflicts_table, "conflicts"),
        (window.tr("Voices and entities"), window.voices, "voices"),
        (window.tr("Scores"), window.scores_panel, "scores"),
    ):
        dock = QDockWidget(title, window)
        dock.setObjectName(f"dock-{name}")
        dock.setWidget(widget)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        setattr(window, f"{name}_dock", dock)
    window.tabifyDockWidget(window.facts_dock, window.claims_dock)
    window.tabifyDockWidget(window.claims_dock, window.conflicts_dock)
    window.tabifyDockWidget(window.conflicts_dock, window.voices_dock)
    window.tabifyDockWidget(window.voices_dock, window.scores_dock)
    # A tabified dock brought to the front gets no show event: draw the charts on this signal.
    window.scores_dock.visibilityChanged.connect(window.scores_panel.on_visibility_changed)
    window.facts_dock.raise_()
