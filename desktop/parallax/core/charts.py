"""Score charts drawn with matplotlib on a plain ``Figure``: the scores panel shows them on a Qt
canvas, the report embeds them as PNG. No pyplot and no Qt here, so core stays headless.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Sequence

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from parallax.core.colours import light
from parallax.core.models import AnalysedArticle

TONES = ("positive", "neutral", "negative")
# Sentence tone runs from red (negative) through yellow to green (positive).
STRIP_COLOURMAP = "RdYlGn"
# matplotlib's text and font caches are not made for two threads at once: the panel draws on the
# UI thread while an export may draw in a worker.
_DRAWING = threading.Lock()


def scored(articles: Sequence[AnalysedArticle]) -> list[AnalysedArticle]:
    return [item for item in articles if item.scores is not None]


def draw_grades(axes: Axes, articles: Sequence[AnalysedArticle]) -> None:
    ids = [item.id for item in articles]
    grades = [item.scores.readability.score("consensus_grade").value for item in articles]
    axes.bar(ids, grades, color=light("chart_grade", "fill"))
    axes.set_title("Consensus grade (higher = harder)", fontsize=9)
    axes.tick_params(labelsize=7)


def draw_tone_shares(
    axes: Axes, articles: Sequence[AnalysedArticle], *, legend: bool = True
) -> None:
    ids = [item.id for item in articles]
    shares = [
        (t.positive_share, t.neutral_share, t.negative_share)
        for t in (item.scores.tone for item in articles)
        if t is not None
    ]
    if len(shares) != len(ids):  # an article too short for tone: leave the chart empty
        shares = [(0.0, 0.0, 0.0)] * len(ids)
    bottom = [0.0] * len(ids)
    for n, label in enumerate(TONES):
        colour = light(f"tone_{label}", "fill")
        values = [share[n] for share in shares]
        # Hatching keeps the three parts apart in greyscale print too.
        axes.bar(ids, values, bottom=bottom, color=colour, label=label, hatch=("", "", "//")[n])
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    if legend:
        axes.set_title("Sentence tone", fontsize=9)
        axes.legend(fontsize=7, loc="lower left")
    else:  # a small chart: the colours explained in the title instead of over the bars
        axes.set_title("Sentence tone: positive, neutral, negative (hatched)", fontsize=9)
    axes.tick_params(labelsize=7)


def draw_tone_strip(axes: Axes, articles: Sequence[AnalysedArticle]) -> None:
    for row, item in enumerate(articles):
        values = [s.tone.score for s in item.scores.sentences]
        axes.scatter(
            range(1, len(values) + 1),
            [row] * len(values),
            c=values,
            cmap=STRIP_COLOURMAP,
            vmin=-1,
            vmax=1,
            marker="s",
            s=18,
        )
    axes.set_yticks(range(len(articles)), [item.id for item in articles])
    axes.invert_yaxis()  # first article on top, as in the tables
    axes.set_title(
        "Tone of each sentence, in reading order (red negative, green positive)", fontsize=9
    )
    axes.set_xlabel("sentence", fontsize=8)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))  # sentences are counted whole
    axes.tick_params(labelsize=7)


def draw_panel(figure: Figure, articles: Sequence[AnalysedArticle], *, legend: bool = True) -> None:
    """The scores panel's row of three charts."""
    with _DRAWING:
        _draw_panel(figure, articles, legend)


def _draw_panel(figure: Figure, articles: Sequence[AnalysedArticle], legend: bool) -> None:
    figure.clear()
    items = scored(articles)
    if not items:
        return
    grades, tones, strip = figure.subplots(1, 3, width_ratios=(1, 1, 2))
    draw_grades(grades, items)
    draw_tone_shares(tones, items, legend=legend)
    draw_tone_strip(strip, items)
    # Fixed margins: a layout engine fails while the dock is hidden (zero size).
    figure.subplots_adjust(left=0.05, right=0.99, bottom=0.2, top=0.86, wspace=0.3)


def report_charts(articles: Sequence[AnalysedArticle], dpi: int = 200) -> dict[str, bytes]:
    """PNG images for the report, by file name: grades with tone shares, and the tone strip."""
    with _DRAWING:
        return _report_charts(articles, dpi)


def _report_charts(articles: Sequence[AnalysedArticle], dpi: int) -> dict[str, bytes]:
    items = scored(articles)
    if not items:
        return {}
    top = Figure(figsize=(7.0, 2.6))
    grades, tones = top.subplots(1, 2)
    draw_grades(grades, items)
    draw_tone_shares(tones, items)
    top.subplots_adjust(left=0.07, right=0.99, bottom=0.14, top=0.88, wspace=0.25)
    height = 0.9 + 0.22 * len(items)  # inches: fixed margins for title and axis label
    strip = Figure(figsize=(7.0, height))
    draw_tone_strip(strip.subplots(), items)
    strip.subplots_adjust(left=0.07, right=0.99, bottom=0.55 / height, top=1 - 0.3 / height)
    return {"chart-scores.png": _png(top, dpi), "chart-tone-strip.png": _png(strip, dpi)}


def _png(figure: Figure, dpi: int) -> bytes:
    buffer = io.BytesIO()
    FigureCanvasAgg(figure)
    figure.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()
