"""The source lock: `docs/<slug>/source.lock`, written by `check`, held to by every check and
build, and `check --update-lock`, which re-anchors citations whose paragraph moved.

Real runs on copies of the default briefing (and of texts from ../shared/samples, drafted with
`new`): the paragraph the site cites must stay the paragraph the curator cited, whatever is
added to or taken from source.txt."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.checks.lock import HEADER, excerpt
from briefing.cli import main
from briefing.commands import check as check_command
from briefing.commands.new import run_new
from briefing.errors import CheckFailed
from briefing.inputs.source import parse_source
from briefing.inputs.yamlfile import load_yaml
from briefing.pipeline import load_site
from briefing.project import Project
from conftest import DEFAULT_DOCS

ROOT = Path(__file__).resolve().parents[1]
SLUG = "cumbria-child-protection"
FOLLOW_UP = "cumbria-child-protection-review"
"""The default site's second briefing, left out: these tests are about one briefing's lock."""
SHOWN = f"docs/{SLUG}"
SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"
ENTRY = re.compile(r"(\S+) ([1-9]\d*) ([0-9a-f]{12}) (\S.*)")
UPDATE = "python build.py check --update-lock"


@pytest.fixture
def project(tmp_path, config_for) -> Path:
    """A copy of the default project's docs, without its lock; returns its mkdocs.yml."""
    shutil.copytree(DEFAULT_DOCS, tmp_path / "docs")
    (tmp_path / "docs" / SLUG / "source.lock").unlink(missing_ok=True)
    return config_for(tmp_path, tmp_path / "docs", tmp_path / "site")


def folder_of(config: Path, slug: str = SLUG) -> Path:
    return config.parent / "docs" / slug


