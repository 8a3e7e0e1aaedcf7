"""The comparison report as one HTML document: what the PDF shows and the HTML export saves.

The markup stays inside what Qt's rich-text engine renders (tables, inline styles, page-break
CSS), so the same document prints through ``QTextDocument`` and opens in any browser. Every
piece of article text is escaped: an article that contains markup shows it as text. Charts are
PNG images referenced by file name; ``Report.standalone()`` inlines them for a self-contained
file.
"""

from __future__ import annotations

import base64
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from parallax import __version__
from parallax.core import align, charts, colours
from parallax.core.claims import conflict_kinds, omissions_sentence, status_counts
from parallax.core.corrections import describe as describe_corrections
from parallax.core.dates import in_words
from parallax.core.embeddings import CREDIT as EMBEDDING_CREDIT
from parallax.core.models import (
    AnalysedArticle,
    ClaimStatus,
    Comparison,
    Conflict,
)
from parallax.core.readability import (
    HARD_GRADE,
    HEADLINE_KEY,
    HEADLINE_METHOD,
    VERY_HARD_GRADE,
)
from parallax.core.report_facts import fact_sheet_html
from parallax.core.report_markup import (
    DIFF_STYLE,
    VALUE_STYLE,
    article_chunks,
    claim_wordings,
    clip,
    conflict_wordings,
    esc,
    row,
    sentence_text,
    table,
)
from parallax.core.tone import METHOD_DESCRIPTIONS, ToneMethod, band_key, describe
from parallax.core.voices import sources_across

_BREAK = ' style="page-break-before: always"'
_STATUS_WORDS = {
    ClaimStatus.SHARED_ALL: "shared by all",
    ClaimStatus.SHARED_SOME: "shared by some",
    ClaimStatus.UNIQUE: "unique",
}
_CSS = """
body {{ font-family: 'DejaVu Sans', 'Helvetica', sans-serif; font-size: 9.5pt; color: {text}; }}
h1 {{ font-size: 20pt; }} h2 {{ font-size: 14pt; color: {heading}; }} h3 {{ font-size: 11pt; }}
td, th {{ padding: 3px; vertical-align: top; }}
th {{ background-color: {header}; white-space: nowrap; }}
.small {{ font-size: 8pt; color: {small}; }} .quote {{ margin-left: 12px; }}
""".format(
    text=colours.light("report_text", "foreground"),
    heading=colours.light("report_heading", "foreground"),
    header=colours.light("report_table", "header"),
    small=colours.light("report_text", "small"),
)


@dataclass(frozen=True)
class Report:
    title: str
    html: str  # images referenced by file name (see ``images``)
    images: dict[str, bytes] = field(default_factory=dict)

    def standalone(self) -> str:
        """The document with its images inlined as data URIs: one file, no external reference."""
        text = self.html
        for name, data in self.images.items():
            uri = "data:image/png;base64," + base64.b64encode(data).decode("ascii")
            text = text.replace(f'src="{name}"', f'src="{uri}"')
        return text


def build_report(comparison: Comparison, *, with_charts: bool = True) -> Report:
    title = f"Parallax comparison of {len(comparison.articles)} news articles"
    images = charts.report_charts(comparison.articles) if with_charts else {}
    by_id = {item.id: item for item in comparison.articles}
    parts = [
        _title_page(comparison, title),
        _summary(comparison),
        fact_sheet_html(comparison, _BREAK),
        _scores(comparison, images),
        _coverage(comparison, by_id),
        _conflicts(comparison, by_id),
        _shared(comparison, by_id),
        _unique(comparison, by_id),
        _voices(comparison),
        _methods(comparison),
    ]
    document = (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{esc(title)}</title><style>{_CSS}</style></head><body>\n"
        + "\n".join(parts)
        + "\n</body></html>\n"
    )
    return Report(title, document, images)


def summary_text(comparison: Comparison) -> str:
    """The report's plain-words summary paragraph (also what tests compare with the JSON)."""
    count = len(comparison.articles)
    statuses = status_counts(comparison.claims)
    sentences = [
        f"Parallax compared {count} articles and grouped their sentences into "
        f"{len(comparison.claims)} claims: {statuses[ClaimStatus.SHARED_ALL]} shared by all "
        f"articles, {statuses[ClaimStatus.SHARED_SOME]} shared by some but not all, and "
        f"{statuses[ClaimStatus.UNIQUE]} found in one article only."
    ]
    kinds = conflict_kinds(comparison.conflicts)
    if kinds:
        detail = ", ".join(f"{n} {kind}" for kind, n in kinds)
        sentences.append(
            f"It found {len(comparison.conflicts)} conflicting details inside shared claims "
            f"({detail})."
        )
    else:
        sentences.append("It found no conflicting details inside shared claims.")
    omissions = omissions_sentence(comparison.claims, [item.id for item in comparison.articles])
    if omissions is not None:
        sentences.append(omissions)
    return " ".join(sentences)


