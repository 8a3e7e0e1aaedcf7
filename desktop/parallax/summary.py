"""The one-screen text summary that ``parallax compare`` prints."""

from __future__ import annotations

import textwrap

from parallax import __version__
from parallax.core import (
    READABILITY_HEADLINE,
    TONE_METHODS,
    AnalysedArticle,
    ClaimStatus,
    Comparison,
    conflict_kinds,
    describe_corrections,
    signed_score,
    status_counts,
    tone_bands,
)

_TITLE_WIDTH = 48


def format_summary(comparison: Comparison, *, seconds: float) -> str:
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
    scored = [item for item in articles if item.scores is not None]
    if scored:
        lines += [
            "",
            f"  {'id':<4} {'consensus grade':<21} {'reading ease':<22} {'tone':<22} "
            f"{'neg/neu/pos':>11} {'subj.':>5} {'hedges':>6} {'boost':>5} {'loaded':>6}",
        ]
        lines += [_score_line(item) for item in scored]
        lines += _score_key(scored)
    lines += _claims_lines(comparison)
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
    return "\n".join(lines)


def _claims_lines(comparison: Comparison) -> list[str]:
    if not comparison.claims:
        return []
    statuses = status_counts(comparison.claims)
    lines = [
        "",
        f"  Claims: {statuses[ClaimStatus.SHARED_ALL]} shared by all, "
        f"{statuses[ClaimStatus.SHARED_SOME]} by some, {statuses[ClaimStatus.UNIQUE]} unique",
    ]
    if comparison.conflicts:
        detail = ", ".join(f"{n} {kind}" for kind, n in conflict_kinds(comparison.conflicts))
        lines.append(f"  Conflicts: {len(comparison.conflicts)} ({detail})")
    lines += [
        f"  {line}"
        for line in describe_corrections(comparison.corrections, comparison.correction_problems)
    ]
    return lines


def _score_line(item: AnalysedArticle) -> str:
    readability, tone = item.scores.readability, item.scores.tone
    grade, ease = readability.headline, readability.score("flesch_reading_ease")
    grade_text, ease_text = f"{grade.value:.0f} {grade.band}", f"{ease.value:.0f} {ease.band}"
    line = f"  {item.id:<4} {grade_text:<21} {ease_text:<22}"
    if tone is not None:
        shares = (tone.negative_share, tone.neutral_share, tone.positive_share)
        split = "/".join(f"{share * 100:.0f}" for share in shares)
        named = f"{signed_score(tone.mean)} {tone.band}"
        line += (
            f" {named:<22} {split:>11} {tone.mean_subjectivity:>5.2f} "
            f"{tone.hedges:>6} {tone.boosters:>5} {tone.loaded:>6}"
        )
    if readability.warnings:
        line += "  (short: scores unreliable)"
    return line


def _score_key(scored: list[AnalysedArticle]) -> list[str]:
    """What the headline figures are: the grade is a consensus, tone has a scale in words."""
    lines = ["", f"  Consensus grade: {READABILITY_HEADLINE}."]
    tones = [item.scores.tone for item in scored if item.scores.tone is not None]
    if tones:
        method = tones[0].method
        lines.append(f"  Tone: mean sentence tone, −1 … +1; {tone_bands(method)}.")
        lines.append("  neg/neu/pos: % of the article's sentences in each tone band.")
        lines.append(f"  Tone method: {TONE_METHODS[method]}.")
    return [textwrap.fill(line, 100, subsequent_indent="    ") if line else line for line in lines]


def _shorten(text: str) -> str:
    return text if len(text) <= _TITLE_WIDTH else text[: _TITLE_WIDTH - 1] + "…"