def run(capsys, config: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--config", str(config), *args])
    out, err = capsys.readouterr()
    return code, out, err


def locked(config: Path, capsys) -> Path:
    """The project checked once, so that it has its lock."""
    code, _, err = run(capsys, config, "check")
    assert code == 0, err
    return folder_of(config)


def paragraphs(folder: Path) -> list[str]:
    return (folder / "source.txt").read_text(encoding="utf-8").split("\n\n")


def write_paragraphs(folder: Path, blocks: list[str]) -> None:
    (folder / "source.txt").write_text("\n\n".join(blocks), encoding="utf-8")


def insert_paragraph(folder: Path, at: int = 1,
                     text: str = "A paragraph the outlet added to its copy later.") -> None:
    """A new block before block `at` (0-based) of source.txt: every later paragraph moves on."""
    blocks = paragraphs(folder)
    write_paragraphs(folder, blocks[:at] + [text] + blocks[at:])


def cited_texts(config: Path) -> dict[str, list[str]]:
    """What the model cites: each finding's and concern's paragraph texts, each quote's."""
    [briefing] = load_site(config.parent / "docs")
    cited = {f"{p.kind}:{p.id}": [c.paragraph.text for c in p.citations]
             for p in briefing.findings + briefing.concerns}
    cited.update({f"quote:{r.id}:{q.number}": [q.citation.paragraph.text]
                  for r in briefing.reactions for q in r.quotes})
    return cited


def citations(folder: Path) -> list[tuple[tuple, int, int]]:
    """(path, paragraph, line of the number) for every point's, commitment's and
    recommendation's citation in briefing.yml."""
    document = load_yaml((folder / "briefing.yml").read_text(encoding="utf-8"))
    found = []
    for section in ("findings", "concerns", "commitments", "recommendations"):
        for i, point in enumerate(document.data.get(section, [])):
            for j, cite in enumerate(point["cites"]):
                path = (section, i, "cites", j)
                number = cite if isinstance(cite, int) else cite["paragraph"]
                found.append((path, number, document.line_of(path + ("paragraph",))))
    return found


def item(path: tuple) -> str:
    return f"{path[0]}[{path[1]}].cites[{path[3]}]"


def moved_messages(folder: Path, moved: list[tuple[tuple, int, int]]) -> list[str]:
    """What check says of each citation (path, paragraph, line) whose paragraph moved one on:
    named where it stands in briefing.yml now, as every message names an item."""
    source = parse_source((folder / "source.txt").read_text(encoding="utf-8"))
    return [f"{SHOWN}/briefing.yml:{line}: {item(path)}: paragraph {number} "
            f"(\"{excerpt_of(source, number + 1)}\") has moved to paragraph {number + 1} of "
            f"source.txt. To re-anchor the citation, run: {UPDATE}"
            for path, number, line in moved]


def excerpt_of(source, number: int) -> str:
    return excerpt(source.paragraph(number).text)


def with_items(folder: Path, section: str, change: Callable[[list[str]], list[str]]) -> None:
    """briefing.yml with the items of `section:` (each a `  - id:` block) as `change` makes
    them: inserted, deleted or reordered, as an analyst edits them."""
    metadata = folder / "briefing.yml"
    text = metadata.read_text(encoding="utf-8")
    start = text.index(f"\n{section}:\n") + len(section) + 3
    blank = text.find("\n\n", start)
    end = len(text) if blank < 0 else blank + 1
    items = ["  - id: " + block for block in text[start:end].split("  - id: ")[1:]]
    assert "".join(items) == text[start:end]
    metadata.write_text(text[:start] + "".join(change(items)) + text[end:], encoding="utf-8")


def naming_its_paragraph(folder: Path, starts: str, number: int) -> None:
    """The quote whose words begin `starts`, written with the paragraph it stands in."""
    metadata = folder / "briefing.yml"
    lines = metadata.read_text(encoding="utf-8").split("\n")
    [i] = [i for i, line in enumerate(lines) if line.startswith(f"      - {starts}")]
    lines[i:i + 1] = [lines[i].replace("- ", "- text: ", 1), f"        paragraph: {number}"]
    metadata.write_text("\n".join(lines), encoding="utf-8")


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


# --- The lock itself -----------------------------------------------------------------------------

def test_the_first_check_that_passes_writes_the_lock(project, capsys):
    code, out, err = run(capsys, project, "check")
    assert (code, err) == (0, "")
    assert out.endswith(f"Wrote {SHOWN}/source.lock: what 30 citations and quotes rest on; "
                        "commit it with briefing.yml.\n")
    text = (folder_of(project) / "source.lock").read_text(encoding="utf-8")
    assert text.startswith(HEADER)
    source = parse_source((folder_of(project) / "source.txt").read_text(encoding="utf-8"))
    entries = [ENTRY.fullmatch(line) for line in text.splitlines()[HEADER.count("\n"):]]
    assert all(entries) and len(entries) == 30
    first = entries[0]
    assert first and (first[1], first[2]) == ("findings[commitment].cites[0]", "15")
    assert first[3] == hashlib.sha256(source.paragraph(15).text.encode()).hexdigest()[:12]
    assert first[4] == "A clear commitment to improving services for children in…"
    assert [e[1] for e in entries if e][-1] == "reactions[commissioner-response].quotes[1]"
    assert run(capsys, project, "check")[1].count("source.lock") == 0   # written once only


def test_the_committed_lock_of_the_default_briefing_is_current(project, capsys):
    """A check of the default project writes nothing into docs/: its lock is what check
    would write."""
    committed = (DEFAULT_DOCS / SLUG / "source.lock").read_bytes()
    locked(project, capsys)
    assert (folder_of(project) / "source.lock").read_bytes() == committed


def test_the_lock_is_deterministic_lf_and_utf_8(tmp_path, config_for, capsys):
    written = []
    for name in ("one", "two elsewhere"):
        shutil.copytree(DEFAULT_DOCS, tmp_path / name / "docs")
        (tmp_path / name / "docs" / SLUG / "source.lock").unlink()
        config = config_for(tmp_path / name, tmp_path / name / "docs", tmp_path / name / "site")
        written.append((locked(config, capsys) / "source.lock").read_bytes())
    assert written[0] == written[1]
    assert b"\r" not in written[0] and written[0].endswith(b"\n")
    assert "’" in written[0].decode("utf-8")   # the source's own characters, as UTF-8


def test_a_build_without_a_lock_passes_and_writes_none(project, capsys):
    assert run(capsys, project, "build")[0] == 0
    assert not (folder_of(project) / "source.lock").exists()


# --- A paragraph inserted ------------------------------------------------------------------------

def test_a_paragraph_inserted_near_the_top_fails_naming_each_moved_citation(project, capsys):
    folder = locked(project, capsys)
    insert_paragraph(folder)
    before = tree(folder)
    code, out, err = run(capsys, project, "check")
    assert (code, out) == (1, "")
    expected = moved_messages(folder, [c for c in citations(folder) if c[1] > 1])
    assert err.splitlines() == expected + [f"{len(expected)} problems found; nothing was built."]
    assert len(expected) == 18
    assert tree(folder) == before


def test_update_lock_re_anchors_them_and_the_site_cites_the_same_paragraphs(project, capsys):
    folder = locked(project, capsys)
    cited_before = cited_texts(project)
    yml_before = (folder / "briefing.yml").read_text(encoding="utf-8")
    insert_paragraph(folder)
    code, out, err = run(capsys, project, "check", "--update-lock")
    assert (code, err) == (0, "")
    assert (f"{SHOWN}/briefing.yml:57: findings[0].cites[0]: paragraph 15 → 16 "
            "(\"A clear commitment to improving services for children in…\")\n") in out
    assert f"{SHOWN}/briefing.yml:62: findings[1].cites[1]: paragraph 4 → 5 (" in out
    assert f"Rewrote 18 paragraph numbers in {SHOWN}/briefing.yml.\n" in out
    assert f"Updated {SHOWN}/source.lock: what 30 citations and quotes rest on" in out
    yml_after = (folder / "briefing.yml").read_text(encoding="utf-8")
    # Only digits changed: comments, quoting and layout are as the curator wrote them.
    assert re.sub(r"\d+", "N", yml_after) == re.sub(r"\d+", "N", yml_before)
    assert "    cites: [17, 5]\n" in yml_after and "      - paragraph: 16\n" in yml_after
    code, out, err = run(capsys, project, "check")
    assert (code, err) == (0, "") and "source.lock" not in out
    assert cited_texts(project) == cited_before
    assert run(capsys, project, "build")[0] == 0
    findings = (project.parent / "site" / SLUG / "findings.html").read_text(encoding="utf-8")
    assert 'href="source.html#p16"' in findings and 'href="source.html#p15"' not in findings


def test_a_build_with_a_stale_lock_fails_and_leaves_the_previous_site(project, capsys):
    folder = locked(project, capsys)
    assert run(capsys, project, "build")[0] == 0
    site = tree(project.parent / "site")
    insert_paragraph(folder)
    docs = tree(folder)
    code, _, err = run(capsys, project, "build")
    assert code == 1
    assert "has moved to paragraph 16 of source.txt" in err
    assert err.endswith("18 problems found; nothing was built.\n")
    assert tree(project.parent / "site") == site
    assert tree(folder) == docs


def test_mkdocs_build_holds_to_the_lock_too(project, capsys, tmp_path):
    folder = locked(project, capsys)
    insert_paragraph(folder)
    docs = tree(folder)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project),
                             "-d", str(tmp_path / "mkdocs-site")], capture_output=True,
                            text=True, encoding="utf-8", cwd=tmp_path,
                            check=False)
    assert result.returncode != 0
    assert "has moved to paragraph 16 of source.txt" in result.stdout + result.stderr
    assert tree(folder) == docs


