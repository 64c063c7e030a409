"""What a reader sees on a phone and in lists, measured in Chromium (issue 14, part 6)."""

from __future__ import annotations

import pytest

from .support import CUMBRIA

PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize("section", ["index", "findings", "source"])
def test_on_a_phone_the_briefing_nav_is_a_strip_and_the_heading_comes_soon(
        browser, two_briefing_site, section):
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        page.goto(two_briefing_site.uri(f"{CUMBRIA}/{section}.html"))
        nav = page.locator("nav.briefing-nav").bounding_box()
        heading = page.locator("main h1").bounding_box()
        assert nav["height"] <= 170, nav
        assert heading["y"] <= 360, heading
        links = page.locator(".briefing-nav-sections a")
        for i in range(links.count()):
            box = links.nth(i).bounding_box()
            assert box["height"] >= 44 and box["x"] + box["width"] <= PHONE["width"], box
        title = page.locator(".briefing-nav-title")
        assert title.is_visible() == (section != "index"), "the overview's H1 is the title"
    finally:
        context.close()


def test_on_a_phone_the_overview_counts_keep_one_layout(browser, two_briefing_site):
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        page.goto(two_briefing_site.uri(f"{CUMBRIA}/index.html"))
        cards = page.locator(".glance li")
        if cards.count() == 0:
            pytest.skip("the overview shows no count cards")
        layouts = {cards.nth(i).evaluate(
            "e => [getComputedStyle(e.querySelector('a')).display, e.getBoundingClientRect().width]")
            .__repr__() for i in range(cards.count())}
        assert len(layouts) == 1, layouts
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_briefing_titles_in_lists_look_like_links(browser, two_briefing_site, scheme):
    context = browser.new_context(color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(two_briefing_site.uri("index.html"))
        title = page.locator("li.briefing-card h3 a").first
        line, colour = title.evaluate(
            "e => [getComputedStyle(e).textDecorationLine, getComputedStyle(e).color]")
        assert "underline" in line
        assert colour != page.evaluate("getComputedStyle(document.body).color")
    finally:
        context.close()


def test_the_source_pages_references_are_targets_of_24px_at_least(browser, two_briefing_site):
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        page.goto(two_briefing_site.uri(f"{CUMBRIA}/source.html"))
        sizes = page.eval_on_selector_all(
            ".cited-by a.ref", "refs => refs.map(r => [r.offsetWidth, r.offsetHeight])")
        assert sizes and all(w >= 24 and h >= 24 for w, h in sizes), sizes
    finally:
        context.close()
