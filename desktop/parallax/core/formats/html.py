"""HTML pages: main content and metadata via trafilatura. Nothing the page references is fetched."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import lxml.etree
import lxml.html
import trafilatura

from parallax.core.dates import parse_iso_prefix
from parallax.core.errors import ArticleLoadError
from parallax.core.formats import Extracted
from parallax.core.formats.plain import decode
from parallax.core.textclean import clean_line, paragraphs_from_lines, repair

# trafilatura logs extraction misses at WARNING; the user gets a load error or warning instead.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)

# libxml2 stops nesting at 255 levels; real article pages stay far below 100.
_MAX_TAG_DEPTH = 200
# The extractor takes ~75 µs per element on this 2-core machine whatever the nesting; real
# article pages hold a few thousand elements, long ones tens of thousands.
_MAX_ELEMENTS = 100_000
# Fewer words than this are menu or footer scraps the extractor fell back to, not an article.
_MIN_WORDS = 8
_PARSER = lxml.html.HTMLParser(no_network=True, remove_comments=True, encoding="utf-8")


def extract(data: bytes, path: Path | None) -> Extracted:
    return extract_markup(decode(data, path), path)


def extract_markup(markup: str, path: Path | None) -> Extracted:
    try:
        # lxml's HTML parser fetches nothing (no network, no entities); trafilatura reuses the tree.
        tree = lxml.html.fromstring(markup.encode("utf-8"), parser=_PARSER)
    except (lxml.etree.ParserError, ValueError) as error:
        raise ArticleLoadError(path, "no article text was found in this HTML page") from error
    depth, elements = _shape(tree)
    if depth > _MAX_TAG_DEPTH:
        raise ArticleLoadError(path, "this HTML page is nested too deeply to be an article")
    if elements > _MAX_ELEMENTS:
        raise ArticleLoadError(
            path,
            f"this HTML page has more than {_MAX_ELEMENTS:,} elements; "
            "no article page is that large (save the article's text instead)",
        )
    try:
        document = trafilatura.bare_extraction(
            tree,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            favor_precision=True,
        )
    except (RecursionError, ValueError, TypeError) as error:
        raise ArticleLoadError(path, "this HTML page could not be read") from error
    if document is None or len((document.text or "").split()) < _MIN_WORDS:
        raise ArticleLoadError(path, "no article text was found in this HTML page")
    paragraphs = paragraphs_from_lines(repair(document.text))
    title = clean_line(repair(document.title or "")) or None
    return Extracted(
        paragraphs,
        title=title,
        author=clean_line(repair(document.author or "")) or None,
        outlet=clean_line(repair(document.sitename or "")) or None,
        outlet_hint=_outlet_in_title(tree, title),
        published=parse_iso_prefix(document.date),
        title_is_first_paragraph=bool(paragraphs) and paragraphs[0] == title,
        prepend_title=True,
    )


# "Quake kills 225 | The Guardian", "Quake kills 225 - BBC News": the outlet ends the title.
_TITLE_SEPARATORS = re.compile(r"\s+[|–—-]\s+|\s+::\s+")
_MAX_OUTLET_WORDS = 5


def _outlet_in_title(tree: lxml.html.HtmlElement, headline: str | None) -> str | None:
    """The site's name from the end of the page's <title>, when it reads like one."""
    found = tree.find(".//title")
    text = clean_line(repair(found.text_content())) if found is not None else ""
    parts = [p.strip() for p in _TITLE_SEPARATORS.split(text) if p.strip()]
    if len(parts) < 2:
        return None
    last = parts[-1]
    if len(last.split()) > _MAX_OUTLET_WORDS or last == headline or len(last) > 40:
        return None
    return last


def _shape(tree: lxml.html.HtmlElement) -> tuple[int, int]:
    """The deepest nesting and the number of elements, in one walk that stops past either
    limit (counting each element's ancestors was quadratic on pages both wide and deep)."""
    depth = deepest = elements = 0
    for event, _ in lxml.etree.iterwalk(tree, events=("start", "end")):
        if event == "end":
            depth -= 1
            continue
        depth += 1
        elements += 1
        deepest = max(deepest, depth)
        if deepest > _MAX_TAG_DEPTH or elements > _MAX_ELEMENTS:
            break
    return deepest, elements