def test_the_lock_is_not_published(project, capsys):
    locked(project, capsys)
    assert run(capsys, project, "build")[0] == 0
    site = project.parent / "site"
    assert not [p for p in site.rglob("*") if "lock" in p.name]
    with zipfile.ZipFile(site / "downloads" / "briefings.zip") as archive:
        assert not [name for name in archive.namelist() if "lock" in name]


# --- A paragraph deleted or changed --------------------------------------------------------------

def test_a_deleted_cited_paragraph_fails_with_its_old_text_and_update_lock_refuses(
        project, capsys):
    folder = locked(project, capsys)
    blocks = paragraphs(folder)
    write_paragraphs(folder, [b for b in blocks if not b.startswith("- A significant invest")])
    before = tree(folder)
    code, out, err = run(capsys, project, "check")
    assert code == 1
    assert (f"{SHOWN}/briefing.yml:62: findings[1].cites[0]: paragraph 16 (\"A significant "
            "investment was being made by the constabulary…\") is not in source.txt as it was "
            "when source.lock was written (deleted, or its words changed): paragraph 16 now "
            "reads \"Staff responsible for managing child abuse investigations…\". Cite the "
            f"paragraph that says it now, then run: {UPDATE} (or, if paragraph 16 is still "
            f"right: {UPDATE} --accept-changed)\n") in err
    assert ("findings[2].cites[0]: paragraph 17 (\"Staff responsible for managing child abuse "
            "investigations…\") has moved to paragraph 16 of source.txt.") in err
    code, out, err = run(capsys, project, "check", "--update-lock")
    assert (code, out) == (1, "")
    assert err.splitlines()[-1] == "1 problem found; nothing was re-anchored or written."
    assert "findings[1].cites[0]: paragraph 16" in err and "has moved" not in err
    assert tree(folder) == before


