"""The whole: real builds, checked on their HTML.

Two sites are built once per module: the project's own (one briefing, docs/) and one with a
second briefing curated by hand from the Kent sample (tests/fixtures/briefings). Checks that
hold for any site run on both; the rest pin the default briefing's content. Assertions are
on structure, ids and hrefs, never on exact markup.
"""

from __future__ import annotations

import posixpath
import re
import shutil
from collections import deque
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from briefing.commands.build import BuildFailed, run_build
from briefing.site.links import scan
from briefing.project import Project
from shared_texts import CORPUS

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
CUMBRIA = "cumbria-child-protection"
KENT = "kent-police-2021"
SECTIONS = ("index", "findings", "concerns", "reactions", "source", "people")


class Site:
    """A built site: its folder and every HTML page parsed, by URL relative to the site."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.pages = {
            p.relative_to(folder).as_posix(): BeautifulSoup(p.read_text("utf-8"), "html.parser")
            for p in sorted(folder.rglob("*.html"))
        }

    def page(self, url: str) -> BeautifulSoup:
        return self.pages[url]

    def links(self, url: str, within=None) -> list[tuple[str, str]]:
        """(target page, fragment) of every internal <a href> on the page (or within an element)."""
        scope = within if within is not None else self.pages[url]
        anchors = [scope] if scope.name == "a" else scope.find_all("a", href=True)
        found = []
        for a in anchors:
            target = resolve(url, a["href"])
            if target is not None:
                found.append(target)
        return found


def resolve(page_url: str, href: str) -> tuple[str, str] | None:
    """The site path and fragment `href` points to from `page_url`; None for another host."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page_url), path)) if path \
        else page_url
    return target, unquote(parts.fragment)


def ids(soup: BeautifulSoup) -> set[str]:
    return {element["id"] for element in soup.find_all(id=True)}


def words(element) -> str:
    return " ".join(element.get_text(" ").split())


def briefing_nav(soup: BeautifulSoup):
    return soup.find("nav", attrs={"aria-label": "This briefing"})


# --- Building ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def default_site(tmp_path_factory, config_for) -> Site:
    """The default briefing alone (the project's docs/ also ships its follow-up, which
    test_series builds), copied, so the user's docs/ is never read."""
    project = tmp_path_factory.mktemp("default")
    docs = project / "docs"
    shutil.copytree(ROOT / "docs" / CUMBRIA, docs / CUMBRIA)
    shutil.copy(ROOT / "docs" / "organisations.yml", docs)
    folder = project / "site"
    result = run_build(Project(config_for(project, docs, folder)))
    assert (result.site_dir, result.briefings) == (folder.resolve(), 1)
    return Site(folder)


@pytest.fixture(scope="module")
def two_briefing_site(tmp_path_factory, config_for) -> Site:
    project = tmp_path_factory.mktemp("two")
    docs = project / "docs"
    shutil.copytree(ROOT / "docs" / CUMBRIA, docs / CUMBRIA)
    (docs / KENT).mkdir()
    shutil.copy(FIXTURES / "briefings" / KENT / "briefing.yml", docs / KENT)
    shutil.copy(CORPUS / KENT / "source.txt", docs / KENT)
    config = config_for(project, docs, project / "site")
    result = run_build(Project(config))
    assert result.briefings == 2
    return Site(project / "site")


@pytest.fixture(params=["default", "two-briefings"])
def site(request) -> Site:
    """Each built site in turn, for the checks that hold for any site."""
    return request.getfixturevalue(
        "default_site" if request.param == "default" else "two_briefing_site")


def content_pages(site: Site) -> list[str]:
    """The home page and every section of every briefing: the pages a reader navigates."""
    return ["index.html"] + [f"{slug}/{section}.html"
                             for slug in slugs_of(site) for section in SECTIONS]


def slugs_of(site: Site) -> list[str]:
    """The briefings of a site: the folders with a Source page."""
    return sorted(url.split("/")[0] for url in site.pages if re.fullmatch(r"[^/]+/source\.html", url))


# --- Pages and navigation -------------------------------------------------------------------

def test_every_expected_page_exists(default_site, two_briefing_site):
    def expected(*slugs):
        return {"index.html"} | {f"{slug}/{section}.html" for slug in slugs for section in SECTIONS}
    assert expected(CUMBRIA) <= set(default_site.pages)
    assert expected(CUMBRIA, KENT) <= set(two_briefing_site.pages)
    assert slugs_of(default_site) == [CUMBRIA]
    assert slugs_of(two_briefing_site) == sorted([CUMBRIA, KENT])


