"""A collection of dozens of briefings: listings, indexes, data and feed agree with each other.

Built once from synthetic briefings (benchmarks/synthetic.py: many subjects, people
shared across briefings) plus the default briefing, and checked on the built files.
"""

from __future__ import annotations

import json
import math
import re
import shutil
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup

from benchmarks.synthetic import write_synthetic_briefings
from briefing import pipeline
from briefing.commands.build import run_build
from briefing.errors import CheckFailed
from briefing.model.collection import APPEARANCES_PER_PAGE, PAGE_SIZE
from briefing.parallel import workers
from briefing.parallel.processes import fork_pool
from briefing.parallel.workers import Workers
from briefing.project import Project
from conftest import DEFAULT_BRIEFING

ROOT = Path(__file__).resolve().parents[1]
COUNT = 60


@pytest.fixture(scope="module")
def site(tmp_path_factory, config_for) -> Path:
    """The collection, its pages rendered by worker processes as on a large site."""
    folder = tmp_path_factory.mktemp("collection")
    docs = folder / "docs"
    write_synthetic_briefings(docs, COUNT - 1)
    shutil.copytree(DEFAULT_BRIEFING, docs / "cumbria-child-protection")
    config = config_for(folder, docs, folder / "site")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(workers, "RENDER_IN_WORKERS_FROM", 0)
        run_build(Project(config), folder / "site")
    return folder / "site"


def test_pages_rendered_by_workers_are_the_pages_mkdocs_renders(site, tmp_path, config_for,
                                                                 tree_of, monkeypatch):
    """Prerendering is only a way to use every core: the site is the same, byte for byte."""
    monkeypatch.setattr(workers, "RENDER_IN_WORKERS_FROM", 10**9)
    config = config_for(tmp_path, site.parent / "docs", tmp_path / "site")
    run_build(Project(config), tmp_path / "site")
    assert tree_of(tmp_path / "site") == tree_of(site)


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def briefing_links(soup: BeautifulSoup) -> list[str]:
    """The briefings a listing page lists, by the slug of each card's title link."""
    return [a["href"].split("/")[-2] for a in soup.select("ol.briefing-list li h2 a, "
                                                         "ol.briefing-list li h3 a")]


def home_pages(site: Path) -> list[str]:
    count = math.ceil(COUNT / PAGE_SIZE)
    return ["index.html"] + [f"page/{n}.html" for n in range(2, count + 1)]


def test_every_briefing_is_listed_exactly_once_across_the_home_pages(site):
    listed = [slug for path in home_pages(site) for slug in briefing_links(page(site, path))]
    assert len(listed) == COUNT
    assert len(set(listed)) == COUNT
    catalogue = json.loads((site / "briefings.json").read_text(encoding="utf-8"))
    assert listed == [entry["id"] for entry in catalogue["briefings"]]


def test_the_home_pages_are_newest_first_and_link_to_each_other(site):
    catalogue = json.loads((site / "briefings.json").read_text(encoding="utf-8"))["briefings"]
    dates = [entry["published"] for entry in catalogue]
    assert dates == sorted(dates, reverse=True)
    paths = home_pages(site)
    assert not (site / f"page/{len(paths) + 1}.html").exists()
    for number, path in enumerate(paths, start=1):
        pager = page(site, path).select_one("nav.pager")
        assert pager is not None, path
        assert f"Page {number} of {len(paths)}" in pager.get_text()
        assert bool(pager.select_one("a[rel=next]")) == (number < len(paths)), path
        assert bool(pager.select_one("a[rel=prev]")) == (number > 1), path


def test_page_size_stays_bounded(site):
    """Listing pages hold PAGE_SIZE briefings at most, so they do not grow with the site."""
    for path in home_pages(site):
        assert len(briefing_links(page(site, path))) <= PAGE_SIZE
    for group in (site / "subjects").glob("*/index.html"):
        cards = page(site, group.relative_to(site).as_posix()).select("li.briefing-card")
        assert len(cards) <= PAGE_SIZE


@pytest.mark.parametrize("index", ["subjects", "inspectors", "tags", "people"])
def test_every_index_entry_leads_to_a_page_listing_its_briefings(site, index):
    soup = page(site, f"{index}/index.html")
    entries = soup.select("ul.group-index a")
    assert entries, index
    for a in entries:
        target = site / index / a["href"]
        assert target.is_file(), a["href"]
        listed = page(site, target.relative_to(site).as_posix())
        if index == "people":
            assert listed.select("section.appearance"), a["href"]
        else:
            assert listed.select("li.briefing-card"), a["href"]