def test_a_citation_fixed_by_hand_lets_update_lock_re_anchor_the_rest(project, capsys):
    folder = locked(project, capsys)
    blocks = paragraphs(folder)
    write_paragraphs(folder, [b for b in blocks if not b.startswith("- A significant invest")])
    metadata = folder / "briefing.yml"
    metadata.write_text(metadata.read_text(encoding="utf-8").replace(
        "cites: [16, 4]", "cites: [4]"), encoding="utf-8")
    code, out, err = run(capsys, project, "check", "--update-lock")
    assert (code, err) == (0, ""), err
    assert "findings[2].cites[0]: paragraph 17 → 16" in out
    assert run(capsys, project, "check")[0] == 0


def test_edited_words_in_a_cited_paragraph_fail_until_accepted(project, capsys):
    folder = locked(project, capsys)
    source = folder / "source.txt"
    source.write_text(source.read_text(encoding="utf-8").replace(
        "were committed and dedicated", "were very committed and dedicated"), encoding="utf-8")
    code, out, err = run(capsys, project, "check")
    assert code == 1
    assert err.splitlines() == [
        (f"{SHOWN}/briefing.yml:65: findings[2].cites[0]: paragraph 17 (\"Staff responsible "
         "for managing child abuse investigations…\") is not in source.txt as it was when "
         "source.lock was written (deleted, or its words changed): paragraph 17 begins with "
         "the same words, but the rest differs. Cite the paragraph that says it now, then "
         f"run: {UPDATE} (or, if paragraph 17 is still right: {UPDATE} --accept-changed)"),
        "1 problem found; nothing was built."]
    assert run(capsys, project, "check", "--update-lock")[0] == 1
    code, out, err = run(capsys, project, "check", "--update-lock", "--accept-changed")
    assert (code, err) == (0, "")
    assert (f"{SHOWN}/briefing.yml:65: findings[2].cites[0]: paragraph 17 accepted as it now "
            "reads (it began \"Staff responsible") in out
    code, out, err = run(capsys, project, "check")
    assert (code, err) == (0, "") and "source.lock" not in out


def test_a_passage_no_longer_in_its_paragraph_is_reported_once(project, capsys):
    folder = locked(project, capsys)
    source = folder / "source.txt"
    source.write_text(source.read_text(encoding="utf-8").replace(
        "A clear commitment to improving", "A firm commitment to improving"), encoding="utf-8")
    code, _, err = run(capsys, project, "check")
    assert code == 1
    assert err.count("findings[0].cites[0]") == 1
    assert "findings[0].cites[0]: paragraph 15 (\"A clear commitment" in err


def test_a_quote_whose_paragraph_changed_around_it_fails(project, capsys):
    folder = locked(project, capsys)
    source = folder / "source.txt"
    source.write_text(source.read_text(encoding="utf-8").replace(
        "HM inspector of constabulary Mike Cunningham said:",
        "HM inspector of constabulary Michael Cunningham said:"), encoding="utf-8")
    code, _, err = run(capsys, project, "check")
    assert code == 1
    assert ("reactions[0].quotes[0]: the paragraph this quote stood in, paragraph 6 (\"HM "
            "inspector of constabulary Mike Cunningham said:…\"), has changed") in err
    assert run(capsys, project, "check", "--update-lock", "--accept-changed")[0] == 0


