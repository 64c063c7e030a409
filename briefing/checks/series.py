"""Check what briefings say about each other: the briefing one follows, the earlier points
its own compare with, and the register's ids they give their organisations.

In: a `Links` for every checked briefing (what it refers to outside itself, with lines,
taken where it was checked so that only this comes back from a worker) and the project's
`Organisations`. Out: a located `Problem` for each reference that does not hold.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from ..errors import Problem
from ..inputs.folders import WholeBriefing
from ..inputs.organisations import ORGANISATIONS_FILE, Organisations
from ..inputs.yamlfile import item_path


@dataclass(frozen=True)
class Reference:
    """One point's `compared:`, where it is written."""

    item: str
    line: int | None
    briefing: str | None
    briefing_line: int | None
    previous: str | None
    previous_line: int | None


@dataclass(frozen=True)
class Links:
    """What one briefing refers to outside itself."""

    slug: str
    file: Path
    subject: tuple[str, str | None]
    """The subject's name and register id, if given."""
    follows: str | None
    follows_line: int | None
    point_ids: frozenset[str]
    compared: tuple[Reference, ...]
    organisation_ids: tuple[tuple[str, int | None, str], ...]
    """(item, line, id) for each organisation given a register id."""


def links_of(briefing: WholeBriefing) -> Links:
    meta = briefing.metadata
    compared = tuple(
        Reference(item_path(at), briefing.line_of(at),
                  point.compared.briefing, briefing.line_of(at + ("briefing",)),
                  point.compared.previous, briefing.line_of(at + ("previous",)))
        for section in ("findings", "concerns")
        for i, point in enumerate(getattr(meta, section))
        if point.compared is not None and (at := (section, i, "compared")))
    ids = tuple((role, briefing.line_of((role, "id")), org.id)
                for role, org in (("subject", meta.subject), ("inspector", meta.inspector))
                if org.id is not None)
    return Links(briefing.slug, briefing.metadata_path, (meta.subject.name, meta.subject.id),
                 meta.follows, briefing.line_of(("follows",)),
                 frozenset(p.id for p in meta.findings + meta.concerns), compared, ids)


def check_links(every: list[Links], organisations: Organisations, docs_dir: Path
                ) -> list[Problem]:
    """A problem for each reference from one briefing to another, or to the register, that
    names nothing, or names a briefing on another organisation."""
    by_slug = {links.slug: links for links in every}
    problems = []
    for links in every:
        problems.extend(_check_follows(links, by_slug, organisations))
        for ref in links.compared:
            problems.extend(_check_compared(links, ref, by_slug))
        for item, line, id in links.organisation_ids:
            if id not in organisations.by_id:
                where = (f"{ORGANISATIONS_FILE} has no organisation with id '{id}'."
                         f"{_suggest(id, set(organisations.by_id))}")
                problems.append(Problem(links.file, (
                    f"{where} Add it to {docs_dir.name}/{ORGANISATIONS_FILE}, or remove the "
                    "id to match the organisation by its name."), line, f"{item}.id"))
    return problems


def _check_follows(links: Links, by_slug: dict[str, Links], organisations: Organisations):
    if links.follows is None:
        return
    earlier = by_slug.get(links.follows)
    if earlier is None:
        yield Problem(links.file, (
            f"no briefing '{links.follows}' to follow."
            f"{_suggest(links.follows, set(by_slug) - {links.slug})} "
            "Give the folder name of the briefing on the previous inspection."),
            links.follows_line, "follows")
    elif earlier.slug == links.slug or _follows_back(links.slug, earlier, by_slug):
        yield Problem(links.file, (
            f"'{links.follows}' follows this briefing in turn, so the series goes round in a "
            "circle. A briefing follows an earlier one only."), links.follows_line, "follows")
    elif (organisations.identity(*links.subject).id
          != organisations.identity(*earlier.subject).id):
        yield Problem(links.file, (
            f"'{links.follows}' is about {earlier.subject[0]}, not {links.subject[0]}: a "
            "series follows one organisation. If they are the same, list both names under "
            f"one id in {ORGANISATIONS_FILE}."), links.follows_line, "follows")


def _follows_back(slug: str, start: Links, by_slug: dict[str, Links]) -> bool:
    seen: set[str] = set()
    current: Links | None = start
    while current is not None and current.slug not in seen:
        if current.follows == slug:
            return True
        seen.add(current.slug)
        current = by_slug.get(current.follows or "")
    return False


def _check_compared(links: Links, ref: Reference, by_slug: dict[str, Links]):
    target = ref.briefing or links.follows
    if target is None:
        yield Problem(links.file, (
            "compared with last time, but this briefing follows none. Add follows: <the "
            "earlier briefing's folder name>, or briefing: under compared:."), ref.line, ref.item)
        return
    earlier = by_slug.get(target)
    if earlier is None and ref.briefing is None:
        return  # the follows: it rests on is reported, once
    if earlier is None:
        yield Problem(links.file, (
            f"no briefing '{target}' to compare with.{_suggest(target, set(by_slug))}"),
            ref.briefing_line, ref.item + ".briefing")
    elif ref.previous is not None and ref.previous not in earlier.point_ids:
        yield Problem(links.file, (
            f"'{target}' has no finding or concern with id '{ref.previous}'."
            f"{_suggest(ref.previous, set(earlier.point_ids))} Give the id of the earlier "
            "point as that briefing's briefing.yml has it."), ref.previous_line,
            ref.item + ".previous")


def _suggest(wrong: str, known: set[str]) -> str:
    close = difflib.get_close_matches(wrong, sorted(known), n=1)
    return f" Did you mean '{close[0]}'?" if close else ""
