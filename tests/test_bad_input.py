"""The bad-input corpus: one folder per case, each a docs/ folder and the exact problems expected.

tests/bad_input/<case>/docs/<slug>/ holds a minimal briefing with one defect (cases named
`ok-*` have none and must pass); expected.txt holds `str(problem)` for every problem, in
order, paths relative to the case folder. After changing a message on purpose, run
`python tests/regenerate_expected.py` and review the diff.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.errors import CheckFailed
from briefing.pipeline import load_site

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "bad_input"
CASE_NAMES = sorted(p.name for p in CASES.iterdir() if (p / "docs").is_dir())
PASSING = [name for name in CASE_NAMES if name.startswith("ok-")]
FAILING = [name for name in CASE_NAMES if not name.startswith("ok-")]


def expected_lines(case: str) -> list[str]:
    return (CASES / case / "expected.txt").read_text(encoding="utf-8").splitlines()


def reported_lines(case: str) -> list[str]:
    try:
        load_site(CASES / case / "docs")
    except CheckFailed as failure:
        return [str(problem) for problem in failure.problems]
    return []


@pytest.mark.parametrize("case", CASE_NAMES)
def test_case_reports_exactly_the_expected_problems(case):
    assert reported_lines(case) == expected_lines(case)


@pytest.mark.parametrize("case", FAILING)
def test_every_defect_is_reported(case):
    assert expected_lines(case), f"{case}: a defect that reports no problem"


@pytest.mark.parametrize("case", PASSING)
def test_tolerated_variants_pass_and_are_published(case):
    (briefing,) = load_site(CASES / case / "docs")
    assert briefing.slug == "northshire"
    assert [r.id for r in briefing.reactions] == ["inspector-statement", "force-response"]
    assert all(q.citation.spans for r in briefing.reactions for q in r.quotes)


def test_an_elided_quote_is_located_part_by_part():
    (briefing,) = load_site(CASES / "ok-elided-quote" / "docs")
    elided = briefing.reactions[1].quotes
    assert [q.citation.paragraph.number for q in elided] == [6, 6]
    assert elided[0].citation.quoted == (
        "We accept the findings. … and we’re already acting on them.")


def test_a_paragraph_number_settles_words_that_stand_twice():
    (briefing,) = load_site(CASES / "ok-quote-paragraph-settles-ambiguity" / "docs")
    assert briefing.reactions[0].quotes[0].citation.paragraph.number == 6


LIBRARY_WORDS = {"scalar", "token", "<block", "mapping", "parsing", "scanning", "node",
                 "constructor", "stream", "sequence", "flow", "dictionary", "instance", "string",
                 "input should"}
"""What the YAML parser and the validator call things: no message may need them."""


@pytest.mark.parametrize("case", FAILING)
def test_messages_speak_the_writer_s_language(case):
    for line in expected_lines(case):
        message = line.split(": ", 1)[1].lower()
        assert not {w for w in LIBRARY_WORDS if w in message}, line


@pytest.mark.parametrize("case, difference", [
    ("quote-not-in-source", '"good" -> "great"'),
    ("quote-changed-case", '"We" -> "we"'),
    ("quote-ends-differently", '"complete." -> "completed."'),
])
def test_a_misquote_names_the_words_that_differ(case, difference):
    (line,) = expected_lines(case)
    assert f"Where they differ (source -> yours): {difference}." in line


def test_a_closest_passage_keeps_its_last_word():
    """A window that dropped the differing last word would suggest a second difference."""
    (line,) = expected_lines("passage-ends-differently")
    assert 'Closest passage (paragraph 3): "records that were not always complete."' in line


def test_a_passage_cited_to_the_wrong_paragraph_is_told_where_it_stands():
    (line,) = expected_lines("passage-not-in-cited-paragraph")
    assert line.endswith("It stands in paragraph 2: correct the paragraph number.")


def test_the_corpus_covers_the_defects_and_the_tolerances():
    assert len(FAILING) >= 20
    assert {"ok-minimal", "ok-elided-quote", "ok-typographic-quotes", "ok-dash-variant"} <= set(
        PASSING)


def test_the_non_utf8_cases_hold_real_windows_1252_bytes():
    data = (CASES / "source-not-utf8" / "docs" / "northshire" / "source.txt").read_bytes()
    assert b"\x96" in data and b"\x92" in data
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert data.decode("cp1252") == (
        CASES / "ok-minimal" / "docs" / "northshire" / "source.txt").read_text("utf-8")


# --- Through the command line: exit 1, the messages, no traceback, the old site kept -----

PREVIOUS_SITE = {"index.html": b"<p>The previous site.</p>\n", "assets/site.css": b"p{}\n",
                 "northshire/source.html": b"\x00\xffbytes\r\n",
                 "briefings.json": b"{}\n"}
"""A site a previous build wrote (its catalogue marks it ours), with bytes a rewrite would change."""


@pytest.fixture
def previous_site(tmp_path):
    site = tmp_path / "site"
    for name, data in PREVIOUS_SITE.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_bytes(data)
    return site


def failed_build_output(case: str) -> str:
    lines = expected_lines(case)
    noun = "problem" if len(lines) == 1 else "problems"
    return "\n".join(lines + [f"{len(lines)} {noun} found; nothing was built."]) + "\n"


@pytest.mark.parametrize("case", ["quote-not-in-source", "source-not-utf8", "several-problems"])
def test_build_of_a_bad_case_fails_and_keeps_the_previous_site(
        case, tmp_path, previous_site, config_for, tree_of, capsys):
    config = config_for(tmp_path, CASES / case / "docs", previous_site)
    assert main(["--config", str(config), "build"]) == 1
    out, err = capsys.readouterr()
    assert err == failed_build_output(case)
    assert out == ""
    assert tree_of(previous_site) == PREVIOUS_SITE
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mkdocs.yml", "site"]


def test_check_of_a_bad_case_reports_the_same_problems(tmp_path, config_for, capsys):
    config = config_for(tmp_path, CASES / "dangling-person" / "docs", tmp_path / "site")
    assert main(["--config", str(config), "check"]) == 1
    out, err = capsys.readouterr()
    assert (out, err) == ("", failed_build_output("dangling-person"))
    assert not (tmp_path / "site").exists()


def test_build_py_itself_fails_cleanly_on_a_bad_case(tmp_path, previous_site, config_for,
                                                     tree_of):
    config = config_for(tmp_path, CASES / "quote-wrong-paragraph" / "docs", previous_site)
    result = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "--config", str(config), "build"],
        capture_output=True, text=True, encoding="utf-8", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == failed_build_output("quote-wrong-paragraph")
    assert "Traceback" not in result.stderr + result.stdout
    assert tree_of(previous_site) == PREVIOUS_SITE


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_mkdocs_build_of_a_bad_case_keeps_the_previous_site_too(engine, tmp_path, previous_site,
                                                                config_for, tree_of):
    """MkDocs empties the site folder after `on_pre_build`: the plugin checks before that."""
    config = config_for(tmp_path, CASES / "several-problems" / "docs", previous_site)
    result = subprocess.run([sys.executable, "-m", engine, "build", "-f", str(config)],
                            capture_output=True, text=True, encoding="utf-8", cwd=tmp_path)
    assert result.returncode == 1
    assert all(line in result.stderr for line in expected_lines("several-problems"))
    assert "Cleaning site directory" not in result.stderr
    assert tree_of(previous_site) == PREVIOUS_SITE


def test_a_passing_case_replaces_the_previous_site(tmp_path, previous_site, config_for, tree_of,
                                                  capsys):
    config = config_for(tmp_path, CASES / "ok-minimal" / "docs", previous_site)
    assert main(["--config", str(config), "build"]) == 0
    built = tree_of(previous_site)
    assert "assets/site.css" not in built
    assert built["index.html"] != PREVIOUS_SITE["index.html"]
    assert {f"northshire/{page}.html" for page in (
        "index", "findings", "concerns", "reactions", "source", "people")} <= set(built)
    # No staging folder is left; the build's page cache stays beside mkdocs.yml, as it should.
    assert sorted(p.name for p in tmp_path.iterdir()) == [".cache", "mkdocs.yml", "site"]
    assert "Built 1 briefing" in capsys.readouterr().out