def test_the_source_as_received_is_published_beside_its_page(default_site):
    published = default_site.folder / CUMBRIA / "source.txt"
    assert published.read_bytes() == (ROOT / "docs" / CUMBRIA / "source.txt").read_bytes()


def navigation_links(site: Site, url: str) -> set[str]:
    """Where the navigation of a page leads: its briefing's sections, the home page, and
    from the home page each briefing."""
    soup = site.page(url)
    targets = {target for target, _ in site.links(url) if target == "index.html"}
    nav = briefing_nav(soup)
    if nav is not None:
        targets |= {target for target, _ in site.links(url, within=nav)}
    if url == "index.html":
        targets |= {target for target, _ in site.links(url) if target.endswith("/index.html")}
    return targets


def test_every_page_is_reachable_from_every_page_through_the_navigation(site):
    pages = set(content_pages(site))
    for start in pages:
        seen, queue = {start}, deque([start])
        while queue:
            for target in navigation_links(site, queue.popleft()) - seen:
                seen.add(target)
                queue.append(target)
        assert pages <= seen, f"from {start}"


def test_every_page_links_home(site):
    for url in content_pages(site):
        assert ("index.html", "") in site.links(url), url


def test_each_briefing_navigation_lists_its_own_sections_only(site):
    for slug in slugs_of(site):
        sections = [f"{slug}/{s}.html" for s in SECTIONS]
        for url in sections:
            nav = briefing_nav(site.page(url))
            targets = [t for t, _ in site.links(url, within=nav) if t != "index.html"]
            assert all(t.startswith(f"{slug}/") for t in targets), url
            in_order = [t for t in dict.fromkeys(targets) if t in sections]
            assert in_order == sections, url
            current = nav.find_all("a", attrs={"aria-current": "page"})
            assert [resolve(url, a["href"])[0] for a in current] == [url]


def test_the_home_page_has_no_briefing_navigation(site):
    assert briefing_nav(site.page("index.html")) is None


def test_the_home_page_lists_every_briefing(default_site, two_briefing_site):
    def listed(site):
        cards = site.page("index.html").select_one("ol.briefing-list")
        return {t for t, _ in site.links("index.html", within=cards) if t.endswith("/index.html")}
    assert listed(default_site) == {f"{CUMBRIA}/index.html"}
    assert listed(two_briefing_site) == {f"{CUMBRIA}/index.html", f"{KENT}/index.html"}
    home = words(two_briefing_site.page("index.html"))
    assert "Police need to improve protection of at-risk Cumbria children" in home
    assert "Kent Police improve child protection, but more work is needed" in home


# --- Links and anchors ----------------------------------------------------------------------

def test_every_internal_link_and_anchor_exists(site):
    broken = []
    for url, soup in site.pages.items():
        for element in soup.find_all(["a", "link", "img"]):
            href = element.get("href") or element.get("src")
            target = resolve(url, href) if href else None
            if target is None:
                continue
            if href.startswith("/"):
                # Opened from disk, /x means the root of the file system. Only the 404 page,
                # which a web server shows at any path, may link from the site root.
                if url != "404.html":
                    broken.append(f"{url}: {href} is absolute")
                    continue
                target = (href.lstrip("/").split("#")[0] or "index.html",
                          href.partition("#")[2])
            path, fragment = target
            if path in site.pages:
                if fragment and fragment not in ids(site.page(path)):
                    broken.append(f"{url}: {href}")
            elif not (site.folder / path).is_file():
                broken.append(f"{url}: {href}")
    assert broken == []


def source_links(site: Site, url: str, element) -> list[int]:
    """The paragraph numbers an element links to on its briefing's Source page."""
    source_page = posixpath.join(posixpath.dirname(url), "source.html")
    numbers = []
    for target, fragment in site.links(url, within=element):
        if target == source_page:
            match = re.fullmatch(r"p(\d+)", fragment)
            assert match, f"{url}: link to source.html#{fragment}"
            numbers.append(int(match.group(1)))
    return numbers


def citations_on(site: Site, url: str, prefix: str) -> dict[str, list[int]]:
    """For each item whose id starts with `prefix`, in page order: the paragraphs it cites."""
    soup = site.page(url)
    return {element["id"]: source_links(site, url, element)
            for element in soup.find_all(id=re.compile("^" + prefix))}


def test_every_point_and_quote_cites_an_existing_source_paragraph(site):
    for slug in slugs_of(site):
        paragraphs = ids(site.page(f"{slug}/source.html"))
        items = {**citations_on(site, f"{slug}/findings.html", "finding-"),
                 **citations_on(site, f"{slug}/concerns.html", "concern-"),
                 **citations_on(site, f"{slug}/reactions.html", "quote-")}
        assert items
        for item, numbers in items.items():
            assert numbers, f"{slug}: {item} cites nothing"
            assert {f"p{n}" for n in numbers} <= paragraphs, f"{slug}: {item}"


