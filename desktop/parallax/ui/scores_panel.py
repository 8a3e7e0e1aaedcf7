"""Scores panel: readability and tone per article as a table and as matplotlib charts."""

from __future__ import annotations

import os

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget

from parallax.core import (
    READABILITY_HEADLINE,
    TONE_METHODS,
    Comparison,
    ToneMethod,
    charts,
    signed_score,
    tone_bands,
)

# matplotlib must bind to PySide6 (not another Qt binding that may be installed).
os.environ.setdefault("QT_API", "pyside6")

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure

COLUMNS = (
    "Article",
    "Consensus grade",
    "Reading ease",
    "Words",
    "Sentences",
    "Hard",
    "Very hard",
    "Passive",
    "Tone",
    "Sentences by tone",
    "Subjectivity",
    "Hedges",
    "Boosters",
    "Loaded",
)
TONE_COLUMN = COLUMNS.index("Tone")


class ScoresPanel(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self._pending: Comparison | None = None
        self.table = QTableWidget()
        self.figure = Figure(figsize=(9, 2.6))
        self.canvas = FigureCanvasQTAgg(self.figure)
        # Tabs, not a stack: the dock is short and wide, and each view needs all of it.
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.canvas, self.tr("Charts"))
        self.tabs.addTab(self.table, self.tr("Table"))
        self.tabs.currentChanged.connect(self._draw_pending)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def show_comparison(self, comparison: Comparison) -> None:
        self._fill_table(comparison)
        # Charts take a few hundred milliseconds in matplotlib: draw them only when seen.
        self._pending = comparison
        if not self.visibleRegion().isEmpty():
            self._draw_pending()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._draw_pending()

    def on_visibility_changed(self, visible: bool) -> None:
        if visible:
            self._draw_pending()

    def _draw_pending(self, *_args) -> None:
        if self._pending is not None and self.tabs.currentWidget() is self.canvas:
            comparison, self._pending = self._pending, None
            self._draw(comparison)

    def _fill_table(self, comparison: Comparison) -> None:
        self.table.clear()
        self.table.setColumnCount(len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(name) for name in COLUMNS])
        self._explain_headers(comparison)
        self.table.setRowCount(len(comparison.articles))
        for row, item in enumerate(comparison.articles):
            for column, text in enumerate(self._row(item)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def _explain_headers(self, comparison: Comparison) -> None:
        """Each headline figure says what it is when its header is hovered."""
        tones = [i.scores.tone for i in comparison.articles if i.scores and i.scores.tone]
        method = tones[0].method if tones else ToneMethod.VADER_TEXTBLOB
        tips = {
            "Consensus grade": self.tr("US school grade: %1").replace("%1", READABILITY_HEADLINE),
            "Tone": self.tr("Mean sentence tone, −1 … +1: %1.\nMethod: %2.")
            .replace("%1", tone_bands(method))
            .replace("%2", TONE_METHODS[method]),
            "Sentences by tone": self.tr(
                "Share of the article's sentences that are negative, neutral and positive, and "
                "the middle half (quartiles) of its sentence tones"
            ),
        }
        for column, name in enumerate(COLUMNS):
            if name in tips:
                self.table.horizontalHeaderItem(column).setToolTip(tips[name])

    def _draw(self, comparison: Comparison) -> None:
        charts.draw_panel(self.figure, comparison.articles, legend=False)
        _follow_palette(self.figure, self.palette())
        self.canvas.draw_idle()

    def _row(self, item) -> list[str]:
        scores = item.scores
        if scores is None:
            return [item.id] + [""] * (len(COLUMNS) - 1)
        readability, tone = scores.readability, scores.tone
        grade = readability.headline
        ease = readability.score("flesch_reading_ease")
        cells = [
            f"{item.id}: {item.article.display_name[:40]}",
            f"{grade.value:.0f} ({self.tr(grade.band)})",
            f"{ease.value:.0f} ({self.tr(ease.band)})",
            str(readability.words),
            str(readability.sentences),
            *(str(n) for n in scores.sentence_marks()),
        ]
        if tone is None:
            return cells + [""] * (len(COLUMNS) - TONE_COLUMN)
        spread = (
            self.tr("%1% neg. · %2% neutral · %3% pos.; middle half %4 … %5")
            .replace("%1", f"{tone.negative_share * 100:.0f}")
            .replace("%2", f"{tone.neutral_share * 100:.0f}")
            .replace("%3", f"{tone.positive_share * 100:.0f}")
            .replace("%4", signed_score(tone.lower_quartile))
            .replace("%5", signed_score(tone.upper_quartile))
        )
        return [
            *cells,
            f"{signed_score(tone.mean)} {self.tr(tone.band)}",
            spread,
            f"{tone.mean_subjectivity:.2f}",
            str(tone.hedges),
            str(tone.boosters),
            str(tone.loaded),
        ]


def _follow_palette(figure: Figure, palette: QPalette) -> None:
    """Chart background and text in the window's colours (light or dark theme)."""
    background = palette.color(QPalette.ColorRole.Window).name()
    base = palette.color(QPalette.ColorRole.Base).name()
    text = palette.color(QPalette.ColorRole.WindowText).name()
    figure.set_facecolor(background)
    for axes in figure.axes:
        axes.set_facecolor(base)
        axes.title.set_color(text)
        axes.xaxis.label.set_color(text)
        axes.tick_params(colors=text)
        for spine in axes.spines.values():
            spine.set_edgecolor(text)
