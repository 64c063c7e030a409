"""The Source page marks passages by what cites them, and every item can be shared and cited.

Real builds of the default briefing and the Kent one (as tests/test_site.py builds them),
once without site_url and once with it; assertions on the parsed HTML.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from briefing.commands.build import run_build
from briefing.project import Project
from shared_texts import CORPUS
from conftest import DEFAULT_BRIEFING

ROOT = Path(__file__).resolve().parents[1]
CUMBRIA = "cumbria-child-protection"
KENT = "kent-police-2021"
SITE_URL = "https://example.org/briefings/"
CODES = {"F": "Finding", "C": "Concern", "Q": "Quote"}


FIXTURES = ROOT / "tests" / "fixtures"


def build(folder: Path, config_for, **settings) -> Path:
    """The default briefing and the Kent one, built into `folder/site` with `settings`."""
    docs = folder / "docs"
    shutil.copytree(DEFAULT_BRIEFING, docs / CUMBRIA)
    (docs / KENT).mkdir()
    shutil.copy(FIXTURES / "briefings" / KENT / "briefing.yml", docs / KENT)
    shutil.copy(CORPUS / KENT / "source.txt", docs / KENT)
    config = config_for(folder, docs, folder / "site")
    config.write_text(yaml.safe_dump({**yaml.safe_load(config.read_text()), **settings},
                                     sort_keys=False), encoding="utf-8")
    return run_build(Project(config)).site_dir


@pytest.fixture(scope="module")
def site(tmp_path_factory, config_for) -> Path:
    return build(tmp_path_factory.mktemp("items"), config_for)


@pytest.fixture(scope="module")
def hosted_site(tmp_path_factory, config_for) -> Path:
    return build(tmp_path_factory.mktemp("items-hosted"), config_for, site_url=SITE_URL)


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def visible_text(element) -> str:
    """What a sighted reader sees on screen: the text less the visually hidden and print parts."""
    copy = BeautifulSoup(str(element), "html.parser")
    for hidden in copy.select(".visually-hidden, .print-only"):
        hidden.decompose()
    return " ".join(copy.get_text(" ").split())


def name(element) -> str:
    """The accessible name of a link or button made of text: its text, less what only paper
    shows (display: none on screen, so no part of the name)."""
    if element.get("aria-label"):
        return element["aria-label"]
    copy = BeautifulSoup(str(element), "html.parser")
    for hidden in copy.select(".print-only"):
        hidden.decompose()
    return " ".join(copy.get_text("").split())


# --- Part 4: the Source page -----------------------------------------------------------------

@pytest.mark.parametrize("slug", [CUMBRIA, KENT])
def test_each_mark_says_which_kind_of_item_cites_it_and_the_key_explains_it(site, slug):
    soup = page(site, f"{slug}/source.html")
    shown = set()
    for li in soup.select("ol.source > li"):
        marks = li.select("mark")
        citing = {a["class"][1].removeprefix("ref-") for a in li.select(".cited-by a.ref")}
        for mark in marks:
            (kind,) = [c.removeprefix("mark-") for c in mark["class"] if c.startswith("mark-")]
            assert kind in citing, f"{li['id']}: a {kind} mark, but cited by {citing}"
            shown.add(kind)
    assert shown, "the briefing quotes its source, so some passages are marked"
    key = {c.removeprefix("mark-") for s in soup.select(".mark-key .mark-sample")
           for c in s["class"] if c.startswith("mark-") and c != "mark-sample"}
    assert key == shown


@pytest.mark.parametrize("slug", [CUMBRIA, KENT])
def test_cited_by_shows_short_codes_whose_names_make_sense_alone(site, slug):
    soup = page(site, f"{slug}/source.html")
    refs = soup.select(".cited-by a.ref")
    assert refs
    for a in refs:
        code = visible_text(a)
        match = re.fullmatch(r"([FCQ])(\d+)|Summary", code)
        assert match, code
        if code != "Summary":
            word, number = CODES[match[1]], match[2]
            assert re.search(rf", {word} {number}(, [^:]+)?: \S", name(a)), name(a)
            target_page, anchor = a["href"].split("#")
            target = page(site, f"{slug}/{target_page}").find(id=anchor)
            link = target.select_one("a.permalink")
            assert name(link) == f"Link to {word.lower()} {number}"
            assert f"{word} {number}" in visible_text(target), "the item shows its number"
        assert len(code) <= 7


def test_the_sources_own_subheads_are_headings_still_numbered_and_linked(site):
    soup = page(site, f"{CUMBRIA}/source.html")
    headings = soup.select("ol.source > li > h2")
    assert [h.get_text(strip=True) for h in headings] == ["Main findings", "Reaction"]
    for h in headings:
        li = h.parent
        assert "kind-heading" in li["class"]
        assert li.select_one("a.paragraph-number")["href"] == f"#{li['id']}"
    assert not soup.select("ol.source > li:not(.kind-heading) > h2")


# --- Part 5: shareable items -----------------------------------------------------------------

def items(soup: BeautifulSoup):
    return soup.select("li.point, figure.quote")


@pytest.mark.parametrize("section", ["findings", "concerns", "reactions"])
def test_every_item_has_a_permalink_and_a_citation_on_the_page(site, hosted_site, section):
    for built, address in ((site, f"{CUMBRIA}/{section}.html"),
                           (hosted_site, f"{SITE_URL}{CUMBRIA}/{section}.html")):
        soup = page(built, f"{CUMBRIA}/{section}.html")
        title = soup.select_one(".briefing-nav-title").get_text(strip=True)
        found = items(soup)
        assert found
        for item in found:
            link = item.select_one("a.permalink")
            assert link["href"].endswith(f"#{item['id']}")
            assert re.fullmatch(r"Link to (finding|concern|quote) \d+", name(link))
            citation = " ".join(item.select_one("details.item-citation .citation-text").get_text().split())
            assert citation.endswith(f"{address}#{item['id']}"), citation
            assert title in citation
            assert "North West Evening Mail" in citation
            assert "26 January 2017" in citation
            numbers = [a.get_text(" ", strip=True).split()[-1] for a in item.select("a.cite")]
            assert re.search(r"paragraphs? " + ", ".join(numbers) + r"\.", citation), citation


def test_every_citation_link_names_the_source_paragraph(site):
    for section in ("index", "findings", "concerns", "reactions", "people"):
        links = page(site, f"{CUMBRIA}/{section}.html").select("a.cite")
        for a in links:
            assert re.fullmatch(r"source paragraph \d+", name(a)), name(a)
            assert re.fullmatch(r"paragraph \d+", visible_text(a))


def test_the_copy_button_comes_from_a_script_file_the_policy_allows(site):
    soup = page(site, f"{CUMBRIA}/findings.html")
    scripts = soup.select("script[src]")
    assert any(s["src"].endswith("assets/cite.js") for s in scripts)
    assert not [s for s in soup.select("script") if not s.get("src")
                and s.get("type") != "application/ld+json"]
    policy = soup.select_one('meta[http-equiv="Content-Security-Policy"]')["content"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert (site / "assets" / "cite.js").is_file()
