"""Byte-identical builds: pin the build time to the content when the user has not.

MkDocs stamps the sitemap and its gzip copy with the build time, read from
SOURCE_DATE_EPOCH when set (the reproducible-builds convention). When it is not
set, we set it for the duration of one build to the newest date the briefings
carry, so two builds of the same input give the same bytes, at any time and in
any folder, and a user's own SOURCE_DATE_EPOCH always wins.
"""

from __future__ import annotations

import calendar
import datetime
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from ..inputs.dates import first_day
from ..model.briefing import Briefing

VARIABLE = "SOURCE_DATE_EPOCH"
FALLBACK_EPOCH = 315532800
"""1980-01-01: for a site without dates; also the earliest time a zip can hold."""


@contextmanager
def pinned_build_time(briefings: Sequence[Briefing]) -> Iterator[None]:
    """SOURCE_DATE_EPOCH set to the briefings' newest date while the build runs, unless the
    user set it; the environment as it was afterwards."""
    if VARIABLE in os.environ:
        yield
        return
    os.environ[VARIABLE] = str(newest_date_epoch(briefings))
    try:
        yield
    finally:
        os.environ.pop(VARIABLE, None)


def newest_date_epoch(briefings: Sequence[Briefing]) -> int:
    """Seconds since 1970 of the newest source or report date in any briefing (midnight UTC)."""
    dates = [first_day(fact.date) for briefing in briefings
             for fact in (briefing.metadata.source.published,
                          briefing.metadata.report and briefing.metadata.report.published,
                          *briefing.metadata.corrections)
             if fact]
    if not dates:
        return FALLBACK_EPOCH
    return max(FALLBACK_EPOCH, calendar.timegm(max(dates).timetuple()))


def pinned_date() -> datetime.date:
    """The day the build stands on (SOURCE_DATE_EPOCH, the user's or the pinned one): what
    "overdue" is reckoned against, so the same input says the same whenever it is built."""
    try:
        epoch = int(os.environ.get(VARIABLE, FALLBACK_EPOCH))
    except ValueError:  # not a number: MkDocs says so; statuses fall back to 1980
        epoch = FALLBACK_EPOCH
    return datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc).date()
