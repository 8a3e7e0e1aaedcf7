"""Markdown: markup stripped with markdown-it-py; each block becomes a paragraph."""

from __future__ import annotations

import itertools

from markdown_it import MarkdownIt
from markdown_it.token import Token

from parallax.core.formats import Extracted
from parallax.core.textclean import clean_line, repair

_PARSER = MarkdownIt("commonmark")
# Blocks whose inline content is article text; code and raw HTML blocks are not.
_TEXT_BLOCKS = {"paragraph_open", "heading_open"}


def extract_text(text: str) -> Extracted:
    tokens = _PARSER.parse(repair(text))
    paragraphs: list[str] = []
    title: str | None = None
    for opening, inline in itertools.pairwise(tokens):
        if opening.type not in _TEXT_BLOCKS or inline.type != "inline":
            continue
        paragraph = clean_line(_inline_text(inline.children or []))
        if not paragraph:
            continue
        if opening.type == "heading_open" and not paragraphs and title is None:
            title = paragraph
        paragraphs.append(paragraph)
    return Extracted(paragraphs, title=title, title_is_first_paragraph=title is not None)


def _inline_text(children: list[Token]) -> str:
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            continue
        elif child.children:
            parts.append(_inline_text(child.children))
    return "".join(parts)
