"""Hosted under a sub-path: the site built with site_url https://example.org/briefings/ and
served by a real HTTP server at http://127.0.0.1:<port>/briefings/, which answers a missing
address with the site's 404.html and status 404, as static hosts do."""

from __future__ import annotations

import urllib.error
import urllib.request
import xml.etree.ElementTree as ElementTree

import pytest

from .support import SITE_URL, PageChecker, broken_links, site_path_over_http

CANONICAL = "() => (document.querySelector('link[rel=canonical]') || {}).href || null"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"

HANG_GUARD = 600
"""Seconds, only so that a request that never answers fails instead of hanging."""


@pytest.fixture(scope="module")
def opened(browser, hosted_site, server):
    """{page: (Visit, canonical URL)} once every page was opened over HTTP."""
    context = browser.new_context()
    checker = PageChecker(context, allowed=server.base)
    visits = {}
    for rel in hosted_site.html_pages():
        visit = checker.open(server.base + rel)
        visits[rel] = visit, checker.page.evaluate(CANONICAL)
    context.close()
    return visits


def test_every_page_loads_over_http_under_the_sub_path(opened):
    problems = [line for visit, _ in opened.values() for line in visit.report()]
    assert not problems, "\n".join(problems)


def test_every_internal_link_resolves_under_the_sub_path(opened, hosted_site, server):
    visits = {rel: visit for rel, (visit, _) in opened.items()}
    broken = broken_links(visits, hosted_site.folder, site_path_over_http(server.base))
    assert not broken, "\n".join(broken)


def test_each_page_names_its_canonical_address_under_site_url(opened):
    wrong = {rel: canonical for rel, (_, canonical) in opened.items()
             if rel != "404.html" and canonical not in (SITE_URL + rel, _directory_form(rel))}
    assert not wrong, wrong


def _directory_form(rel: str) -> str:
    return SITE_URL + rel.removesuffix("index.html")


def test_the_sitemap_lists_every_page_under_site_url_and_no_download(hosted_site, server):
    with urllib.request.urlopen(server.base + "sitemap.xml", timeout=HANG_GUARD) as response:
        sitemap = ElementTree.fromstring(response.read())
    locations = [loc.text.strip() for loc in sitemap.iter(f"{SITEMAP}loc")]
    assert locations
    outside = [loc for loc in locations if not loc.startswith(SITE_URL)]
    assert not outside, outside
    listed = {loc[len(SITE_URL):] or "index.html" for loc in locations}
    listed = {rel + "index.html" if rel.endswith("/") else rel for rel in listed}
    assert not [rel for rel in listed if not (hosted_site.folder / rel).is_file()]
    # The single-file exports are files to download (each repeats a briefing's pages whole),
    # not pages for a search engine; the 404 page is what a host serves for what is not there.
    exports = {f"downloads/{slug}.html" for slug in hosted_site.slugs()}
    pages = set(hosted_site.html_pages()) - {"404.html"} - exports
    assert pages <= listed, sorted(pages - listed)
    assert not exports & listed


@pytest.mark.parametrize("missing", ["nope.html", "a/b/nope.html", "kent-police-2021/nope"])
def test_a_missing_address_gets_the_404_page_working_under_the_sub_path(
        missing, browser, hosted_site, server):
    with pytest.raises(urllib.error.HTTPError) as raised:
        urllib.request.urlopen(server.base + missing, timeout=HANG_GUARD)
    assert raised.value.code == 404
    assert raised.value.read() == (hosted_site.folder / "404.html").read_bytes()

    context = browser.new_context()
    checker = PageChecker(context, allowed=server.base)
    visit = checker.open(server.base + missing, expected_status=404)
    assert visit.status == 404
    assert not visit.problems, "\n".join(visit.problems)
    broken = broken_links({"404.html": visit}, hosted_site.folder, site_path_over_http(server.base))
    assert not broken, "\n".join(broken)
    home = [resolved for written, resolved in visit.links if resolved == server.base + "index.html"]
    assert home, f"no link home from the 404 page: {visit.links}"
    back_home = checker.open(home[0])
    context.close()
    assert back_home.status == 200 and not back_home.problems, back_home.problems
