"""What the site tells machines: sitemap, feed ids, schema.org data and link previews.

The default briefing built twice, without site_url and with one; the sitemap is validated
against the protocol's rules (tests/fixtures/sitemap/sitemap.xsd) with lxml.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from lxml import etree

from briefing.commands.build import run_build
from briefing.project import Project
from conftest import DEFAULT_BRIEFING

ROOT = Path(__file__).resolve().parents[1]
CUMBRIA = "cumbria-child-protection"
SITE_URL = "https://example.org/briefings/"
SCHEMA = etree.XMLSchema(etree.parse(str(ROOT / "tests" / "fixtures" / "sitemap" / "sitemap.xsd")))
ATOM = "{http://www.w3.org/2005/Atom}"


def build(folder: Path, config_for, **settings) -> Path:
    docs = folder / "docs"
    shutil.copytree(DEFAULT_BRIEFING, docs / CUMBRIA)
    config = config_for(folder, docs, folder / "site")
    config.write_text(yaml.safe_dump({**yaml.safe_load(config.read_text()), **settings},
                                     sort_keys=False), encoding="utf-8")
    return run_build(Project(config)).site_dir


@pytest.fixture(scope="module")
def local_site(tmp_path_factory, config_for) -> Path:
    return build(tmp_path_factory.mktemp("local"), config_for)


@pytest.fixture(scope="module")
def hosted_site(tmp_path_factory, config_for) -> Path:
    return build(tmp_path_factory.mktemp("hosted"), config_for, site_url=SITE_URL)


def overview(site: Path) -> BeautifulSoup:
    return BeautifulSoup((site / CUMBRIA / "index.html").read_text("utf-8"), "html.parser")


def test_the_schema_rejects_the_empty_sitemap_mkdocs_wrote_without_site_url():
    empty = etree.fromstring(b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>')
    assert not SCHEMA.validate(etree.ElementTree(empty))


def test_without_site_url_no_sitemap_is_published(local_site):
    assert not (local_site / "sitemap.xml").exists()
    assert not (local_site / "sitemap.xml.gz").exists()


def test_with_site_url_the_sitemap_is_valid_and_lists_every_page(hosted_site):
    sitemap = etree.parse(str(hosted_site / "sitemap.xml"))
    assert SCHEMA.validate(sitemap), SCHEMA.error_log
    locations = {loc.text for loc in sitemap.iter("{*}loc")}
    assert f"{SITE_URL}{CUMBRIA}/source.html" in locations
    assert all(loc.startswith(SITE_URL) for loc in locations)


def feed_ids(site: Path) -> list[str]:
    feed = etree.parse(str(site / "feed.xml")).getroot()
    return [feed.findtext(f"{ATOM}id")] + [e.findtext(f"{ATOM}id")
                                          for e in feed.iter(f"{ATOM}entry")]


def test_feed_ids_belong_to_the_site(local_site, hosted_site, tmp_path, config_for):
    local = feed_ids(local_site)
    assert all(i.startswith("urn:uuid:") for i in local) and len(set(local)) == len(local)
    assert local == feed_ids(build(tmp_path / "again", config_for)), "stable across builds"
    other = feed_ids(build(tmp_path / "other", config_for, site_name="Another site"))
    assert not set(other) & set(local), "another site shares no id"
    assert feed_ids(hosted_site) == [f"{SITE_URL}feed.xml", f"{SITE_URL}{CUMBRIA}/index.html"]


def nodes(data, found=None) -> list[dict]:
    """Every JSON-LD node (dict with a @type) in `data`."""
    found = [] if found is None else found
    if isinstance(data, dict):
        if "@type" in data:
            found.append(data)
        for value in data.values():
            nodes(value, found)
    elif isinstance(data, list):
        for value in data:
            nodes(value, found)
    return found


@pytest.mark.parametrize("hosted", [False, True])
def test_linked_data_gives_each_thing_once_with_an_id_author_and_dates(local_site, hosted_site,
                                                                       hosted):
    site = hosted_site if hosted else local_site
    data = json.loads(overview(site).find("script", type="application/ld+json").string)
    described = [n for n in nodes(data) if "@id" in n]
    ids = [n["@id"] for n in described]
    assert len(ids) == len(set(ids)), "each node described once"
    article = data["isBasedOn"]
    assert article["@type"] == "NewsArticle"
    assert all(q["isBasedOn"] == {"@id": article["@id"]} for q in data["citation"])
    assert data["author"]["name"] == data["publisher"]["name"] == "Briefing"
    assert data["datePublished"] and data["dateModified"]
    if hosted:
        assert data["@id"] == f"{SITE_URL}{CUMBRIA}/index.html#briefing"


def test_link_previews_have_an_absolute_image_only_where_the_site_knows_its_address(
        local_site, hosted_site):
    assert overview(local_site).find("meta", property="og:image") is None
    image = overview(hosted_site).find("meta", property="og:image")["content"]
    assert image == f"{SITE_URL}assets/briefing-card.png"
    assert (hosted_site / "assets" / "briefing-card.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    home = BeautifulSoup((hosted_site / "index.html").read_text("utf-8"), "html.parser")
    assert home.find("meta", property="og:image")["content"] == image