def cited_paragraphs(site: Site, slug: str) -> dict[tuple[str, str], set[int]]:
    """(page, anchor) of every finding, concern and quote -> the paragraphs it cites."""
    found = {}
    for section, prefix in (("findings", "finding-"), ("concerns", "concern-"),
                            ("reactions", "quote-")):
        url = f"{slug}/{section}.html"
        for item, numbers in citations_on(site, url, prefix).items():
            found[(url, item)] = set(numbers)
    return found


def test_every_cited_paragraph_links_back_to_what_cites_it(site):
    for slug in slugs_of(site):
        url = f"{slug}/source.html"
        source = site.page(url)
        expected: dict[int, set[tuple[str, str]]] = {}
        for item, numbers in cited_paragraphs(site, slug).items():
            for number in numbers:
                expected.setdefault(number, set()).add(item)
        back = {}
        for li in source.find_all("li", id=re.compile(r"^p\d+$")):
            cited_by = li.find(class_="cited-by")
            if cited_by is not None:
                back[int(li["id"][1:])] = set(site.links(url, within=cited_by))
        assert back == expected
        for targets in back.values():
            for page, anchor in targets:
                assert anchor in ids(site.page(page))


def test_quoted_words_stand_marked_in_their_source_paragraph(site):
    for slug in slugs_of(site):
        url = f"{slug}/reactions.html"
        source = site.page(f"{slug}/source.html")
        for figure in site.page(url).select("figure.quote"):
            (number,) = source_links(site, url, figure.select_one("a.cite"))
            paragraph = source.find("li", id=f"p{number}")
            marked = "".join(mark.get_text() for mark in paragraph.find_all("mark"))
            for part in figure.blockquote.get_text().split(" … "):
                part = part.strip()
                assert part and part in paragraph.get_text(), f"{figure['id']}: {part!r}"
                assert part in marked, f"{figure['id']}: {part!r} is not marked"


# --- Accessibility and self-containment ------------------------------------------------------

def heading_levels(soup: BeautifulSoup) -> list[int]:
    return [int(h.name[1]) for h in soup.find_all(re.compile(r"^h[1-6]$"))]


def test_headings_start_at_one_h1_and_skip_no_level(site):
    for url, soup in site.pages.items():
        levels = heading_levels(soup)
        assert levels[0] == 1 and levels.count(1) == 1, f"{url}: {levels}"
        for before, after in zip(levels, levels[1:]):
            assert after <= before + 1, f"{url}: h{before} then h{after}"


def test_one_main_landmark_and_a_skip_link_to_it(site):
    for url, soup in site.pages.items():
        mains = soup.find_all("main") + soup.find_all(attrs={"role": "main"})
        assert len(mains) == 1 and mains[0].get("id") == "main", url
        first_link = soup.body.find("a", href=True)
        assert first_link["href"] == "#main", url


