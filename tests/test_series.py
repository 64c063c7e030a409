"""Inspections over time, on real builds: the series, compared with last time, what happens
next, one identity per organisation, corrections, and the Web Annotations.

The default site (docs/, copied, never read in place) ships two briefings of one
organisation; other cases are small changes to that copy. Assertions are on parsed HTML,
ids and hrefs, and on the JSON as published.
"""

from __future__ import annotations

import datetime
import json
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from briefing.commands.build import run_build
from briefing.errors import CheckFailed
from briefing.model.nextsteps import NextStep
from briefing.pipeline import check_site
from briefing.project import Project

ROOT = Path(__file__).resolve().parents[1]
FIRST, SECOND = "cumbria-child-protection", "cumbria-child-protection-review"
ANNOTATION_REQUIRED = {"@context", "id", "type", "body", "target"}
"""What the Web Annotation model requires of every annotation (`body` is optional there, but
every one of ours says what it describes)."""


SERIES_DOCS = ROOT / "tests" / "fixtures" / "series-docs"
"""A copy of the project's docs/ as shipped (the default briefing and its follow-up, and the
organisations register), so that no test reads the user's own docs/."""


def copy_docs(into: Path) -> Path:
    docs = into / "docs"
    shutil.copytree(SERIES_DOCS, docs)
    return docs


def build(project: Path, docs: Path, config_for) -> Path:
    site = project / "site"
    run_build(Project(config_for(project, docs, site)))
    return site


def page(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url).read_text("utf-8"), "html.parser")


def target(url: str, href: str) -> str:
    """The site path `href` leads to from `url`, with its fragment."""
    folder = url.rsplit("/", 1)[0] if "/" in url else ""
    parts = [p for p in (folder + "/" + href).split("/") if p]
    resolved: list[str] = []
    for part in parts:
        if part == "..":
            resolved.pop()
        else:
            resolved.append(part)
    return "/".join(resolved)


@pytest.fixture(scope="module")
def site(tmp_path_factory, config_for) -> Path:
    project = tmp_path_factory.mktemp("series")
    return build(project, copy_docs(project), config_for)


# --- The series ---------------------------------------------------------------------------

def test_every_page_of_each_briefing_links_to_the_other(site):
    for slug, rel, other in ((FIRST, "next", SECOND), (SECOND, "prev", FIRST)):
        for section in ("index", "findings", "concerns", "reactions", "source", "people"):
            url = f"{slug}/{section}.html"
            nav = page(site, url).find("nav", class_="series-nav")
            link = nav.find("a", rel=rel)
            assert target(url, link["href"]) == f"{other}/index.html", url
            assert "2 of 2" in nav.get_text() if slug == SECOND else "1 of 2" in nav.get_text()


def test_the_organisation_page_shows_its_inspections_in_time(site):
    soup = page(site, "subjects/cumbria-constabulary/index.html")
    entries = soup.select("ol.timeline li.timeline-entry")
    assert [e["id"] for e in entries] == [f"timeline-{FIRST}", f"timeline-{SECOND}"]
    first, second = entries
    assert [t["datetime"] for t in first.select(".timeline-facts time")] == ["2016-07", "2017-01-26"]
    assert [t["datetime"] for t in second.select(".timeline-facts time")] == ["2017-06", "2017-09-21"]
    assert "1 persisted" in second.get_text() and "4 resolved" in second.get_text()
    promised = first.select(".timeline-next li")
    assert [li["class"] for li in promised] == [["next-overdue"], ["next-open"]]
    link = promised[0].find("a")["href"]
    assert target("subjects/cumbria-constabulary/index.html", link) == (
        f"{FIRST}/index.html#commitment-update-in-six-weeks")


# --- Compared with last time -----------------------------------------------------------------

def test_compared_with_last_time_links_each_side_to_its_own_paragraph(site):
    url = f"{SECOND}/index.html"
    section = page(site, url).find("section", class_="compared-section")
    headings = [h.get_text(" ", strip=True) for h in section.select(".compared-heading")]
    assert headings == ["What persisted (1)", "What was resolved (4)", "New this time (1)"]
    resolved = section.select("li.compared-resolved")
    now, then = resolved[0].select(".compared-side")
    assert {target(url, a["href"]) for a in now.select("a.cite")} == {
        f"{SECOND}/source.html#p12", f"{SECOND}/source.html#p6", f"{SECOND}/source.html#p7"}
    assert [target(url, a["href"]) for a in then.select("a.cite")] == [f"{FIRST}/source.html#p21"]
    assert target(url, then.find("a")["href"]) == f"{FIRST}/concerns.html#concern-early-assessment"
    assert "(inferred)" in resolved[0].get_text()


