"""The smaller defects a reader met (issue 14, part 6), each checked on a real build.

The default briefing with the Kent one, built without site_url and with one (as
tests/test_reader_items.py builds them); assertions on the parsed HTML and the files.
"""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from test_reader_items import CUMBRIA, KENT, ROOT, SITE_URL, build, name, page


@pytest.fixture(scope="module")
def site(tmp_path_factory, config_for) -> Path:
    return build(tmp_path_factory.mktemp("defects"), config_for)


@pytest.fixture(scope="module")
def hosted_site(tmp_path_factory, config_for) -> Path:
    return build(tmp_path_factory.mktemp("defects-hosted"), config_for, site_url=SITE_URL)


def test_two_unrelated_briefings_draw_no_chart_on_the_home_page(site):
    assert page(site, "index.html").select_one("figure.chart") is None


def test_the_people_lede_claims_no_more_than_the_page_shows(site):
    for slug in (CUMBRIA, KENT):
        soup = page(site, f"{slug}/people.html")
        lede = soup.select_one(".page-header .lede").get_text(" ", strip=True)
        assert not lede.startswith("Everyone quoted")
        assert "names" in lede


def test_inferred_dates_are_marked_in_the_lists(site):
    card = next(li for li in page(site, "index.html").select("li.briefing-card")
                if li.find("a", href=f"{CUMBRIA}/index.html"))
    byline = card.select_one(".byline")
    assert byline.find("time")["datetime"] == "2017-01-26"
    assert byline.select_one("time + .inferred").get_text() == "(inferred)"
    related = page(site, f"{KENT}/index.html").select_one(".related-briefings")
    if related is not None and related.find("a", href=f"../{CUMBRIA}/index.html"):
        assert "inferred" in related.get_text()


def landmarks(soup: BeautifulSoup) -> list[tuple[str, str]]:
    """(role, name) of every named landmark: nav, main, aside, and sections and forms that have
    a name (only a named one is a landmark)."""
    found = []
    for element in soup.find_all(["nav", "main", "aside", "section", "form"]):
        label = element.get("aria-label")
        if element.get("aria-labelledby"):
            label = soup.find(id=element["aria-labelledby"]).get_text(" ", strip=True)
        if label or element.name in ("nav", "main", "aside"):
            found.append((element.name, label or ""))
    return found


@pytest.mark.parametrize("slug", [CUMBRIA, KENT])
def test_the_whole_briefing_page_names_each_landmark_once(site, slug):
    counts = Counter(landmarks(page(site, f"downloads/{slug}.html")))
    assert [landmark for landmark, n in counts.items() if n > 1] == []


def test_the_whole_briefing_page_has_its_icon_inline_and_a_way_back_when_it_can(site,
                                                                                hosted_site):
    for built in (site, hosted_site):
        icon = page(built, f"downloads/{CUMBRIA}.html").find("link", rel="icon")
        assert icon["href"].startswith("data:image/svg+xml,")
    assert page(site, f"downloads/{CUMBRIA}.html").find("a", class_="site-name") is None
    back = page(hosted_site, f"downloads/{CUMBRIA}.html").find("a", class_="site-name")
    assert back["href"] == SITE_URL


def test_the_offline_downloads_page_is_in_the_zip_only(site):
    assert not (site / "downloads" / "offline.html").exists()
    with zipfile.ZipFile(site / "downloads" / "briefings.zip") as bundle:
        names = bundle.namelist()
        assert not [n for n in names if n.endswith("downloads/offline.html")]
        inside = bundle.read(next(n for n in names if n.endswith("downloads/index.html")))
    assert b"offline copy" in inside


def test_citation_links_on_the_person_pages_name_the_source(site):
    pages = sorted((site / "people").glob("*/index.html"))
    links = [a for p in pages for a in page(site, p.relative_to(site).as_posix()).select("a.cite")]
    assert links
    assert all(re.fullmatch(r"source paragraph \d+", name(a)) for a in links)


def contrast(one: str, other: str) -> float:
    def luminance(colour: str) -> float:
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_chart_legend_keys_are_readable_against_the_page():
    css = (ROOT / "templates" / "assets" / "briefing.css").read_text(encoding="utf-8")
    light = css[:css.index("@media (prefers-color-scheme: dark)")]
    dark = css[css.index("@media (prefers-color-scheme: dark)"):css.index("@media print")]

    def value(block: str, variable: str) -> str:
        return re.search(rf"{variable}:\s*(#[0-9a-fA-F]{{6}})", block)[1]
    for block in (light, dark):
        for key in ("--chart-finding", "--chart-concern"):
            assert contrast(value(block, key), value(block, "--bg")) >= 4.5, key
