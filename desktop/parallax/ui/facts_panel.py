"""The fact sheet dock: key details (rows) by article (columns), omissions and conflicts marked.

A cell holds the value as the article writes it; a value in a reported conflict is marked with
the conflict's type and coloured; an empty cell is an omission ("—", its tooltip says which
detail the article leaves out). Activating a cell selects its sentence in the article's pane.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from parallax.core import Comparison, fact_omission
from parallax.ui import palette

CELL_ROLE = Qt.ItemDataRole.UserRole + 7  # (article id, sentence index) of a cell's value
_OMITTED = "—"


class FactsTable(QTableWidget):
    """Rows are details, the first column names them, then one column per article."""

    sentence_chosen = Signal(str, int)  # article id, sentence index

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.setAccessibleName(self.tr("Fact sheet"))
        self.currentCellChanged.connect(self._on_current_cell_changed)
        self.cellActivated.connect(lambda row, column: self._choose(row, column))

    def show_comparison(self, comparison: Comparison) -> None:
        ids = [item.id for item in comparison.articles]
        titles = [item.article.display_name for item in comparison.articles]
        self.clear()
        self.setColumnCount(1 + len(ids))
        self.setHorizontalHeaderLabels([self.tr("Detail"), *ids])
        for column, title in enumerate(titles, start=1):
            self.horizontalHeaderItem(column).setToolTip(title)
        self.setRowCount(len(comparison.facts))
        bold = QFont(self.font())
        bold.setBold(True)
        for row, fact in enumerate(comparison.facts):
            name = QTableWidgetItem(fact.label)
            name.setToolTip(fact.label)
            name.setFont(bold)
            self.setItem(row, 0, name)
            missing = fact_omission(fact, ids)
            for column, (article, cell) in enumerate(zip(ids, fact.cells, strict=True), 1):
                self.setItem(row, column, _cell_item(article, cell, missing))
        # The detail names keep their width; the articles share the rest evenly.
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.setColumnWidth(0, 300)
        for column in range(1, self.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.resizeRowsToContents()

    def _on_current_cell_changed(self, row: int, column: int, *_previous) -> None:
        self._choose(row, column)

    def _choose(self, row: int, column: int) -> None:
        item = self.item(row, column)
        where = item.data(CELL_ROLE) if item is not None else None
        if where:
            self.sentence_chosen.emit(*where)


def _cell_item(article: str, cell, missing: str | None) -> QTableWidgetItem:
    if cell is None:
        item = QTableWidgetItem(_OMITTED)
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        item.setToolTip(missing or "")
        return item
    text = cell.value
    if cell.conflict_type is not None:
        text = f"{text}  ≠ {cell.conflict_type.value}"
    item = QTableWidgetItem(text)
    tip = f"{article}: “{cell.value}”"
    if cell.conflict:
        # The panes' conflict colours, so a conflict looks the same everywhere.
        tip += f" — part of conflict {cell.conflict} ({cell.conflict_type.value})"
        conflict = palette.conflict_format()
        item.setForeground(conflict.foreground())
        font = item.font()
        font.setBold(True)
        item.setFont(font)
    item.setToolTip(tip)
    if cell.sentence is not None:
        item.setData(CELL_ROLE, (article, cell.sentence))
    return item