def test_the_earlier_briefing_says_what_became_of_its_points(site):
    url = f"{FIRST}/index.html"
    section = page(site, url).find("section", class_="followed-section")
    items = section.select("li.compared-item")
    assert len(items) == 5
    assert {target(url, a["href"]) for a in items[0].select(".compared-now a.cite")} <= {
        f"{SECOND}/source.html#p{n}" for n in range(1, 16)}
    # Every anchor the sections link to exists on its page.
    for a in section.find_all("a", href=True):
        path, _, anchor = target(url, a["href"]).partition("#")
        assert (site / path).is_file() and (not anchor or page(site, path).find(id=anchor)), a["href"]


def test_the_single_file_copy_links_to_no_other_briefing(site):
    """The download stands alone: the series and the comparison are the screen overview's
    (the one-page views keep to the print's page budget), and nothing links out of the file
    to the briefing before."""
    soup = page(site, f"downloads/{SECOND}.html")
    assert soup.find("section", class_="compared-section") is None
    assert soup.find("nav", class_="series-nav") is None
    assert not [a["href"] for a in soup.find_all("a", href=True) if FIRST + "/" in a["href"]]


# --- What happens next -----------------------------------------------------------------------

def test_what_happens_next_gives_each_status_as_of_the_pinned_date(site):
    section = page(site, f"{FIRST}/index.html").find("section", class_="next-section")
    assert section.find(class_="next-as-of").find("time")["datetime"] == "2017-09-21"
    steps = {li["id"]: li for li in section.select("li.next-step")}
    assert set(steps) == {"commitment-update-in-six-weeks", "recommendation-missing-and-exploitation"}
    assert words(steps["commitment-update-in-six-weeks"].find(class_="next-status")) == "Overdue"
    assert "Cumbria Constabulary" in steps["commitment-update-in-six-weeks"].get_text()
    assert words(steps["recommendation-missing-and-exploitation"].find(class_="next-status")) == "Open"


def test_status_is_reckoned_on_the_given_day_never_the_wall_clock():
    step = NextStep("commitment", "x", "T", (), by=_date_fact("2017-03"))
    assert step.status(datetime.date(2017, 3, 31)) == "open"
    assert step.status(datetime.date(2017, 4, 1)) == "overdue"
    assert step.status(None) == "open"
    done = NextStep("commitment", "x", "T", (), by=_date_fact("2017-03"), recorded_status="done")
    assert done.status(datetime.date(2030, 1, 1)) == "done"


def _date_fact(iso: str):
    from briefing.inputs.schema import DateFact
    return DateFact(date=iso)


# --- One identity per organisation -----------------------------------------------------------

def test_a_renamed_body_is_one_inspecting_body(site):
    assert sorted(p.name for p in (site / "inspectors").iterdir() if p.is_dir()) == [
        "hm-inspectorate-of-constabulary-and-fire-rescue-services"]
    soup = page(site, "inspectors/hm-inspectorate-of-constabulary-and-fire-rescue-services/index.html")
    assert [li.get_text(" ", strip=True).split(" (")[0] for li in soup.select(".names-over-time li")] == [
        "HM Inspectorate of Constabulary", "HM Inspectorate of Constabulary and Fire & Rescue Services"]
    catalogue = json.loads((site / "briefings.json").read_text("utf-8"))
    assert {b["organisations"]["inspector"]["id"] for b in catalogue["briefings"]} == {"hmicfrs"}
    # The inspector quoted in both, under the body's two names, is one person.
    assert sorted(p.name for p in (site / "people").iterdir() if p.is_dir()) == [
        "andrew-slattery", "mike-cunningham", "peter-mccall"]


