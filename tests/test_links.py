"""The link check on its own: every kind of broken link is named, on every page that has it,
and nothing else is; a worker's packed scan records the same as a page scanned here."""

from __future__ import annotations

from pathlib import Path

from briefing.site.links import LinkIndex, packed_scan, scan

PAGES = {
    "index.html": '<a href="#main">Skip</a><main id="main"><a href="a/one.html#x">One</a>'
                  '<a href="https://example.org/">Out</a></main>',
    "a/one.html": '<p id="x"></p><a href="two.html#y">Two</a><a href="../index.html">Home</a>'
                  '<a href="#gone">Here</a><a href="missing.html">Missing</a>'
                  '<a href="../assets/site.css">Style</a>',
    "a/two.html": '<p id="y"></p><a href="one.html#z">One</a><a href="missing.html">Missing</a>'
                  '<a href="#y">Here</a><a href="/index.html">Root</a>'
                  '<a href="../../outside.html">Out</a><a href="?q=1">Query</a>',
}


def _index(site: Path, packed: bool) -> LinkIndex:
    index = LinkIndex()
    for url, html in PAGES.items():
        if packed:
            index.record_packed(url, *packed_scan(html))
        else:
            index.add(url, html)
    return index


def test_every_broken_link_is_named_on_each_page_that_has_it(tmp_path):
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "site.css").write_text("", encoding="utf-8")
    expected = [
        "a/one.html: link '#gone' points to #gone, which a/one.html does not have",
        "a/one.html: link 'missing.html' points to a/missing.html, which is not in the site",
        "a/two.html: link '../../outside.html' points outside the site",
        ("a/two.html: link '/index.html' is absolute: it breaks when the site is opened from "
         "disk or a sub-path"),
        "a/two.html: link 'missing.html' points to a/missing.html, which is not in the site",
        "a/two.html: link 'one.html#z' points to #z, which a/one.html does not have",
    ]
    assert _index(tmp_path, packed=False).broken(tmp_path) == expected
    assert _index(tmp_path, packed=True).broken(tmp_path) == expected


def test_a_packed_scan_records_what_a_scan_does():
    for html in [*PAGES.values(), "<p>No links, no ids</p>"]:
        here, packed = LinkIndex(), LinkIndex()
        here.add("page.html", html)
        packed.record_packed("page.html", *packed_scan(html))
        assert (packed.ids, packed.links) == (here.ids, here.links)
        ids, links = scan(html)
        assert here.ids["page.html"] == ids and here.links["page.html"] == set(links)


def test_a_file_still_being_written_counts_as_there(tmp_path):
    index = LinkIndex()
    index.add("downloads/index.html", '<a href="site.zip">The site</a>')
    assert index.broken(tmp_path) == [
        ("downloads/index.html: link 'site.zip' points to downloads/site.zip, which is not in "
         "the site")]
    assert index.broken(tmp_path, coming={"downloads/site.zip"}) == []
