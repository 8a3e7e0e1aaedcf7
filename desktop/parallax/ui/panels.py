"""The dock panels: claims table (coverage matrix), conflicts, voices and entities."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QTextBrowser

from parallax.core import (
    Claim,
    ClaimStatus,
    Comparison,
    Conflict,
    describe_corrections,
    omissions_sentence,
    sources_across,
    status_counts,
)

STATUS_LABELS = {
    ClaimStatus.SHARED_ALL: "shared by all",
    ClaimStatus.SHARED_SOME: "shared by some",
    ClaimStatus.UNIQUE: "only one article",
}
CLAIM_ROLE = Qt.ItemDataRole.UserRole + 1
CONFLICT_ROLE = Qt.ItemDataRole.UserRole + 2  # a conflict's id; None on a dismissed one
_Index = QModelIndex | QPersistentModelIndex


class ClaimsModel(QAbstractTableModel):
    """One row per claim: representative text, status, ✓/– per article, conflict count."""

    def __init__(self, comparison: Comparison) -> None:
        super().__init__()
        self.comparison = comparison
        self._items = {item.id: item for item in comparison.articles}
        self._conflicts: dict[str, int] = {}
        for conflict in comparison.conflicts:
            self._conflicts[conflict.claim] = self._conflicts.get(conflict.claim, 0) + 1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.comparison.claims)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else 3 + len(self.comparison.articles)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        fixed = ["Claim", "Status"]
        if section < 2:
            return fixed[section]
        if section == self.columnCount() - 1:
            return "Conflicts"
        return self.comparison.articles[section - 2].id

    def data(self, index: _Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        claim = self.comparison.claims[index.row()]
        if role == CLAIM_ROLE:
            return claim.id
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            # Tooltips guess rich text: an article's "<b>" must show as written.
            return f"<p>{escape(self.text_of(claim))}</p>"
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        column = index.column()
        if column == 0:
            return self.text_of(claim)
        if column == 1:
            return STATUS_LABELS[claim.status]
        if column == self.columnCount() - 1:
            return self._conflicts.get(claim.id, 0)
        article = self.comparison.articles[column - 2].id
        return "✓" if article in claim.articles else "–"

    def text_of(self, claim: Claim) -> str:
        member = claim.representative
        item = self._items[member.article]
        return item.sentence_text(item.sentences[member.sentence])


class ClaimsFilter(QSortFilterProxyModel):
    """Filter rows by status and by words in the claim's text."""

    def __init__(self) -> None:
        super().__init__()
        self._status: ClaimStatus | None = None
        self._words = ""
        self.setSortRole(Qt.ItemDataRole.EditRole)

    def set_status(self, status: ClaimStatus | str | None) -> None:
        # Combo box data comes back as a plain string.
        self._refilter(lambda: setattr(self, "_status", ClaimStatus(status) if status else None))

    def set_words(self, words: str) -> None:
        self._refilter(lambda: setattr(self, "_words", words.strip().lower()))

    def _refilter(self, change) -> None:
        self.beginFilterChange()
        change()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: _Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, ClaimsModel):
            return True
        claim = model.comparison.claims[row]
        if self._status is not None and claim.status is not self._status:
            return False
        return not self._words or self._words in model.text_of(claim).lower()


