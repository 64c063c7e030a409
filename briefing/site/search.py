"""What search finds: every overview, finding, concern, quote, person and source paragraph.

In: the modelled `Briefing`s. Out: `SearchEntry`s in site order (each briefing's in the
order of `KINDS`), and the terms of a text as the index keeps them. `search_shards` turns
them into the files the search page loads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..language.words import COMMON_WORDS, without_accents
from ..model.briefing import Briefing

WORD = re.compile(r"[^\W_]+")
KINDS = ("overview", "finding", "concern", "quote", "person", "source")
"""What an entry is, in the order a briefing's entries come; the page shows the number
(search.js names each kind and knows its page)."""


@dataclass(frozen=True)
class SearchEntry:
    briefing: int
    """The briefing's number in site order."""
    kind: int
    """Its index in `KINDS`."""
    anchor: str
    """Where on the kind's page: `finding-commitment` (empty for the top)."""
    name: str
    """What names it beside its kind: the person quoted or described, the paragraph's
    number; empty for an overview, finding or concern, whose text says what it is."""
    text: str

    @property
    def title(self) -> str:
        """The words that weigh more: a person's name (an overview's are its briefing's title,
        which the index adds to the overview)."""
        return self.name if self.kind in (3, 4) else ""


def search_entries(briefings: list[Briefing]) -> list[SearchEntry]:
    """Everything a reader might look for, in site order."""
    entries: list[SearchEntry] = []
    for number, b in enumerate(briefings):
        entries.append(SearchEntry(number, 0, "", "", b.metadata.summary))
        for point in b.findings + b.concerns:
            entries.append(SearchEntry(number, KINDS.index(point.kind), point.anchor, "",
                                       point.text))
        for reaction in b.reactions:
            for quote in reaction.quotes:
                entries.append(SearchEntry(number, 3, quote.anchor, reaction.person.name,
                                           quote.citation.quoted))
        for person in b.people:
            role = ", ".join(filter(None, [person.role, person.organisation]))
            entries.append(SearchEntry(number, 4, f"person-{person.id}", person.name, role))
        for paragraph in b.source.paragraphs:
            entries.append(SearchEntry(number, 5, paragraph.anchor, str(paragraph.number),
                                       paragraph.text))
    return entries


def terms_of(text: str) -> list[str]:
    """Words as the index keeps them: lower case, accents folded (`Zoë` -> `zoe`), no stop words."""
    return [w for w in WORD.findall(without_accents(text.casefold())) if w not in COMMON_WORDS]