def test_each_subject_page_lists_all_and_only_its_briefings(site):
    catalogue = json.loads((site / "briefings.json").read_text(encoding="utf-8"))["briefings"]
    by_subject: dict[str, set[str]] = {}
    for entry in catalogue:
        by_subject.setdefault(entry["subject"], set()).add(entry["id"])
    index = page(site, "subjects/index.html")
    assert len(index.select("ul.group-index a")) == len(by_subject)
    for a in index.select("ul.group-index a"):
        listed = set(briefing_links(page(site, f"subjects/{a['href']}")))
        assert listed == by_subject[a.get_text(strip=True)]


def person_pages(site: Path, href: str) -> list[BeautifulSoup]:
    """Every page of one person's pages, following the pager."""
    first = page(site, "people/" + href)
    pager = first.select_one("nav.pager")
    count = int(pager.p.get_text().split()[-1]) if pager else 1
    folder = "people/" + href.rsplit("/", 1)[0]
    return [first] + [page(site, f"{folder}/{n}.html") for n in range(2, count + 1)]


def test_people_shared_across_briefings_have_one_page_with_their_roles_over_time(site):
    soup = page(site, "people/index.html")
    shared = [li for li in soup.select("ul.group-index li")
              if "(1 briefing)" not in li.get_text()]
    assert shared, "the synthetic collection shares inspectors across briefings"
    most = max(shared, key=lambda li: int(li.get_text().split("(")[-1].split()[0]))
    named_in = int(most.get_text().split("(")[-1].split()[0])
    pages = person_pages(site, most.a["href"])
    assert len(pages) > 1, "someone in dozens of briefings gets several pages"
    appearances = [s.h2.a["href"] for p in pages for s in p.select("section.appearance")]
    assert len(appearances) == len(set(appearances)) == named_in
    assert all(len(p.select("section.appearance")) <= APPEARANCES_PER_PAGE for p in pages)
    rows = pages[0].select("table.roles tbody tr")
    assert sum(int(row.select("td")[-1].get_text().split()[0]) for row in rows) == named_in
    starts = [row.find("time")["datetime"] for row in rows]
    assert starts == sorted(starts, reverse=True)
    assert all(not p.select("table.roles") for p in pages[1:])
    single = next(li for li in soup.select("ul.group-index li") if "(1 briefing)" in li.get_text())
    alone = page(site, "people/" + single.a["href"])
    assert not alone.select("table.roles"), "one briefing's line says the role; no table"
    assert len(alone.select("section.appearance")) == 1


def test_a_briefing_links_to_others_on_the_same_subject(site):
    catalogue = json.loads((site / "briefings.json").read_text(encoding="utf-8"))["briefings"]
    first = catalogue[0]
    same = {e["id"] for e in catalogue if e["subject"] == first["subject"] and e is not first}
    overview = page(site, f"{first['id']}/index.html")
    related = {a["href"].split("/")[-2] for a in overview.select("ul.related-briefings a")}
    assert related and related <= {e["id"] for e in catalogue} - {first["id"]}
    assert same & related or len(related) == 8


def test_each_briefing_json_agrees_with_its_pages(site):
    catalogue = json.loads((site / "briefings.json").read_text(encoding="utf-8"))
    assert catalogue["schema_version"] == 1
    for entry in catalogue["briefings"]:
        data = json.loads((site / entry["data"]).read_text(encoding="utf-8"))
        assert data["id"] == entry["id"]
        findings = page(site, f"{entry['id']}/findings.html").select("li.point")
        assert [li["id"] for li in findings] == [f"finding-{f['id']}" for f in data["findings"]]
        assert entry["counts"]["findings"] == len(data["findings"])
        assert entry["counts"]["concerns"] == len(data["concerns"])
        source = page(site, f"{entry['id']}/source.html")
        for reaction in data["reactions"]:
            for quote in reaction["quotes"]:
                paragraph = source.find(id=f"p{quote['paragraph']}")
                assert quote["text"] in paragraph.get_text(" ", strip=True).replace("  ", " ")


def test_the_overview_carries_schema_org_data_for_each_quotation(site):
    overview = page(site, "cumbria-child-protection/index.html")
    blocks = overview.find_all("script", type="application/ld+json")
    assert len(blocks) == 1
    data = json.loads(blocks[0].string)
    assert data["@context"] == "https://schema.org"
    quotations = [c for c in data["citation"] if c["@type"] == "Quotation"]
    assert len(quotations) == 11
    assert {q["creator"]["name"] for q in quotations} == {
        "Mike Cunningham", "Andrew Slattery", "Peter McCall"}
    assert data["isBasedOn"]["publisher"]["name"] == "North West Evening Mail"
    assert overview.find("meta", property="og:title")["content"].startswith("Police need")