def test_a_quote_that_names_its_paragraph_is_re_anchored(tmp_path, config_for, capsys):
    """Words that stand twice need `paragraph:`; after a shift it must follow its paragraph."""
    case = ROOT / "tests" / "bad_input" / "ok-quote-paragraph-settles-ambiguity" / "docs"
    shutil.copytree(case, tmp_path / "docs")
    config = config_for(tmp_path, tmp_path / "docs", tmp_path / "site")
    folder = folder_of(config, "northshire")
    assert run(capsys, config, "check")[0] == 0
    source = folder / "source.txt"
    source.write_text("An editor's note added at the top.\n\n" + source.read_text("utf-8"),
                      encoding="utf-8")
    code, out, err = run(capsys, config, "check")
    assert "reactions[0].quotes[0]: not found in paragraph 6" in err
    code, out, err = run(capsys, config, "check", "--update-lock")
    assert code == 0, err
    assert "reactions[0].quotes[0]: paragraph 6 → 7" in out
    assert "        paragraph: 7\n" in (folder / "briefing.yml").read_text(encoding="utf-8")
    [briefing] = load_site(tmp_path / "docs")
    assert briefing.reactions[0].quotes[0].citation.paragraph.number == 7


def test_summary_citations_and_the_cut_are_locked_and_re_anchored(project, capsys):
    folder = folder_of(project)
    metadata = folder / "briefing.yml"
    text = metadata.read_text(encoding="utf-8")
    text = text.replace("subject:\n", "summary_cites: [1, 15]   # the opening and a finding\n"
                        "subject:\n", 1)
    text = text.replace("  kind: news report\n", "  kind: news report\n  cut_short: 33\n", 1)
    metadata.write_text(text, encoding="utf-8")
    lock = locked(project, capsys) / "source.lock"
    assert "\nsummary_cites[1] 15 " in lock.read_text(encoding="utf-8")
    assert "\nsource.cut_short 33 " in lock.read_text(encoding="utf-8")
    insert_paragraph(folder)
    code, _, err = run(capsys, project, "check")
    assert code == 1
    assert "summary_cites[1]: paragraph 15 (" in err and "source.cut_short: paragraph 33 (" in err
    assert "To re-anchor the cut, run:" in err
    assert run(capsys, project, "check", "--update-lock")[0] == 0
    text = metadata.read_text(encoding="utf-8")
    assert "summary_cites: [1, 16]   # the opening and a finding\n" in text
    assert "  cut_short: 34\n" in text


# --- Items added, deleted or reordered -----------------------------------------------------------

NEW_FINDING = ("  - id: new-finding\n"
               "    text: Police are committed to improving services.\n"
               "    cites: [5]   # written against the corrected source\n")


def test_a_finding_inserted_at_the_top_leaves_the_old_ones_known_by_id(project, capsys):
    """An everyday edit: a new first finding, and in the same edit a corrected copy of the
    source with a paragraph more at its top. Every old finding's citation has moved, though
    none stands where it did in findings: any more."""
    folder = locked(project, capsys)
    cited_before = cited_texts(project)
    with_items(folder, "findings", lambda items: [NEW_FINDING] + items)
    insert_paragraph(folder, at=0)
    code, out, err = run(capsys, project, "check")
    assert (code, out) == (1, "")
    expected = moved_messages(folder, [c for c in citations(folder)
                                       if c[0][:2] != ("findings", 0)])
    assert err.splitlines() == expected + [f"{len(expected)} problems found; nothing was built."]
    assert len(expected) == 19
    assert (f"{SHOWN}/briefing.yml:60: findings[1].cites[0]: paragraph 15 (\"A clear "
            "commitment to improving services for children in…\") has moved to paragraph "
            "16") in err
    code, out, err = run(capsys, project, "check", "--update-lock")
    assert (code, err) == (0, ""), err
    assert f"{SHOWN}/briefing.yml:60: findings[1].cites[0]: paragraph 15 → 16 (" in out
    assert f"Rewrote 19 paragraph numbers in {SHOWN}/briefing.yml.\n" in out
    assert "findings[0]" not in out
    assert NEW_FINDING in (folder / "briefing.yml").read_text(encoding="utf-8")
    assert "\nfindings[new-finding].cites[0] 5 " in (folder / "source.lock").read_text("utf-8")
    code, out, err = run(capsys, project, "check")
    assert (code, err) == (0, "") and "source.lock" not in out
    cited = cited_texts(project)
    assert cited.pop("finding:new-finding") == [paragraphs(folder)[4]]
    assert cited == cited_before