def _title_page(comparison: Comparison, title: str) -> str:
    rows = []
    for item in comparison.articles:
        article = item.article
        rows.append(
            row(
                item.id,
                esc(article.display_name),
                esc(article.outlet or "–"),
                esc(article.author or "–"),
                esc(in_words(article.published) or article.published or "–"),
                f"{item.word_count:,}",
                esc(article.source.name if article.source else "pasted text"),
            )
        )
    notices = "".join(f"<p><b>Note:</b> {esc(n.message)}</p>" for n in comparison.notices)
    errors = "".join(f"<li>{esc(e.message)}</li>" for e in comparison.errors)
    return (
        f"<h1>{esc(title)}</h1>"
        f"<p>Report created {esc(in_words(comparison.created) or comparison.created)} with "
        f"Parallax {esc(__version__)}.</p>{notices}"
        "<h2>Articles</h2>"
        + table(
            ("", "Title", "Outlet", "Author", "Date", "Words", "Source file"),
            rows,
            widths=(4, 38, 14, 14, 10, 6),
        )
        + (f"<p>Files that could not be loaded:</p><ul>{errors}</ul>" if errors else "")
    )


def _summary(comparison: Comparison) -> str:
    return f"<h2>Summary</h2><p>{esc(summary_text(comparison))}</p>"


def _tone_method(items) -> ToneMethod:
    """How sentence tone was scored (the news model needs embeddings; all articles alike)."""
    tones = [item.scores.tone for item in items if item.scores.tone is not None]
    return tones[0].method if tones else ToneMethod.VADER_TEXTBLOB


def _scores(comparison: Comparison, images: dict[str, bytes]) -> str:
    items = charts.scored(comparison.articles)
    if not items:
        return "<h2>Readability and tone</h2><p>No article was long enough to score.</p>"
    header = ("", "Consensus grade", "Reading ease", "Hard", "Very hard", "Passive", "Tone")
    header += ("Sentences by tone", "Subj.", "Hedges", "Boosters", "Loaded")
    rows = []
    for item in items:
        readability, tone = item.scores.readability, item.scores.tone
        grade = readability.headline
        ease = readability.score("flesch_reading_ease")
        cells = [
            _nowrap(item.id),
            f"{grade.value:.0f} ({esc(grade.band)})",
            f"{ease.value:.0f} ({esc(ease.band)})",
            *(str(n) for n in item.scores.sentence_marks()),
        ]
        if tone is None:
            cells += ["–"] * 6
        else:
            cells += [
                *(esc(text) for text in describe(tone)),
                f"{tone.mean_subjectivity:.2f}",
                str(tone.hedges),
                str(tone.boosters),
                str(tone.loaded),
            ]
        rows.append(row(*cells))
    # Every formula's number for every article: a row per article (a column per formula stays
    # readable with 30 articles), the formulas' scales and directions in a key above.
    scores = items[0].scores.readability.scores
    key = [
        row(f"F{n}", esc(score.name), esc(score.scale), f"higher is {esc(score.higher_is)}")
        for n, score in enumerate(scores, start=1)
    ]
    formulas = [
        row(_nowrap(item.id), *(f"{s.value:.1f}" for s in item.scores.readability.scores))
        for item in items
    ]
    pictures = "".join(f'<p><img src="{name}" width="640"></p>' for name in images)
    method = _tone_method(items)
    number = {score.key: f"F{n}" for n, score in enumerate(scores, start=1)}
    return (
        f"<h2{_BREAK}>Readability and tone</h2>"
        + table(header, rows, small=True, widths=(7, 13, 13))
        + f'<p class="small">Consensus grade: {esc(HEADLINE_METHOD)}; it is '
        f"{number[HEADLINE_KEY]} below, and can differ from any one formula such as "
        f"Flesch–Kincaid ({number['flesch_kincaid_grade']}). Reading ease: "
        "Flesch, 0–100, higher is easier. Hard / very hard: sentences of 8+ words whose "
        f"Automated Readability Index grade is at least {HARD_GRADE:g} / {VERY_HARD_GRADE:g}. "
        "Tone: mean sentence tone, −1 negative to +1 positive, in words "
        f"({esc(band_key(method))}); sentences by tone: the share of the article's sentences "
        "in each band, and the middle half of its sentence scores (quartiles). Tone method: "
        f"{esc(METHOD_DESCRIPTIONS[method])}. Subj.: "
        "TextBlob subjectivity, 0 factual to 1 opinion. Hedges, boosters and loaded terms are "
        "counts of words from Parallax's lists.</p>"
        + pictures
        + "<h3>Every formula, for every article</h3>"
        + table(("", "Formula", "Scale", "Direction"), key, small=True, widths=(6, 40, 34))
        + "<p></p>"
        + table(
            ("", *(f"F{n}" for n in range(1, len(scores) + 1))),
            formulas,
            small=True,
            widths=(8,),
        )
    )


