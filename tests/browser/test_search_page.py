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


# --- As you type, on any site size ----------------------------------------------------------

KIND_LABELS = {"finding": "Finding: ", "concern": "Concern: ", "quote": "Quote: ",
               "person": "Person: ", "source": "Source, paragraph ", "overview": "Overview: "}
"""How a result's heading begins, by what the result is."""
INDEX_FILES = "assets/search/"
RESULT_FACTS = """items => items.map(li => ({
    href: li.querySelector('h2 a').href,
    heading: li.querySelector('h2').innerText,
    where: li.querySelector('.search-where').innerText,
    snippet: (li.querySelector('.search-snippet') || {}).innerText || '',
    marked: Array.from(li.querySelectorAll('mark'), m => m.textContent)}))"""


def typed(context, site, words: str, address: str = "search.html"):
    """The search page of `site` after typing `words` (never pressing Enter), with its
    results; the page, and problems recorded, stay with the returned checker."""
    checker = PageChecker(context, allowed=site.folder.as_uri() + "/")
    visit = checker.open(site.uri(address))
    checker.page.locator("#search-q").press_sequentially(words, delay=20)
    checker.page.wait_for_selector(RESULTS, timeout=10_000)
    checker.page.wait_for_function(
        "() => document.getElementById('search-status').textContent.includes('for “"
        + words + "”')", timeout=10_000)
    checker.page.wait_for_selector("#search-results:not([aria-busy])", timeout=10_000)
    return checker, visit


def answered_again(page, change) -> None:
    """Make `change` to the form and wait for the results it brings, all of them."""
    page.evaluate("() => document.querySelectorAll('#search-results li')"
                  ".forEach(li => { li.dataset.before = 'yes'; })")
    change()
    page.wait_for_selector("#search-results li:not([data-before])", timeout=10_000)
    page.wait_for_selector("#search-results:not([aria-busy])", timeout=10_000)


def facts(page) -> list[dict]:
    return page.eval_on_selector_all(RESULTS, RESULT_FACTS)


def test_typing_shows_results_without_pressing_enter(default_site, context):
    checker, visit = typed(context, default_site, "missing children")
    results = facts(checker.page)
    assert any(r["href"].endswith(f"{CUMBRIA}/concerns.html#concern-missing-children")
               for r in results), [r["href"] for r in results]
    assert not visit.problems, visit.problems


def test_a_word_begun_finds_the_words_it_begins(default_site, context):
    checker, _ = typed(context, default_site, "inspect")
    marked = {m.lower() for r in facts(checker.page) for m in r["marked"]}
    assert "inspection" in marked, marked
    assert all(m.startswith("inspect") for m in marked), marked


def test_a_word_with_a_typo_still_finds(default_site, context):
    checker, _ = typed(context, default_site, "inspecton")
    results = facts(checker.page)
    assert any("inspection" in (r["heading"] + r["snippet"]).lower() for r in results)
    assert any("inspection" in (m.lower() for m in r["marked"]) for r in results)


def test_result_titles_name_the_kind_and_the_briefing(two_briefing_site, context):
    titles = {slug: two_briefing_site.briefing_yml(slug)["title"]
              for slug in two_briefing_site.slugs()}
    checker, _ = typed(context, two_briefing_site, "children")
    results = facts(checker.page)
    kinds = set()
    for result in results:
        page = urlsplit(result["href"]).path.rsplit("/", 2)
        slug, kind = page[-2], PAGE_KINDS[page[-1]]
        kinds.add(kind)
        assert result["heading"].startswith(KIND_LABELS[kind]), (kind, result["heading"])
        assert result["where"].startswith(titles[slug]), (slug, result["where"])
    assert {"finding", "concern", "source"} <= kinds, kinds


PAGE_KINDS = {"findings.html": "finding", "concerns.html": "concern", "reactions.html": "quote",
              "people.html": "person", "source.html": "source", "index.html": "overview"}


def test_snippets_begin_and_end_at_word_boundaries(default_site, context):
    paragraphs = [p.text for p in parse_source(
        (default_site.docs / CUMBRIA / "source.txt").read_text(encoding="utf-8")).paragraphs]
    checker, _ = typed(context, default_site, "police")
    cut = [r["snippet"] for r in facts(checker.page)
           if "…" in r["snippet"] and "/source.html#" in r["href"]]
    assert cut, "no snippet was long enough to be cut"
    for snippet in cut:
        shown = snippet.removeprefix("… ").removesuffix(" …")
        source = next(p for p in paragraphs if shown in p)
        start = source.index(shown)
        end = start + len(shown)
        assert start == 0 or not source[start - 1].isalnum(), snippet
        assert end == len(source) or not source[end].isalnum(), snippet


def test_the_kind_filter_keeps_that_kind_alone(two_briefing_site, context):
    checker, _ = typed(context, two_briefing_site, "children", "search.html?kind=concern")
    results = facts(checker.page)
    assert results and all("/concerns.html#" in r["href"] for r in results), results
    assert all(r["heading"].startswith("Concern: ") for r in results)
    answered_again(checker.page, lambda: checker.page.select_option("#search-kind", "finding"))
    results = facts(checker.page)
    assert results and all("/findings.html#" in r["href"] for r in results), results


def test_the_organisation_filter_keeps_its_briefings_alone(many_briefing_site, context):
    subjects = {slug: many_briefing_site.briefing_yml(slug)["subject"]["name"]
                for slug in many_briefing_site.slugs()}
    chosen = subjects[many_briefing_site.slugs()[5]]
    checker, _ = typed(context, many_briefing_site, "custody")
    answered_again(checker.page, lambda: checker.page.select_option("#search-organisation", chosen))
    folders = {urlsplit(r["href"]).path.rsplit("/", 2)[-2] for r in facts(checker.page)}
    assert folders and {subjects[f] for f in folders} == {chosen}, folders


def test_results_page_past_fifty(many_briefing_site, context):
    checker, _ = typed(context, many_briefing_site, "custody")
    page = checker.page
    first = [r["href"] for r in facts(page)]
    assert len(first) == 50 and "showing 1 to 50" in page.inner_text("#search-status")
    assert page.is_hidden("#search-previous")
    answered_again(page, lambda: page.click("#search-next"))
    assert "showing 51 to" in page.inner_text("#search-status")
    second = [r["href"] for r in facts(page)]
    assert second and not set(second) & set(first)
    assert page.is_visible("#search-previous")
    assert "page=2" in page.url


def test_a_one_word_query_loads_a_small_part_of_the_index(many_briefing_site, context):
    folder = many_briefing_site.folder / INDEX_FILES
    files = {p.name: p.stat().st_size for p in folder.glob("*.js")}
    checker, _ = typed(context, many_briefing_site, "Wiltshire")
    loaded = [unquote(urlsplit(src).path).rsplit("/", 1)[-1] for src in checker.page.eval_on_selector_all(
        "script[src]", "scripts => scripts.map(s => s.src)") if INDEX_FILES in src]
    assert facts(checker.page)
    assert set(loaded) <= set(files) and "meta.js" in loaded
    terms = [n for n in files if n.startswith(("t-", "p-"))]
    documents = [n for n in files if n.startswith("d-")]
    assert len([n for n in loaded if n.startswith(("t-", "p-"))]) <= len(terms) / 20, loaded
    assert len([n for n in loaded if n.startswith("d-")]) <= len(documents) / 10, loaded
    assert sum(files[n] for n in loaded) <= sum(files.values()) / 10
