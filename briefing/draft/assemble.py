"""Turn what the rules found into the items of a draft, with ids, checked against the source.

In: point candidates, the cast of speakers, the spoken quotes, the subject and
the inspector. Out: `DraftPoint`s, `DraftPerson`s and `DraftReaction`s with
ids unique across the briefing. Every quote and named passage is looked up in
the source with `briefing.quotes.find_passage`, the check a build runs, so a
draft never holds words the source does not: anything not found is dropped.
"""

from __future__ import annotations

from ..checks.passages import find_passage
from ..inputs.source import SourceText
from ..language.speakers import Cast, Speaker, bare_name, speaks_for
from ..language.speech import SpokenQuote
from .ids import IdRegistry, slug
from .items import DraftOrganisation, DraftPerson, DraftPoint, DraftQuote, DraftReaction
from .points import Candidate


def assemble_points(candidates: list[Candidate], kind: str, source: SourceText,
                    ids: IdRegistry) -> tuple[DraftPoint, ...]:
    points = []
    for candidate in candidates:
        if candidate.kind != kind:
            continue
        passage = None if candidate.is_whole_paragraph else candidate.text
        if passage is not None and not _stands_in(passage, candidate.paragraph.number, source):
            continue
        also = tuple(n for n in dict.fromkeys(candidate.also) if n != candidate.paragraph.number)
        points.append(DraftPoint(ids.unique(slug(candidate.text)), candidate.text,
                                 candidate.paragraph.number, passage, also, candidate.basis))
    return tuple(points)


def assemble_people(cast: Cast, quotes: list[SpokenQuote], subject: DraftOrganisation,
                    inspector: DraftOrganisation, source: SourceText, ids: IdRegistry):
    """(people, reactions): everyone named as speaking, and one reaction per person quoted."""
    people: dict[int, DraftPerson] = {}
    for speaker in cast.people:
        side = speaks_for(speaker, subject.name.value, subject.short_name,
                          inspector.name.value, inspector.short_name)
        people[id(speaker)] = DraftPerson(
            ids.unique(slug(bare_name(speaker.name), keep_stopwords=True)), speaker.name,
            speaker.role, speaker.organisation, side, _person_basis(speaker, side))
    reactions = []
    for speaker in cast.people:
        spoken = [checked for quote in quotes if quote.speaker is speaker
                  and (checked := _checked(quote, source)) is not None]
        if spoken:
            person = people[id(speaker)]
            ending = "statement" if person.speaks_for == "inspector" else "response"
            reactions.append(DraftReaction(ids.unique(f"{slug(speaker.surname)}-{ending}"),
                                           person.id, person.speaks_for, tuple(spoken)))
    return tuple(people.values()), tuple(reactions)


def _checked(quote: SpokenQuote, source: SourceText) -> DraftQuote | None:
    """The quote if its words stand in its paragraph; numbered if they stand elsewhere too."""
    matches = find_passage(quote.text, source)
    if quote.paragraph.number not in {m.paragraph.number for m in matches}:
        return None
    return DraftQuote(quote.text, quote.paragraph.number, needs_paragraph=len(matches) > 1)


def _stands_in(passage: str, number: int, source: SourceText) -> bool:
    return any(m.paragraph.number == number for m in find_passage(passage, source))


def _person_basis(speaker: Speaker, side: str) -> str:
    said = ("quoted" if speaker.quoted
            else "named as speaking but not quoted: keep only if useful")
    why = {"inspector": "role or organisation is the inspector's",
           "subject": "role or organisation is the inspected organisation's",
           "other": "the text does not tie them to the inspector or the subject"}[side]
    return f"first in paragraph {speaker.first_paragraph}, {said}; speaks_for {side}: {why}"
