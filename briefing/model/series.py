"""Briefings over time: each organisation's inspections in order, and what changed between.

In: every modelled `Briefing` (checked, so each `follows` and `compared` names something
that exists), the project's `Organisations` and the day statuses are reckoned on (the
build's pinned date). Out: a `Series` that gives each briefing its organisation's
`Timeline`, the briefings before and after it, how its points compare with the ones they
continue (`Comparison`), and each commitment's and recommendation's status.
"""

from __future__ import annotations

import datetime
import functools
from collections import defaultdict
from dataclasses import dataclass

from ..inputs.organisations import Identity, Organisations
from ..inputs.schema import Organisation
from .briefing import Briefing, Point
from .nextsteps import NextStep


def inspection_date(briefing: Briefing) -> str:
    """When the inspection took place, as near as the briefing says: its fieldwork, else the
    report's publication, else the source's; what orders a timeline."""
    meta = briefing.metadata
    report = meta.report
    for fact in (report and report.fieldwork, report and report.published, meta.source.published):
        if fact:
            return fact.date
    return ""


@dataclass(frozen=True)
class Timeline:
    """One organisation's briefings, oldest first."""

    identity: Identity
    briefings: tuple[Briefing, ...]


@dataclass(frozen=True)
class Comparison:
    """A point of this briefing, and the point of an earlier one it continues (if any)."""

    point: Point
    status: str
    """`persisted`, `resolved`, `new` or `worse`."""
    earlier: Briefing | None
    previous: Point | None

    @property
    def persisting(self) -> bool:
        return self.status in ("persisted", "worse")


class Series:
    """How briefings stand in time; every question a page asks of it, answered from here."""

    def __init__(self, briefings: tuple[Briefing, ...], organisations: Organisations,
                 as_of: datetime.date | None):
        self.organisations = organisations
        self.as_of = as_of
        """The day statuses are reckoned on: the build's pinned date."""
        self._by_slug = {b.slug: b for b in briefings}
        members: dict[str, list[Briefing]] = defaultdict(list)
        for b in briefings:
            members[self.identity(b.metadata.subject).id].append(b)
        self._timelines = {
            key: Timeline(self.identity(found[0].metadata.subject),
                          tuple(sorted(found, key=lambda b: (inspection_date(b), b.slug))))
            for key, found in members.items()}
        self._followed_by = {b.metadata.follows: b for b in briefings if b.metadata.follows}

    inspection_date = staticmethod(inspection_date)

    def identity(self, organisation: Organisation) -> Identity:
        return self.organisations.identity(organisation.name, organisation.id)

    def timeline(self, briefing: Briefing) -> Timeline:
        return self._timelines[self.identity(briefing.metadata.subject).id]

    def timeline_named(self, name: str) -> Timeline | None:
        """The timeline of the organisation whose group is called `name` (its newest name)."""
        return self._by_name.get(name)

    @functools.cached_property
    def _by_name(self) -> dict[str, Timeline]:
        return {t.identity.name: t for t in self._timelines.values()}

    def previous(self, briefing: Briefing) -> Briefing | None:
        """The briefing it follows, or else the one before it in its organisation's timeline."""
        if briefing.metadata.follows:
            return self._by_slug.get(briefing.metadata.follows)
        return self._neighbour(briefing, -1)

    def next(self, briefing: Briefing) -> Briefing | None:
        """The briefing that follows it, or else the one after it in the timeline."""
        return self._followed_by.get(briefing.slug) or self._neighbour(briefing, 1)

    def _neighbour(self, briefing: Briefing, step: int) -> Briefing | None:
        members = self.timeline(briefing).briefings
        at = members.index(briefing) + step
        return members[at] if 0 <= at < len(members) else None

    def compared(self, briefing: Briefing) -> tuple[Comparison, ...]:
        """Its points that say how they stand against last time, in the briefing's order."""
        return self._compared[briefing.slug]

    @functools.cached_property
    def _compared(self) -> dict[str, tuple[Comparison, ...]]:
        return {slug: tuple(self._comparison(b, p) for p in b.findings + b.concerns
                            if p.compared is not None)
                for slug, b in self._by_slug.items()}

    def _comparison(self, briefing: Briefing, point: Point) -> Comparison:
        assert point.compared is not None
        earlier = self._by_slug.get(point.compared.briefing or briefing.metadata.follows or "")
        previous = next((p for p in earlier.findings + earlier.concerns
                         if p.id == point.compared.previous), None) if earlier else None
        return Comparison(point, point.compared.status, earlier, previous)

    def followed_up(self, briefing: Briefing, point: Point
                    ) -> tuple[tuple[Briefing, Comparison], ...]:
        """Where later briefings say what became of `point` of `briefing`."""
        return self._later.get((briefing.slug, point.anchor), ())

    @functools.cached_property
    def _later(self) -> dict[tuple[str, str], tuple[tuple[Briefing, Comparison], ...]]:
        found: dict[tuple[str, str], list[tuple[Briefing, Comparison]]] = defaultdict(list)
        for later in self._by_slug.values():
            for c in self.compared(later):
                if c.earlier is not None and c.previous is not None:
                    found[(c.earlier.slug, c.previous.anchor)].append((later, c))
        return {key: tuple(pairs) for key, pairs in found.items()}

    def status(self, step: NextStep) -> str:
        """`done`, `open` or `overdue` as of the build's pinned date."""
        return step.status(self.as_of)

    def next_steps_of(self, identity_id: str) -> tuple[tuple[Briefing, NextStep], ...]:
        """Every commitment and recommendation on one organisation's timeline, oldest first."""
        timeline = self._timelines.get(identity_id)
        return tuple((b, step) for b in (timeline.briefings if timeline else ())
                     for step in b.next_steps)
