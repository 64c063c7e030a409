"""Dates as briefing.yml writes them: as precise as they are known (`2017`, `2017-01`, `2017-01-26`).

In: such a date. Out: the first day it can mean, and how precise it is, for everything that
reads one: the schema (is it in the calendar?), the pages ("January 2017"), the feed and the
pinned build time (a full day).
"""

from __future__ import annotations

import datetime
import os

DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
"""A year, a month or a day."""


def first_day(iso: str) -> datetime.date:
    """`2016-07` -> 1 July 2016; `2016` -> 1 January 2016. `ValueError` for a day the calendar
    does not have (`2017-13-45`, which the pattern admits)."""
    year, month, day = (iso.split("-") + ["01", "01"])[:3]
    return datetime.date(int(year), int(month), int(day))


def precision(iso: str) -> str:
    """`year`, `month` or `day`: how much of the date is known."""
    return ("year", "month", "day")[iso.count("-")]


def build_date() -> datetime.date:
    """The day of this build: SOURCE_DATE_EPOCH when set (the reproducible-builds convention,
    which `site.reproducible` also honours), else today. Only `check`'s warnings read it: a
    date after it cannot be a date the source gives."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date()
    return datetime.datetime.now(datetime.timezone.utc).date()
