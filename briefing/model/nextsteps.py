"""What happens next: the promises and recommendations of a briefing, and where each stands.

In: a briefing's `commitments` and `recommendations` (checked: their paragraphs exist) and
their citations. Out: `NextStep`s, each with its status as of a given day: `done`, `open`,
or `overdue` when still open past its date. The day is the build's pinned date, never the
wall clock, so that two builds of the same input say the same.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from ..inputs.dates import first_day
from ..inputs.schema import DateFact, Person
from .citations import Citation


@dataclass(frozen=True)
class NextStep:
    """A commitment (someone promised it) or a recommendation (the inspectors made it)."""

    kind: str
    """`commitment` or `recommendation`."""
    id: str
    text: str
    """What was promised or recommended, in the briefing's words."""
    citations: tuple[Citation, ...]
    who: str | None = None
    """Who promised it: a person's name, or an organisation's (commitments only)."""
    person: Person | None = None
    """The person who promised it, when `who` names one of the briefing's people."""
    by: DateFact | None = None
    recorded_status: str = "open"
    """`open` or `done`, as the analyst recorded it."""
    status_basis: str | None = None

    @property
    def anchor(self) -> str:
        return f"{self.kind}-{self.id}"

    def status(self, as_of: datetime.date | None) -> str:
        """`done`, `overdue` (open, and its date has passed by `as_of`) or `open`."""
        if self.recorded_status == "done":
            return "done"
        if self.by is not None and as_of is not None and _last_day(self.by.date) < as_of:
            return "overdue"
        return "open"


def _last_day(iso: str) -> datetime.date:
    """The last day `iso` can mean: a step due in `2017-03` is not late on 2 March 2017."""
    first = first_day(iso)
    if iso.count("-") == 2:
        return first
    if iso.count("-") == 1:
        following = first.replace(day=28) + datetime.timedelta(days=4)
        return following - datetime.timedelta(days=following.day)
    return first.replace(month=12, day=31)
