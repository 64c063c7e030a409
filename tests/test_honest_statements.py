"""What a briefing says of itself: what kind of statement each item is, where a quotation was
cut and what it was cut from, whether the copy of the source is whole, and whether anyone
has reviewed the draft. Real builds of the default briefing (edited in a copy) and of
briefings drafted from real articles in ../shared/samples, checked on their HTML."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from briefing.cli import main
from briefing.commands.build import run_build
from briefing.commands.new import run_new
from briefing.language.marks import PLACEHOLDER
from briefing.project import Project
from conftest import DEFAULT_BRIEFING

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = DEFAULT_BRIEFING
SAMPLES = ROOT.parent / "shared" / "samples"
SLUG = "cumbria-child-protection"
PAGES = ["index", "findings", "concerns", "reactions", "source", "people"]


@pytest.fixture
def project(tmp_path, config_for):
    """A copy of the default briefing in a project of its own: (config, its briefing.yml)."""
    shutil.copytree(DEFAULT, tmp_path / "docs" / SLUG)
    return config_for(tmp_path, tmp_path / "docs", tmp_path / "site"), \
        tmp_path / "docs" / SLUG / "briefing.yml"


def edit(metadata: Path, old: str, new: str) -> None:
    text = metadata.read_text(encoding="utf-8")
    assert old in text, old
    metadata.write_text(text.replace(old, new, 1), encoding="utf-8")


def built(config: Path, slug: str = SLUG) -> dict[str, BeautifulSoup]:
    """Build the project; each page of the briefing and its single-file download, parsed."""
    site = config.parent / "site"
    run_build(Project(config), site)
    pages = {name: (site / slug / f"{name}.html") for name in PAGES}
    pages["download"] = site / "downloads" / f"{slug}.html"
    return {name: BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            for name, path in pages.items()}


def check(config: Path, capsys, *options: str) -> tuple[int, str, str]:
    code = main(["--config", str(config), "check", *options])
    out, err = capsys.readouterr()
    return code, out, err


# --- What kind of statement ------------------------------------------------------------------

def test_each_item_says_what_kind_of_statement_it_is(project):
    pages = built(project[0])
    points = pages["concerns"].select("li.point")
    assert points and all(p.select_one(".point-label .statement-point") for p in points)
    passages = pages["concerns"].select("blockquote.passage")
    assert passages and all(b.find_previous_sibling("p").select_one(".statement-quote")
                            for b in passages)
    quotes = pages["reactions"].select("figure.quote")
    assert quotes and all(q.select_one("figcaption .statement-quote") for q in quotes)
    for name in ("index", "download"):
        summary = pages[name].select_one("#summary")
        assert summary.select_one(".statement-summary").get_text() == "The analyst’s summary"


def test_a_summary_may_cite_paragraphs_and_shows_them(project):
    config, metadata = project
    edit(metadata, "subject:\n", "summary_cites: [15, 23]\nsubject:\n")
    pages = built(config)
    cited = ["".join(part.get_text() if hasattr(part, "get_text") else str(part)
                     for part in a.contents
                     if not (hasattr(part, "get") and "print-only" in (part.get("class") or [])))
             for a in pages["index"].select("#summary .sources a.cite")]
    assert cited == ["source paragraph 15", "source paragraph 23"], "named to make sense alone"
    back = pages["source"].select_one("#p15 .cited-by").find("a", href="index.html#summary")
    assert back is not None and "Summary" in back.get_text()


def test_a_summary_citing_a_paragraph_the_source_lacks_is_refused(project, capsys):
    config, metadata = project
    edit(metadata, "subject:\n", "summary_cites: [99]\nsubject:\n")
    code, _, err = check(config, capsys)
    assert code == 1
    assert "summary_cites[0].paragraph: paragraph 99 does not exist" in err


# --- Cuts ------------------------------------------------------------------------------------

MEANING_CUT = "      - The constabulary ... protects children at most risk of harm."
HARMLESS_CUT = ("      - Inspectors found some good individual examples of the constabulary "
                "protecting children who were most in need of help, with good multi-agency work "
                "... which effectively combines investigative and safeguarding approaches.")
WHOLE = ("      - The constabulary needs to do more to improve how it protects children at most "
         "risk of harm.")


def test_a_cut_that_drops_what_turns_the_meaning_is_warned_about(project, capsys):
    config, metadata = project
    edit(metadata, WHOLE, MEANING_CUT)
    code, out, err = check(config, capsys)
    assert code == 0 and "cuts to check: 1" in out
    line = next(n for n, text in enumerate(metadata.read_text().splitlines(), 1)
                if text == MEANING_CUT)
    assert (f"briefing.yml:{line}: reactions[0].quotes[3]: this cut may change the meaning: it "
            'leaves out "needs to", "more" ("needs to do more to improve how it")') in err
    assert check(config, capsys, "--strict")[0] == 1


def test_a_cut_of_words_that_turn_nothing_is_not_warned_about(project, capsys):
    config, metadata = project
    edit(metadata, HARMLESS_CUT.replace(" ... ", " and a child-centred approach, "), HARMLESS_CUT)
    code, out, _ = check(config, capsys, "--strict")
    assert code == 0 and "cuts to check: none" in out


def test_a_cut_across_sentences_is_warned_about(project, capsys):
    config, metadata = project
    edit(metadata, "subject:\n", "summary_cites:\n  - paragraph: 27\n    passage: Andrew "
                   "Slattery ... Andrew Slattery said\nsubject:\n")
    code, out, err = check(config, capsys)
    assert code == 0 and "cuts to check: 1" in out
    assert ("summary_cites[0]: this cut may change the meaning: it runs across the end of a "
            'sentence (". Detective chief superintendent")') in err


def test_a_cut_quotation_shows_what_it_was_cut_from_on_screen_and_on_paper(project):
    config, metadata = project
    edit(metadata, WHOLE, MEANING_CUT)
    pages = built(config)
    for name in ("reactions", "download"):
        quote = pages[name].find("blockquote", string=lambda s: s and "protects children" in s) \
            or next(b for b in pages[name].select("blockquote")
                    if "protects children at most risk" in b.get_text())
        uncut = quote.find_next_sibling("details", class_="uncut")
        assert uncut is not None, name
        assert uncut.p.get_text() == ("\"The constabulary needs to do more to improve how it "
                                      "protects children at most risk of harm.")
    css = (config.parent / "site" / "assets" / "briefing.css").read_text(encoding="utf-8")
    assert ".uncut::details-content{content-visibility:visible" in css


def test_an_editors_words_in_brackets_are_accepted_and_shown_as_theirs(project, capsys):
    config, metadata = project
    edit(metadata, "      - There is also clear evidence of strategic leadership and direction.",
         "      - \"[HMIC] found clear evidence of strategic leadership and direction.\"")
    assert check(config, capsys)[0] == 1  # "found" is not the source's word
    edit(metadata, "[HMIC] found clear", "There is also clear")
    edit(metadata, "There is also clear evidence", "[There is] also clear evidence")
    assert check(config, capsys)[0] == 0
    edit(metadata, "[There is] also clear evidence", "[Inspectors saw] clear evidence")
    assert check(config, capsys)[0] == 0
    pages = built(config)
    quote = next(b for b in pages["reactions"].select("blockquote")
                 if "strategic leadership" in b.get_text())
    assert quote.select_one(".editorial").get_text() == "[Inspectors saw]"
    assert quote.get_text() == "[Inspectors saw] clear evidence of strategic leadership and direction."


# --- Placeholders and drafts -----------------------------------------------------------------

def test_a_placeholder_left_is_a_warning_and_fails_strict(project, capsys):
    config, metadata = project
    edit(metadata, "  outlet: North West Evening Mail", f"  outlet: {PLACEHOLDER}")
    code, out, err = check(config, capsys)
    assert code == 0 and "placeholders: 1" in out
    assert "briefing.yml:22: source.outlet: still holds a placeholder." in err
    assert check(config, capsys, "--strict")[0] == 1


def test_a_briefing_not_reviewed_says_so_on_every_page_and_on_paper(project):
    config, metadata = project
    edit(metadata, "  outlet: North West Evening Mail", f"  outlet: {PLACEHOLDER}")
    edit(metadata, "findings:\n", "findings:\n  # DRAFT (a finding to review)\n")
    for name, page in built(config).items():
        banner = page.select_one(".draft-banner")
        assert banner is not None, name
        assert "Draft: not reviewed." in banner.get_text()
        assert "1 item is still marked DRAFT" in banner.get_text()
        assert "source.outlet" in banner.get_text()


def test_a_reviewed_briefing_has_no_banner(project):
    assert not any(page.select(".draft-banner") for page in built(project[0]).values())


# --- A copy cut short ------------------------------------------------------------------------

def test_a_copy_cut_short_and_a_response_cut_off_are_said(project, capsys):
    config, metadata = project
    edit(metadata, "  kind: news report\n", "  kind: news report\n  cut_short: {after_paragraph: 33, "
                   "basis: The copy ends in the middle of the statement.}\n")
    edit(metadata, "    speaks_for: subject\n", "    speaks_for: subject\n    cut_off: true\n")
    code, out, _ = check(config, capsys)
    assert code == 0 and "organisation inspected heard: yes, but cut off in this copy" in out
    pages = built(config)
    cut = pages["index"].select_one(".provenance .cut-short")
    assert "this copy stops after paragraph 33" in cut.get_text()
    assert cut.a["href"] == "source.html#p33"
    notes = pages["reactions"].select(".cut-note")
    assert len(notes) == 1 and "Andrew Slattery goes on beyond it" in notes[0].get_text()


def test_a_reaction_cut_off_needs_the_copy_marked_cut_short(project, capsys):
    config, metadata = project
    edit(metadata, "    speaks_for: subject\n", "    speaks_for: subject\n    cut_off: true\n")
    code, _, err = check(config, capsys)
    assert code == 1 and "reactions[1].cut_off: the reaction is cut off, but the source is not " \
        "marked as cut short" in err
    edit(metadata, "  kind: news report\n", "  kind: news report\n  cut_short: 40\n")
    code, _, err = check(config, capsys)
    assert code == 1 and "source.cut_short: paragraph 40 does not exist" in err


# --- Real articles ---------------------------------------------------------------------------

@pytest.mark.skipif(not SAMPLES.is_dir(), reason="../shared/samples is not beside the project")
@pytest.mark.parametrize("sample", ["kent-police-2021", "west-park-school-ofsted-sussex-express",
                                    "wilnecote-dosthill-gp-cqc-pharmatimes"])
def test_a_draft_of_a_real_article_is_marked_unreviewed_and_labelled(sample, tmp_path,
                                                                     config_for):
    (tmp_path / "docs").mkdir()
    config = config_for(tmp_path, tmp_path / "docs", tmp_path / "site")
    run_new(Project(config), "draft", SAMPLES / sample / "source.txt", force=False)
    pages = built(config, "draft")
    assert all(page.select_one(".draft-banner") for page in pages.values())
    assert pages["index"].select_one("#summary .statement-summary")
    for page in (pages["findings"], pages["concerns"]):
        assert all(p.select_one(".statement-point") for p in page.select("li.point"))
    for quote in pages["reactions"].select("figure.quote"):
        assert quote.select_one(".statement-quote")


def test_a_response_the_copy_cuts_off_before_its_words_is_heard_but_incomplete(project, capsys):
    """A copy that ends at 'Mr Jones continued:' has a response with no words to quote."""
    config, metadata = project
    edit(metadata, "  kind: news report\n", "  kind: news report\n  cut_short: 33\n")
    edit(metadata, "reactions:\n", "reactions:\n  - id: later-response\n    person: andrew-slattery\n"
                   "    speaks_for: subject\n    cut_off: true\n")
    code, out, _ = check(config, capsys)
    assert code == 0 and "heard: yes, but cut off in this copy" in out
    notes = built(config)["reactions"].select(".cut-note")
    assert [n.get_text(" ", strip=True) for n in notes] == [
        "The copy of the source stops before Andrew Slattery’s words; Andrew Slattery goes on "
        "beyond it. The news report as published has the rest."]


def test_a_reaction_without_words_needs_the_copy_cut_off(project, capsys):
    config, metadata = project
    edit(metadata, "reactions:\n", "reactions:\n  - id: silent\n    person: andrew-slattery\n"
                   "    speaks_for: subject\n")
    code, _, err = check(config, capsys)
    assert code == 1 and "reactions[0]: a reaction needs at least one quote" in err
