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
from ..language.bodies import body_speaks_for
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
    """(people, reactions): everyone named as speaking or with a role, an entry for each
    body quoted (see `_body_entries`), and one reaction per person or body quoted."""
    groups = _body_groups(quotes, subject, inspector)
    inspecting = tuple(body.body.owner for body in groups.get("inspector", [])
                       if body.body and body.body.owner)
    people: dict[int, DraftPerson] = {}
    for speaker in sorted(cast.people + cast.named, key=lambda s: s.first_paragraph):
        side = speaks_for(speaker, subject.name.value, subject.short_name,
                          inspector.name.value, inspector.short_name, inspecting)
        spoke = any(speaker is person for person in cast.people)
        people[id(speaker)] = DraftPerson(
            ids.unique(slug(bare_name(speaker.name), keep_stopwords=True)), speaker.name,
            speaker.role, speaker.organisation, side, _person_basis(speaker, side, spoke))
    bodies = _body_entries(groups, subject, inspector, ids)
    people.update(bodies)
    spoken: dict[str, list[DraftQuote]] = {}
    for quote in quotes:
        checked = _checked(quote, source)
        if checked is not None and id(quote.speaker) in people:
            spoken.setdefault(people[id(quote.speaker)].id, []).append(checked)
    body_ids = {entry.id for entry in bodies.values()}
    entries = list({person.id: person for person in people.values()}.values())
    reactions = []
    for person in entries:
        if person.id in spoken:
            ending = "statement" if person.speaks_for == "inspector" else "response"
            name = person.name if person.id in body_ids else person.name.split()[-1]
            reactions.append(DraftReaction(ids.unique(f"{slug(name)}-{ending}"), person.id,
                                           person.speaks_for, tuple(spoken[person.id])))
    return tuple(entries), tuple(reactions)


def _body_groups(quotes: list[SpokenQuote], subject: DraftOrganisation,
                 inspector: DraftOrganisation) -> dict[str, list[Speaker]]:
    """The bodies quoted, by whom they speak for: `inspector`, `subject`, or `other:<key>`
    for each other body."""
    groups: dict[str, list[Speaker]] = {}
    quoted = {id(q.speaker): q.speaker for q in quotes if q.speaker.body is not None}
    for speaker in quoted.values():
        assert speaker.body is not None
        side = body_speaks_for(speaker.body, _named(subject), subject.short_name,
                               _named(inspector), inspector.short_name)
        groups.setdefault(side if side != "other" else f"other:{speaker.body.key}",
                          []).append(speaker)
    return groups


def _body_entries(groups: dict[str, list[Speaker]], subject: DraftOrganisation,
                  inspector: DraftOrganisation, ids: IdRegistry) -> dict[int, DraftPerson]:
    """A person-like entry for each body quoted: the schema knows only people, and a
    report's words are the inspecting body's. The bodies that speak for the inspector
    ("the report", "inspectors", "Ofsted") make one entry, named as the draft names the
    inspector; those of the organisation inspected ("the nursery said in a statement")
    one more; any other body one each. The role says how it spoke: "report", "statement"."""
    own_name = {"inspector": _named(inspector), "subject": _named(subject)}
    entries: dict[int, DraftPerson] = {}
    for key, speakers in groups.items():
        side = key.split(":")[0]
        phrases = [s.body for s in speakers if s.body is not None]
        name = own_name.get(side) or next((b.owner for b in phrases if b.owner), phrases[0].name)
        role = next((s.role for s in speakers if s.role), None) or phrases[0].voice
        said = ", ".join(f"“{b.name}”" for b in phrases)
        entry = DraftPerson(ids.unique(slug(name, keep_stopwords=True)), name, role, None, side,
                            f"a body, not a person: the text gives words to {said}; "
                            f"speaks_for {side}")
        entries.update({id(speaker): entry for speaker in speakers})
    return entries


def _named(organisation: DraftOrganisation) -> str | None:
    return None if organisation.name.is_placeholder else organisation.name.value


def _checked(quote: SpokenQuote, source: SourceText) -> DraftQuote | None:
    """The quote if its words stand in its paragraph; numbered if they stand elsewhere too."""
    matches = find_passage(quote.text, source)
    if quote.paragraph.number not in {m.paragraph.number for m in matches}:
        return None
    return DraftQuote(quote.text, quote.paragraph.number, needs_paragraph=len(matches) > 1)


def _stands_in(passage: str, number: int, source: SourceText) -> bool:
    return any(m.paragraph.number == number for m in find_passage(passage, source))


def _person_basis(speaker: Speaker, side: str, spoke: bool) -> str:
    said = ("quoted" if speaker.quoted
            else "named as speaking but not quoted: keep only if useful" if spoke
            else "named with a role, not quoted: keep only if useful")
    why = {"inspector": "role or organisation is the inspector's",
           "subject": "role or organisation is the inspected organisation's",
           "other": "the text does not tie them to the inspector or the subject"}[side]
    return f"first in paragraph {speaker.first_paragraph}, {said}; speaks_for {side}: {why}"