def _nowrap(text: str) -> str:
    return f'<span style="white-space: nowrap">{esc(text)}</span>'


_MATRIX_COLUMNS = 10  # article columns per coverage table: more do not fit a portrait page


def _coverage(comparison: Comparison, by_id: dict[str, AnalysedArticle]) -> str:
    ids = [item.id for item in comparison.articles]
    conflicts = Counter(conflict.claim for conflict in comparison.conflicts)
    shared = [c for c in comparison.claims if c.status is not ClaimStatus.UNIQUE]
    unique = Counter(c.members[0].article for c in comparison.claims if c not in shared)
    parts = [
        f"<h2{_BREAK}>Coverage matrix</h2>"
        "<p>Every claim that two or more articles carry: ✓ the article states it, – it does "
        "not. The last column counts the conflicting details found in the claim."
        + (
            f" With {len(ids)} articles the matrix is split into tables of "
            f"{_MATRIX_COLUMNS} articles each."
            if len(ids) > _MATRIX_COLUMNS + 2
            else ""
        )
        + "</p>"
    ]
    for positions in article_chunks(len(ids), _MATRIX_COLUMNS):
        chunk = [ids[n] for n in positions]
        rows = [
            row(
                claim.id,
                esc(clip(sentence_text(claim.representative, by_id), 110)),
                *("✓" if i in claim.articles else "–" for i in chunk),
                str(conflicts[claim.id] or ""),
            )
            for claim in shared
        ]
        rows.append(
            row("", "<i>claims unique to the article</i>", *(str(unique[i]) for i in chunk), "")
        )
        if positions.start:
            parts.append(f"<h3>Articles {chunk[0]}–{chunk[-1]}</h3>")
        parts.append(
            table(
                ("Claim", "Representative wording", *chunk, "Conflicts"),
                rows,
                small=True,
                widths=(6, 94 - 5 * (len(chunk) + 1)),
            )
        )
    return "".join(parts)


def _conflicts(comparison: Comparison, by_id: dict[str, AnalysedArticle]) -> str:
    if not comparison.conflicts:
        return f"<h2{_BREAK}>Conflicts</h2><p>No conflicting details were found.</p>"
    claims = {claim.id: claim for claim in comparison.claims}
    parts = [
        f"<h2{_BREAK}>Conflicts</h2>"
        "<p>Details that differ between articles stating the same claim. In each wording the "
        f'conflicting value is <span style="{VALUE_STYLE}">in bold</span> and the words that '
        f'the other article does not use are <span style="{DIFF_STYLE}">'
        "underlined</span>.</p>"
    ]
    for same in _alike(comparison.conflicts):
        first = same[0]
        claim = claims[first.claim]
        # One row per value as written, with every article that wrote it.
        seen: dict[tuple[str, str], list[str]] = {}
        for conflict in same:
            for v in conflict.values:
                seen.setdefault((v.value, v.normalized), [])
                if v.article not in seen[(v.value, v.normalized)]:
                    seen[(v.value, v.normalized)].append(v.article)
        values = [
            row(
                esc(_articles_label(ids, by_id)),
                f'<span style="{VALUE_STYLE}">{esc(value)}</span>',
                esc(_compared_as(normalized)),
            )
            for (value, normalized), ids in seen.items()
        ]
        ids = ", ".join(c.id for c in same)
        more = f" (the same difference between {len(same)} pairs of articles: {ids})"
        how = (
            "marked by hand" + (f": {first.note}" if first.note else "")
            if first.marked
            else f"confidence {max(c.confidence for c in same):.2f}"
        )
        parts.append(
            f"<h3>{esc(first.id)}: {esc(first.type.value)} conflict in claim {esc(claim.id)} "
            f"({esc(how)})</h3>"
            + (f'<p class="small">{esc(more)}</p>' if len(same) > 1 else "")
            + table(("Article", "Value as written", "Compared as"), values, widths=(50, 25))
            + conflict_wordings(first, by_id)
        )
    return "\n".join(parts)