def test_two_people_of_one_name_at_two_bodies_stay_two(tmp_path, config_for):
    docs = copy_docs(tmp_path)
    review = docs / SECOND / "briefing.yml"
    text = review.read_text("utf-8").replace(
        "    organisation: HM Inspectorate of Constabulary and Fire and Rescue Services",
        "    organisation: Cumbria County Council")
    review.write_text(text, encoding="utf-8")
    site = build(tmp_path, docs, config_for)
    people = sorted(p.name for p in (site / "people").iterdir() if p.is_dir())
    assert people == ["andrew-slattery", "mike-cunningham", "mike-cunningham-2", "peter-mccall"]
    linked = {slug: [target(f"{slug}/index.html", a["href"]) for a in page(
        site, f"{slug}/index.html").select(".related-links a") if "people/mike" in a["href"]]
        for slug in (FIRST, SECOND)}
    assert sorted(linked.values()) == [["people/mike-cunningham-2/index.html"],
                                       ["people/mike-cunningham/index.html"]]


# --- Corrections -----------------------------------------------------------------------------

def test_a_correction_shows_on_every_page_in_print_in_json_and_drives_the_feed(tmp_path, config_for):
    docs = copy_docs(tmp_path)
    metadata = docs / FIRST / "briefing.yml"
    metadata.write_text(metadata.read_text("utf-8") + (
        "\ncorrections:\n  - date: 2018-02-01\n    text: The commitment's due date was given as"
        " April; it is March.\n"), encoding="utf-8")
    site = build(tmp_path, docs, config_for)
    for url in [f"{FIRST}/{s}.html" for s in ("index", "findings", "concerns", "reactions",
                                              "source", "people")] + [f"downloads/{FIRST}.html"]:
        aside = page(site, url).find("aside", class_="corrections")
        assert aside is not None and aside.find("time")["datetime"] == "2018-02-01", url
    assert page(site, f"{SECOND}/index.html").find("aside", class_="corrections") is None
    record = json.loads((site / FIRST / "briefing.json").read_text("utf-8"))
    assert record["metadata"]["corrections"][0]["date"] == "2018-02-01"
    assert record["updated"] == "2018-02-01"
    feed = BeautifulSoup((site / "feed.xml").read_text("utf-8"), "xml")
    assert feed.find("feed").find("updated", recursive=False).text == "2018-02-01T00:00:00Z"
    entry = next(e for e in feed.find_all("entry")
                 if e.find("link")["href"].endswith(f"{FIRST}/index.html"))
    assert entry.find("updated").text == "2018-02-01T00:00:00Z"
    data = json.loads(page(site, f"{FIRST}/index.html").find(
        "script", type="application/ld+json").string)
    assert data["dateModified"] == "2018-02-01"


# --- Web Annotations -------------------------------------------------------------------------

@pytest.mark.parametrize("slug", [FIRST, SECOND])
def test_every_selector_resolves_against_the_published_source(site, slug):
    source = (site / slug / "source.txt").read_text("utf-8")
    collection = json.loads((site / slug / "annotations.jsonld").read_text("utf-8"))
    assert (collection["@context"], collection["type"]) == (
        "http://www.w3.org/ns/anno.jsonld", "AnnotationCollection")
    items = collection["first"]["items"]
    assert collection["total"] == len(items) > 0
    assert len({a["id"] for a in items}) == len(items)
    source_page = page(site, f"{slug}/source.html")
    for annotation in items:
        assert ANNOTATION_REQUIRED - {"@context"} <= set(annotation)
        assert annotation["type"] == "Annotation" and annotation["body"]["type"] == "TextualBody"
        text_target, html_target = annotation["target"]
        quote, fragment = text_target["selector"]
        assert quote["type"] == "TextQuoteSelector" and quote["exact"]
        start, end = map(int, re.fullmatch(r"char=(\d+),(\d+)", fragment["value"]).groups())
        assert source[start:end] == quote["exact"]
        assert source[:start].endswith(quote["prefix"]) and source[end:].startswith(quote["suffix"])
        assert source.count(quote["prefix"] + quote["exact"] + quote["suffix"]) == 1
        paragraph = source_page.find(id=html_target["selector"]["value"])
        assert paragraph is not None and html_target["source"] == "source.html"
        assert words(paragraph).replace(" ", "").find(
            "".join(quote["exact"].split())[:20]) >= 0


def test_the_overview_links_to_its_annotations(site):
    url = f"{FIRST}/index.html"
    hrefs = [target(url, a["href"]) for a in page(site, url).select(".take-away a")]
    assert f"{FIRST}/annotations.jsonld" in hrefs


