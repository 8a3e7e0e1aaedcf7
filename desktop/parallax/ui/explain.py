"""Why a word is marked: the tooltip over a hedge, booster or loaded term in an article pane."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QToolTip

from parallax.core.wordlists import TermMatch

if TYPE_CHECKING:
    from parallax.ui.panes import ArticlePane


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
    """Answers tooltip events on a pane's text with the reason for the marked term hovered."""

    def __init__(self, pane: ArticlePane) -> None:
        super().__init__(pane)
        self._pane = pane

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ToolTip or not isinstance(event, QHelpEvent):
            return False
        term = self.term_at(self._pane.text.cursorForPosition(event.pos()).position())
        if term is None:
            QToolTip.hideText()
            event.ignore()
            return True
        QToolTip.showText(event.globalPos(), term_tooltip(term), self._pane.text)
        return True

    def term_at(self, position: int) -> TermMatch | None:
        """The term marked at a Qt text position (marks shown in the pane only)."""
        pane = self._pane
        scores = pane.item.scores
        offset = pane._from_qt(position)
        index = pane.sentence_at(offset)
        if scores is None or index is None:
            return None
        shown = {
            (s.cursor.selectionStart(), s.cursor.selectionEnd())
            for s in pane.text.extraSelections()
        }
        for term in scores.sentences[index].tone.terms:
            if (
                term.start <= offset < term.end
                and (pane._map(term.start), pane._map(term.end)) in shown
            ):
                return term
        return None


def install_term_tooltips(pane: ArticlePane) -> _TermTooltips:
    """Explain the pane's marked terms on hover."""
    tooltips = _TermTooltips(pane)
    pane.text.viewport().installEventFilter(tooltips)
    return tooltips
