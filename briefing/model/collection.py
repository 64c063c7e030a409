"""The site as a collection: briefings grouped by subject, inspector, tag and person.

In: every modelled `Briefing`, newest first. Out: a `Collection` whose groups
and people pages, and every paged list, stay small however many briefings
there are; the site's navigation lives on these pages, never in every page.

Organisations are grouped by their identity in the project's register, not by the name a
briefing writes. People are matched across briefings by name and organisation (ids are per
briefing), so a person's page shows each role they held, in date order, and two people of
one name at two organisations stay two.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Generic, TypeVar

from ..inputs.organisations import Organisations
from ..inputs.schema import Person
from ..language.words import ascii_only
from .briefing import Briefing, Reaction
from .people import PersonKey, person_keys
from .series import Series

PAGE_SIZE = 25
"""Briefings (or names) per listing page: bounded page size, whatever the site's size."""
APPEARANCES_PER_PAGE = 10
"""Briefings per page of a person's page: each brings its quotes, so fewer than a listing."""
RELATED_LIMIT = 8
T = TypeVar("T")


def slugify(name: str) -> str:
    """`Zoë Billingham` -> `zoe-billingham`: a readable, ASCII path segment."""
    return re.sub(r"[^a-z0-9]+", "-", ascii_only(name).lower()).strip("-") or "unnamed"


@dataclass(frozen=True)
class Listing(Generic[T]):
    """One page of a long list."""

    items: tuple[T, ...]
    number: int
    """1-based page number."""
    count: int
    """How many pages the whole list has."""
    base: str
    """Folder of the list's pages: `subjects/cumbria-constabulary` (empty for the home page)."""

    def path(self, number: int | None = None) -> str:
        """Site path of page `number` (default: this one): `<base>/index.html`, `<base>/2.html`."""
        number = number or self.number
        folder = f"{self.base}/" if self.base else ""
        if number == 1:
            return f"{folder}index.html"
        return f"{folder}{number}.html" if self.base else f"page/{number}.html"


