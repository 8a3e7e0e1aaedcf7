"""Corrections by hand from the window: the Corrections menu (also in the panes' and tables'
context menus), each correction one undoable command on the document's stack, and the notice of
corrections that could not apply on this run.

A correction is made from what the reader picked (``correction_targets``); pushing its command
changes the document's corrections, and the window compares again, which only reassembles the
claims and conflicts in the analysis process (the articles are not parsed again).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QWidget,
)

from parallax.core import Comparison, ConflictType, Correction, describe_corrections
from parallax.ui import correction_targets as targets
from parallax.ui import palette
from parallax.ui.docks import DockPanels
from parallax.ui.document import ComparisonDocument
from parallax.ui.navigation import Navigator
from parallax.ui.pane_row import PaneRow

_QUOTE = 48  # characters of a sentence or value quoted in a dialog


class CorrectionCommand(QUndoCommand):
    """One correction (or a few made as one, like linking three picked sentences) on the undo
    stack: redo adds them to the document's corrections, undo restores the list before."""

    def __init__(
        self, document: ComparisonDocument, text: str, made: tuple[Correction, ...]
    ) -> None:
        super().__init__(text)
        self._document = document
        self._before = document.corrections
        self._after = document.corrections + made

    def redo(self) -> None:
        self._document.set_corrections(self._after)

    def undo(self) -> None:
        self._document.set_corrections(self._before)


class CorrectionsNotice(QWidget):
    """Above the articles: the corrections that could not apply on this run, and why."""

    def __init__(self) -> None:
        super().__init__()
        self.setStyleSheet(palette.banner_style())
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 2, 6, 2)
        self.label = QLabel()
        self.label.setWordWrap(True)
        close = QPushButton(self.tr("Hide"))
        close.clicked.connect(self.hide)
        row.addWidget(self.label, 1)
        row.addWidget(close)
        self.hide()

    def show_comparison(self, comparison: Comparison) -> None:
        lines = describe_corrections(comparison.corrections, comparison.correction_problems)
        problems = lines[1:]  # the first line counts the corrections
        self.label.setText("⚠ " + "\n⚠ ".join(problems) if problems else "")
        self.setVisible(bool(problems))


def ask_reason(parent: QWidget, conflict: str) -> str | None:
    """Why the user dismisses a conflict (may be empty); None if they cancel."""
    text, ok = QInputDialog.getText(
        parent,
        parent.tr("Dismiss Conflict"),
        parent.tr("Dismiss the conflict {}?\nReason (optional):").format(conflict),
    )
    return text if ok else None


