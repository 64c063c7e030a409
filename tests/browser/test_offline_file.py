"""Opened straight from disk with the network off: every page of a built site loads whole.

Every .html page is opened from file:// in Chromium; any request that is not file:// is
blocked and counts as a failure. The same holds for the copy a reader unzips from the
site's own zip (downloads/). 404.html is left out: a host serves it for addresses that do
not exist, with links from the site's root, so it is checked over HTTP instead
(test_subpath_hosting.py).
"""

from __future__ import annotations

import zipfile

import pytest

from .support import SECTIONS, BuiltSite, PageChecker, broken_links, is_internal, site_path_under

NOT_OPENED_FROM_DISK = {"404.html"}


@pytest.fixture(scope="module")
def unzipped_site(two_briefing_site, tmp_path_factory) -> BuiltSite:
    """The site as a reader gets it from downloads/<name>.zip: unzipped somewhere else."""
    archives = sorted((two_briefing_site.folder / "downloads").glob("*.zip"))
    assert len(archives) == 1, archives
    folder = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(archives[0]) as bundle:
        bundle.extractall(folder)
    (top,) = folder.iterdir()
    return BuiltSite(top, two_briefing_site.docs)


@pytest.fixture(scope="module", params=["default", "two-briefings", "unzipped"])
def opened(request, browser):
    """(site, {page: Visit}) once every page of the site was opened from file://."""
    site = request.getfixturevalue({"default": "default_site", "two-briefings": "two_briefing_site",
                                    "unzipped": "unzipped_site"}[request.param])
    context = browser.new_context()
    checker = PageChecker(context, allowed="file://")
    visits = {}
    for rel in site.html_pages():
        if rel not in NOT_OPENED_FROM_DISK:
            visits[rel] = checker.open(site.uri(rel))
    context.close()
    return site, visits


def test_every_page_loads_from_disk_with_nothing_from_the_network(opened):
    site, visits = opened
    slugs = site.slugs()
    expected = {"index.html", "search.html"} | {f"downloads/{slug}.html" for slug in slugs} | {
        f"{slug}/{section}.html" for slug in slugs for section in SECTIONS}
    assert expected <= set(visits)
    problems = [line for visit in visits.values() for line in visit.report()]
    assert not problems, "\n".join(problems)


def test_every_internal_link_and_anchor_resolves_from_disk(opened):
    site, visits = opened
    internal = [written for visit in visits.values() for written, _ in visit.links
                if is_internal(written)]
    assert len(internal) > 50
    broken = broken_links(visits, site.folder, site_path_under(site.folder))
    assert not broken, "\n".join(broken)