def _compared_as(normalized: str) -> str:
    """A date compared as ``2025-03-06`` reads "6 March 2025"; other values as they are."""
    return in_words(normalized) or normalized


def _alike(conflicts: Sequence[Conflict]) -> list[list[Conflict]]:
    """Conflicts grouped when they are one difference seen between several pairs of articles
    (same claim, type and values): with reprinted copy, one disagreement recurs many times.
    """
    groups: dict[tuple, list[Conflict]] = {}
    for conflict in conflicts:
        key = (conflict.claim, conflict.type, frozenset(v.normalized for v in conflict.values))
        groups.setdefault(key, []).append(conflict)
    return list(groups.values())


def _articles_label(ids: Sequence[str], by_id: dict[str, AnalysedArticle]) -> str:
    if len(ids) == 1:
        return f"{ids[0]} · {by_id[ids[0]].article.display_name}"
    return ", ".join(ids)


def _shared(comparison: Comparison, by_id: dict[str, AnalysedArticle]) -> str:
    shared = [c for c in comparison.claims if c.status is not ClaimStatus.UNIQUE]
    parts = [
        f"<h2{_BREAK}>Shared claims</h2>"
        "<p>Each claim with every article's wording; underlined words differ from the first "
        "(representative) wording. Identical wordings are listed once.</p>"
    ]
    for claim in shared:
        missing = [i.id for i in comparison.articles if i.id not in claim.articles]
        absent = f" Not in {', '.join(missing)}." if missing else ""
        parts.append(
            f"<h3>{esc(claim.id)}: {_STATUS_WORDS[claim.status]} "
            f"({len(claim.articles)} of {len(comparison.articles)}).{esc(absent)}</h3>"
            + claim_wordings(claim, by_id)
        )
    if not shared:
        parts.append("<p>No claim is shared by two or more articles.</p>")
    return "\n".join(parts)


def _unique(comparison: Comparison, by_id: dict[str, AnalysedArticle]) -> str:
    parts = [f"<h2{_BREAK}>Claims unique to one article</h2>"]
    none: list[str] = []  # articles whose every claim another article shares
    for item in comparison.articles:
        own = [
            c.members[0]
            for c in comparison.claims
            if c.status is ClaimStatus.UNIQUE and c.members[0].article == item.id
        ]
        if not own:
            none.append(item.id)
            continue
        parts.append(
            f"<h3>{esc(item.id)} · {esc(item.article.display_name)} ({len(own)})</h3>"
            + "".join(f'<p class="quote">{esc(sentence_text(m, by_id))}</p>' for m in own)
        )
    if none:
        # One line, not a heading per article with nothing under it.
        listed = ", ".join(none[:-1]) + f" and {none[-1]}" if len(none) > 1 else none[0]
        verb = "shares" if len(none) == 1 else "share"
        parts.append(f"<p>{esc(listed)} {verb} every claim with at least one other article.</p>")
    return "\n".join(parts)