def paginate(items: tuple[T, ...] | list[T], base: str, size: int = PAGE_SIZE) -> list[Listing[T]]:
    """Split `items` into pages of `size`; an empty list still has one (empty) page."""
    items = tuple(items)
    count = max(1, -(-len(items) // size))
    return [Listing(items[i * size:(i + 1) * size], i + 1, count, base) for i in range(count)]


@dataclass(frozen=True)
class Group:
    """Briefings that share a subject, an inspecting body or a tag."""

    kind: str
    """`subject`, `inspector` or `tag`."""
    slug: str
    name: str
    briefings: tuple[Briefing, ...]

    @property
    def folder(self) -> str:
        return f"{GROUP_FOLDERS[self.kind]}/{self.slug}"

    @property
    def listings(self) -> list[Listing[Briefing]]:
        return paginate(self.briefings, self.folder)


GROUP_FOLDERS = {"subject": "subjects", "inspector": "inspectors", "tag": "tags",
                 "person": "people"}


@dataclass(frozen=True)
class Appearance:
    """One briefing in which a person is quoted or named, with the role they held there."""

    briefing: Briefing
    person: Person
    reactions: tuple[Reaction, ...]

    @property
    def date(self) -> str | None:
        published = self.briefing.metadata.source.published
        return published.date if published else None


@dataclass(frozen=True)
class RoleSpan:
    """A stretch of briefings in which a person held the same role at the same organisation."""

    role: str | None
    organisation: str | None
    first: str | None
    """Date of the earliest briefing of the stretch (None if undated)."""
    last: str | None
    briefings: int


@dataclass(frozen=True)
class PersonAcross:
    """Someone named in one or more briefings, matched by name."""

    slug: str
    name: str
    appearances: tuple[Appearance, ...]
    """Newest first."""

    @property
    def folder(self) -> str:
        return f"{GROUP_FOLDERS['person']}/{self.slug}"

    @property
    def quote_count(self) -> int:
        return sum(len(r.quotes) for a in self.appearances for r in a.reactions)

    @property
    def listings(self) -> list[Listing[Appearance]]:
        """The briefings they appear in, with what they said there, paged: someone quoted in
        hundreds of briefings must not make a page of hundreds of quotes."""
        return paginate(self.appearances, self.folder, size=APPEARANCES_PER_PAGE)

    @functools.cached_property
    def roles(self) -> tuple[RoleSpan, ...]:
        """Roles over time, newest first: one row per change of role or organisation, so the
        table stays short however many briefings quote them."""
        spans: list[RoleSpan] = []
        for a in reversed(self.appearances):
            held = (a.person.role, a.person.organisation)
            if spans and (spans[-1].role, spans[-1].organisation) == held:
                last = spans[-1]
                spans[-1] = RoleSpan(*held, last.first or a.date, a.date or last.last,
                                     last.briefings + 1)
            else:
                spans.append(RoleSpan(*held, a.date, a.date, 1))
        return tuple(reversed(spans))


@dataclass(frozen=True)
class Collection:
    """Every briefing, and the ways into them."""

    briefings: tuple[Briefing, ...]
    subjects: tuple[Group, ...]
    inspectors: tuple[Group, ...]
    tags: tuple[Group, ...]
    people: tuple[PersonAcross, ...]
    series: Series
    """Each organisation's briefings in time, and what changed between them."""

    @property
    def home_listings(self) -> list[Listing[Briefing]]:
        return paginate(self.briefings, "")

    def index_listings(self, kind: str) -> list[Listing]:
        """The A–Z index of subjects, inspectors, tags or people, paged."""
        items = {"subject": self.subjects, "inspector": self.inspectors, "tag": self.tags,
                 "person": self.people}[kind]
        return paginate(items, GROUP_FOLDERS[kind], size=PAGE_SIZE * 4)

    def group_of(self, kind: str, name: str) -> Group:
        """The group of a tag, or of an organisation by any name a briefing gives it."""
        if kind in ("subject", "inspector"):
            name = self.series.organisations.identity(name).name
        return self._groups_by_name[(kind, name)]

    def organisation_group(self, kind: str, briefing: Briefing) -> Group:
        """The group of a briefing's `subject` or `inspector`, by its identity."""
        return self._groups_by_name[(kind, self.series.identity(
            getattr(briefing.metadata, kind)).name)]

    @functools.cached_property
    def _groups_by_name(self) -> dict[tuple[str, str], Group]:
        return {(g.kind, g.name): g for g in self.subjects + self.inspectors + self.tags}

    def person_page(self, briefing: Briefing, person: Person) -> PersonAcross:
        """The page of `person` as `briefing` names them (two people may share a name)."""
        return self._people_by_appearance[(briefing.slug, person.id)]

    @functools.cached_property
    def _people_by_appearance(self) -> dict[tuple[str, str], PersonAcross]:
        return {(a.briefing.slug, a.person.id): p for p in self.people for a in p.appearances}

    def related(self, briefing: Briefing) -> tuple[Briefing, ...]:
        """Other briefings on the same subject or quoting the same people, newest first
        (worked out once: each briefing's pages and its single-file download all show them)."""
        return self._related[briefing.slug]

    @functools.cached_property
    def _related(self) -> dict[str, tuple[Briefing, ...]]:
        return {b.slug: self._find_related(b) for b in self.briefings}

    def _find_related(self, briefing: Briefing) -> tuple[Briefing, ...]:
        found = set(self._by_subject[self.series.identity(briefing.metadata.subject).id])
        for person in briefing.people:
            found.update(self._by_person[person.name])
        found.discard(briefing.slug)
        return tuple(sorted((self._by_slug[slug] for slug in found),
                            key=lambda b: b.sort_key, reverse=True)[:RELATED_LIMIT])

    @functools.cached_property
    def _by_slug(self) -> dict[str, Briefing]:
        return {b.slug: b for b in self.briefings}

    @functools.cached_property
    def _by_subject(self) -> dict[str, list[str]]:
        return self._first_few(lambda b: [self.series.identity(b.metadata.subject).id])

    @functools.cached_property
    def _by_person(self) -> dict[str, list[str]]:
        return self._first_few(lambda b: [p.name for p in b.people])

    def _first_few(self, keys_of) -> dict[str, list[str]]:
        """Slugs by key, newest first, at most enough to fill a related list (and itself)."""
        found: dict[str, list[str]] = defaultdict(list)
        for b in self.briefings:
            for key in keys_of(b):
                if len(found[key]) <= RELATED_LIMIT:
                    found[key].append(b.slug)
        return found


def build_collection(briefings: list[Briefing], organisations: Organisations | None = None,
                     as_of: datetime.date | None = None) -> Collection:
    """Group `briefings` (newest first) every way a reader looks for them; `as_of` is the
    day the status of what was promised is reckoned on."""
    series = Series(tuple(briefings), organisations or Organisations({}, {}), as_of)
    return Collection(
        briefings=tuple(briefings),
        subjects=_groups("subject", briefings,
                         lambda b: [series.identity(b.metadata.subject).name]),
        inspectors=_groups("inspector", briefings,
                           lambda b: [series.identity(b.metadata.inspector).name]),
        tags=_groups("tag", briefings, lambda b: b.metadata.tags),
        people=_people(briefings, series),
        series=series,
    )


def _groups(kind: str, briefings: list[Briefing], names_of) -> tuple[Group, ...]:
    members: dict[str, list[Briefing]] = defaultdict(list)
    for briefing in briefings:
        for name in dict.fromkeys(names_of(briefing)):
            members[name].append(briefing)
    slugs = _unique_slugs(members)
    return tuple(Group(kind, slugs[name], name, tuple(members[name]))
                 for name in sorted(members, key=lambda n: (n.casefold(), n)))


def _people(briefings: list[Briefing], series: Series) -> tuple[PersonAcross, ...]:
    keys = person_keys(briefings, series.organisations)
    seen: dict[PersonKey, list[Appearance]] = defaultdict(list)
    for briefing in briefings:
        for person in briefing.people:
            seen[keys[(briefing.slug, person.id)]].append(
                Appearance(briefing, person, briefing.reactions_by(person)))
    slugs = _unique_slugs(seen)
    return tuple(PersonAcross(slugs[key], key[0], tuple(seen[key]))
                 for key in sorted(seen, key=lambda k: (_surname(k[0]), k)))


def _surname(name: str) -> str:
    return name.split()[-1].casefold() if name.split() else ""


def _unique_slugs(names) -> dict:
    """A slug per name (or (name, organisation) key); names that fold to the same slug get
    -2, -3, ... in sorted order."""
    slugs: dict = {}
    taken: set[str] = set()
    for name in sorted(names):
        slug = base = slugify(name if isinstance(name, str) else name[0])
        counter = 2
        while slug in taken:
            slug, counter = f"{base}-{counter}", counter + 1
        taken.add(slug)
        slugs[name] = slug
    return slugs