def test_every_item_and_quote_is_annotated(site):
    record = json.loads((site / FIRST / "briefing.json").read_text("utf-8"))
    items = json.loads((site / FIRST / "annotations.jsonld").read_text("utf-8"))["first"]["items"]
    cites = sum(len(p["cites"]) for p in record["findings"] + record["concerns"])
    quotes = sum(len(r["quotes"]) for r in record["reactions"])
    steps = sum(len(s["cites"]) for s in record["next_steps"])
    assert len(items) == cites + quotes + steps


def words(element) -> str:
    return " ".join(element.get_text(" ").split())


# --- check: every cross-briefing reference ---------------------------------------------------

@pytest.mark.parametrize("change, item, says", [
    ("follows: cumbria-child-protection\n", "follows",
     "no briefing 'cumbria-child-protecton' to follow. Did you mean 'cumbria-child-protection'?"),
    ("previous: unskilled-staff", "findings[5].compared.previous",
     "has no finding or concern with id 'unskiled-staff'. Did you mean 'unskilled-staff'?"),
])
def test_check_locates_a_broken_reference_and_says_what_to_do(tmp_path, change, item, says):
    docs = copy_docs(tmp_path)
    metadata = docs / SECOND / "briefing.yml"
    text = metadata.read_text("utf-8")
    broken = change.replace("protection\n", "protecton\n").replace("unskilled", "unskiled")
    metadata.write_text(text.replace(change, broken), encoding="utf-8")
    line = text[:text.index(change)].count("\n") + 1
    with pytest.raises(CheckFailed) as failed:
        check_site(docs)
    problems = failed.value.problems
    assert len(problems) == 1
    problem = problems[0]
    assert (problem.file.name, problem.item) == ("briefing.yml", item)
    assert says in problem.message
    assert problem.line == line


def test_a_series_of_two_organisations_is_refused(tmp_path):
    docs = copy_docs(tmp_path)
    metadata = docs / SECOND / "briefing.yml"
    metadata.write_text(metadata.read_text("utf-8").replace(
        "subject:\n  name: Cumbria Constabulary", "subject:\n  name: Northshire Police"),
        encoding="utf-8")
    with pytest.raises(CheckFailed) as failed:
        check_site(docs)
    assert "a series follows one organisation" in str(failed.value)


def test_an_unknown_register_id_is_refused(tmp_path):
    docs = copy_docs(tmp_path)
    metadata = docs / SECOND / "briefing.yml"
    metadata.write_text(metadata.read_text("utf-8").replace(
        "  short_name: HMICFRS\n", "  short_name: HMICFRS\n  id: hmicfr\n", 1), encoding="utf-8")
    with pytest.raises(CheckFailed) as failed:
        check_site(docs)
    assert "has no organisation with id 'hmicfr'. Did you mean 'hmicfrs'?" in str(failed.value)


def test_a_name_given_to_two_organisations_is_a_located_problem(tmp_path):
    docs = copy_docs(tmp_path)
    register = docs / "organisations.yml"
    text = register.read_text("utf-8")
    register.write_text(text.replace("      - Cumbria Police", "      - HMIC"), encoding="utf-8")
    with pytest.raises(CheckFailed) as failed:
        check_site(docs)
    [problem] = failed.value.problems
    assert problem.file.name == "organisations.yml" and problem.line is not None
    assert "'HMIC' is listed for both 'hmicfrs' and 'cumbria-constabulary'" in problem.message


def test_the_register_is_not_published_as_a_file(site):
    assert not (site / "organisations.yml").exists()


def test_the_build_date_a_user_pins_decides_what_is_overdue(tmp_path, config_for, monkeypatch):
    """SOURCE_DATE_EPOCH (1 March 2017) is the day statuses are reckoned on: the promise due
    on 9 March 2017 is still open."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(datetime.datetime(
        2017, 3, 1, tzinfo=datetime.timezone.utc).timestamp())))
    site = build(tmp_path, copy_docs(tmp_path), config_for)
    section = page(site, f"{FIRST}/index.html").find("section", class_="next-section")
    assert section.find(class_="next-as-of").find("time")["datetime"] == "2017-03-01"
    status = section.find(id="commitment-update-in-six-weeks").find(class_="next-status")
    assert words(status) == "Open"