def test_the_atom_feed_parses_and_lists_the_newest_briefings(site):
    feed = feedparser.parse((site / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    catalogue = json.loads((site / "briefings.json").read_text(encoding="utf-8"))["briefings"]
    assert [e.title for e in feed.entries] == [c["title"] for c in catalogue[:50]]
    for entry in feed.entries:
        assert (site / entry.link).is_file()


def test_the_home_chart_shows_findings_and_concerns_with_a_table(site):
    chart = page(site, "index.html").select_one("figure.chart")
    assert chart.find("svg")["role"] == "img"
    assert len(chart.select("circle.chart-findings")) == len(chart.select("tbody tr")) == COUNT


def test_checked_by_workers_or_not_the_same_briefings_and_problems(site, tmp_path, monkeypatch):
    """A large site is checked by worker processes and modelled as their results come in:
    the briefings, and every problem in the same order, are what one process finds."""
    docs = tmp_path / "docs"
    shutil.copytree(site.parent / "docs", docs)
    monkeypatch.setattr(workers, "CHECK_IN_WORKERS_FROM", 10)
    pools = []
    monkeypatch.setattr(workers, "fork_pool", lambda: pools.append(1) or fork_pool())
    def summary(briefings):
        return [(b.slug, b.findings, b.concerns, b.reactions, b.people) for b in briefings]

    forked = pipeline.load_site(docs, workers=Workers(may_fork=True))
    assert summary(forked) == summary(pipeline.load_site(docs))
    assert pools, "the workers were not used"

    first, later = sorted(p for p in docs.iterdir() if p.is_dir())[1], \
        sorted(p for p in docs.iterdir() if p.is_dir())[-2]
    metadata = first / "briefing.yml"
    metadata.write_text(metadata.read_text(encoding="utf-8").replace("title: ", "title: [", 1),
                        encoding="utf-8")
    (later / "source.txt").unlink()
    failures = []
    for parallel in (True, False):
        with pytest.raises(CheckFailed) as failed:
            pipeline.load_site(docs, workers=Workers(may_fork=parallel))
        failures.append(str(failed.value))
    assert failures[0] == failures[1]
    assert f"{first.name}/briefing.yml:" in failures[0] and f"{later.name}/" in failures[0]


# --- The chart means something or is not drawn (issue 14) --------------------------------------

def chart_marks(chart) -> list[tuple[tuple[float, float, float], tuple[float, float, float]]]:
    """Each briefing's two marks: (finding dot's centre and radius, concern square's centre and
    half side)."""
    circles = chart.select("circle.chart-findings")
    squares = chart.select("rect.chart-concerns")
    return [((float(c["cx"]), float(c["cy"]), float(c["r"])),
             (float(s["x"]) + float(s["width"]) / 2, float(s["y"]) + float(s["height"]) / 2,
              float(s["width"]) / 2))
            for c, s in zip(circles, squares, strict=True)]


def test_the_home_chart_of_unrelated_inspections_draws_no_trend_line(site):
    chart = page(site, "index.html").select_one("figure.chart")
    assert chart.select("polyline") == []
    assert "not a trend" in chart.find("desc").get_text()


def test_an_organisation_inspected_more_than_once_has_its_trend_drawn(site):
    charts = [page(site, p.relative_to(site).as_posix()).select_one("figure.chart")
              for p in sorted((site / "subjects").glob("*/index.html"))]
    drawn = [c for c in charts if c is not None]
    assert drawn, "some organisation of the collection is inspected more than once"
    for chart in drawn:
        assert len(chart.select("polyline")) == 2
        assert len(chart.select("tbody tr")) >= 2


def test_equal_counts_never_hide_one_mark_under_the_other(site):
    """Where a briefing has as many findings as concerns its dot sits inside the concern's
    square, which is hollow (drawn after it, a filled square hid the dot whole)."""
    charts = [page(site, "index.html").select_one("figure.chart")] + [
        c for p in sorted((site / "subjects").glob("*/index.html"))
        if (c := page(site, p.relative_to(site).as_posix()).select_one("figure.chart"))]
    equal = 0
    for chart in charts:
        marks = [e.name for e in chart.svg.find_all(["rect", "circle"])]
        assert marks == sorted(marks, reverse=True), "every square is drawn before any dot"
        for (cx, cy, radius), (sx, sy, half) in chart_marks(chart):
            if cy == sy:
                equal += 1
                assert cx == sx and radius + 1.5 / 2 < half - 2.5 / 2, "the dot (and its ring) fits inside"
    assert equal, "the collection has briefings with as many findings as concerns"
    css = (ROOT / "templates" / "assets" / "briefing.css").read_text(encoding="utf-8")
    rule = re.search(r"\.chart-mark\.chart-concerns \{([^}]*)\}", css)[1]
    assert "fill: none" in rule and "stroke: var(--chart-concern)" in rule