def test_reordered_reactions_still_re_anchor_quotes_that_name_their_paragraph(project, capsys):
    folder = folder_of(project)
    naming_its_paragraph(folder, "Inspectors found some good individual examples", 6)
    naming_its_paragraph(folder, "The constabulary will in the next six weeks", 32)
    locked(project, capsys)
    cited_before = cited_texts(project)
    with_items(folder, "reactions", lambda items: items[::-1])
    insert_paragraph(folder, at=0)
    code, _, err = run(capsys, project, "check")
    assert code == 1
    assert "reactions[0].quotes[1]: not found in paragraph 32" in err
    assert "reactions[2].quotes[0]: not found in paragraph 6" in err
    code, out, err = run(capsys, project, "check", "--update-lock")
    assert (code, err) == (0, ""), err
    assert "reactions[0].quotes[1]: paragraph 32 → 33 (" in out
    assert "reactions[2].quotes[0]: paragraph 6 → 7 (" in out
    assert run(capsys, project, "check")[0] == 0
    assert cited_texts(project) == cited_before
    [briefing] = load_site(project.parent / "docs")
    assert [r.id for r in briefing.reactions][::2] == ["commissioner-response",
                                                        "inspector-statement"]
    assert briefing.reactions[0].quotes[1].citation.paragraph.number == 33
    assert briefing.reactions[2].quotes[0].citation.paragraph.number == 7


def without_dedicated_staff(items: list[str]) -> list[str]:
    return [block for block in items if not block.startswith("  - id: dedicated-staff\n")]


def test_a_deleted_finding_says_nothing_of_the_others(project, capsys):
    folder = locked(project, capsys)
    lock = folder / "source.lock"
    before = lock.read_text(encoding="utf-8").splitlines()
    with_items(folder, "findings", without_dedicated_staff)
    code, out, err = run(capsys, project, "check")
    assert (code, err) == (0, "")
    assert f"Updated {SHOWN}/source.lock: what 29 citations and quotes rest on" in out
    assert lock.read_text(encoding="utf-8").splitlines() == [
        line for line in before if not line.startswith("findings[dedicated-staff].")]


def test_a_deleted_finding_and_an_inserted_paragraph_report_each_moved_citation_once(
        project, capsys):
    folder = locked(project, capsys)
    with_items(folder, "findings", without_dedicated_staff)
    insert_paragraph(folder)
    code, out, err = run(capsys, project, "check")
    assert (code, out) == (1, "")
    expected = moved_messages(folder, [c for c in citations(folder) if c[1] > 1])
    assert err.splitlines() == expected + [f"{len(expected)} problems found; nothing was built."]
    assert len(expected) == 17 and "findings[2].cites[0]: paragraph 18 (" in err


def test_an_id_of_digits_is_an_id_not_a_position(project, capsys):
    folder = folder_of(project)
    metadata = folder / "briefing.yml"
    metadata.write_text(metadata.read_text(encoding="utf-8").replace(
        "  - id: dedicated-staff\n", "  - id: \"2021\"\n"), encoding="utf-8")
    assert "\nfindings[2021].cites[0] 17 " in (locked(project, capsys) / "source.lock"
                                               ).read_text(encoding="utf-8")
    insert_paragraph(folder)
    code, _, err = run(capsys, project, "check")
    assert code == 1
    assert "findings[2].cites[0]: paragraph 17 (\"Staff responsible" in err
    assert err.endswith("18 problems found; nothing was built.\n")


