"""Facts of a briefing that contradict the calendar or each other: warnings, like coverage's.

In: a checked `WholeBriefing` and the build date (`inputs.dates.build_date`). Out: a located
`Problem` for each date after the build date (no source can give one: a mistyped year), and
for each reaction whose `speaks_for` disagrees with the organisation its speaker is listed
with, where both are known (`speaks_for: subject` for someone of another body).
"""

from __future__ import annotations

import datetime
import re

from ..errors import Problem
from ..inputs.dates import first_day
from ..inputs.folders import WholeBriefing
from ..inputs.schema import DateFact, Organisation
from ..inputs.yamlfile import item_path

DATED = (("source", "published"), ("report", "published"), ("report", "fieldwork"))
VOICES = {"subject": "the organisation inspected", "inspector": "the inspecting body"}


def consistency_warnings(loaded: WholeBriefing, today: datetime.date) -> list[Problem]:
    return _future_dates(loaded, today) + _voices(loaded)


def _future_dates(loaded: WholeBriefing, today: datetime.date) -> list[Problem]:
    found = []
    for path in DATED:
        parent = getattr(loaded.metadata, path[0])
        fact: DateFact | None = getattr(parent, path[1], None) if parent else None
        if fact is not None and first_day(fact.date) > today:
            found.append(_at(loaded, path + ("date",), (
                f"{fact.date} is after the build date ({today.isoformat()}): a source cannot "
                "report it yet. Check the year.")))
    return found


def _voices(loaded: WholeBriefing) -> list[Problem]:
    metadata = loaded.metadata
    people = {p.id: p for p in metadata.people}
    bodies = {"subject": metadata.subject, "inspector": metadata.inspector}
    found = []
    for i, reaction in enumerate(metadata.reactions):
        person = people.get(reaction.person)
        if person is None or not person.organisation:
            continue
        belongs = [side for side, body in bodies.items() if _is(person.organisation, body)]
        said = reaction.speaks_for
        if (said in bodies and said not in belongs) or (said == "other" and belongs):
            right = belongs[0] if belongs else "other"
            whose = (f"{VOICES[right]} ({bodies[right].name})" if belongs
                     else f"neither {metadata.subject.name} nor {metadata.inspector.name}")
            found.append(_at(loaded, ("reactions", i, "speaks_for"), (
                f"speaks_for: {said}, but {person.name}'s organisation ('{person.organisation}')"
                f" is {whose}. Set speaks_for: {right}, or correct the person's organisation.")))
    return found


def _is(name: str, body: Organisation) -> bool:
    """Does `name` (as a person's organisation is written) name `body`? Leniently: one name
    holding the other counts, so 'Northshire Police' is 'Northshire Police Service'."""
    wanted = _words(name)
    for known in filter(None, (body.name, body.short_name)):
        words = _words(known)
        if wanted and words and (f" {wanted} " in f" {words} " or f" {words} " in f" {wanted} "):
            return True
    return False


def _words(name: str) -> str:
    words = re.findall(r"\w+", name.casefold())
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def _at(loaded: WholeBriefing, path: tuple, message: str) -> Problem:
    return Problem(loaded.metadata_path, message, loaded.line_of(path), item_path(path))
