"""The row of article panes side by side: filling and clearing it, pane widths and font size,
notes, marks, a claim's members picked out, which pane the reader is in, and the sentences and
words the reader picked for a correction."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QScrollArea, QSplitter

from parallax.core import AnalysedArticle, Claim, Conflict
from parallax.ui import settings
from parallax.ui.panes import ArticlePane

_VISIBLE_PANES = 8
_PANE_WIDTH = 240


class PaneRow(QScrollArea):
    sentence_activated = Signal(str, int)  # article id, sentence index the reader clicked
    picks_changed = Signal()  # the reader's sentence, selected words or picked sentences changed

    def __init__(self) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.setWidget(self.splitter)
        self.panes: dict[str, ArticlePane] = {}
        self.font_size = settings.read(settings.FONT_SIZE)
        self._last_article: str | None = None
        # Panes by when the reader last acted in them, the latest last.
        self._recent: list[str] = []
        # Sentences picked for a correction, (article id, index) in the order picked.
        self.picked: list[tuple[str, int]] = []
        self.context_actions: list = []  # offered in every pane's context menu
        self._kept_view: dict[str, tuple] = {}  # article id -> ArticlePane.view()

    def clear(self, count: int) -> None:
        """Remove the panes, making room for ``count`` new ones."""
        for pane in self.panes.values():
            pane.setParent(None)
            pane.deleteLater()
        self.panes = {}
        self.picked = []
        self._recent = [a for a in self._recent if a in self._kept_view]
        # Up to eight panes share the width; beyond that the row scrolls sideways.
        crowded = count > _VISIBLE_PANES
        self.splitter.setMinimumWidth(count * _PANE_WIDTH if crowded else 0)

    def add(
        self,
        item: AnalysedArticle,
        claims: dict[int, tuple[Claim, ...]],
        conflicts: Sequence[Conflict],
        omitted: int,
        note: str,
    ) -> None:
        pane = ArticlePane(item, omitted=omitted)
        pane.apply_marks(claims, conflicts)
        pane.text.setFont(QFont(pane.text.font().family(), self.font_size))
        pane.sentence_activated.connect(self._on_pane_sentence_activated)
        pane.picks_changed.connect(self._on_pane_picks_changed)
        pane.context_actions = self.context_actions
        pane.set_note(note)
        self.splitter.addWidget(pane)
        self.panes[item.id] = pane

    def restore_sizes(self) -> None:
        """Pane widths as the user left them, when the number of panes is the same.

        The count is kept beside the splitter's state: restoring one pane's widths onto five
        gave the first pane the whole row and collapsed the others (the state keeps no count
        that ``restoreState`` would check)."""
        state = settings.read(settings.SPLITTER)
        if state and not state.isEmpty() and settings.read(settings.PANE_COUNT) == len(self.panes):
            self.splitter.restoreState(state)

    def remember_sizes(self) -> None:
        if self.panes:
            settings.write(settings.SPLITTER, self.splitter.saveState())
            settings.write(settings.PANE_COUNT, len(self.panes))

    def zoom(self, step: int) -> None:
        self.font_size = max(7, min(32, self.font_size + step))
        settings.write(settings.FONT_SIZE, self.font_size)
        for pane in self.panes.values():
            pane.text.setFont(QFont(pane.text.font().family(), self.font_size))

    def show_notes(self, note_for: Callable) -> None:
        for pane in self.panes.values():
            pane.set_note(note_for(pane.item.article))

    def show_marks(self, kinds: Collection[str]) -> None:
        for pane in self.panes.values():
            pane.show_score_marks(kinds)

    def show_claim(self, claim: Claim, origin: str | None) -> None:
        """A claim's sentences picked out in every pane, with the words that differ; every pane
        but the one it was picked in scrolls to them."""
        members: dict[str, list] = {}
        for member in claim.members:
            members.setdefault(member.article, []).append(member)
        for article, pane in self.panes.items():
            mine = members.get(article, [])
            spans = [
                (d.start, d.end)
                for member in mine
                for d in member.diff
                if d.op.value != "equal" and d.article == article
            ]
            pane.show_selection([m.sentence for m in mine], spans, scroll=article != origin)

    def current_article(self) -> str | None:
        """The pane with keyboard focus, else the one last read in, else the first."""
        focused = QApplication.focusWidget()
        for article, pane in self.panes.items():
            if focused is pane.text:
                return article
        if self._last_article in self.panes:
            return self._last_article
        return next(iter(self.panes), None)

    # ---- what a correction acts on ----------------------------------------------------------
    def current_sentence(self) -> tuple[str, int] | None:
        """The sentence the reader's cursor is in, in the pane being read."""
        article = self.current_article()
        pane = self.panes.get(article) if article is not None else None
        if pane is None or pane.current is None:
            return None
        return (article, pane.current)

    def toggle_pick(self) -> None:
        """Pick the reader's sentence for a correction, or unpick it."""
        sentence = self.current_sentence()
        if sentence is None:
            return
        if sentence in self.picked:
            self.picked.remove(sentence)
        else:
            self.picked.append(sentence)
        self._show_picks()
        self.picks_changed.emit()

    def clear_picks(self) -> None:
        self.picked = []
        for pane in self.panes.values():
            pane.selected_span = None
        self._show_picks()
        self.picks_changed.emit()

    def selected_spans(self) -> list[tuple[str, int, int]]:
        """Words the reader selected, (article id, start, end), the latest pane first."""
        spans = []
        for article in reversed(self._recent):
            pane = self.panes.get(article)
            if pane is not None and pane.selected_span is not None:
                spans.append((article, *pane.selected_span))
        return spans

    def _show_picks(self) -> None:
        for article, pane in self.panes.items():
            pane.show_picks([n for a, n in self.picked if a == article])

    # ---- the view kept while the comparison is shown again -------------------------------------
    def keep_view(self) -> None:
        """Remember where the reader is in each pane, for ``restore_view``."""
        self._kept_view = {article: pane.view() for article, pane in self.panes.items()}

    def restore_view(self) -> None:
        if not self._kept_view:
            return
        # The new panes at their final width first: the lines in view depend on it.
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        for article, view in self._kept_view.items():
            if article in self.panes:
                self.panes[article].restore_view(view)
        self._kept_view = {}
        # The claim of the reader's sentence on show again: what the correction made of it.
        reading = self.current_sentence()
        if reading is not None:
            self.sentence_activated.emit(*reading)

    def _on_pane_picks_changed(self, article: str) -> None:
        self._touch(article)
        self.panes[article].show_picks([n for a, n in self.picked if a == article])
        self.picks_changed.emit()

    def _touch(self, article: str) -> None:
        self._last_article = article
        if article in self._recent:
            self._recent.remove(article)
        self._recent.append(article)

    def _on_pane_sentence_activated(self, article: str, sentence: int) -> None:
        self._touch(article)
        self.sentence_activated.emit(article, sentence)