LOADING_ATTRIBUTES = {
    "link": ["href"], "script": ["src"], "img": ["src", "srcset"], "iframe": ["src"],
    "source": ["src", "srcset"], "video": ["src", "poster"], "audio": ["src"],
    "track": ["src"], "embed": ["src"], "object": ["data"], "input": ["src"],
}
REMOTE_URL_IN_CSS = re.compile(r"url\(\s*['\"]?\s*(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)


def test_the_link_check_sees_every_id_and_link_a_parser_sees(site):
    """The build's link check scans pages as text (briefing/links.py), trusting the templates
    to put a space before each attribute; a real parser must find nothing it missed."""
    for url, soup in site.pages.items():
        ids, links = scan((site.folder / url).read_text("utf-8"))
        assert ids == {el["id"] for el in soup.find_all(id=True)}, url
        parsed = [el.get(name) for el in soup.find_all(True) for name in ("href", "src")
                  if el.get(name) is not None]
        assert sorted(links) == sorted(parsed), url


def test_nothing_is_loaded_from_another_host(site):
    remote = []
    for url, soup in site.pages.items():
        for tag, attributes in LOADING_ATTRIBUTES.items():
            for element in soup.find_all(tag):
                for attribute in attributes:
                    for value in (element.get(attribute) or "").split(","):
                        value = value.strip().split(" ")[0]
                        parts = urlsplit(value)
                        if parts.scheme or parts.netloc:
                            remote.append(f"{url}: <{tag} {attribute}={value}>")
        for style in soup.find_all("style") + soup.find_all(style=True):
            css = style.get("style") or style.get_text()
            if REMOTE_URL_IN_CSS.search(css) or "@import" in css:
                remote.append(f"{url}: inline style loads {css!r}")
    for stylesheet in sorted(site.folder.rglob("*.css")):
        css = stylesheet.read_text("utf-8")
        if REMOTE_URL_IN_CSS.search(css) or "@import" in css:
            remote.append(f"{stylesheet.name} loads from elsewhere")
    assert remote == []


def test_external_links_are_plain_links(default_site):
    overview = default_site.page(f"{CUMBRIA}/index.html")
    external = {a["href"] for a in overview.find_all("a", href=True) if resolve("", a["href"]) is None}
    assert "https://www.justiceinspectorates.gov.uk/hmicfrs/news/news-feed/cumbria-constabulary-needs-to-improve-its-protection-of-at-risk-children/" in external


SCRIPTED_PAGES = {"search.html"}
"""Search needs a script; it is loaded on the search page only, so every other page works,
and reads the same, without JavaScript."""
DATA_BLOCKS = {"application/ld+json"}
"""Script elements browsers never run: the schema.org data in each overview."""


def test_no_scripts_but_on_the_search_page(site):
    scripted = []
    for url, soup in site.pages.items():
        if url not in SCRIPTED_PAGES:
            scripted += [f"{url}: <script src={s.get('src')}>" for s in soup.find_all("script")
                         if s.get("type") not in DATA_BLOCKS]
        scripted += [f"{url}: <{e.name} {a}>" for e in soup.find_all(True) for a in e.attrs
                     if a.lower().startswith("on")]
        scripted += [f"{url}: <a href={a['href']}>" for a in soup.find_all("a", href=True)
                     if a["href"].lower().startswith("javascript:")]
    assert scripted == []


def test_the_search_page_s_scripts_are_files_of_the_site(site):
    for url in SCRIPTED_PAGES & set(site.pages):
        for script in site.page(url).find_all("script"):
            assert script.get("src"), f"{url}: inline script"
            target = resolve(url, script["src"])
            assert target is not None, f"{url}: {script['src']} is on another host"
            assert (site.folder / target[0]).is_file(), f"{url}: {script['src']}"


# --- The default briefing, item by item -------------------------------------------------------

def test_default_findings_cite_their_paragraphs(default_site):
    assert citations_on(default_site, f"{CUMBRIA}/findings.html", "finding-") == {
        "finding-commitment": [15, 4],
        "finding-staff-awareness": [16, 4],
        "finding-dedicated-staff": [17],
        "finding-quick-response": [18],
        "finding-partnership-working": [19, 4],
    }


def test_default_concerns_cite_their_paragraphs(default_site):
    assert citations_on(default_site, f"{CUMBRIA}/concerns.html", "concern-") == {
        "concern-early-assessment": [21],
        "concern-sexual-exploitation": [22, 5],
        "concern-missing-children": [23, 1],
        "concern-unskilled-staff": [24, 5],
        "concern-custody-transfers": [25, 5],
    }


def test_default_findings_and_concerns_in_order(default_site):
    for section, prefix, expected in (
            ("findings", "finding-", ["commitment", "staff-awareness", "dedicated-staff",
                                      "quick-response", "partnership-working"]),
            ("concerns", "concern-", ["early-assessment", "sexual-exploitation",
                                      "missing-children", "unskilled-staff",
                                      "custody-transfers"])):
        found = list(citations_on(default_site, f"{CUMBRIA}/{section}.html", prefix))
        assert found == [prefix + name for name in expected]


def test_default_reactions_and_their_quotes(default_site):
    url = f"{CUMBRIA}/reactions.html"
    soup = default_site.page(url)
    assert [e["id"] for e in soup.find_all(id=re.compile("^reaction-"))] == [
        "reaction-inspector-statement", "reaction-constabulary-response",
        "reaction-commissioner-response"]
    quotes = {}
    for figure in soup.select("figure.quote"):
        assert figure.blockquote is not None
        quotes[figure["id"]] = source_links(default_site, url, figure.select_one("a.cite"))
    assert quotes == {
        **{f"quote-inspector-statement-{n}": [p] for n, p in enumerate(range(6, 11), 1)},
        **{f"quote-constabulary-response-{n}": [p] for n, p in enumerate(range(27, 31), 1)},
        "quote-commissioner-response-1": [31],
        "quote-commissioner-response-2": [32],
    }


def test_default_quotes_show_the_source_s_own_words(default_site):
    soup = default_site.page(f"{CUMBRIA}/reactions.html")
    quote = soup.find(id="quote-inspector-statement-3")
    # briefing.yml writes didn't; the source has the typographic apostrophe.
    assert words(quote.blockquote) == (
        "Despite this commitment, I was concerned to find that children didn’t receive a "
        "consistent service.")


def test_default_people(default_site):
    soup = default_site.page(f"{CUMBRIA}/people.html")
    people = soup.find_all(id=re.compile("^person-"))
    assert [e["id"] for e in people] == [
        "person-mike-cunningham", "person-andrew-slattery", "person-peter-mccall"]
    assert [words(person.find(re.compile("^h[2-6]$"))) for person in people] == [
        "Mike Cunningham", "Andrew Slattery", "Peter McCall"]
    assert "HM inspector of constabulary" in words(people[0])
    assert "Cumbria's police and crime commissioner" in words(people[2])


def test_default_source_paragraphs(default_site):
    source = default_site.page(f"{CUMBRIA}/source.html")
    numbered = [li["id"] for li in source.find_all("li", id=re.compile(r"^p\d+$"))]
    assert numbered == [f"p{n}" for n in range(1, 34)]
    cited = {int(li["id"][1:]) for li in source.find_all("li", id=re.compile(r"^p\d+$"))
             if li.find(class_="cited-by")}
    assert cited == {1, 4, 5, *range(6, 11), *range(15, 20), *range(21, 26), *range(27, 33)}
    assert not source.find("li", id="p3").find_all("mark")
    assert words(source.find("li", id="p15").find("mark")) == (
        "A clear commitment to improving services for children in need of protection")


def test_two_builds_are_byte_identical(default_site, tmp_path, tree_of, config_for):
    docs = default_site.folder.parent / "docs"
    run_build(Project(config_for(tmp_path, docs, tmp_path / "again")))
    assert tree_of(tmp_path / "again") == tree_of(default_site.folder)


# --- The second briefing ---------------------------------------------------------------------

def test_kent_points_cite_what_the_text_supports(two_briefing_site):
    assert citations_on(two_briefing_site, f"{KENT}/findings.html", "finding-") == {
        "finding-control-room": [3, 9],
        "finding-schools-notified": [3],
        "finding-specialist-investigations": [4],
    }
    assert citations_on(two_briefing_site, f"{KENT}/concerns.html", "concern-") == {
        "concern-domestic-abuse-investigations": [6],
        "concern-children-not-heard": [7, 10],
        "concern-custody-support": [7],
        "concern-specialist-training": [10],
    }


def test_kent_reaction_is_zoe_billingham_s_words(two_briefing_site):
    url = f"{KENT}/reactions.html"
    soup = two_briefing_site.page(url)
    assert citations_on(two_briefing_site, url, "quote-") == {
        f"quote-inspector-statement-{n}": [p] for n, p in enumerate(range(8, 12), 1)}
    people = two_briefing_site.page(f"{KENT}/people.html")
    assert [e["id"] for e in people.find_all(id=re.compile("^person-"))] == [
        "person-zoe-billingham"]
    assert "Zoë Billingham" in words(soup)
    # Written with an em dash in briefing.yml; the source's spaced hyphen is shown.
    third = words(soup.find(id="quote-inspector-statement-3").blockquote)
    assert "vulnerable children in Kent - from police officers" in third


def test_each_briefing_cites_only_its_own_source(two_briefing_site):
    for slug in (CUMBRIA, KENT):
        for section in SECTIONS:
            url = f"{slug}/{section}.html"
            for target, fragment in two_briefing_site.links(url):
                if re.fullmatch(r"p\d+", fragment):
                    assert target == f"{slug}/source.html", f"{url} -> {target}#{fragment}"


def test_a_markdown_page_may_link_to_a_generated_page_s_anchors(tmp_path, config_for):
    """MkDocs checks a Markdown page's links to anchors against the ids of the page linked to;
    a generated page's ids are known only once its template is rendered, and must count."""
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs" / CUMBRIA, docs / CUMBRIA)
    about = docs / "about.md"
    about.write_text(f"# About\n\n[A finding]({CUMBRIA}/findings.md#finding-commitment)\n",
                     encoding="utf-8")
    config = config_for(tmp_path, docs, tmp_path / "site")
    run_build(Project(config))
    link = Site(tmp_path / "site").page("about.html").find("a", string="A finding")
    assert link["href"] == f"{CUMBRIA}/findings.html#finding-commitment"

    about.write_text(f"# About\n\n[Nowhere]({CUMBRIA}/findings.md#no-such-finding)\n",
                     encoding="utf-8")
    with pytest.raises(BuildFailed, match="no-such-finding"):
        run_build(Project(config))
