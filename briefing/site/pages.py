"""Every page the plugin generates, with what its template needs.

In: the `Collection`. Out: `SitePage`s: each briefing's six sections; the
paged home; the A–Z indexes and the pages of each subject, inspecting body,
tag and person; search; and, apart (`download_pages`), each briefing whole in
one self-contained file (its print view and export). Nothing here is HTML: a
page is a source path, a title, a template and its context.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

from ..model.briefing import Briefing
from ..model.collection import GROUP_FOLDERS, Collection
from .archive import archive_path
from .chart import findings_and_concerns

INDEX_TITLES = {"subject": "Organisations inspected", "inspector": "Inspecting bodies",
                "tag": "Topics", "person": "People"}
SUMMARY_TITLE = "One-page summary"


@dataclass(frozen=True)
class SitePage:
    src_uri: str
    """Where the page pretends to live in docs/: `cumbria/findings.md`."""
    title: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)

    @property
    def path(self) -> str:
        """Where it is published: `cumbria/findings.html`."""
        return self.src_uri.removesuffix(".md") + ".html"


@dataclass(frozen=True)
class SitePlan:
    """Everything the site will hold, known before a page is rendered."""

    collection: Collection
    pages: dict[str, SitePage]
    """The generated pages, by `src_uri`, in the order MkDocs is given them."""
    downloads: dict[str, SitePage]
    """Each briefing whole in one file, by `src_uri`: rendered as a page, written by the build."""
    archive: str | None
    """Where the zip of the whole site goes (`downloads/briefings.zip`); None for no zip."""
    archive_folder: str
    """The folder the zip's files unpack into."""

    @property
    def briefings(self) -> tuple[Briefing, ...]:
        return self.collection.briefings

    @functools.cached_property
    def download_beside(self) -> dict[str, str]:
        """Each briefing's overview (`src_uri`) -> its download's: written right after it."""
        return {overview_beside(page): uri for uri, page in self.downloads.items()}

    def template_of(self, src_uri: str) -> str:
        return (self.pages.get(src_uri) or self.downloads[src_uri]).template


def plan_site(collection: Collection, archive_name: str, *, archive: bool) -> SitePlan:
    """Every page and download of the site, and where its zip goes (`archive_name`.zip in
    downloads/; no zip without `archive`)."""
    return SitePlan(collection, {page.src_uri: page for page in site_pages(collection)},
                    {page.src_uri: page for page in download_pages(collection)},
                    archive_path(archive_name) if archive else None, archive_name)


def site_pages(collection: Collection) -> list[SitePage]:
    pages: list[SitePage] = []
    for briefing in collection.briefings:
        pages.extend(briefing_pages(briefing, collection))
    pages.extend(home_pages(collection))
    for kind in GROUP_FOLDERS:
        pages.extend(index_pages(collection, kind))
    for group in collection.subjects + collection.inspectors + collection.tags:
        chart = findings_and_concerns(group.briefings) if group.kind == "subject" else None
        for listing in group.listings:
            pages.append(SitePage(_md(listing.path()), _paged(group.name, listing),
                                  "collection/group.html",
                                  {"group": group, "listing": listing, "chart": chart}))
    for person in collection.people:
        for appearances in person.listings:
            pages.append(SitePage(_md(appearances.path()), _paged(person.name, appearances),
                                  "collection/person.html",
                                  {"person_across": person, "listing": appearances}))
    pages.append(SitePage("search.md", "Search", "search.html"))
    pages.append(SitePage("downloads/index.md", "Downloads", "downloads.html", {"offline": False}))
    pages.append(SitePage("downloads/offline.md", "Downloads", "downloads.html", {"offline": True}))
    return pages


def briefing_pages(briefing: Briefing, collection: Collection) -> list[SitePage]:
    """The sections of a briefing, then its one-page summary (a page of its own, linked from
    the overview, not a section of the navigation)."""
    context = {"briefing": briefing, "related": collection.related(briefing)}
    sections = [SitePage(f"{briefing.slug}/{s.name}.md", s.title, f"briefing/{s.name}.html",
                         {**context, "section": s.name}) for s in briefing.sections]
    return sections + [SitePage(_md(briefing.summary_path), SUMMARY_TITLE,
                                "briefing/summary.html", {**context, "section": "summary"})]


def download_pages(collection: Collection) -> list[SitePage]:
    """Each briefing whole in one self-contained file (print view and export): a file to
    download, not a page of the site, so the plugin writes it, not MkDocs."""
    return [SitePage(_md(b.export_path), b.metadata.title, "briefing/export.html",
                     {"briefing": b, "related": collection.related(b), "section": "export",
                      "single_page": True}) for b in collection.briefings]


def overview_beside(download: SitePage) -> str:
    """The overview page of the briefing a download holds: the download is written, and
    zipped, right after it."""
    return f"{download.context['briefing'].slug}/index.md"


def home_pages(collection: Collection) -> list[SitePage]:
    chart = findings_and_concerns(collection.briefings)
    return [SitePage(_md(listing.path()), "Briefings", "home.html",
                     {"listing": listing, "chart": chart if listing.number == 1 else None})
            for listing in collection.home_listings]


def index_pages(collection: Collection, kind: str) -> list[SitePage]:
    return [SitePage(_md(listing.path()), _paged(INDEX_TITLES[kind], listing),
                     "collection/index.html", {"index_kind": kind, "listing": listing})
            for listing in collection.index_listings(kind)]


def _paged(title: str, listing) -> str:
    return title if listing.number == 1 else f"{title} (page {listing.number})"


def _md(html_path: str) -> str:
    return html_path.removesuffix(".html") + ".md"
