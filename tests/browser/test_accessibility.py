"""axe-core finds no WCAG 2.2 A or AA violation on any kind of page, in light and in dark.

One page of every kind is checked, in both colour schemes the theme defines: the home page,
each section of a briefing, its one-page summary, the one-page print view, the search page
with results, the single-file export, and the 404 page as a host serves it.
"""

from __future__ import annotations

import pytest

from .support import CUMBRIA, KENT, SECTIONS, axe_violations

PAGES = {
    "home": "index.html",
    **{section: f"{CUMBRIA}/{section}.html" for section in SECTIONS},
    "summary": f"{CUMBRIA}/summary.html",
    "print": None,  # the site's print view, wherever it is (BuiltSite.print_view)
    "search": "search.html?q=missing%20children",
    "export": f"downloads/{CUMBRIA}.html",
    "kent-reactions": f"{KENT}/reactions.html",
    "404": "nope.html",
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", PAGES)
def test_no_wcag_violation(kind, scheme, axe, context, two_briefing_site, server):
    page = context.new_page()
    page.emulate_media(color_scheme=scheme)
    if kind == "404":
        response = page.goto(server.base + PAGES[kind])
        assert response.status == 404
    else:
        page.goto(two_briefing_site.uri(PAGES[kind] or two_briefing_site.print_view(CUMBRIA)))
    if kind == "search":
        page.wait_for_selector("#search-results li", timeout=10_000)
    violations = axe_violations(axe, page)
    assert not violations, f"{page.url} ({scheme}):\n" + "\n".join(violations)
