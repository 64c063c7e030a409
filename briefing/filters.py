"""Jinja2 filters for the theme: wording that templates need but cannot compute.

Dates are written as the metadata gives them (`2017`, `2017-01`, `2017-01-26`)
and shown in full ("26 January 2017"), never with more precision than known.
"""

from __future__ import annotations

import calendar
import functools
from dataclasses import dataclass

from jinja2 import pass_context
from mkdocs.utils import normalize_url

MONTHS = list(calendar.month_name)


def long_date(iso: str) -> str:
    """`2017-01-26` -> `26 January 2017`; `2016-07` -> `July 2016`; `2016` -> `2016`."""
    parts = iso.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {MONTHS[int(parts[1])]} {parts[0]}"
    if len(parts) == 2:
        return f"{MONTHS[int(parts[1])]} {parts[0]}"
    return iso


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """`1, "finding"` -> `1 finding`; `3, "finding"` -> `3 findings`."""
    word = singular if count == 1 else (plural_form or singular + "s")
    return f"{count:,} {word}"


def paragraphs(text: str) -> list[str]:
    """A multi-line text field split into paragraphs at blank lines, lines joined."""
    blocks = [" ".join(block.split()) for block in text.replace("\r\n", "\n").split("\n\n")]
    return [block for block in blocks if block]


def atom_date(iso: str) -> str:
    """`2016-07` -> `2016-07-01T00:00:00Z`: Atom wants a full timestamp; we know the day at best."""
    year, month, day = (iso.split("-") + ["01", "01"])[:3]
    return f"{year}-{month}-{day}T00:00:00Z"


@pass_context
def url(context, value: str) -> str:
    """MkDocs' own `url` filter (a site path made relative to the page), remembered: a
    thousand briefings' pages ask for the same few dozen paths from the same folders."""
    page = context["page"]
    if page is None:
        return _relative_url(str(value), None, context["base_url"])
    # Relative to the page's folder (MkDocs drops a last part with a dot, the file's name), so
    # the six pages of a briefing share what they look up.
    folder, _, name = page.url.rpartition("/")
    at = f"{folder}/_.html" if folder and "." in name else ("_.html" if "." in name else page.url)
    return _relative_url(str(value), at, "")


@pass_context
def section_url(context, section: str, anchor: str = "") -> str:
    """Where a section of the page's briefing is, or an anchor in it: `source.html#p3` from
    a briefing's page; on the one-page views (print, export), where every section is on the
    page, `#p3` (or `#section-source`). A filter, not a macro: a page asks for dozens, and a
    macro call costs several times as much."""
    if context.get("single_page"):
        return f"#{anchor or 'section-' + section}"
    address = url(context, context["briefing"].path(section))
    return f"{address}#{anchor}" if anchor else address


@functools.lru_cache(maxsize=65536)
def _relative_url(path: str, page_url: str | None, base_url: str) -> str:
    if page_url is None:
        return normalize_url(path, base=base_url)
    return normalize_url(path, page=_PageAt(page_url))


@dataclass(frozen=True)
class _PageAt:
    """All `normalize_url` asks of a page: its URL."""
    url: str


FILTERS = {"long_date": long_date, "plural": plural, "paragraphs": paragraphs,
           "atom_date": atom_date, "url": url, "section_url": section_url}
