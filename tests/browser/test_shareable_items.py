"""The "Copy citation" button copies the citation shown on the page, and the item pages stay
free of axe violations with every citation open and the buttons added."""

from __future__ import annotations

import pytest

from .support import CUMBRIA, axe_violations


def test_the_copy_button_puts_the_citation_on_the_clipboard(browser, two_briefing_site):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        page.goto(two_briefing_site.uri(f"{CUMBRIA}/findings.html"))
        item = page.locator("li.point").first
        shown = " ".join(item.locator(".citation-text").text_content().split())
        button = item.get_by_role("button", name="Copy the citation of finding 1")
        button.click()
        page.wait_for_function(
            "() => document.querySelector('li.point .copy-status').textContent !== ''")
        assert item.locator(".copy-status").text_content() == "Citation copied"
        assert page.evaluate("navigator.clipboard.readText()") == shown
    finally:
        context.close()


def test_without_script_the_citation_is_on_the_page_and_no_button_promises_more(
        browser, two_briefing_site):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(two_briefing_site.uri(f"{CUMBRIA}/reactions.html"))
        assert page.locator("button.copy-citation").count() == 0
        page.locator("figure.quote summary").first.click()
        assert "Quote 1" in page.locator("figure.quote .citation-text").first.inner_text()
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("section", ["findings", "reactions"])
def test_items_with_citations_open_have_no_wcag_violation(section, scheme, axe, context,
                                                          two_briefing_site):
    page = context.new_page()
    page.emulate_media(color_scheme=scheme)
    page.goto(two_briefing_site.uri(f"{CUMBRIA}/{section}.html"))
    page.evaluate("document.querySelectorAll('details.item-citation').forEach(d => d.open = true)")
    page.locator("button.copy-citation").first.click()
    violations = axe_violations(axe, page)
    assert not violations, f"{page.url} ({scheme}):\n" + "\n".join(violations)
