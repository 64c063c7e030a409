"""Every page the plugin generates, with what its template needs.

In: the `Collection`. Out: `SitePage`s: each briefing's six sections; the
paged home; the A–Z indexes and the pages of each subject, inspecting body,
tag and person; search; and, apart (`download_pages`), each briefing whole in
one self-contained file (its print view and export). Nothing here is HTML: a
page is a source path, a title, a template and its context.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .chart import findings_and_concerns
from .collection import GROUP_FOLDERS, Collection
from .model import Briefing

INDEX_TITLES = {"subject": "Organisations inspected", "inspector": "Inspecting bodies",
                "tag": "Topics", "person": "People"}


@dataclass(frozen=True)
class SitePage:
    src_uri: str
    """Where the page pretends to live in docs/: `cumbria/findings.md`."""
    title: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)


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
        for listing in person.listings:
            pages.append(SitePage(_md(listing.path()), _paged(person.name, listing),
                                  "collection/person.html",
                                  {"person_across": person, "listing": listing}))
    pages.append(SitePage("search.md", "Search", "search.html"))
    pages.append(SitePage("downloads/index.md", "Downloads", "downloads.html", {"offline": False}))
    pages.append(SitePage("downloads/offline.md", "Downloads", "downloads.html", {"offline": True}))
    return pages


def briefing_pages(briefing: Briefing, collection: Collection) -> list[SitePage]:
    context = {"briefing": briefing, "related": collection.related(briefing)}
    return [SitePage(f"{briefing.slug}/{s.name}.md", s.title, f"briefing/{s.name}.html",
                     {**context, "section": s.name}) for s in briefing.sections]


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
