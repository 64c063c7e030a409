"""The overview is the briefing, and the one-page summary is a page of the site: checked on the
HTML of a real build.

A reader who opens only the overview learns when the report came out and how to read it, what
works well and what needs to improve (each point with a working link to every source paragraph
it rests on, named so that it makes sense alone), and the key words of the inspectorate and of
the organisation. The site is built from test fixtures (the default briefing and the Kent one as
curated), never from docs/; with `site_url`, so that the sitemap lists its pages.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from briefing.commands.build import run_build
from briefing.project import Project
from briefing.site.filters import css_string
from conftest import curated_docs

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
CUMBRIA = "cumbria-child-protection"
KENT = "kent-police-2021"
SITE_URL = "https://example.org/briefings/"


@pytest.fixture(scope="module")
def built(tmp_path_factory, config_for) -> tuple[Path, Path]:
    """(site folder, docs folder) of the two curated briefings."""
    project = tmp_path_factory.mktemp("overview")
    docs = curated_docs(project / "docs")
    config = config_for(project, docs, project / "site")
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    config.write_text(yaml.safe_dump({**settings, "site_url": SITE_URL}), encoding="utf-8")
    run_build(Project(config))
    return project / "site", docs


def page(built, path: str) -> BeautifulSoup:
    return BeautifulSoup((built[0] / path).read_text(encoding="utf-8"), "html.parser")


def metadata(built, slug: str) -> dict:
    return yaml.safe_load((built[1] / slug / "briefing.yml").read_text(encoding="utf-8"))


def words(element) -> str:
    return " ".join(element.get_text(" ").split())


def cited(point: dict) -> list[int]:
    return [c if isinstance(c, int) else c["paragraph"] for c in point["cites"]]


def source_paragraph_links(built, slug: str, item) -> list[int]:
    """The numbers of the source paragraphs `item` links to, each link checked to lead to an
    element of the Source page and to be named so that it makes sense alone."""
    source = page(built, f"{slug}/source.html")
    numbers = []
    for link in item.find_all("a", class_="cite"):
        target, _, anchor = link["href"].partition("#")
        assert target == "source.html" and source.find(id=anchor) is not None, link["href"]
        number = int(re.fullmatch(r"p(\d+)", anchor).group(1))
        hidden = link.find(class_="print-only")
        hidden.extract()  # paper's wording ("para."), not shown on screen
        assert words(link) == f"source paragraph {number}", words(link)
        numbers.append(number)
    return numbers


@pytest.mark.parametrize("slug", [CUMBRIA, KENT])
@pytest.mark.parametrize("path", ["index.html", "summary.html"])
def test_findings_and_concerns_are_bullets_that_link_to_their_source(built, slug, path):
    soup, meta = page(built, f"{slug}/{path}"), metadata(built, slug)
    for kind in ("findings", "concerns"):
        expected = meta.get(kind, [])
        bullets = soup.select(f"ul.brief-{kind} > li")
        assert len(bullets) == len(expected)
        for bullet, point in zip(bullets, expected):
            assert " ".join(point["text"].split()) in words(bullet)
            assert source_paragraph_links(built, slug, bullet) == cited(point)


def test_the_overview_leads_with_the_report_s_date_and_a_way_to_read_it(built):
    soup, report = page(built, f"{CUMBRIA}/index.html"), metadata(built, CUMBRIA)["report"]
    header = soup.find("header", class_="page-header")
    assert header.find("time", attrs={"datetime": str(report["published"]["date"])})
    action = header.find("a", class_="call-to-action")
    assert action["href"] == report["url"]
    assert words(action).startswith("Read the report") and f"{report['pages']} pages" in words(action)


def test_the_overview_quotes_the_inspectorate_then_the_organisation(built):
    soup, meta = page(built, f"{CUMBRIA}/index.html"), metadata(built, CUMBRIA)
    quotes = soup.select("figure.key-quote")
    expected = [next(r for r in meta["reactions"] if r["speaks_for"] == side)
                for side in ("inspector", "subject")]
    assert [q["class"][-1] for q in quotes] == ["key-quote-inspector", "key-quote-subject"]
    for figure, reaction in zip(quotes, expected):
        first = reaction["quotes"][0]
        first = first if isinstance(first, str) else first["text"]
        assert words(figure.blockquote).replace("’", "'").startswith(first.split()[0])
        assert " ".join(first.split()[:8]) in words(figure.blockquote).replace("’", "'")
        person = next(p for p in meta["people"] if p["id"] == reaction["person"])
        assert person["name"] in words(figure.figcaption)
        assert len(source_paragraph_links(built, CUMBRIA, figure)) == 1


def test_a_briefing_without_an_organisation_s_voice_shows_the_inspectorate_s_alone(built):
    meta = metadata(built, KENT)
    sides = [r["speaks_for"] for r in meta["reactions"] if r.get("quotes")]
    quotes = page(built, f"{KENT}/index.html").select("figure.key-quote")
    shown = [q["class"][-1].removeprefix("key-quote-") for q in quotes]
    assert shown == [side for side in ("inspector", "subject") if side in sides]


def test_the_overview_keeps_the_counts_small_and_linked(built):
    soup = page(built, f"{CUMBRIA}/index.html")
    counts = {a["href"]: words(a) for a in soup.select("ul.counts-line a")}
    meta = metadata(built, CUMBRIA)
    assert counts["findings.html"] == f"{len(meta['findings'])} Findings"
    assert counts["concerns.html"] == f"{len(meta['concerns'])} Concerns"


def test_the_summary_is_a_page_of_the_site_linked_from_the_overview(built):
    site = built[0]
    for slug in (CUMBRIA, KENT):
        links = [a["href"] for a in page(built, f"{slug}/index.html").find_all("a", href=True)]
        assert "summary.html" in links
        summary = page(built, f"{slug}/summary.html")
        assert summary.find("nav", attrs={"aria-label": "This briefing"})
        assert words(summary.h1) == metadata(built, slug)["title"]
        assert summary.find("link", rel="canonical")["href"] == f"{SITE_URL}{slug}/summary.html"
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{SITE_URL}{CUMBRIA}/summary.html</loc>" in sitemap


def test_a_running_title_cannot_end_its_string_or_its_style_element():
    quoted = css_string('Police "needs" </style><script>x</script> \\ Ōfsted')
    assert quoted.startswith('"') and quoted.endswith('"')
    inside = quoted[1:-1]
    assert not set(inside) & set('"\'<>/;{}'), inside
    assert "\\00003c" in inside and "Ōfsted" in inside
