"""A saved web page reduced to the text of its article, and what the page says about itself.

In: the page's HTML, already decoded. Out: the article as paragraphs separated by
blank lines (list items marked "- ", table rows with their cells joined by " | "),
and `PageFacts`: headline, outlet, address and publication date, where the page
gives them.

The extraction is trafilatura's (its default, balanced settings): it tells the
article from navigation, share buttons, advert labels, cookie banners, captions
and lists of related stories far better than rules of ours would, and reads the
facts from the page's metadata (Open Graph, JSON-LD, canonical link). It works
on the string given and fetches nothing. The date is taken only from the page's
metadata and its address, never guessed from dates the article mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from trafilatura import bare_extraction

from .schema import CONTROL_CHARACTERS, WEB_ADDRESS

DATE_SOURCES = {"extensive_search": False, "original_date": True}
"""htmldate's settings: metadata, markup and address only (no dates found in the text),
and the date first published rather than last modified."""
URL_MAX_CHARS = 2000
"""As long as a briefing's `url` may be (`schema.Url`)."""
LIST_ITEM = "- "
CELL_SEPARATOR = " | "


@dataclass(frozen=True)
class PageFacts:
    """What a saved web page says about itself, where it says it."""

    headline: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    """The publication date, YYYY-MM-DD, from the page's metadata."""


def read_page(html: str) -> tuple[str, PageFacts]:
    """The article's paragraphs separated by blank lines, and the page's facts.

    The text is empty when the page holds no article text at all."""
    document = bare_extraction(html, with_metadata=True, include_comments=False,
                               date_extraction_params=DATE_SOURCES)
    if document is None or isinstance(document, dict):
        return "", PageFacts()
    body = document.body if document.body is not None else []
    paragraphs = list(_paragraphs(body))
    headline = _displayed_headline(body) or _line(document.title)
    date = re.match(r"\d{4}-\d{2}-\d{2}", document.date or "")
    url = _line(document.url)
    return "\n\n".join(paragraphs), PageFacts(
        headline=headline or None,
        outlet=_line(document.sitename) or None,
        url=url if re.match(WEB_ADDRESS, url) and len(url) <= URL_MAX_CHARS else None,
        published=date.group(0) if date else None)


def _paragraphs(body: Any):
    """Yield each paragraph of trafilatura's article tree, in reading order."""
    for element in body:
        if element.tag == "list":
            for item in element.iter("item"):
                yield from (LIST_ITEM + line for line in _lines(_own_text(item)))
        elif element.tag == "table":
            for row in element.iter("row"):
                cells = [_line(" ".join(cell.itertext())) for cell in row.iter("cell")]
                if any(cells):
                    yield CELL_SEPARATOR.join(cell for cell in cells if cell)
        elif element.tag == "quote" and any(child.tag in ("p", "list") for child in element):
            yield from _paragraphs(element)
        else:
            yield from _lines(_own_text(element))
            yield from _paragraphs([child for child in element if child.tag == "list"])


def _own_text(element: Any) -> str:
    """The text of `element` without that of the lists inside it; a line break is a space.

    Line ends in the text itself stay: trafilatura's fallback for pages it cannot
    read keeps each block of text on a line of its own."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append(" ")
        elif child.tag != "list":
            parts.append(_own_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _lines(text: str) -> list[str]:
    return [line for line in map(_line, text.split("\n")) if line]


def _line(text: str | None) -> str:
    """`text` on one line, its spaces single, without characters no page can carry."""
    return " ".join(CONTROL_CHARACTERS.sub(" ", text or "").split())


def _displayed_headline(body: Any) -> str:
    """The article's main heading, when the article starts with it: the headline as shown."""
    if len(body) and body[0].tag == "head" and body[0].get("rend") == "h1":
        return _line(_own_text(body[0]))
    return ""
