"""One adapter per input format; each turns bytes into paragraphs plus whatever metadata it has."""

from __future__ import annotations

from dataclasses import dataclass, field

from parallax.core.models import Notice


@dataclass(slots=True)
class Extracted:
    """What a format adapter found. Paragraphs are cleaned later, the same way for every format."""

    paragraphs: list[str]
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    # The outlet as a page's <title> ends ("… | The Guardian"): used when no byline names one.
    outlet_hint: str | None = None
    published: str | None = None
    title_is_first_paragraph: bool = False
    # The title comes from page metadata the extracted text lacks (HTML): put it back in front.
    prepend_title: bool = False
    warnings: list[Notice] = field(default_factory=list)