def _voices(comparison: Comparison) -> str:
    """Sources across the articles: one row per source (one person one row), how each article
    credits it; named and unnamed sources counted per article."""
    ids = [item.id for item in comparison.articles]
    sources = sources_across(comparison.articles)
    head = (
        f"<h2{_BREAK}>Voices and sources</h2><p>Who each article quotes or credits, from "
        "reporting verbs (said, told, according to …) and direct quotations; one row per "
        "source (“Okafor” is “Dana Okafor”), a quotation continued in the next sentence or "
        "given to “she” credited to the person quoted. q = quoted, r = reported, a = "
        "according to, each with the number of sentences.</p>"
    )
    if not sources:
        return head + "<p>No source was found.</p>"
    parts = [head]
    for chunk in article_chunks(len(ids), _MATRIX_COLUMNS):
        body = [
            row(
                esc(clip(source.name, 60))
                + ("" if source.kind == "named" else " <i>(unnamed)</i>"),
                *(_credit_marks(source.credits[n]) for n in chunk),
            )
            for source in sources
        ]
        for label, named in (("named sources", True), ("unnamed sources", False)):
            counted = [
                sum(1 for s in sources if (s.kind == "named") == named and s.credits[n])
                for n in chunk
            ]
            body.append(row(f"<i>{label}</i>", *(str(c) for c in counted)))
        if chunk.start:
            parts.append(f"<h3>Articles {ids[chunk[0]]}–{ids[chunk[-1]]}</h3>")
        widths = (30,) + (70 // len(chunk),) * len(chunk)
        parts.append(table(("Source", *(ids[n] for n in chunk)), body, small=True, widths=widths))
    return "\n".join(parts)


def _credit_marks(credits) -> str:
    """ "q2 r1": how an article credits a source, and how often."""
    if not credits:
        return "–"
    counted = Counter(voice.kind.value for voice in credits)
    letters = {"quoted": "q", "reported": "r", "according_to": "a"}
    return " ".join(f"{letters.get(kind, kind)}{n}" for kind, n in sorted(counted.items()))


def _corrections_made(comparison: Comparison) -> str:
    """How many corrections were made by hand and of which kind, those that did not apply, and
    each dismissed conflict with its reason."""
    lines = describe_corrections(comparison.corrections, comparison.correction_problems)
    if not lines:
        return "none were made by hand; every claim and conflict is as Parallax found it."
    text = " ".join(esc(line) for line in lines)
    for dismissal in comparison.dismissed:
        values = " vs ".join(dict.fromkeys(v.value for v in dismissal.conflict.values))
        reason = f": {dismissal.reason}" if dismissal.reason else ""
        kind = dismissal.conflict.type.value
        text += f" Dismissed {esc(kind)} conflict ({esc(values)}){esc(reason)}."
    return text


def _methods(comparison: Comparison) -> str:
    embedding = comparison.embedding_model
    options = comparison.options
    words = (
        "weighted word lemmas (rare words weigh more; a country, its capital and adjective "
        "count as one word; spelling variants of a name count as one)"
    )
    if embedding:
        similarity = (
            f"Similarity blends the cosine of {words} with the cosine of sentence embeddings "
            f"from {esc(embedding)} ({align.EMBEDDING_WEIGHT:g} each; {esc(EMBEDDING_CREDIT)})."
        )
    else:
        similarity = f"Similarity is the cosine of {words} (sentence embeddings off)."
    grouping = (
        f"{similarity} Sentences form one claim when their mean similarity across articles is "
        f"at least {options.same_claim:g} (a pair with no link counts as 0, so unrelated "
        "sentences are never chained together through a third one); a sentence also joins "
        f"every other claim whose sentences it matches at {options.attach:g} on average, so a "
        "lead giving two facts is in both claims, and an article may give several sentences "
        "to one claim."
    )
    model = comparison.model
    items = [
        f"Software: Parallax {esc(__version__)}; language model {esc(model.label)}"
        + ("" if model.trained else " (blank pipeline: reduced accuracy)")
        + f"; sentence embeddings: {esc(embedding or 'none')}.",
        "Claims: every sentence, headline included, belongs to at least one claim. " + grouping,
        "Conflicts: inside a shared claim, articles' values for the same detail that cannot all "
        "be true: a figure for the same counted thing and unit (a toll of the same kind for "
        "the same place), a date, a name in the same role, the same predicate asserted and "
        "denied or hedged, and the same statement credited to different sources. Rounding, "
        "ranges, unit conversions, date formats and spelling variants of a name are not "
        "conflicts. One conflict lists every article's value for its detail.",
        "Corrections: " + _corrections_made(comparison),
        "Limits: claims are found from wording; heavy paraphrase can split one claim in two, "
        "and a conflict is only found inside a claim. Every conflict is a prompt to check the "
        "sources, not a verdict on which article is right.",
        f"Readability: textstat formulas on the body text; sentences marked hard at ARI grade "
        f"{HARD_GRADE:g} and very hard at {VERY_HARD_GRADE:g}; the headline grade is the "
        f"consensus grade ({esc(HEADLINE_METHOD)}). Tone per sentence: "
        f"{esc(METHOD_DESCRIPTIONS[_tone_method(charts.scored(comparison.articles))])}; "
        "subjectivity from TextBlob.",
    ]
    labelled = (text.split(": ", 1) for text in items)
    return f"<h2{_BREAK}>Methods</h2>" + "".join(
        f"<p><b>{label}:</b> {text}</p>" for label, text in labelled
    )
