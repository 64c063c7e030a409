"""What each generated page shows, as one key: equal keys, equal pages, byte for byte.

In: the `SitePlan`, the docs folder, and a digest of everything every page shares (the
code, the templates, the configuration: `site_wide`). Out: a key per generated page and
per download, by `src_uri`, that the build's cache (`parallel.cache`) looks pages up by.

A briefing stands in a key by a hash of its inputs (its slug, briefing.yml, source.txt,
source.lock: `inputs.fingerprint`), so any edit to it changes the key of every page showing
it. A page's key hashes its template, its title and its context, walked (`_shown`):
- a briefing on its own pages, or as a card in a listing: its fingerprint;
- a related briefing: what the list shows of it (slug, title, date), not its fingerprint,
  so editing a briefing's findings does not re-render the pages of all it is related to;
- a group or a person: name, slug and counts (what every page of theirs heads with),
  and for a person the roles over time; the briefings on a page come with its listing;
- anything else in a context (a chart, numbers, words): its value, field by field.
And what pages show of the site beyond their context, which the templates name:
the folders of a briefing's subject, inspecting body, topics and people (its overview
links to them, and a folder's slug depends on every other name), and the number of
briefings (the home pages). A template that shows more of the site must be added here;
the byte-identity test (tests/test_incremental.py) compares against a cold build.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..inputs.fingerprint import fingerprint
from ..model.briefing import Briefing
from ..model.collection import Appearance, Collection, Group, Listing, PersonAcross
from .pages import SitePage, SitePlan

HOME_TEMPLATE = "home.html"
"""Shows how many briefings the whole site has."""
SEARCH_TEMPLATE = "search.html"
"""Offers every organisation inspected as a filter."""


def page_keys(plan: SitePlan, docs_dir: Path, site_wide: str) -> dict[str, str]:
    """A key for every generated page and download of `plan`, by `src_uri`."""
    walker = _Shown(plan.collection, fingerprints(plan.briefings, docs_dir))
    return {page.src_uri: _key(site_wide, page, walker)
            for page in [*plan.pages.values(), *plan.downloads.values()]}


def fingerprints(briefings: tuple[Briefing, ...], docs_dir: Path) -> dict[str, str]:
    """Each briefing's slug -> a hash of its input files as they are on disk now."""
    return {b.slug: fingerprint(docs_dir / b.slug) for b in briefings}


def _key(site_wide: str, page: SitePage, walker: _Shown) -> str:
    shown: list[Any] = [site_wide, page.src_uri, page.title, page.template,
                        walker.value(page.context)]
    briefing = page.context.get("briefing")
    if isinstance(briefing, Briefing):
        shown.append(walker.folders_of(briefing))
    if page.template == HOME_TEMPLATE:
        shown.append(len(walker.collection.briefings))
    if page.template == SEARCH_TEMPLATE:
        shown.append([group.name for group in walker.collection.subjects])
    return hashlib.blake2b(repr(shown).encode("utf-8"), digest_size=20).hexdigest()


class _Shown:
    """Context values reduced to what their pages show of them (see the module's docstring)."""

    def __init__(self, collection: Collection, prints: Mapping[str, str]):
        self.collection, self.prints = collection, prints

    def value(self, value: Any, *, related: bool = False) -> Any:
        if isinstance(value, Briefing):
            return self._related(value) if related else ("briefing", self.prints[value.slug])
        if isinstance(value, Group):
            return ("group", value.kind, value.slug, value.name, len(value.briefings))
        if isinstance(value, PersonAcross):
            return ("person", value.slug, value.name, len(value.appearances),
                    value.quote_count, self.value(value.roles))
        if isinstance(value, Appearance):
            return ("appearance", self.prints[value.briefing.slug], value.person.id)
        if isinstance(value, Listing):
            return ("listing", value.number, value.count, value.base, self.value(value.items))
        if isinstance(value, dict):
            return tuple((k, self.value(v, related=k == "related"))
                         for k, v in sorted(value.items()))
        if isinstance(value, (list, tuple)):
            return tuple(self.value(item, related=related) for item in value)
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return (type(value).__name__, *(self.value(getattr(value, f.name))
                                            for f in dataclasses.fields(value)))
        if value is None or isinstance(value, (str, int, float, bool)):
            return value
        raise TypeError(f"a page's context holds a {type(value).__name__}, which page keys "
                        "cannot tell apart: say what pages show of it in site/pagekeys.py")

    @staticmethod
    def _related(briefing: Briefing) -> tuple:
        published = briefing.metadata.source.published
        return ("related", briefing.slug, briefing.metadata.title,
                published.date if published else None)

    def folders_of(self, briefing: Briefing) -> tuple[str, ...]:
        """The folders of its subject, inspecting body, topics and people, linked from it."""
        meta, collection = briefing.metadata, self.collection
        groups = [("subject", meta.subject.name), ("inspector", meta.inspector.name),
                  *(("tag", tag) for tag in meta.tags)]
        return (*(collection.group_of(kind, name).folder for kind, name in groups),
                *(collection.person_page(briefing, person).folder for person in briefing.people))
