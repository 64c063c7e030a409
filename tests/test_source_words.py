"""A quote shown anywhere is the source's own text, character for character.

briefing.yml may write a quote with straight marks where the source has curly ones (`didn't`
for `didn’t`): the checks allow that, because it changes no word, but what the site shows must
be the source's characters. Every place a quote or cited passage is shown is read back from a
real build: blockquotes and `q`, the People page's list, the Source page's marks, the
single-file export, the overview's JSON-LD, briefing.json and the search index. Each must stand
in its source paragraph exactly, with no folding of quotation marks, dashes or spaces. A quote
with cuts shows them as " … ", and an editor's insertions in square brackets, which are the
briefing's words, not the source's: the parts between them must stand in one paragraph, in order.

Built: the default briefing (whose briefing.yml writes straight apostrophes for curly ones),
and briefings drafted by `build.py new` from real articles in ../shared/samples.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from briefing.commands.build import run_build
from briefing.commands.new import run_new
from briefing.inputs.source import parse_source
from briefing.project import Project
from conftest import DEFAULT_BRIEFING, DEFAULT_DOCS, default_project

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"
DRAFTED = ("explorers-nursery-ofsted-daily-echo", "humberside-police-hmicfrs-police-federation",
           "kent-police-2021", "west-park-school-ofsted-sussex-express")
"""Samples whose drafts quote words with typographic apostrophes or quotation marks in them."""
BETWEEN_PARTS = re.compile(r" … | ?\[[^\]]*\] ?")
"""A cut (" … ") or an editor's insertion ("[The inspectorate] found")."""
TRUNCATED = "…"
"""What the People page adds where it shortens a quote to a line."""
CUMBRIA = "cumbria-child-protection"
FOLLOW_UP = "cumbria-child-protection-review"
"""The default site's second briefing, which follows the first."""
EDITS = {
    "I was concerned to find that children didn't receive":
        "I was concerned ... children didn't receive",
    "- We welcome the findings of HMIC's inspection into the constabulary's child protection "
    "measures and how effectively we safeguard children across Cumbria.\n":
        "- \"[Cumbria Constabulary] welcome the findings of HMIC's inspection into the "
        "constabulary's child protection measures\"\n",
}
PARAGRAPH_ID = re.compile(r"p(\d+)")
SEARCH_SHARD = re.compile(r'briefingSearchShard\("d-\d+",(.*)\);\n', re.DOTALL)
SOURCE_KIND, QUOTE_KIND = 5, 3
"""The numbers search.py's `KINDS` gives a source paragraph and a quote."""


@dataclass(frozen=True)
class Shown:
    """A quotation as one place of the site shows it, and the paragraphs it may stand in."""

    kind: str
    """What shows it: `<blockquote>`, `JSON-LD`, `briefing.json quote`, ..."""
    where: str
    text: str
    slug: str | None
    paragraphs: tuple[int, ...] = ()
    """The paragraphs it cites; empty where the place names none (any of the briefing's)."""
    form: str = "quotation"
    """`quotation` (may show cuts and insertions), `run` (a stretch of the source as it is) or
    `paragraph` (the whole paragraph)."""

    def stands_in(self, paragraph: str) -> bool:
        if self.form == "paragraph":
            return self.text == paragraph
        if self.form == "run":
            return bool(self.text) and self.text in paragraph
        return stands_in(self.text, paragraph)


def stands_in(text: str, paragraph: str) -> bool:
    """`text`'s parts, split at its cuts and insertions, occur in `paragraph` exactly and in
    order."""
    parts = [part for part in BETWEEN_PARTS.split(text) if part]
    position = 0
    for part in parts:
        found = paragraph.find(part, position)
        if found < 0:
            return False
        position = found + len(part)
    return bool(parts)


# --- Where a site shows quotations -----------------------------------------------------------

def page_slug(url: str) -> str | None:
    """The briefing a page belongs to: `cumbria/people.html` and `downloads/cumbria.html`."""
    parts = url.split("/")
    if parts[0] == "downloads" and len(parts) == 2:
        return parts[1].removesuffix(".html")
    return parts[0] if len(parts) == 2 and parts[0] not in ("people", "subjects", "inspectors",
                                                            "tags") else None


def cited(element, slug: str | None) -> tuple[str | None, tuple[int, ...]]:
    """The briefing and paragraphs cited by the nearest enclosing item that cites any."""
    for scope in [element, *element.parents]:
        links = scope.select("a.cite[href]")
        if links:
            break
    else:
        return slug, ()
    numbers = []
    for link in links:
        parts = urlsplit(link["href"])
        path = unquote(parts.path).split("/")
        if len(path) >= 2 and path[-1] == "source.html":
            slug = path[-2]
        numbers.append(int(PARAGRAPH_ID.fullmatch(parts.fragment).group(1)))
    return slug, tuple(numbers)


