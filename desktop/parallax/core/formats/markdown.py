"""Markdown: markup stripped with markdown-it-py; each block becomes a paragraph."""

from __future__ import annotations

import itertools
import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from parallax.core.formats import Extracted
from parallax.core.textclean import clean_line, repair

_PARSER = MarkdownIt("commonmark")
# Blocks whose inline content is article text; code and raw HTML blocks are not.
_TEXT_BLOCKS = {"paragraph_open", "heading_open"}
# Inline parsing rescans the rest of a block from each opening bracket or emphasis mark, so its
# cost grows with marks × block length: thousands of "[" or "*" in one block took minutes. A
# block above this budget is not parsed as Markdown: it stands in the parse as a placeholder
# and comes back as plain text with the marks removed (no article needs such a block).
_INLINE_BUDGET = 2_000_000
_BLANK_LINES = re.compile(r"(\n[ \t]*\n)")
_MARKS = re.compile(r"[\[\]!*_`<>#]")
_PLACEHOLDER = "parallaxplainblock{}x"


def _defused(text: str) -> tuple[str, dict[str, str]]:
    """``text`` with over-budget blocks replaced by placeholders, and what each stands for."""
    plain: dict[str, str] = {}

    def block(content: str) -> str:
        if len(_MARKS.findall(content)) * len(content) <= _INLINE_BUDGET:
            return content
        key = _PLACEHOLDER.format(len(plain))
        plain[key] = " ".join(_MARKS.sub(" ", content).split())
        return key

    return "".join(block(part) for part in _BLANK_LINES.split(text)), plain


def extract_text(text: str) -> Extracted:
    defused, plain = _defused(repair(text))
    tokens = _PARSER.parse(defused)
    paragraphs: list[str] = []
    title: str | None = None
    for opening, inline in itertools.pairwise(tokens):
        if opening.type not in _TEXT_BLOCKS or inline.type != "inline":
            continue
        paragraph = clean_line(_inline_text(inline.children or []))
        paragraph = plain.get(paragraph, paragraph)
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
