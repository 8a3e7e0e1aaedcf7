"""Hovering a marked term in an article pane says which list or rule marked it."""

from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QToolTip

from parallax.core.loading import load_pasted
from parallax.core.models import CompareOptions
from parallax.core.pipeline import compare
from parallax.core.wordlists import TermKind, TermMatch
from parallax.ui.explain import term_tooltip
from parallax.ui.panes import ArticlePane

TEXT = "Tenants said the tower was unsafe.\n\nThe greedy landlord raked in millions, reportedly."


def hover(pane: ArticlePane, word: str) -> str:
    offset = pane.item.article.text.index(word) + 1
    cursor = QTextCursor(pane.text.document())
    cursor.setPosition(offset)
    point = pane.text.cursorRect(cursor).center()
    event = QHelpEvent(QEvent.Type.ToolTip, point, pane.text.viewport().mapToGlobal(point))
    QToolTip.hideText()
    QApplication.sendEvent(pane.text.viewport(), event)
    return QToolTip.text() if QToolTip.isVisible() else ""


def test_hovering_a_marked_word_says_why(qapp):
    (item,) = compare([load_pasted(TEXT)], CompareOptions(use_embeddings=False)).articles
    pane = ArticlePane(item)
    pane.resize(800, 400)
    pane.show()
    assert hover(pane, "greedy") == ""  # no tooltip while the marks are hidden
    pane.show_score_marks({"terms"})
    assert hover(pane, "tower") == ""  # an unmarked word
    assert hover(pane, "greedy") == (
        "Loaded: evaluative word, a judgement (built on a word VADER's raters rated negative)"
    )
    assert hover(pane, "raked in") == (
        "Loaded: tabloid verb of attack or grabbing (Parallax list, negative)"
    )
    assert hover(pane, "reportedly").startswith("Hedge:")
    pane.close()


def test_tooltip_names_the_lexicon_and_direction():
    term = TermMatch(TermKind.LOADED, "horrific", 0, 8, "evaluative", "pattern", -1)
    assert term_tooltip(term) == (
        "Loaded: evaluative word, a judgement (Pattern subjectivity lexicon, negative)"
    )
    quotes = TermMatch(TermKind.LOADED, "'reform'", 0, 8, "scare_quotes", "", 0)
    assert term_tooltip(quotes) == "Loaded: scare quotes, a short quotation with no speaker"