def shown_in_page(url: str, soup: BeautifulSoup) -> list[Shown]:
    slug = page_slug(url)
    shown = []
    for element in soup.find_all(["blockquote", "q"]):
        owner, numbers = cited(element, slug)
        shown.append(Shown(f"<{element.name}>", url, element.get_text().strip(), owner, numbers))
    for uncut in soup.select("details.uncut > p"):
        owner, numbers = cited(uncut, slug)
        shown.append(Shown("Uncut", url, uncut.get_text(), owner, numbers, "run"))
    for item in soup.select(".quoted-list li"):
        owner, numbers = cited(item, slug)
        words = item.a.get_text()
        assert words[0] == "“" and words[-1] == "”", f"{url}: {words!r}"
        words = words[1:-1].removesuffix(TRUNCATED)
        shown.append(Shown("People's list", url, words, owner, numbers))
    for mark in soup.find_all("mark"):
        paragraph = mark.find_parent("li", class_="source-paragraph")
        number = int(PARAGRAPH_ID.fullmatch(paragraph["id"]).group(1))
        shown.append(Shown("<mark>", url, mark.get_text(), slug, (number,), "run"))
    for script in soup.find_all("script", type="application/ld+json"):
        for item in json.loads(script.string).get("citation", []):
            assert item["@type"] == "Quotation"
            shown.append(Shown("JSON-LD", url, item["text"], slug))
    return shown


def shown_in_data(site: Path, slug: str) -> list[Shown]:
    """briefing.json's quotes and passages: each names its paragraph."""
    record = json.loads((site / slug / "briefing.json").read_text(encoding="utf-8"))
    where = f"{slug}/briefing.json"
    shown = [Shown("briefing.json quote", f"{where}: {r['id']}", q["text"], slug, (q["paragraph"],))
             for r in record["reactions"] for q in r["quotes"]]
    shown += [Shown("briefing.json passage", f"{where}: {p['id']}", c["passage"], slug,
                    (c["paragraph"],))
              for kind in ("findings", "concerns") for p in record[kind] for c in p["cites"]
              if c["passage"] is not None]
    return shown


def shown_in_search(site: Path) -> list[Shown]:
    """The search index's quotes (found in their briefing.json by anchor) and paragraphs."""
    shown = []
    for path in sorted((site / "assets" / "search").glob("d-*.js")):
        shard = json.loads(SEARCH_SHARD.fullmatch(path.read_text(encoding="utf-8")).group(1))
        for number, kind, anchor, _, text in shard["entries"]:
            slug = shard["briefings"][str(number)][0]
            where = f"search index: {path.name}: {slug} {anchor}"
            if kind == SOURCE_KIND:
                shown.append(Shown("search paragraph", where, text, slug,
                                   (int(PARAGRAPH_ID.fullmatch(anchor).group(1)),), "paragraph"))
            elif kind == QUOTE_KIND:
                shown.append(Shown("search quote", where, text, slug,
                                   (quote_paragraph(site, slug, anchor),)))
    return shown


def quote_paragraph(site: Path, slug: str, anchor: str) -> int:
    record = json.loads((site / slug / "briefing.json").read_text(encoding="utf-8"))
    for reaction in record["reactions"]:
        for n, quote in enumerate(reaction["quotes"], start=1):
            if anchor == f"quote-{reaction['id']}-{n}":
                return quote["paragraph"]
    raise AssertionError(f"{slug}: no quote with anchor {anchor}")