def by_position(folder: Path, lock: str) -> str:
    """`lock` as locks were written before they named items by id: `findings[0].cites[0]`."""
    data = load_yaml((folder / "briefing.yml").read_text(encoding="utf-8")).data
    for section in ("findings", "concerns", "reactions"):
        for i, point in enumerate(data[section]):
            lock = lock.replace(f"\n{section}[{point['id']}].", f"\n{section}[{i}].")
    return lock.replace(HEADER, HEADER.split("\n# item")[0] + "\n# item, paragraph, hash of "
                        "the paragraph's text (SHA-256, 12 digits), its first words\n")


def test_a_lock_keyed_by_position_is_read_and_rewritten_by_the_next_check(project, capsys):
    """Its entries name no item now: ignored, not refused, and the check that passes writes
    the lock anew, keyed by id."""
    lock = locked(project, capsys) / "source.lock"
    current = lock.read_text(encoding="utf-8")
    lock.write_text(by_position(folder_of(project), current), encoding="utf-8")
    old = lock.read_text(encoding="utf-8")
    assert "\nfindings[0].cites[0] 15 " in old and "[commitment]" not in old
    assert "\nreactions[2].quotes[1] 32 " in old
    assert run(capsys, project, "build")[0] == 0
    assert lock.read_text(encoding="utf-8") == old   # builds only read it
    code, out, err = run(capsys, project, "check")
    assert (code, err) == (0, "")
    assert f"Updated {SHOWN}/source.lock: what 30 citations and quotes rest on" in out
    assert lock.read_text(encoding="utf-8") == current


# --- Writing safely ------------------------------------------------------------------------------

def test_update_lock_keeps_line_endings_and_byte_order_mark(tmp_path, config_for, capsys):
    shutil.copytree(ROOT / "tests" / "bad_input" / "ok-minimal" / "docs", tmp_path / "docs")
    config = config_for(tmp_path, tmp_path / "docs", tmp_path / "site")
    folder = folder_of(config, "northshire")
    metadata = folder / "briefing.yml"
    metadata.write_bytes(b"\xef\xbb\xbf" + metadata.read_bytes().replace(b"\n", b"\r\n"))
    metadata.chmod(0o640)
    assert run(capsys, config, "check")[0] == 0
    before = metadata.read_bytes()
    insert_paragraph(folder, at=0)
    assert run(capsys, config, "check", "--update-lock")[0] == 0
    after = metadata.read_bytes()
    assert after.startswith(b"\xef\xbb\xbf") and after.count(b"\r\n") == before.count(b"\r\n")
    assert re.sub(rb"\d+", b"N", after) == re.sub(rb"\d+", b"N", before)
    assert after != before
    assert metadata.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in folder.iterdir()) == ["briefing.yml", "source.lock",
                                                         "source.txt"]


def test_a_failed_write_leaves_the_file_and_no_temporary(project, capsys, monkeypatch):
    folder = locked(project, capsys)
    insert_paragraph(folder)
    before = tree(folder)

    def failing(source, target):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "replace", failing)
    code, out, err = run(capsys, project, "check", "--update-lock")
    assert (code, out) == (1, "")
    assert err.startswith(f"error: cannot write {SHOWN}/briefing.yml: No space left on "
                          "device. Nothing of it was changed;")
    assert tree(folder) == before


def test_a_briefing_yml_edited_while_checked_is_not_overwritten(project, capsys, monkeypatch):
    folder = locked(project, capsys)
    insert_paragraph(folder)
    metadata = folder / "briefing.yml"
    original = check_command.checked_with_locks

    def edited_meanwhile(*args, **kwargs):
        checked = original(*args, **kwargs)
        metadata.write_text(metadata.read_text(encoding="utf-8") + "# mine\n", encoding="utf-8")
        return checked
    monkeypatch.setattr(check_command, "checked_with_locks", edited_meanwhile)
    lock = (folder / "source.lock").read_bytes()
    before = metadata.read_text(encoding="utf-8")
    code, _, err = run(capsys, project, "check", "--update-lock")
    assert code == 1
    assert err == (f"error: {SHOWN}/briefing.yml changed while it was checked; nothing was "
                   "written. Run the command again.\n")
    assert metadata.read_text(encoding="utf-8") == before + "# mine\n"
    assert (folder / "source.lock").read_bytes() == lock


