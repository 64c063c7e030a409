"""A collection of 100 briefings, opened from disk: its collection pages work in Chromium.

The site is built once from 100 synthetic briefings (benchmarks/synthetic.py). Its collection
pages are every home page, every A–Z index page (subjects, inspectors, tags, people), every
page of every subject, inspector and tag, and every page of the three people named in the most
briefings and of a few people named in one. Each is opened from file:// with anything else
blocked, and must load whole, log no console error, and hold only links and #anchors that
resolve. (The briefing pages they point into with an #anchor are not opened: there are
hundreds, and test_offline_file.py opens such pages; their ids are read from their files.)
The home pages' pager leads, by rel=next, through every briefing once. axe-core finds no
WCAG 2.2 A/AA violation on one page of each kind, in light and dark; the Nu HTML Checker finds
no error in any collection page.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from benchmarks.synthetic import write_synthetic_briefings
from briefing.model.collection import PAGE_SIZE, slugify
from briefing.commands.build import run_build
from briefing.project import Project

from .support import (BuiltSite, PageChecker, Visit, axe_violations, broken_links, is_internal,
                      nu_errors, site_path_under, write_config)

COUNT = 100
TOP_PEOPLE = 3
SINGLE_PEOPLE = 3
INDEXES = ("subjects", "inspectors", "tags", "people")
GROUPS = ("subjects", "inspectors", "tags")
BRIEFING_CARDS = "ol.briefing-list li h2 a, ol.briefing-list li h3 a"
"""The title link of each briefing a listing page lists (as tests/test_collection.py reads it)."""


# --- The site and its pages ------------------------------------------------------------------

@pytest.fixture(scope="module")
def collection_site(tmp_path_factory) -> BuiltSite:
    folder = tmp_path_factory.mktemp("collection-site")
    docs = folder / "docs"
    write_synthetic_briefings(docs, COUNT)
    result = run_build(Project(write_config(folder, docs)))
    assert result.briefings == COUNT
    return BuiltSite(result.site_dir, docs)


@pytest.fixture(scope="module")
def ranked(collection_site) -> list[tuple[str, int, int]]:
    """(slug of their pages, briefings naming them, quotes) of everyone, from the briefing.yml
    files: most briefings first, then most quotes, then by slug."""
    briefings: Counter[str] = Counter()
    quotes: Counter[str] = Counter()
    for slug in collection_site.slugs():
        data = collection_site.briefing_yml(slug)
        names = {person["id"]: person["name"] for person in data["people"]}
        briefings.update(set(names.values()))
        for reaction in data["reactions"]:
            quotes[names[reaction["person"]]] += len(reaction["quotes"])
    people = [(slugify(name), briefings[name], quotes[name]) for name in briefings]
    return sorted(people, key=lambda entry: (-entry[1], -entry[2], entry[0]))


@pytest.fixture(scope="module")
def most_quoted(ranked) -> str:
    """The slug of whoever is quoted most (the first by slug among equals)."""
    return min(ranked, key=lambda entry: (-entry[2], entry[0]))[0]


@pytest.fixture(scope="module")
def pages(collection_site, ranked) -> dict[str, list[str]]:
    """The collection pages by kind: home, index, group and person (the three people in the
    most briefings, then a few in just one)."""
    site = collection_site
    every = site.html_pages()

    def paged(folder: str) -> list[str]:
        """index.html, 2.html, 3.html ... of the paged list in `folder`, in page order."""
        numbered = [p for p in every if re.fullmatch(rf"{re.escape(folder)}/\d+\.html", p)]
        numbered.sort(key=lambda p: int(p.rsplit("/", 1)[1].removesuffix(".html")))
        return [f"{folder}/index.html"] + numbered

    groups = sorted({p.rsplit("/", 1)[0] for p in every
                     if re.fullmatch(rf"({'|'.join(GROUPS)})/[^/]+/index\.html", p)})
    singles = sorted(slug for slug, named_in, _ in ranked if named_in == 1)[:SINGLE_PEOPLE]
    people = [slug for slug, _, _ in ranked[:TOP_PEOPLE]] + singles
    home = ["index.html"] + paged("page")[1:]  # the home page, then page/2.html, page/3.html ...
    return {
        "home": home,
        "index": [p for index in INDEXES for p in paged(index)],
        "group": [p for group in groups for p in paged(group)],
        "person": [p for slug in people for p in paged(f"people/{slug}")],
    }


def everything(pages: dict[str, list[str]]) -> list[str]:
    return [page for kind in pages.values() for page in kind]


class _Ids(HTMLParser):
    """The ids of an HTML file (and the names of its a elements), as PAGE_FACTS gathers them."""

    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is not None and (name == "id" or (name == "name" and tag == "a")):
                self.ids.add(value)


def ids_in(file: Path) -> set[str]:
    parser = _Ids()
    parser.feed(file.read_text(encoding="utf-8"))
    parser.close()
    return parser.ids


@pytest.fixture(scope="module")
def opened(browser, collection_site, pages):
    """({collection page: Visit}, {page pointed into with an #anchor: its ids as a Visit}),
    every collection page opened from file:// in one browser context where nothing else may
    load."""
    site = collection_site
    path_of = site_path_under(site.folder)
    context = browser.new_context()
    checker = PageChecker(context, allowed="file://")
    visits = {rel: checker.open(site.uri(rel)) for rel in everything(pages)}
    context.close()
    anchored = {path_of(resolved) for visit in visits.values()
                for written, resolved in visit.links
                if is_internal(written) and urlsplit(resolved).fragment} - set(visits) - {None}
    targets = {rel: Visit(site.uri(rel), ids=ids_in(site.folder / rel))
               for rel in sorted(anchored) if (site.folder / rel).is_file()}
    return visits, targets


# --- From disk -------------------------------------------------------------------------------

def test_the_collection_pages_are_all_there(collection_site, pages, ranked):
    site = collection_site
    assert len(pages["home"]) == math.ceil(COUNT / PAGE_SIZE)
    assert all((site.folder / rel).is_file() for rel in everything(pages))
    assert {f"{index}/index.html" for index in INDEXES} <= set(pages["index"])
    assert "people/2.html" in pages["index"], "over 100 people: the people index is paged"
    assert len({rel.split("/")[1] for rel in pages["group"] if rel.startswith("subjects/")}) == 32
    assert any(re.fullmatch(r"tags/[^/]+/2\.html", rel) for rel in pages["group"])
    for slug, named_in, _ in ranked[:TOP_PEOPLE]:
        assert named_in > 10
        assert f"people/{slug}/2.html" in pages["person"], f"{slug} has several pages"
    singles = [rel for rel in pages["person"] if not rel.endswith("/index.html")
               and rel.split("/")[1] not in {slug for slug, _, _ in ranked[:TOP_PEOPLE]}]
    assert not singles, "someone named in one briefing has one page"
    assert len(everything(pages)) > 70


def test_every_collection_page_loads_from_disk_with_nothing_from_the_network(opened, pages):
    visits, _ = opened
    assert set(visits) == set(everything(pages))
    problems = [line for visit in visits.values() for line in visit.report()]
    assert not problems, "\n".join(problems)


def test_every_link_and_anchor_of_the_collection_pages_resolves(opened, collection_site):
    visits, targets = opened
    site = collection_site
    internal = [written for visit in visits.values() for written, _ in visit.links
                if is_internal(written)]
    assert len(internal) > 1000
    assert targets, "the people's pages link to quotes and paragraphs of briefings"
    broken = broken_links({**targets, **visits}, site.folder, site_path_under(site.folder))
    assert not broken, f"{len(broken)} broken:\n" + "\n".join(broken)


def test_the_pager_leads_from_the_first_home_page_through_every_briefing_once(
        context, collection_site, pages):
    site = collection_site
    path_of = site_path_under(site.folder)
    page = context.new_page()
    page.goto(site.uri("index.html"))
    visited, listed = [], []
    while True:
        visited.append(path_of(page.url))
        assert len(visited) <= len(pages["home"]), f"the pager goes on past {visited}"
        listed += [path_of(href).split("/")[0] for href in page.eval_on_selector_all(
            BRIEFING_CARDS, "links => links.map(a => a.href)")]
        following = page.locator("a[rel~=next]")
        if following.count() == 0:
            break
        with page.expect_navigation():
            following.first.click()
    assert visited == pages["home"]
    pager = page.locator("nav.pager").inner_text()
    assert f"Page {len(visited)} of {len(visited)}" in pager, pager
    assert sorted(listed) == site.slugs(), Counter(listed).most_common(3)


# --- Accessibility ---------------------------------------------------------------------------

def subject_with_chart(site: BuiltSite, pages: dict[str, list[str]]) -> str:
    for rel in pages["group"]:
        if re.fullmatch(r"subjects/[^/]+/index\.html", rel):
            soup = BeautifulSoup((site.folder / rel).read_text(encoding="utf-8"), "html.parser")
            if soup.select_one("figure.chart") is not None:
                return rel
    raise AssertionError("no subject page has a chart (figure.chart)")


AXE_PAGES = {
    "home-2": lambda site, pages, person: "page/2.html",
    "subjects": lambda site, pages, person: "subjects/index.html",
    "subject-chart": lambda site, pages, person: subject_with_chart(site, pages),
    "tag": lambda site, pages, person: next(p for p in pages["group"] if p.startswith("tags/")),
    "people": lambda site, pages, person: "people/index.html",
    "person-1": lambda site, pages, person: f"people/{person}/index.html",
    "person-2": lambda site, pages, person: f"people/{person}/2.html",
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", AXE_PAGES)
def test_no_wcag_violation_on_a_collection_page(kind, scheme, axe, context, collection_site,
                                                pages, most_quoted):
    rel = AXE_PAGES[kind](collection_site, pages, most_quoted)
    assert rel in everything(pages)
    page = context.new_page()
    page.emulate_media(color_scheme=scheme)
    page.goto(collection_site.uri(rel))
    if kind == "subject-chart":
        assert page.locator("figure.chart").count() == 1
    violations = axe_violations(axe, page)
    assert not violations, f"{rel} ({scheme}):\n" + "\n".join(violations)


# --- Valid HTML ------------------------------------------------------------------------------

def test_every_collection_page_is_valid_html(vnu_jar, collection_site, pages):
    files = [collection_site.folder / rel for rel in everything(pages)]
    errors = nu_errors(vnu_jar, files)
    assert not errors, f"{len(errors)} errors in {len(files)} files:\n" + "\n".join(errors)