def everything_shown(site: Path, slugs: list[str]) -> list[Shown]:
    shown = []
    for path in sorted(site.rglob("*.html")):
        url = path.relative_to(site).as_posix()
        shown += shown_in_page(url, BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser"))
    for slug in slugs:
        shown += shown_in_data(site, slug)
    return shown + shown_in_search(site)


def misquoted(shown: list[Shown], docs: Path) -> list[str]:
    """Every quotation shown that does not stand in its source, character for character."""
    sources = {slug.name: {p.number: p.text for p in parse_source(
        (slug / "source.txt").read_text(encoding="utf-8")).paragraphs}
        for slug in docs.iterdir() if (slug / "source.txt").is_file()}
    problems = []
    for item in shown:
        paragraphs = sources.get(item.slug or "", {})
        candidates = item.paragraphs or tuple(paragraphs)
        if not any(item.stands_in(paragraphs.get(n, "")) for n in candidates):
            problems.append(f"{item.where}: {item.kind} {item.text!r} is not the text of "
                            f"{item.slug} paragraph(s) {', '.join(map(str, candidates))}")
    return problems


# --- The sites -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def default_site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("default") / "site"
    run_build(Project(default_project(folder.parent)), folder)
    return folder


@pytest.fixture(scope="module")
def edited_site(tmp_path_factory, config_for) -> Path:
    """The default briefing with a quote cut and an editor's words put into another, both still
    written with straight apostrophes where the source has curly ones."""
    folder = tmp_path_factory.mktemp("edited")
    docs = folder / "docs"
    shutil.copytree(DEFAULT_BRIEFING, docs / CUMBRIA)
    metadata = docs / CUMBRIA / "briefing.yml"
    text = metadata.read_text(encoding="utf-8")
    for old, new in EDITS.items():
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    metadata.write_text(text, encoding="utf-8")
    run_build(Project(config_for(folder, docs, folder / "site")))
    return folder


@pytest.fixture(scope="module")
def drafted_project(tmp_path_factory, config_for) -> Project:
    """A project of briefings drafted from real articles, built into its `site/`."""
    missing = [name for name in DRAFTED if not (SAMPLES / name / "source.txt").is_file()]
    if missing:
        pytest.skip(f"the samples corpus is not at {SAMPLES} (missing {', '.join(missing)})")
    folder = tmp_path_factory.mktemp("drafted")
    (folder / "docs").mkdir()
    project = Project(config_for(folder, folder / "docs", folder / "site"))
    for name in DRAFTED:
        run_new(project, name, SAMPLES / name / "source.txt", force=False)
    assert run_build(project).briefings == len(DRAFTED)
    return project


@pytest.fixture(scope="module")
def drafted_shown(drafted_project) -> list[Shown]:
    return everything_shown(drafted_project.root / "site", list(DRAFTED))


# --- The tests -------------------------------------------------------------------------------

EVERY_KIND = {"<blockquote>", "People's list", "<mark>", "JSON-LD", "briefing.json quote",
              "briefing.json passage", "search quote", "search paragraph"}


def test_every_quotation_the_default_site_shows_is_the_sources_text(default_site):
    shown = everything_shown(default_site, [CUMBRIA])
    assert misquoted(shown, DEFAULT_DOCS) == []
    assert {item.kind for item in shown} == EVERY_KIND
    assert {item.where for item in shown if item.kind == "<mark>"} == {
        f"{CUMBRIA}/source.html", f"downloads/{CUMBRIA}.html"}


def test_a_cut_or_edited_quotation_shows_the_sources_words_between_the_cuts(edited_site):
    site = edited_site / "site"
    shown = everything_shown(site, [CUMBRIA])
    assert misquoted(shown, edited_site / "docs") == []
    quotes = {item.text for item in shown if item.kind == "briefing.json quote"}
    assert "Despite this commitment, I was concerned … children didn’t receive a consistent " \
        "service." in quotes
    assert any(q.startswith("[Cumbria Constabulary] welcome the findings of HMIC's inspection "
                            "into the constabulary’s child") for q in quotes)
    assert "Uncut" in {item.kind for item in shown}


def test_the_people_page_shows_the_sources_apostrophe_not_briefing_ymls(default_site):
    people = (default_site / "cumbria-child-protection" / "people.html").read_text("utf-8")
    assert "children didn’t receive" in people
    assert "didn&#39;t" not in people and "didn't" not in people


@pytest.mark.parametrize("name", DRAFTED)
def test_every_quotation_a_drafted_site_shows_is_the_sources_text(drafted_project, drafted_shown,
                                                                  name):
    docs = drafted_project.root / "docs"
    assert re.search("[’‘“”]", (docs / name / "source.txt").read_text(encoding="utf-8"))
    shown = [item for item in drafted_shown if item.slug == name]
    assert misquoted(shown, docs) == []
    assert {"<blockquote>", "People's list", "<mark>", "JSON-LD", "briefing.json quote",
            "search quote", "search paragraph"} <= {item.kind for item in shown}


@pytest.mark.parametrize("text, stands", [
    ("children didn’t receive", True),
    ("children didn't receive", False),
    ("I was concerned … a consistent service.", True),
    ("a consistent service. … I was concerned", False),
    ("I was concerned…a consistent service.", False),
    ("[The inspector] was concerned to find that [the] children", True),
    ("I was concerned [to see] that children", True),
    ("children [were] … I was concerned", False),
    ("[The inspector]", False),
])
def test_a_quote_stands_in_its_paragraph_exactly_and_its_parts_in_order(text, stands):
    paragraph = "“Despite this, I was concerned to find that children didn’t receive a consistent " \
        "service."
    assert stands_in(text, paragraph) is stands


def test_no_quotation_of_a_drafted_site_is_left_unchecked(drafted_shown):
    assert [item.where for item in drafted_shown if item.slug not in DRAFTED] == []
