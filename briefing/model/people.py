"""Who is who across briefings: the same person, or two people who share a name.

In: every `Briefing` and the project's `Organisations`. Out: for each person of each
briefing, the key their page is found by: their name and their organisation's identity
(so a body renamed does not split a person, and two people of one name at two bodies
stay two). Someone a briefing gives no organisation joins the one person of that name
who has one, when there is just one.
"""

from __future__ import annotations

from collections import defaultdict

from ..inputs.organisations import Organisations
from .briefing import Briefing

PersonKey = tuple[str, str]
"""(name, organisation identity id, or "" when not known)."""


def person_keys(briefings: list[Briefing], organisations: Organisations
                ) -> dict[tuple[str, str], PersonKey]:
    """(briefing slug, person id) -> the key of that person's page."""
    written: dict[tuple[str, str], PersonKey] = {}
    bodies: dict[str, set[str]] = defaultdict(set)
    for briefing in briefings:
        for person in briefing.people:
            at = organisations.identity(person.organisation).id if person.organisation else ""
            written[(briefing.slug, person.id)] = (person.name, at)
            if at:
                bodies[person.name].add(at)
    return {where: (name, at or _only(bodies[name])) for where, (name, at) in written.items()}


def _only(found: set[str]) -> str:
    return next(iter(found)) if len(found) == 1 else ""
