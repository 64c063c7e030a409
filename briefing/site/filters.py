"""Jinja2 filters for the theme: wording that templates need but cannot compute.

Dates are written as the metadata gives them (`2017`, `2017-01`, `2017-01-26`)
and shown in full ("26 January 2017"), never with more precision than known.
"""

from __future__ import annotations

import calendar

from markupsafe import Markup

from ..inputs.dates import first_day, precision
from ..language.words import plural

MONTHS = list(calendar.month_name)


def long_date(iso: str) -> str:
    """`2017-01-26` -> `26 January 2017`; `2016-07` -> `July 2016`; `2016` -> `2016`."""
    day, known = first_day(iso), precision(iso)
    if known == "day":
        return f"{day.day} {MONTHS[day.month]} {day.year}"
    if known == "month":
        return f"{MONTHS[day.month]} {day.year}"
    return iso


def paragraphs(text: str) -> list[str]:
    """A multi-line text field split into paragraphs at blank lines, lines joined."""
    blocks = [" ".join(block.split()) for block in text.replace("\r\n", "\n").split("\n\n")]
    return [block for block in blocks if block]


def atom_date(iso: str) -> str:
    """`2016-07` -> `2016-07-01T00:00:00Z`: Atom wants a full timestamp; we know the day at best."""
    return f"{first_day(iso).isoformat()}T00:00:00Z"


def css_string(text: str) -> Markup:
    """`text` as a quoted CSS string, for a running title in an `@page` rule: every character
    but letters, digits and spaces escaped (`\\00003c`), so nothing in a title can close the
    string or the `<style>` element it stands in."""
    escaped = "".join(c if c.isalnum() or c == " " else f"\\{ord(c):06x}" for c in text)
    return Markup(f'"{escaped}"')


FILTERS = {"long_date": long_date, "plural": plural, "paragraphs": paragraphs,
           "atom_date": atom_date, "css_string": css_string}
"""The theme's filters that need nothing of MkDocs (`mkdocs.theme` adds the ones that do)."""
