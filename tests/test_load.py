"""load + pipeline: a docs folder -> briefings newest first, or every problem of every briefing.

The corpus in tests/bad_input covers one defect at a time; these tests cover what needs
more than one briefing, or a file built on the fly.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefing.errors import CheckFailed
from briefing.inputs.folders import find_briefing_folders
from briefing.pipeline import load_site

ROOT = Path(__file__).resolve().parents[1]
MINIMAL = ROOT / "tests" / "bad_input" / "ok-minimal" / "docs" / "northshire"


def add_briefing(docs: Path, slug: str, edit=lambda text: text) -> Path:
    """Copy the minimal briefing to docs/<slug>/, passing its briefing.yml through `edit`."""
    folder = docs / slug
    shutil.copytree(MINIMAL, folder)
    metadata = folder / "briefing.yml"
    metadata.write_text(edit(metadata.read_text("utf-8")), encoding="utf-8")
    return folder


@pytest.fixture
def docs(tmp_path) -> Path:
    """An empty docs folder; problems name files relative to the folder above it."""
    folder = tmp_path / "docs"
    folder.mkdir()
    return folder


def problems(docs: Path) -> list[str]:
    with pytest.raises(CheckFailed) as raised:
        load_site(docs)
    return [str(problem) for problem in raised.value.problems]


def test_briefings_are_newest_first(docs):
    add_briefing(docs, "older", lambda t: t.replace("2021-03-04", "2019-05"))
    add_briefing(docs, "undated", lambda t: t.replace("  published: 2021-03-04\n", ""))
    add_briefing(docs, "newer")
    assert [b.slug for b in load_site(docs)] == ["newer", "older", "undated"]


def test_the_default_docs_folder_passes():
    briefings = {b.slug: b for b in load_site(ROOT / "docs")}
    assert sorted(briefings) == ["cumbria-child-protection", "cumbria-child-protection-review"]
    assert len(briefings["cumbria-child-protection"].source) == 33
    assert len(briefings["cumbria-child-protection-review"].source) == 15


def test_problems_of_every_briefing_are_reported_at_once(docs):
    add_briefing(docs, "first", lambda t: t.replace("person: jane-doe", "person: jane"))
    add_briefing(docs, "second", lambda t: t.replace("  - id: quick-response",
                                                          "  - id: Quick"))
    (docs / "third").mkdir()
    (docs / "third" / "source.txt").write_text("Words.\n", encoding="utf-8")
    found = problems(docs)
    assert [line.split(":")[0] for line in found] == [
        "docs/second/briefing.yml", "docs/third/briefing.yml", "docs/first/briefing.yml"]
    assert "no person with id 'jane'" in found[2]


def test_hidden_folders_and_folders_without_briefing_files_are_not_briefings(docs):
    add_briefing(docs, "real")
    add_briefing(docs, ".draft", lambda t: "not: [valid")
    (docs / "assets").mkdir()
    (docs / "assets" / "notes.txt").write_text("x", encoding="utf-8")
    assert find_briefing_folders(docs) == [docs / "real"]
    assert [b.slug for b in load_site(docs)] == ["real"]


def test_a_byte_order_mark_is_not_part_of_the_text(docs):
    folder = add_briefing(docs, "bom")
    for name in ("briefing.yml", "source.txt"):
        (folder / name).write_bytes(b"\xef\xbb\xbf" + (folder / name).read_bytes())
    (briefing,) = load_site(docs)
    assert briefing.metadata.title == "Northshire Police improve child protection"
    assert briefing.source.paragraph(1).text.startswith("Northshire Police")


def test_crlf_files_give_the_same_briefing(docs):
    folder = add_briefing(docs, "crlf")
    for name in ("briefing.yml", "source.txt"):
        (folder / name).write_bytes((folder / name).read_bytes().replace(b"\n", b"\r\n"))
    (crlf,) = load_site(docs)
    (lf,) = load_site(MINIMAL.parent)
    assert crlf.source == lf.source
    assert crlf.metadata == lf.metadata


@pytest.mark.parametrize("written", ["2021-02-30"])
def test_an_impossible_date_is_a_located_problem_not_a_crash(docs, written):
    """YAML reads an unquoted 2021-02-30 as a date and fails to build it: that must come back
    as a problem on line 11, like any other mistake, not as a ValueError."""
    add_briefing(docs, "northshire", lambda t: t.replace("2021-03-04", written))
    (line,) = problems(docs)
    assert line.startswith("docs/northshire/briefing.yml:11: ")
    assert written in line


@pytest.mark.parametrize("written", ["'2021-13'"])
def test_an_impossible_quoted_date_is_a_located_problem(docs, written):
    """The date pattern lets these through; the build then crashes rendering them."""
    add_briefing(docs, "northshire", lambda t: t.replace("2021-03-04", written))
    (line,) = problems(docs)
    assert line.startswith("docs/northshire/briefing.yml:11: source.published")
    assert written.strip("'") in line