def ask_conflict(parent: QWidget, first: str, second: str) -> tuple[ConflictType, str] | None:
    """The type of a conflict the user marks, and their note; None if they cancel."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(parent.tr("Mark as Conflict"))
    kinds = QComboBox()
    for kind in ConflictType:
        kinds.addItem(kind.value, kind)
    note = QLineEdit()
    note.setPlaceholderText(parent.tr("optional"))
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form = QFormLayout(dialog)
    form.addRow(QLabel(parent.tr("“{}” against “{}”").format(first, second)))
    form.addRow(parent.tr("&Type:"), kinds)
    form.addRow(parent.tr("&Note:"), note)
    form.addRow(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return ConflictType(kinds.currentData()), note.text()


class CorrectionActions(QObject):
    """The correction actions, enabled only when what is picked allows them."""

    message = Signal(str, int)  # for the status bar: text, milliseconds

    def __init__(
        self,
        window: QMainWindow,
        document: ComparisonDocument,
        pane_row: PaneRow,
        docks: DockPanels,
        navigator: Navigator,
        notice: CorrectionsNotice,
    ) -> None:
        super().__init__(window)
        self._window, self._document = window, document
        self._pane_row, self._docks, self._navigator = pane_row, docks, navigator
        self.notice = notice
        # The comparison the panes and tables present in full. Until the document's newest one
        # is shown, what is picked still names the sentences and claims of the one before
        # (another article may now be a1), so no correction is made from it.
        self._shown: Comparison | None = None
        self._build_actions()
        self._connect()
        self.refresh()

    def _build_actions(self) -> None:
        def action(text: str, keys: str, slot: Callable[[], None], tip: str) -> QAction:
            made = QAction(text, self._window)
            made.setShortcut(QKeySequence(keys))
            made.setStatusTip(tip)
            made.triggered.connect(slot)
            return made

        tr = self.tr
        self.pick_action = action(
            tr("&Pick Sentence"),
            "Ctrl+K",
            self._pane_row.toggle_pick,
            tr("Pick (or unpick) the sentence under the cursor for linking or splitting"),
        )
        self.link_action = action(
            tr("&Link Sentence to Selected Claim"),
            "Ctrl+L",
            lambda: self._make(targets.link_to_claim, tr("Link sentence to claim")),
            tr("The sentence under the cursor joins the claim selected in the Claims table"),
        )
        self.link_picked_action = action(
            tr("Link Picked Sentences as &One Claim"),
            "Ctrl+Shift+L",
            lambda: self._make(targets.link_picked, tr("Link sentences as one claim")),
            tr("The picked sentences join the claim of the first one picked"),
        )
        self.unlink_action = action(
            tr("&Unlink Sentence from Claim"),
            "Ctrl+U",
            lambda: self._make(targets.unlink, tr("Unlink sentence from claim")),
            tr("The sentence under the cursor leaves its claim"),
        )
        self.merge_action = action(
            tr("&Merge Claims"),
            "Ctrl+M",
            lambda: self._make(targets.merge, tr("Merge claims")),
            tr("The two claims selected in the Claims table become one"),
        )
        self.split_action = action(
            tr("&Split Claim"),
            "Ctrl+Shift+M",
            lambda: self._make(targets.split, tr("Split claim")),
            tr("The picked sentences of the selected claim form a claim of their own"),
        )
        self.dismiss_action = action(
            tr("&Dismiss Conflict…"),
            "Ctrl+D",
            self.dismiss,
            tr("Withdraw the conflict selected in the Conflicts table"),
        )
        self.mark_action = action(
            tr("Mark as &Conflict…"),
            "Ctrl+Shift+D",
            self.mark,
            tr("Report the words selected in two articles as a conflict Parallax missed"),
        )
        self.clear_action = QAction(tr("C&lear Picks"), self._window)
        self.clear_action.triggered.connect(self._pane_row.clear_picks)

    @property
    def claim_actions(self) -> list[QAction]:
        return [
            self.pick_action,
            self.link_action,
            self.link_picked_action,
            self.unlink_action,
            self.merge_action,
            self.split_action,
        ]

    @property
    def conflict_actions(self) -> list[QAction]:
        return [self.dismiss_action, self.mark_action]

    def build_menu(self, menu: QMenu) -> None:
        menu.addActions(self.claim_actions)
        menu.addAction(self.clear_action)
        menu.addSeparator()
        menu.addActions(self.conflict_actions)

    def _connect(self) -> None:
        self._pane_row.context_actions += [*self.claim_actions, *self.conflict_actions]
        claims, conflicts = self._docks.claims_view, self._docks.conflicts_table
        for view, actions in (
            (claims, [self.link_action, self.merge_action, self.split_action]),
            (conflicts, self.conflict_actions),
        ):
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            view.addActions(actions)
        self._pane_row.picks_changed.connect(self.refresh)
        claims.selectionModel().selectionChanged.connect(self.refresh)
        conflicts.itemSelectionChanged.connect(self.refresh)
        self._document.comparison_changed.connect(self._on_document_comparison_changed)

    # ---- what is picked ---------------------------------------------------------------------
    def picks(self) -> targets.Picks | None:
        comparison = self._document.comparison
        if comparison is None or comparison is not self._shown:
            return None
        return targets.Picks(
            comparison,
            sentence=self._pane_row.current_sentence(),
            picked=tuple(self._pane_row.picked),
            claims=tuple(self._docks.selected_claims()),
            claim_on_show=self._navigator.current,
            conflict=self._docks.selected_conflict(),
            spans=tuple(self._pane_row.selected_spans()),
        )

    def set_shown(self, comparison: Comparison | None) -> None:
        """The window has presented ``comparison`` in full: picks name its sentences now."""
        self._shown = comparison
        self.refresh()

    def refresh(self, *_args) -> None:
        """Each action enabled only when what is picked allows it."""
        picks = self.picks()
        self.pick_action.setEnabled(picks is not None and picks.sentence is not None)
        self.clear_action.setEnabled(picks is not None and bool(picks.picked or picks.spans))
        for action, target in (
            (self.link_action, targets.link_to_claim),
            (self.link_picked_action, targets.link_picked),
            (self.unlink_action, targets.unlink),
            (self.merge_action, targets.merge),
            (self.split_action, targets.split),
            (self.dismiss_action, targets.dismiss),
            (self.mark_action, targets.marked_words),
        ):
            action.setEnabled(picks is not None and target(picks) is not None)

    def _on_document_comparison_changed(self) -> None:
        comparison = self._document.comparison
        self.notice.show_comparison(comparison)
        if comparison.correction_problems:
            count = len(comparison.correction_problems)
            self.message.emit(
                self.tr(
                    "{} of {} corrections could not be applied (see above the articles)."
                ).format(count, len(comparison.corrections)),
                15000,
            )
        elif comparison.corrections:
            self.message.emit(describe_corrections(comparison.corrections)[0], 8000)
        self.refresh()

    # ---- making corrections -------------------------------------------------------------------
    def _make(self, target: Callable, text: str, *args) -> None:
        picks = self.picks()
        made = target(picks, *args) if picks is not None else None
        if not made:
            self.message.emit(self.tr("{}: nothing picked it applies to.").format(text), 8000)
            return
        self._document.undo_stack.push(CorrectionCommand(self._document, text, made))
        self.message.emit(self.tr("{} — comparing again…").format(text), 5000)

    def dismiss(self) -> None:
        picks = self.picks()
        conflict = targets.selected_conflict(picks) if picks is not None else None
        if conflict is None:
            return
        values = " / ".join(f"“{_quoted(v.value)}”" for v in conflict.values)
        reason = ask_reason(self._window, f"{conflict.type.value}: {values}")
        if reason is not None:
            self._make(targets.dismiss, self.tr("Dismiss conflict"), reason)

    def mark(self) -> None:
        picks = self.picks()
        words = targets.marked_words(picks) if picks is not None else None
        if words is None:
            return
        text = [picks.item(a).article.text[start:end] for a, _n, start, end in words]
        answer = ask_conflict(self._window, _quoted(text[0]), _quoted(text[1]))
        if answer is not None:
            self._make(targets.mark, self.tr("Mark conflict"), *answer)


def _quoted(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _QUOTE else text[: _QUOTE - 1] + "…"
