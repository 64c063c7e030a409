"""Search, from disk and over HTTP, and every page with JavaScript turned off.

search.html?q=... is opened as a reader's browser would open it after submitting the search
form. Results must say which briefing and page they lead to, mark the matched words, and
lead to an element that exists. Without JavaScript the search page says so, and every other
page still shows its content.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

import pytest

from briefing.inputs.source import parse_source

from .support import CUMBRIA, KENT, PageChecker

RESULTS = "#search-results li"

HANG_GUARD_MS = 600_000
"""Only so that a search that never answers fails instead of hanging: not a speed limit."""


@dataclass(frozen=True)
class Query:
    words: str
    leads_to: str
    """A site path (with its anchor, or a page alone) one result must link to..."""
    briefing: str
    page: str
    """...naming this briefing (its slug) and this page."""
    also_leads_to: tuple[str, ...] = ()
    not_in: str | None = None
    """A briefing (slug) no result may lead into."""


MISSING_CHILDREN = Query("missing children", f"{CUMBRIA}/concerns.html#concern-missing-children",
                         CUMBRIA, "Concerns")
SLATTERY = Query("Slattery", f"{CUMBRIA}/people.html", CUMBRIA, "People",
                 also_leads_to=(f"{CUMBRIA}/reactions.html",), not_in=KENT)
BILLINGHAM = Query("Billingham", f"{KENT}/people.html", KENT, "People", not_in=CUMBRIA)

CASES = [
    ("default_site", MISSING_CHILDREN), ("default_site", SLATTERY),
    ("two_briefing_site", MISSING_CHILDREN), ("two_briefing_site", BILLINGHAM),
    ("server", MISSING_CHILDREN), ("server", SLATTERY), ("server", BILLINGHAM),
]


@dataclass(frozen=True)
class Result:
    href: str
    """Where the result's link leads, as the browser resolved it."""
    text: str
    marked: list[str]


def same_stem(marked: str, typed: str) -> bool:
    """Whether a marked word is the typed one or shares its stem ("child" for "children")."""
    return len(os.path.commonprefix([marked, typed])) >= min(4, len(marked), len(typed))


def read_results(page) -> list[Result]:
    page.wait_for_selector(RESULTS, timeout=HANG_GUARD_MS)
    rows = page.eval_on_selector_all(RESULTS, """items => items.map(li => ({
        href: (li.querySelector('a[href]') || {}).href || '',
        text: li.innerText,
        marked: Array.from(li.querySelectorAll('mark'), m => m.textContent)}))""")
    return [Result(**row) for row in rows]


def site_path(href: str, base: str) -> str:
    """`cumbria/people.html#person-x` from an absolute result URL of a site at `base`."""
    return unquote(href[len(base):]) if href.startswith(base) else href


@pytest.mark.parametrize("where, query", CASES,
                         ids=[f"{where.split('_')[0]}-{q.words.replace(' ', '-')}"
                              for where, q in CASES])
def test_search_finds_names_and_marks_the_words(request, context, where, query):
    served = request.getfixturevalue(where)
    base = served.base if where == "server" else served.folder.as_uri() + "/"
    site = request.getfixturevalue("hosted_site" if where == "server" else where)
    titles = {slug: site.briefing_yml(slug)["title"] for slug in site.slugs()}
    checker = PageChecker(context, allowed=base)
    visit = checker.open(f"{base}search.html?q={quote(query.words)}",
                         settle=lambda page: page.wait_for_selector(RESULTS, timeout=HANG_GUARD_MS))
    results = read_results(checker.page)
    assert not visit.problems, "\n".join(visit.problems)

    paths = [site_path(r.href, base) for r in results]

    def leads(path: str, wanted: str) -> bool:
        return path == wanted or path.split("#")[0] == wanted

    for wanted in (query.leads_to, *query.also_leads_to):
        assert any(leads(p, wanted) for p in paths), (wanted, paths)
    first = next(r for r, p in zip(results, paths) if leads(p, query.leads_to))
    assert titles[query.briefing] in first.text and query.page in first.text, first.text
    if query.not_in:
        assert not [p for p in paths if p.startswith(query.not_in + "/")], paths

    typed = query.words.lower().split()
    assert first.marked, f"nothing marked in {first.text!r}"
    for result in results:
        wrong = [m for m in result.marked if not any(same_stem(m.lower(), t) for t in typed)]
        assert not wrong, (result.text, result.marked)

    target = checker.open(first.href)
    fragment = unquote(urlsplit(first.href).fragment)
    assert not target.problems, "\n".join(target.problems)
    assert not fragment or fragment in target.ids, (first.href, "no element with that id")


def test_search_without_javascript_says_it_needs_it(default_site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(default_site.uri("search.html") + "?q=missing")
    # Playwright's text selectors skip <noscript>, so look at what is rendered instead.
    notice = page.locator("noscript > *")
    shown = notice.count() > 0 and notice.first.is_visible() and \
        "JavaScript" in page.locator("main").inner_text()
    home_link = page.locator("noscript a[href]").count()
    context.close()
    assert shown, "search.html shows no visible <noscript> notice when JavaScript is off"
    assert home_link, "the notice offers no way on (a link to the list of briefings)"


def test_every_page_shows_its_content_without_javascript(default_site, browser):
    meta = default_site.briefing_yml(CUMBRIA)
    points = [point["text"] for point in meta["findings"] + meta["concerns"]]
    quotes = [quote if isinstance(quote, str) else quote["text"]
              for reaction in meta["reactions"] for quote in reaction["quotes"]]
    paragraphs = [p.text for p in parse_source(
        (default_site.docs / CUMBRIA / "source.txt").read_text(encoding="utf-8")).paragraphs]
    expected = {
        "index.html": [meta["title"]],
        f"{CUMBRIA}/index.html": [meta["title"], meta["subject"]["name"]],
        f"{CUMBRIA}/findings.html": [point["text"] for point in meta["findings"]],
        f"{CUMBRIA}/concerns.html": [point["text"] for point in meta["concerns"]],
        f"{CUMBRIA}/reactions.html": [q for q in quotes if "..." not in q],
        f"{CUMBRIA}/source.html": paragraphs,
        f"{CUMBRIA}/people.html": [person["name"] for person in meta["people"]],
        default_site.print_view(CUMBRIA): points + paragraphs,
        f"downloads/{CUMBRIA}.html": points + paragraphs,
    }
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    not_shown = {}
    for rel, texts in expected.items():
        page.goto(default_site.uri(rel))
        main = page.locator("main")
        shown = normal(main.inner_text()) if main.is_visible() else ""
        absent = [text for text in texts if normal(text) not in shown]
        if absent or not page.locator("h1").first.is_visible():
            not_shown[rel] = absent or ["its heading"]
    context.close()
    assert not not_shown, not_shown


def normal(text: str) -> str:
    """Text as compared: white space runs as one space, quotation marks straight, and case
    folded, because the theme shows some headings in capitals."""
    return " ".join(text.translate(STRAIGHT).split()).casefold()


STRAIGHT = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
