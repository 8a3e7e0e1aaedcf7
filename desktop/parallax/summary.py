"""The one-screen text summary that ``parallax compare`` prints."""

from __future__ import annotations

from pathlib import Path

from parallax import __version__
from parallax.core.models import Comparison

_TITLE_WIDTH = 48


def format_summary(comparison: Comparison, *, seconds: float, json_path: Path | None) -> str:
    articles = comparison.articles
    lines = [
        f"Parallax {__version__}: {len(articles)} article{'s' if len(articles) != 1 else ''} "
        f"analysed with {comparison.model.label}",
    ]
    lines += [f"  ! {notice.message}" for notice in comparison.notices]
    lines += ["", f"  {'id':<4} {'format':<7} {'words':>6} {'sent.':>6}  title (outlet)"]
    for item in articles:
        article = item.article
        name = _shorten(article.display_name)
        outlet = f" ({article.outlet})" if article.outlet else ""
        lines.append(
            f"  {item.id:<4} {article.format.value:<7} {item.word_count:>6,} "
            f"{len(item.sentences):>6}  {name}{outlet}"
        )
    words = sum(item.word_count for item in articles)
    sentences = sum(len(item.sentences) for item in articles)
    lines += ["", f"  Total: {words:,} words, {sentences:,} sentences in {seconds:.1f} s"]
    warnings = [(item, w) for item in articles for w in item.article.warnings]
    if warnings:
        lines += ["", "Warnings:"]
        lines += [
            f"  {item.id} {_shorten(item.article.display_name)}: {w.message}"
            for item, w in warnings
        ]
    if comparison.errors:
        lines += ["", f"Could not load ({len(comparison.errors)}):"]
        lines += [f"  {error.message}" for error in comparison.errors]
    if json_path is not None:
        lines += ["", f"JSON written to {json_path}"]
    return "\n".join(lines)


def _shorten(text: str) -> str:
    return text if len(text) <= _TITLE_WIDTH else text[: _TITLE_WIDTH - 1] + "…"
