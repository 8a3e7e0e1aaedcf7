"""Why a word is marked: the tooltip over a hedge, booster or loaded term in an article pane."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip

from parallax.core import TermMatch


def tr(text: str) -> str:
    return QCoreApplication.translate("explain", text)


_LEXICONS = {
    "pattern": "Pattern subjectivity lexicon",
    "vader": "VADER lexicon",
    "parallax": "Parallax list",
}


def _direction(term: TermMatch) -> str:
    return {-1: tr("negative"), 1: tr("positive")}.get(term.polarity, "")


def term_tooltip(term: TermMatch) -> str:
    """One line saying which list or rule marked the term, e.g. "Loaded: evaluative word
    (Pattern subjectivity lexicon, negative)"."""
    rules = {
        "hedge": tr("Hedge: softens or distances the claim"),
        "booster": tr("Booster: adds emphasis or certainty"),
        "evaluative": tr("Loaded: evaluative word, a judgement"),
        "emotive": tr("Loaded: emotive word, rated strongly by human raters"),
        "label": tr("Loaded: charged label or dysphemism"),
        "verb": tr("Loaded: tabloid verb of attack or grabbing"),
        "metaphor": tr("Loaded: emotive metaphor"),
        "intensified": tr("Loaded: intensifier + evaluative word"),
        "scare_quotes": tr("Loaded: scare quotes, a short quotation with no speaker"),
    }
    text = rules.get(term.rule, term.kind.value.capitalize())
    if term.rule == "evaluative" and term.lexicon == "vader":
        details = [tr("built on a word VADER's raters rated negative")]
    else:
        source = tr(_LEXICONS[term.lexicon]) if term.lexicon in _LEXICONS else ""
        details = [d for d in (source, _direction(term)) if d]
    return f"{text} ({', '.join(details)})" if details else text


class _TermTooltips(QObject):
    """Answers tooltip events on a text view with the reason for the marked term hovered."""

    def __init__(
        self, editor: QTextEdit | QPlainTextEdit, term_at: Callable[[int], TermMatch | None]
    ) -> None:
        super().__init__(editor)
        self._editor = editor
        self._term_at = term_at

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ToolTip or not isinstance(event, QHelpEvent):
            return False
        term = self._term_at(self._editor.cursorForPosition(event.pos()).position())
        if term is None:
            QToolTip.hideText()
            event.ignore()
            return True
        QToolTip.showText(event.globalPos(), term_tooltip(term), self._editor)
        return True


def install_term_tooltips(
    editor: QTextEdit | QPlainTextEdit, term_at: Callable[[int], TermMatch | None]
) -> _TermTooltips:
    """Explain the marked terms of ``editor`` on hover; ``term_at`` gives the term marked at a
    Qt text position, if any."""
    tooltips = _TermTooltips(editor, term_at)
    editor.viewport().installEventFilter(tooltips)
    return tooltips
