"""`build.py new SLUG --source FILE` (`run_new`): a new briefing folder with a drafted
briefing.yml that passes the checks and builds; and every bad input refused with its
message, leaving the docs folder exactly as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from briefing.commands.build import run_build
from briefing.commands.new import NewBriefingError, run_new
from briefing.errors import BriefingError
from briefing.inputs.intake import IntakeError
from briefing.pipeline import load_site
from briefing.project import Project
from shared_texts import CORPUS, SEED, source_path

NAMES = sorted(path.stem for path in (Path(__file__).parent / "fixtures" / "draft_expected").glob("*.yml"))
CUMBRIA = SEED


@pytest.fixture
def project(tmp_path, config_for) -> Project:
    """An empty project: a docs folder of its own, the real templates."""
    (tmp_path / "docs").mkdir()
    return Project(config_for(tmp_path, tmp_path / "docs", tmp_path / "site"))


def docs_of(project: Project) -> Path:
    return project.root / "docs"


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def listing(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


# --- Every sample drafts, checks and builds --------------------------------------------------

def test_every_sample_becomes_a_briefing_that_checks_and_builds(project):
    results = {name: run_new(project, name, source_path(name), force=False)
               for name in NAMES}
    briefings = {b.slug: b for b in load_site(docs_of(project))}
    assert sorted(briefings) == NAMES
    built = run_build(project)
    for name, result in results.items():
        assert result.folder == docs_of(project) / name
        assert (built.site_dir / name / "reactions.html").is_file()
        briefing = briefings[name]
        assert result.counts.quotes == sum(len(r.quotes) for r in briefing.reactions)
        assert result.counts.findings == len(briefing.findings)
        assert result.placeholders == ("source.outlet",)
        assert briefing.metadata.source.outlet == "UNKNOWN – fill in"


def test_the_source_is_copied_and_the_draft_is_marked_for_review(project):
    result = run_new(project, "cumbria", CUMBRIA, force=False)
    assert (result.folder / "source.txt").read_bytes() == CUMBRIA.read_bytes()
    text = (result.folder / "briefing.yml").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../briefing.schema.json"
    assert "#   - Fill in every field marked FILL IN: source.outlet." in lines
    assert "  # FILL IN (the text does not say who published it): who published the text." in lines
    metadata = yaml.safe_load(text)
    drafted = len(metadata["findings"]) + len(metadata["concerns"]) + len(metadata["people"])
    drafted += len(metadata["reactions"])
    assert text.count("# DRAFT (") + text.count("# DRAFT: check speaks_for") >= drafted
    assert (result.encoding, result.notes, result.backup) == ("utf-8", (), None)
    assert result.counts.quotes == 11


def test_the_draft_reads_the_default_briefing_as_the_curator_did(project):
    run_new(project, "cumbria", CUMBRIA, force=False)
    [briefing] = load_site(docs_of(project))
    metadata = briefing.metadata
    assert metadata.subject.name == "Cumbria Constabulary"
    assert (metadata.inspector.name, metadata.inspector.short_name) == (
        "HM Inspectorate of Constabulary", "HMIC")
    assert [(p.name, p.role) for p in metadata.people] == [
        ("Mike Cunningham", "HM inspector of constabulary"),
        ("Andrew Slattery", "Detective chief superintendent"),
        ("Peter McCall", "Cumbria's police and crime commissioner")]
    assert [(r.person, r.speaks_for, len(r.quotes)) for r in metadata.reactions] == [
        ("mike-cunningham", "inspector", 5), ("andrew-slattery", "subject", 4),
        ("peter-mccall", "other", 2)]
    # Every concern the curator drew from the list; the draft may also offer the inspector's
    # own words of concern and the opening's summary, for the analyst to keep or merge.
    assert {21, 22, 23, 24, 25} <= {c.cites[0].paragraph for c in metadata.concerns}


def test_a_windows_1252_file_with_crlf_is_stored_as_utf_8_with_lf(project, tmp_path):
    text = (CORPUS / "wiltshire-ofsted-2012" / "source.txt").read_text(encoding="utf-8")
    source = tmp_path / "wiltshire.txt"
    source.write_bytes(text.replace("\n", "\r\n").replace("THE", "THE\u00a0", 1).encode("cp1252"))
    result = run_new(project, "wiltshire", source, force=False)
    assert result.encoding == "cp1252"
    assert result.notes == ("converted 23 CRLF line endings to LF",
                            "replaced 1 non-breaking space by plain spaces")
    assert (result.folder / "source.txt").read_text(encoding="utf-8") == text.replace(
        "THE", "THE ", 1)
    assert "# The source was read as cp1252." in (result.folder / "briefing.yml").read_text(
        encoding="utf-8")
    load_site(docs_of(project))


def test_a_saved_web_page_gives_its_headline_outlet_and_address(project, tmp_path):
    page = tmp_path / "article.html"
    page.write_text(
        "<html><head><meta property='og:site_name' content='KentOnline'>"
        "<link rel='canonical' href='https://www.kentonline.co.uk/news/1'></head><body><article>"
        "<h1>Kent Police told to improve</h1><p>Kent Police have been criticised by HM "
        "Inspectorate of Constabulary for poor supervision, a report has found.</p>"
        "<p>Jo Bloggs, of Kent Police, said: &ldquo;We accept the findings.&rdquo;</p>"
        "</article></body></html>", encoding="utf-8")
    result = run_new(project, "kent-page", page, force=False)
    assert result.placeholders == ()
    [briefing] = load_site(docs_of(project))
    source = briefing.metadata.source
    assert (briefing.metadata.title, source.outlet, source.url, source.headline.value) == (
        "Kent Police told to improve", "KentOnline", "https://www.kentonline.co.uk/news/1",
        "Kent Police told to improve")
    assert [(r.person, r.speaks_for) for r in briefing.metadata.reactions] == [
        ("jo-bloggs", "subject")]


@pytest.mark.parametrize("text", [
    "Just one line of text without anything else in it",
    "- a list item alone\n- and another one\n",
    "“An unattributed quote.”\n\n“And another, the same.”\n",
    "Jane Roe said: “Same words.”\n\nJohn Doe said: “Same words.”\n",
    "Ann Lee said: “We tried... and failed [...] badly.” She said: “,”\n",
    "READ MORE: nothing\n\nRelated links\n",
    "Inspectors found: “good”, “poor”; the report said “inadequate” – “outstanding”?\n",
    "x" * 3000 + "\n\n" + "Inspectors found poor care. " * 200 + "\n",
    "Dr. Jo Smith, head of the Trust, said: \"It's #1: yes - no: {ok} [fine] & *well*.\"\n",
])
def test_awkward_texts_still_give_a_draft_that_checks(project, tmp_path, text):
    source = tmp_path / "awkward.txt"
    source.write_text(text, encoding="utf-8")
    run_new(project, "awkward", source, force=False)
    load_site(docs_of(project))


# --- An existing folder ----------------------------------------------------------------------

def test_an_existing_briefing_is_never_overwritten(project):
    first = run_new(project, "cumbria", CUMBRIA, force=False)
    (first.folder / "briefing.yml").write_text("curated: by hand\n", encoding="utf-8")
    before = tree(docs_of(project))
    with pytest.raises(NewBriefingError) as refused:
        run_new(project, "cumbria", CUMBRIA, force=False)
    assert str(refused.value) == (
        f"{first.folder} already exists; nothing was written. Choose another name, or use "
        f"--force to move the existing folder aside (to {docs_of(project) / '.cumbria.backup-N'})"
        " and write a new draft.")
    assert tree(docs_of(project)) == before


def test_with_force_the_existing_briefing_is_moved_to_a_hidden_backup(project):
    run_new(project, "cumbria", CUMBRIA, force=False)
    (docs_of(project) / "cumbria" / "briefing.yml").write_text("curated: 1\n", encoding="utf-8")
    second = run_new(project, "cumbria", CUMBRIA, force=True)
    assert second.backup == docs_of(project) / ".cumbria.backup-1"
    assert (second.backup / "briefing.yml").read_text(encoding="utf-8") == "curated: 1\n"
    third = run_new(project, "cumbria", CUMBRIA, force=True)
    assert third.backup == docs_of(project) / ".cumbria.backup-2"
    assert [b.slug for b in load_site(docs_of(project))] == ["cumbria"]


# --- Bad input: a message, and nothing left behind -------------------------------------------

@pytest.mark.parametrize("slug, message", [
    ("../x", ("'../x' is not a usable briefing name: it becomes a folder and a web address, so "
             "use lower-case letters, digits and single hyphens, e.g. 'kent-police-2021'. "
             "Did you mean 'x'?")),
    ("a/b", "'a/b' is not a usable briefing name"),
    ("kent police", "Did you mean 'kent-police'?"),
    ("Kent-Police", "Did you mean 'kent-police'?"),
    ("kent--police", "'kent--police' is not a usable briefing name"),
    ("-kent", "'-kent' is not a usable briefing name"),
    ("", "'' is not a usable briefing name"),
    (".hidden", "'.hidden' is not a usable briefing name"),
    ("kent\n", "is not a usable briefing name"),
    ("assets", ("'assets' is reserved for the site's own files; choose another name, e.g. "
               "'assets-briefing'.")),
    ("downloads", "'downloads' is reserved for the site's own files"),
])
def test_a_bad_name_is_refused_before_anything_is_read(project, slug, message, monkeypatch):
    monkeypatch.setattr("briefing.commands.new.read_source",
                        lambda *a: pytest.fail("the source was read"))
    with pytest.raises(NewBriefingError) as refused:
        run_new(project, slug, CUMBRIA, force=False)
    assert message in str(refused.value)
    assert listing(docs_of(project)) == []
    assert not (project.root / "x").exists()


def make_sparse(path: Path, size: int) -> None:
    with open(path, "wb") as handle:
        handle.truncate(size)


@pytest.mark.parametrize("name, content, message", [
    ("missing.txt", None, "no such file. Check the path given with --source."),
    ("empty.txt", b"", "is empty. Paste the article or report summary into it."),
    ("blank.txt", b"\n \n\t\n", "no paragraphs of text were found in it"),
    ("report.pdf", b"%PDF-1.7\n\x00\x01\x02binary", "does not look like text"),
    ("big.txt", 6_000_000, "is 6.0 MB, over the limit of 5 MB."),
    ("huge.txt", 50_000_000, "is 50.0 MB, over the limit of 5 MB."),
])
def test_a_bad_source_is_refused_and_nothing_is_left_behind(project, tmp_path, name, content,
                                                            message):
    source = tmp_path / name
    if isinstance(content, bytes):
        source.write_bytes(content)
    elif isinstance(content, int):
        make_sparse(source, content)
    with pytest.raises(IntakeError) as refused:
        run_new(project, "new-briefing", source, force=False)
    assert str(refused.value).startswith(f"{source}: ")
    assert message in str(refused.value)
    assert listing(docs_of(project)) == []


def test_the_size_limit_is_the_one_set_for_the_project(tmp_path, config_for):
    (tmp_path / "docs").mkdir()
    config = config_for(tmp_path, tmp_path / "docs", tmp_path / "site")
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    settings["plugins"] = [{"briefing": {"max_file_mb": 0.001}}]
    config.write_text(yaml.safe_dump(settings), encoding="utf-8")
    with pytest.raises(IntakeError, match=r"over the limit of 0.001 MB"):
        run_new(Project(config), "cumbria", CUMBRIA, force=False)
    assert listing(tmp_path / "docs") == []


def test_a_draft_that_fails_the_checks_is_not_written(project, monkeypatch):
    monkeypatch.setattr("briefing.commands.new.render_draft",
                        lambda *a: "title: Broken\nsummary: no subject\n")
    with pytest.raises(NewBriefingError) as refused:
        run_new(project, "cumbria", CUMBRIA, force=False)
    assert str(refused.value).startswith(
        "the drafted briefing.yml does not pass the checks, which is a bug in `new`; nothing "
        "was written.")
    assert "missing required field 'subject'" in str(refused.value)
    assert listing(docs_of(project)) == []


def test_a_failed_move_puts_the_previous_briefing_back(project, monkeypatch):
    run_new(project, "cumbria", CUMBRIA, force=False)
    before = tree(docs_of(project))
    real_rename = Path.rename

    def failing_rename(self, target):
        if self.name == "cumbria" and ".new-" in str(self):
            raise OSError("disk full")
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", failing_rename)
    with pytest.raises(OSError):
        run_new(project, "cumbria", CUMBRIA, force=True)
    assert tree(docs_of(project)) == before
    assert listing(docs_of(project)) == ["cumbria", "cumbria/briefing.yml", "cumbria/source.txt"]


def test_errors_are_briefing_errors_shown_as_messages():
    assert issubclass(NewBriefingError, BriefingError)
    assert issubclass(IntakeError, BriefingError)