def test_a_number_that_is_not_plain_digits_is_left_to_the_curator(project, capsys):
    folder = folder_of(project)
    metadata = folder / "briefing.yml"
    metadata.write_text(metadata.read_text(encoding="utf-8").replace(
        "cites: [16, 4]", "cites: [0x10, 4]"), encoding="utf-8")
    locked(project, capsys)
    insert_paragraph(folder)
    before = tree(folder)
    code, _, err = run(capsys, project, "check", "--update-lock")
    assert code == 1
    assert (f"{SHOWN}/briefing.yml:62: findings[1].cites[0]: paragraph 16 moved to 17, but is "
            "not written as plain digits of its own, which --update-lock rewrites. Write 17 "
            "there by hand.") in err
    assert tree(folder) == before


def test_accept_changed_goes_with_update_lock(project, capsys):
    with pytest.raises(SystemExit) as exited:
        main(["--config", str(project), "check", "--accept-changed"])
    assert exited.value.code == 2
    assert "--accept-changed goes with --update-lock" in capsys.readouterr().err


# --- Hostile locks -------------------------------------------------------------------------------

def _link_out(path: Path) -> None:
    outside = path.parents[2] / "outside-secret.txt"   # beside docs/, not in it
    outside.write_text("TOP SECRET\n", encoding="utf-8")
    path.symlink_to(outside)


@pytest.mark.parametrize("make, message", [
    (_link_out, "is a link to "),
    (os.mkfifo, "is not a regular file (a device, pipe or folder?); use a plain text file."),
    (Path.mkdir, "is a folder; give the text file itself."),
    (lambda p: p.write_bytes(b"# lock\n" + b"x" * 5_100_000), "over the limit of 5 MB"),
    (lambda p: p.write_bytes(b"caf\xe9\n"), "not UTF-8 text"),
    (lambda p: p.write_text("findings[0].cites[0] 15 nothex text\n", encoding="utf-8"),
     "1: not a line check wrote (item, paragraph, hash, first words)"),
], ids=["link-out", "fifo", "folder", "over-size-limit", "not-utf-8", "not-a-lock-line"])
def test_a_hostile_lock_is_refused_and_never_published(project, make, message, capsys):
    lock = folder_of(project) / "source.lock"
    make(lock)
    with pytest.raises(CheckFailed) as failed:
        load_site(project.parent / "docs")
    [problem] = failed.value.problems
    assert str(problem).startswith(f"{SHOWN}/source.lock") and message in str(problem)
    code, _, err = run(capsys, project, "check")
    assert code == 1 and message in err


def test_a_lock_outside_any_briefing_is_checked_like_any_file(project, capsys):
    (project.parent / "docs" / "notes").mkdir()
    _link_out(project.parent / "docs" / "notes" / "source.lock")
    code, _, err = run(capsys, project, "check")
    assert code == 1
    assert err.startswith("docs/notes/source.lock: is a link to ")


# --- Real texts ----------------------------------------------------------------------------------

def sample_sources() -> list[Path]:
    return sorted(SAMPLES.glob("*/source.txt"))[:3] if SAMPLES.is_dir() else []


@pytest.mark.skipif(not sample_sources(), reason=f"no sample texts in {SAMPLES}")
@pytest.mark.parametrize("source", sample_sources(), ids=lambda p: p.parent.name)
def test_a_real_text_drafted_with_new_is_locked_and_re_anchored(source, tmp_path, config_for,
                                                                 capsys):
    (tmp_path / "docs").mkdir()
    config = config_for(tmp_path, tmp_path / "docs", tmp_path / "site")
    run_new(Project(config), "sample", source, force=False)
    folder = folder_of(config, "sample")
    code, out, err = run(capsys, config, "check")
    assert code == 0, err
    assert "Wrote docs/sample/source.lock" in out
    cited_before = cited_texts(config)
    insert_paragraph(folder)
    code, out, err = run(capsys, config, "check")
    assert code == 1 and "has moved to paragraph" in err
    code, out, err = run(capsys, config, "check", "--update-lock")
    assert code == 0, err
    assert " → " in out and "Rewrote " in out
    assert run(capsys, config, "check")[0] == 0
    assert cited_texts(config) == cited_before
