"""Byte-identical builds: pin the build time to the content when the user has not.

MkDocs stamps the sitemap and its gzip copy with the build time, read from
SOURCE_DATE_EPOCH when set (the reproducible-builds convention). When it is not
set, we set it for the duration of one build to the newest date the briefings
carry, so two builds of the same input give the same bytes, at any time and in
any folder, and a user's own SOURCE_DATE_EPOCH always wins.
"""

from __future__ import annotations

import calendar
import os

from .model import Briefing

VARIABLE = "SOURCE_DATE_EPOCH"
FALLBACK_EPOCH = 315532800
"""1980-01-01: for a site without dates; also the earliest time a zip can hold."""


class PinnedBuildTime:
    """Sets SOURCE_DATE_EPOCH for one build, and puts the environment back afterwards."""

    def __init__(self):
        self.was_set_by_us = False

    def pin(self, briefings: list[Briefing]) -> None:
        if VARIABLE in os.environ and not self.was_set_by_us:
            return
        os.environ[VARIABLE] = str(newest_date_epoch(briefings))
        self.was_set_by_us = True

    def release(self) -> None:
        if self.was_set_by_us:
            os.environ.pop(VARIABLE, None)
            self.was_set_by_us = False


def newest_date_epoch(briefings: list[Briefing]) -> int:
    """Seconds since 1970 of the newest source or report date in any briefing (midnight UTC)."""
    dates = []
    for briefing in briefings:
        meta = briefing.metadata
        for fact in (meta.source.published, meta.report and meta.report.published):
            if fact:
                year, month, day = (fact.date.split("-") + ["01", "01"])[:3]
                dates.append((int(year), int(month), int(day)))
    if not dates:
        return FALLBACK_EPOCH
    return max(FALLBACK_EPOCH, calendar.timegm(max(dates) + (0, 0, 0)))
