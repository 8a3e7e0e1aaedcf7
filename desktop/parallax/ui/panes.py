"""One article's pane: header with its scores, the text with claim marks, sentence picking."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from html import escape

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from parallax.core import AnalysedArticle, Claim, Conflict, TermMatch
from parallax.ui import explain, palette


class Utf16Map:
    """Python (code point) offsets → Qt (UTF-16) positions; identical unless astral characters."""

    def __init__(self, text: str) -> None:
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]

    def __call__(self, offset: int) -> int:
        return offset + bisect.bisect_left(self._astral, offset)


class ArticlePane(QWidget):
    sentence_activated = Signal(str, int)  # article id, sentence index
    picks_changed = Signal(str)  # article id: the reader's sentence or selected words changed

    def __init__(
        self, item: AnalysedArticle, parent: QWidget | None = None, *, omitted: int | None = None
    ) -> None:
        super().__init__(parent)
        self.item = item
        self._omitted = omitted  # claims most of the articles carry that this one leaves out
        self._starts = [s.start for s in item.sentences]
        self._map = Utf16Map(item.article.text)
        self._programmatic = False
        self._note = ""  # the user's note on this article, shown as a mark in the header
        self._score_marks: list[QTextEdit.ExtraSelection] = []
        self._selection: list[QTextEdit.ExtraSelection] = []
        self._picked: list[QTextEdit.ExtraSelection] = []
        # What the reader put the cursor on or selected (the window's own scrolling moves the
        # cursor too, and is not counted): the sentence and words a correction acts on.
        self.current: int | None = None
        self.selected_span: tuple[int, int] | None = None  # offsets into the article text
        self.context_actions: list = []  # corrections offered in the text's context menu
        self._build_ui()
        self._connect()

    def _build_ui(self) -> None:
        self.header = QLabel(self._header_html())
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        # A long headline wraps instead of widening the pane.
        self.header.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        # Same header height in every pane, so the texts start level with each other.
        self.header.setFixedHeight(self.header.fontMetrics().lineSpacing() * 5)
        self.header.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text = QPlainTextEdit(self.item.article.text)
        self.text.setReadOnly(True)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.text.setObjectName(f"pane-{self.item.id}")
        self.text.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.header)
        layout.addWidget(self.text, 1)
        self.setMinimumWidth(200)

    def _connect(self) -> None:
        self.text.cursorPositionChanged.connect(self._on_text_cursor_moved)
        explain.install_term_tooltips(self.text, self.marked_term_at)  # hovering says why
        self.text.selectionChanged.connect(self._on_text_selection_changed)
        self.text.customContextMenuRequested.connect(self._on_text_context_menu_requested)

    def marked_term_at(self, position: int) -> TermMatch | None:
        """The hedge, booster or loaded term marked at a Qt text position (marks on show only)."""
        scores = self.item.scores
        offset = self._from_qt(position)
        index = self.sentence_at(offset)
        if scores is None or index is None:
            return None
        shown = {
            (s.cursor.selectionStart(), s.cursor.selectionEnd())
            for s in self.text.extraSelections()
        }
        for term in scores.sentences[index].tone.terms:
            if (
                term.start <= offset < term.end
                and (self._map(term.start), self._map(term.end)) in shown
            ):
                return term
        return None

    def set_note(self, note: str) -> None:
        """Show that the user left a note on this article (the note itself in the tooltip)."""
        self._note = note
        self.header.setText(self._header_html())
        self.header.setToolTip(note)

    def _header_html(self) -> str:
        article = self.item.article
        parts = [article.outlet, article.published, f"{self.item.word_count:,} words"]
        scores = self.item.scores
        if scores is not None:
            grade = scores.readability.score("consensus_grade")
            parts.append(f"grade {grade.value:.0f} ({grade.band})")
            if scores.tone is not None:
                parts.append(f"tone {scores.tone.mean:+.2f}")
        if self._omitted:
            parts.append(f"leaves out {self._omitted} of the claims most articles carry")
        if self._note:
            parts.append("✎ note")
        meta = " · ".join(escape(p) for p in parts if p)
        return f"<b>{escape(article.display_name)}</b><br><small>{meta}</small>"

    def apply_marks(
        self, claims: dict[int, tuple[Claim, ...]], conflicts: Sequence[Conflict]
    ) -> None:
        """Status formats on every sentence (once: its most widely shared claim's status) and
        conflict marks on the values."""
        document = self.text.document()
        cursor = QTextCursor(document)
        for sentence in self.item.sentences:
            mine = claims.get(sentence.index)
            if not mine:
                continue
            self._select(cursor, sentence.start, sentence.end)
            cursor.mergeCharFormat(palette.status_format(mine[0].status))
        for conflict in conflicts:
            for value in conflict.values:
                if value.article == self.item.id:
                    self._select(cursor, value.start, value.end)
                    cursor.mergeCharFormat(palette.conflict_format())

    def _select(self, cursor: QTextCursor, start: int, end: int) -> None:
        cursor.setPosition(self._map(start))
        cursor.setPosition(self._map(end), QTextCursor.MoveMode.KeepAnchor)

    def show_selection(
        self, sentences: Sequence[int], spans: list[tuple[int, int]], *, scroll: bool = True
    ) -> None:
        """Highlight the selected claim's sentences here (an article may state a claim several
        times) and their differing words.

        ``scroll`` is false for the pane the user is reading in: its cursor stays where it is.
        """
        self._selection = []
        for index in sentences:
            member = self.item.sentences[index]
            self._selection.append(self._extra(member.start, member.end, palette.selected_format()))
        self._selection += [self._extra(a, b, palette.difference_format()) for a, b in spans]
        self._show_extras()
        if sentences and scroll:
            self.scroll_to(sentences[0])

    def show_score_marks(self, kinds: set[str]) -> None:
        """Toggleable marks: "difficulty" (hard/very hard), "passive", "terms" (hedges, loaded)."""
        scores = self.item.scores
        marks = []
        if scores is not None:
            for sentence, score in zip(self.item.sentences, scores.sentences, strict=True):
                difficulty = score.readability.difficulty
                if "difficulty" in kinds and difficulty is not None:
                    fmt = palette.difficulty_format(difficulty.value)
                    marks.append(self._extra(sentence.start, sentence.end, fmt))
                if "passive" in kinds and score.readability.passive:
                    marks.append(
                        self._extra(sentence.start, sentence.end, palette.passive_format())
                    )
                if "terms" in kinds:
                    marks += [
                        self._extra(t.start, t.end, palette.term_format(t.kind.value))
                        for t in score.tone.terms
                    ]
        self._score_marks = marks
        self._show_extras()

    def show_picks(self, sentences: Sequence[int]) -> None:
        """Mark the sentences picked here for a correction, and the words selected for one."""
        fmt = palette.picked_format()
        self._picked = [
            self._extra(self.item.sentences[n].start, self.item.sentences[n].end, fmt)
            for n in sentences
        ]
        if self.selected_span is not None:
            self._picked.append(self._extra(*self.selected_span, fmt))
        self._show_extras()

    def _show_extras(self) -> None:
        self.text.setExtraSelections(self._score_marks + self._selection + self._picked)

    def _extra(self, start: int, end: int, fmt) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        selection.cursor = QTextCursor(self.text.document())
        self._select(selection.cursor, start, end)
        selection.format = fmt
        return selection

    def scroll_to(self, sentence: int) -> None:
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(self._map(self.item.sentences[sentence].start))
        self._programmatic = True
        self.text.setTextCursor(cursor)
        self.text.centerCursor()
        self._programmatic = False

    def sentence_at(self, offset: int) -> int | None:
        index = bisect.bisect_right(self._starts, offset) - 1
        if index < 0 or offset > self.item.sentences[index].end:
            return None
        return index

    def _on_text_cursor_moved(self) -> None:
        if self._programmatic:
            return
        position = self.text.textCursor().position()
        sentence = self.sentence_at(self._from_qt(position))
        if sentence is not None:
            self.current = sentence
            self.sentence_activated.emit(self.item.id, sentence)
            self.picks_changed.emit(self.item.id)

    def _on_text_selection_changed(self) -> None:
        if self._programmatic:
            return
        cursor = self.text.textCursor()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        self.selected_span = (self._from_qt(start), self._from_qt(end)) if end > start else None
        self.picks_changed.emit(self.item.id)

    def _on_text_context_menu_requested(self, position: QPoint) -> None:
        # The sentence clicked on is the one acted on, unless words are selected.
        if not self.text.textCursor().hasSelection():
            self.text.setTextCursor(self.text.cursorForPosition(position))
        menu = self.text.createStandardContextMenu(position)
        if self.context_actions:
            menu.addSeparator()
            menu.addActions(self.context_actions)
        menu.exec(self.text.viewport().mapToGlobal(position))
        menu.deleteLater()

    def view(self) -> tuple[int, int | None, int | None]:
        """Where the reader is: the first character in view, the caret if it is in view, and
        the reader's sentence."""
        # The middle of the first line in view (below the document's margin).
        y = int(self.text.document().documentMargin()) + self.text.fontMetrics().height() // 2
        top = self.text.cursorForPosition(QPoint(0, y)).position()
        corner = self.text.viewport().rect().bottomRight()
        bottom = self.text.cursorForPosition(corner).position()
        caret = self.text.textCursor().position()
        return top, caret if top <= caret <= bottom else None, self.current

    def restore_view(self, view: tuple[int, int | None, int | None]) -> None:
        """The same text at the top, the caret and the reader's sentence as ``view()`` gave
        (by text position, not scroll lines: lines change with the pane's width)."""
        top, caret, self.current = view
        self._programmatic = True
        last = self.text.document().characterCount() - 1
        # From the end (laid out on the way), the top position's line becomes the first in
        # view; the caret, in view already, scrolls nothing.
        for position in (last, top) if caret is None else (last, top, caret):
            cursor = QTextCursor(self.text.document())
            cursor.setPosition(min(position, last))
            self.text.setTextCursor(cursor)
        self._programmatic = False

    def _from_qt(self, position: int) -> int:
        offset = position
        while offset > 0 and self._map(offset) > position:
            offset -= 1
        return offset
