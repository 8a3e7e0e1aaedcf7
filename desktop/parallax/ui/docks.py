"""The window's dock panels: fact sheet, claims table with filters, conflicts, voices, scores.

``DockPanels`` owns the panels and their docks, fills them from a comparison and says, by its
signals, which claim or sentence the user picked in them; the window decides what that shows.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMainWindow,
    QTableView,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from parallax.core import Comparison
from parallax.ui.facts_panel import FactsTable
from parallax.ui.panels import (
    CLAIM_ROLE,
    CONFLICT_ROLE,
    STATUS_LABELS,
    ClaimsFilter,
    ClaimsModel,
    fill_conflicts,
    voices_browser,
    voices_html,
)
from parallax.ui.scores_panel import ScoresPanel


class DockPanels(QObject):
    claim_row_selected = Signal(str)  # claim id, picked in the claims table
    conflict_selected = Signal(str)  # claim id of the conflict picked in the conflicts table
    fact_sentence_chosen = Signal(str, int)  # article id, sentence index (a fact sheet cell)

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._build_claims()
        self.conflicts_table = QTableWidget()
        self.conflicts_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.voices = voices_browser()
        self.scores_panel = ScoresPanel()
        self.facts_table = FactsTable()
        self._build_docks(window)
        self._connect()
        self.facts_dock.raise_()

    def _build_claims(self) -> None:
        self.claims_filter = ClaimsFilter()
        self.claims_view = QTableView()
        self.claims_view.setModel(self.claims_filter)
        self.claims_view.setSortingEnabled(True)
        self.claims_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        # Several rows at once: two claims are merged by hand.
        self.claims_view.setSelectionMode(QTableView.SelectionMode.ExtendedSelection)
        self.status_choice = QComboBox()
        self.status_choice.addItem(self.tr("All claims"), None)
        for status, label in STATUS_LABELS.items():
            self.status_choice.addItem(self.tr(label), status)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Filter claims by text"))
        top = QHBoxLayout()
        top.addWidget(self.status_choice)
        top.addWidget(self.search, 1)
        self.claims_box = QWidget()
        column = QVBoxLayout(self.claims_box)
        column.addLayout(top)
        column.addWidget(self.claims_view)

    def _build_docks(self, window: QMainWindow) -> None:
        def dock(title: str, widget: QWidget, name: str) -> QDockWidget:
            made = QDockWidget(title, window)
            made.setObjectName(f"dock-{name}")
            made.setWidget(widget)
            window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, made)
            return made

        self.facts_dock = dock(self.tr("Fact sheet"), self.facts_table, "facts")
        self.claims_dock = dock(self.tr("Claims"), self.claims_box, "claims")
        self.conflicts_dock = dock(self.tr("Conflicts"), self.conflicts_table, "conflicts")
        self.voices_dock = dock(self.tr("Voices and entities"), self.voices, "voices")
        self.scores_dock = dock(self.tr("Scores"), self.scores_panel, "scores")
        window.tabifyDockWidget(self.facts_dock, self.claims_dock)
        window.tabifyDockWidget(self.claims_dock, self.conflicts_dock)
        window.tabifyDockWidget(self.conflicts_dock, self.voices_dock)
        window.tabifyDockWidget(self.voices_dock, self.scores_dock)

    def _connect(self) -> None:
        # The view keeps one selection model across source models: connected once, here.
        self.claims_view.selectionModel().selectionChanged.connect(
            self._on_claims_selection_changed
        )
        self.status_choice.currentIndexChanged.connect(self._on_status_choice_changed)
        self.search.textChanged.connect(self.claims_filter.set_words)
        self.conflicts_table.itemSelectionChanged.connect(self._on_conflicts_selection_changed)
        self.facts_table.sentence_chosen.connect(self.fact_sentence_chosen)
        # A tabified dock brought to the front gets no show event: draw the charts on this signal.
        self.scores_dock.visibilityChanged.connect(self.scores_panel.on_visibility_changed)

    @property
    def docks(self) -> tuple[QDockWidget, ...]:
        return (
            self.facts_dock,
            self.claims_dock,
            self.conflicts_dock,
            self.voices_dock,
            self.scores_dock,
        )

    # ---- presenting ------------------------------------------------------------------------
    def show_claims(self, comparison: Comparison) -> None:
        self.claims_filter.setSourceModel(ClaimsModel(comparison))
        self.claims_view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # reading order
        # Fixed widths: measuring every cell's text costs more than the whole table.
        widths = [420, 110] + [34] * len(comparison.articles) + [70]
        for column, width in enumerate(widths):
            self.claims_view.setColumnWidth(column, width)
        # The wording takes the width the dock has left (not a fixed 420 px of a wide dock).
        header = self.claims_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def show_panels(self, comparison: Comparison) -> None:
        fill_conflicts(self.conflicts_table, comparison)
        self.facts_table.show_comparison(comparison)
        self.voices.setHtml(voices_html(comparison))
        self.scores_panel.show_comparison(comparison)

    def select_claim_row(self, claim_id: str) -> None:
        for row in range(self.claims_filter.rowCount()):
            index = self.claims_filter.index(row, 0)
            if index.data(CLAIM_ROLE) == claim_id:
                self.claims_view.selectRow(row)
                self.claims_view.scrollTo(index)
                return

    def selected_claims(self) -> list[str]:
        """Ids of the claims selected in the claims table, top to bottom."""
        rows = sorted(self.claims_view.selectionModel().selectedRows(), key=lambda i: i.row())
        return [index.data(CLAIM_ROLE) for index in rows]

    def selected_conflict(self) -> str | None:
        """Id of the conflict selected in the conflicts table (None for a dismissed one)."""
        items = self.conflicts_table.selectedItems()
        return items[0].data(CONFLICT_ROLE) if items else None

    # ---- slots ------------------------------------------------------------------------------
    def _on_claims_selection_changed(self, *_args) -> None:
        rows = self.claims_view.selectionModel().selectedRows()
        if rows:
            self.claim_row_selected.emit(rows[0].data(CLAIM_ROLE))

    def _on_conflicts_selection_changed(self) -> None:
        items = self.conflicts_table.selectedItems()
        if items:
            self.conflict_selected.emit(items[0].data(CLAIM_ROLE))

    def _on_status_choice_changed(self, _index: int) -> None:
        self.claims_filter.set_status(self.status_choice.currentData())