def fill_conflicts(table: QTableWidget, comparison: Comparison) -> None:
    """Conflicts panel: type, the claim with its wording, confidence, then each article's value
    (headers name the outlet; values wrap instead of being cut off). A conflict marked by hand
    says so; dismissed ones follow the others, greyed, with the reason they were dismissed."""
    items = comparison.articles
    ids = [item.id for item in items]
    by_id = {item.id: item for item in items}
    wording = {}
    for claim in comparison.claims:
        base = by_id[claim.representative.article]
        wording[claim.id] = base.sentence_text(base.sentences[claim.representative.sentence])
    table.clear()
    table.setColumnCount(3 + len(ids))
    labels = [f"{i.id} · {i.article.outlet or i.article.display_name}"[:28] for i in items]
    table.setHorizontalHeaderLabels(["Type", "Claim", "Confidence", *labels])
    for column, item in enumerate(items, start=3):
        table.horizontalHeaderItem(column).setToolTip(item.article.display_name)
    rows = [(c, None) for c in comparison.conflicts]
    rows += [(d.conflict, d.reason) for d in comparison.dismissed]
    table.setRowCount(len(rows))
    table.setWordWrap(False)  # one line a conflict; the whole claim is in the tooltip
    for row, (conflict, dismissed) in enumerate(rows):
        cells = [
            conflict_kind(conflict, dismissed),
            f"{conflict.claim}: {wording.get(conflict.claim, '')}",
            f"{conflict.confidence:.2f}",
        ]
        values = {v.article: v.value for v in conflict.values}
        cells += [values.get(i, "") for i in ids]
        for column, text in enumerate(cells):
            cell = QTableWidgetItem(text)
            cell.setData(CLAIM_ROLE, conflict.claim)
            cell.setData(CONFLICT_ROLE, conflict.id if dismissed is None else None)
            cell.setToolTip(text if column else conflict_kind(conflict, dismissed, why=True))
            cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if dismissed is not None:
                cell.setForeground(
                    QBrush(table.palette().color(QPalette.ColorRole.PlaceholderText))
                )
                font = cell.font()
                font.setStrikeOut(True)  # not colour alone
                cell.setFont(font)
            table.setItem(row, column, cell)
    # The claim's wording takes what the values (short, fitted to their text) leave.
    header = table.horizontalHeader()
    for column in range(table.columnCount()):
        mode = (
            QHeaderView.ResizeMode.Stretch
            if column == 1
            else QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(column, mode)


def conflict_kind(conflict: Conflict, dismissed: str | None = None, *, why: bool = False) -> str:
    """A conflict's type, saying when the user marked it or dismissed it (``dismissed`` is then
    the reason, maybe empty); ``why`` adds their note or reason."""
    kind = conflict.type.value
    if dismissed is not None:
        return kind + " — dismissed" + (f": {dismissed}" if why and dismissed else "")
    if conflict.marked:
        return kind + " — marked by hand" + (f": {conflict.note}" if why and conflict.note else "")
    return kind


def voices_html(comparison: Comparison) -> str:
    """Sources across the articles (one person one row) and each article's most named names."""
    head = "".join(
        f"<th title='{escape(i.article.display_name)}'>{escape(i.id)}</th>"
        for i in comparison.articles
    )
    marks = {"quoted": "quoted", "reported": "reported", "according_to": "according to"}
    rows = []
    for source in sources_across(comparison.articles):
        name = escape(source.name) + ("" if source.kind == "named" else " <i>(unnamed)</i>")
        cells = "".join(
            "<td>"
            + (", ".join(sorted({marks[v.kind.value] for v in found})) if found else "–")
            + "</td>"
            for found in source.credits
        )
        rows.append(f"<tr><td>{name}</td>{cells}</tr>")
    names = "".join(
        "<td valign='top'>"
        + "<br>".join(escape(f"{e.text} ×{e.count}") for e in item.entities[:10])
        + "</td>"
        for item in comparison.articles
    )
    return (
        f"<table border='1' cellpadding='3' cellspacing='0'><tr><th>Source</th>{head}</tr>"
        + "".join(rows)
        + f"<tr><td><i>most named</i></td>{names}</tr></table>"
    )


def voices_browser() -> QTextBrowser:
    browser = QTextBrowser()
    browser.setOpenLinks(False)
    return browser


def summary_html(comparison: Comparison) -> str:
    """The details strip before a claim is picked: counts, notices and files that failed."""
    counts = status_counts(comparison.claims)
    text = (
        f"{len(comparison.articles)} articles · claims shared by all: "
        f"{counts[ClaimStatus.SHARED_ALL]} · by some: {counts[ClaimStatus.SHARED_SOME]} · "
        f"only in one: {counts[ClaimStatus.UNIQUE]} · conflicts: {len(comparison.conflicts)}"
    )
    omissions = omissions_sentence(comparison.claims, [item.id for item in comparison.articles])
    if omissions:
        text += f"<br>{escape(omissions)}"
    notices = "".join(f"<br><b>⚠ {escape(n.message)}</b>" for n in comparison.notices)
    failures = "".join(f"<br>⚠ {escape(f.message)}" for f in comparison.errors)
    return text + notices + failures + corrections_html(comparison)


def corrections_html(comparison: Comparison) -> str:
    """The corrections made by hand, those that could not apply in bold, and what was dismissed."""
    lines = describe_corrections(comparison.corrections, comparison.correction_problems)
    if not lines:
        return ""
    parts = [escape(lines[0])] + [f"<b>⚠ {escape(line)}</b>" for line in lines[1:]]
    if comparison.dismissed:
        count = len(comparison.dismissed)
        noun = "conflict" if count == 1 else "conflicts"
        parts.append(f"{count} {noun} dismissed (greyed in Conflicts).")
    return "<br>" + "<br>".join(parts)


def claim_html(comparison: Comparison, claim: Claim, others: Sequence[Claim] = ()) -> str:
    """The details strip for a claim: status, who carries and who omits it, its conflicts, and
    links to the other claims the picked sentence also states."""
    carried = ", ".join(claim.articles)
    missing = ", ".join(i.id for i in comparison.articles if i.id not in claim.articles)
    parts = [f"<b>{claim.id}</b> — {STATUS_LABELS[claim.status]}; in: {carried}"]
    if others:
        links = ", ".join(
            f"<a href='claim:{c.id}'>{c.id}</a> ({STATUS_LABELS[c.status]})" for c in others
        )
        parts.append(f"this sentence also states: {links}")
    if missing:
        parts.append(f"omitted by: {missing}")
    for conflict in comparison.conflicts:
        if conflict.claim == claim.id:
            # Article text is escaped: a value that looks like markup shows as written.
            values = "; ".join(f"{v.article}: “{escape(v.value)}”" for v in conflict.values)
            kind = escape(conflict_kind(conflict, why=True))
            parts.append(f"<span style='color:#b71c1c'>⚠ {kind} — {values}</span>")
    for dismissal in comparison.dismissed:
        if dismissal.conflict.claim == claim.id:
            kind = escape(conflict_kind(dismissal.conflict, dismissal.reason, why=True))
            parts.append(f"<s>{escape(dismissal.conflict.type.value)}</s> {kind}")
    return "<br>".join(parts)
