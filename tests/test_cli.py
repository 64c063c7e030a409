"""The command line: `python build.py [--config FILE] COMMAND` and its exit codes.

Most tests call `briefing.cli.main` in-process; a few run build.py itself to prove the real
entry point (exit status, streams, the mkdocs.yml beside build.py as the default).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from briefing.cli import _COMMANDS, main
from briefing.commands.schema import schema_text
from conftest import DEFAULT_DOCS, default_project

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "mkdocs.yml"
README = ROOT / "README.md"
DOCUMENTED_COMMANDS = ("build", "check", "serve", "new", "export", "schema")
"""The commands README.md documents, written out here: a command lost from the parser fails."""
OK_DEFAULT = ("OK: 1 briefing checked; 11 quotes found word for word in their sources, "
              "17 citations resolved.\n")
COVERAGE_DEFAULT = ("Coverage:\n  cumbria-child-protection: 28 of 33 paragraphs cited (not cited: "
                    "2, 11, 12, 14, 20); unquoted speech: none; people missing: none; DRAFT marks: "
                    "none; placeholders: none; cuts to check: none; organisation inspected heard: yes\n")
"""The default briefing cites every paragraph that makes a point; the rest is context."""
FOLLOW_UP = "cumbria-child-protection-review"
"""The default site's second briefing: its copy is cut short, so check warns of what it
cannot quote; the tests of the default briefing's own output leave it out."""
OK_DEFAULT_SITE = ("OK: 2 briefings checked; 14 quotes found word for word in their sources, "
                   "29 citations resolved.\n")


def build_py(*args: str, cwd: Path, script: Path = ROOT / "build.py"
             ) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(script), *args], cwd=cwd,
                          capture_output=True, text=True, encoding="utf-8")


def listed_commands(help_text: str) -> dict[str, str]:
    """`--help` output's list of commands: {command: its help text, unwrapped}."""
    section = help_text.split("\ncommands", 1)[1].split("\n\n", 1)[0]
    listed: dict[str, str] = {}
    for line in section.splitlines()[2:]:       # the title, then the COMMAND metavar
        if entry := re.fullmatch(r" {4}(\S+)(?: {2,}(\S.*))?", line):
            command = entry[1]
            listed[command] = entry[2] or ""
        elif more := re.fullmatch(r" {5,}(\S.*)", line):   # a wrapped line of help text
            listed[command] = f"{listed[command]} {more[1]}".strip()
    return listed


def help_output(capsys, *args: str) -> str:
    """What `python build.py [ARGS] --help` prints; it must exit 0."""
    with pytest.raises(SystemExit) as exited:
        main([*args, "--help"], default_config=CONFIG)
    assert exited.value.code == 0
    return capsys.readouterr().out


def readme_commands(readme: Path) -> set[str]:
    """The commands in the README's "## Commands" table; the bare `python build.py` row is the
    default command, as `--help` names it."""
    text = readme.read_text(encoding="utf-8")
    table = text.split("\n## Commands\n", 1)[1].split("\n## ", 1)[0]
    commands = set()
    for invocation in re.findall(r"^\| `python build\.py([^`]*)` \|", table, flags=re.MULTILINE):
        words = invocation.split()
        if not words:
            commands.add("(default)")
        elif not words[0].startswith("-"):
            commands.add(words[0])
    return commands


@pytest.fixture
def project(tmp_path, config_for) -> Path:
    """The default project as a fresh clone has it, in tmp_path; returns its mkdocs.yml."""
    return default_project(tmp_path)


# --- Usage ----------------------------------------------------------------------------------

def test_help_lists_each_documented_command_with_its_help_text(capsys):
    """Each command must be listed by name with what it does: the words alone would pass
    anyway ("check" is in build's help, "build" in the usage line), so a lost command would
    not fail a search of the whole output."""
    out = help_output(capsys)
    assert out.startswith("usage: python build.py")
    listed = listed_commands(out)
    assert set(listed) == set(DOCUMENTED_COMMANDS)
    for command in DOCUMENTED_COMMANDS:
        assert listed[command], f"{command} is listed without its help text"


def test_every_command_the_parser_offers_can_run():
    """A command offered but missing from `_COMMANDS` would fail only when someone types it."""
    assert set(_COMMANDS) == set(DOCUMENTED_COMMANDS)


@pytest.mark.parametrize("command", DOCUMENTED_COMMANDS)
def test_each_documented_command_has_its_own_help(command, capsys):
    assert help_output(capsys, command).startswith(f"usage: python build.py {command}")


def test_the_readme_commands_table_names_exactly_the_commands_the_parser_offers(capsys):
    """The README is where users learn the commands: one removed or added on either side fails."""
    out = help_output(capsys)
    default = re.search(r"^commands \(default: (\S+)\):$", out, flags=re.MULTILINE)
    assert default, "--help no longer names the default command"
    documented = {default[1] if command == "(default)" else command
                  for command in readme_commands(README)}
    assert documented == set(listed_commands(out))


def test_an_unknown_command_exits_2(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["publish"], default_config=CONFIG)
    assert exited.value.code == 2
    assert "invalid choice: 'publish'" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["build", "check", "schema"])
def test_a_missing_config_exits_2_with_a_message(command, tmp_path, capsys):
    missing = tmp_path / "nowhere" / "mkdocs.yml"
    assert main(["--config", str(missing), command]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (f"error: {missing}: no such file. Run from a Briefing project, or name the "
                   "configuration with --config.\n")
    assert not (tmp_path / "nowhere").exists()


def test_an_unreadable_config_exits_2_without_a_traceback(tmp_path, capsys):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: [unclosed\n", encoding="utf-8")
    assert main(["--config", str(config), "check"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {config}: ")
    assert "Traceback" not in err


# --- check ----------------------------------------------------------------------------------

def test_check_prints_ok_on_the_default_project(project, capsys):
    assert main(["--config", str(project), "check"]) == 0
    assert capsys.readouterr() == (OK_DEFAULT + COVERAGE_DEFAULT, "")


def test_check_writes_nothing(project, tree_of, capsys):
    before = tree_of(project.parent)
    assert main(["--config", str(project), "check"]) == 0
    assert tree_of(project.parent) == before
    assert capsys.readouterr().out == OK_DEFAULT + COVERAGE_DEFAULT


# --- build ----------------------------------------------------------------------------------

def test_build_prints_where_the_site_is(project, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["--config", str(project), "build", "--site-dir", "site"]) == 0
    out, err = capsys.readouterr()
    first, second = out.splitlines()
    pages = len(list((tmp_path / "site").rglob("*.html")))
    assert first.startswith(f"Built 1 briefing ({pages} pages, no warnings) into site{os.sep} in ")
    assert second == f"Open site{os.sep}index.html in a browser, or run: python build.py serve"
    assert err == ""
    assert (tmp_path / "site" / "index.html").is_file()


def test_build_names_a_site_outside_the_working_folder_in_full(project, tmp_path, capsys):
    site = tmp_path / "elsewhere"
    assert main(["--config", str(project), "build", "--site-dir", str(site)]) == 0
    assert f"into {site}{os.sep} in " in capsys.readouterr().out
    assert (site / "cumbria-child-protection" / "source.html").is_file()


def test_build_is_the_default_command_and_uses_the_configured_site_dir(project, capsys):
    assert main(["--config", str(project)]) == 0
    assert capsys.readouterr().out.startswith("Built 1 briefing (")
    assert (project.parent / "site" / "cumbria-child-protection" / "index.html").is_file()


@pytest.mark.parametrize("site_dir, reason", [
    (".", "would replace the project itself"),
    ("docs", "overlaps the docs folder"),
    ("docs/site", "overlaps the docs folder"),
])
def test_build_refuses_a_site_dir_that_would_destroy_the_project(
        project, site_dir, reason, tree_of, capsys):
    before = tree_of(project.parent)
    assert main(["--config", str(project), "build", "--site-dir",
                 str(project.parent / site_dir)]) == 1
    assert reason in capsys.readouterr().err
    assert tree_of(project.parent) == before


def test_build_refuses_to_replace_a_folder_that_is_not_a_briefing_site(
        project, tmp_path, tree_of, capsys):
    """--site-dir pointed at someone's own folder must not wipe it."""
    own = tmp_path / "my-documents"
    own.mkdir()
    (own / "letter.txt").write_text("keep me", encoding="utf-8")
    assert main(["--config", str(project), "build", "--site-dir", str(own)]) == 1
    assert "not a site built by Briefing" in capsys.readouterr().err
    assert tree_of(own) == {"letter.txt": b"keep me"}


def test_a_site_dir_outside_the_project_must_be_asked_for_on_the_command_line(
        project, tmp_path, capsys):
    outside = tmp_path.parent / f"{tmp_path.name}-elsewhere"
    settings = yaml.safe_load(project.read_text(encoding="utf-8"))
    settings["site_dir"] = str(outside)
    project.write_text(yaml.safe_dump(settings), encoding="utf-8")
    assert main(["--config", str(project), "build"]) == 1
    assert "is outside the project" in capsys.readouterr().err
    assert not outside.exists()
    assert main(["--config", str(project), "build", "--site-dir", str(outside)]) == 0
    assert (outside / "index.html").is_file()


@pytest.mark.parametrize("template", [
    pytest.param("{{ no_such_name }}\n", id="undefined-name"),
    pytest.param("{% if %}\n", id="syntax-error"),
])
def test_a_template_error_fails_the_build_with_a_message_and_keeps_the_site(
        template, tmp_path, config_for, tree_of, capsys):
    """A typo in a theme template stops the build (StrictUndefined), reported like any other
    build problem: exit 1, a message naming the template, the previous site kept."""
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    (tmp_path / "templates" / "home.html").write_text(template, encoding="utf-8")
    config = config_for(tmp_path, DEFAULT_DOCS, tmp_path / "site")
    config.write_text(config.read_text("utf-8").replace(
        str((ROOT / "templates").resolve()), str(tmp_path / "templates")), encoding="utf-8")
    previous = {"index.html": b"previous\n", "briefings.json": b"{}\n"}
    (tmp_path / "site").mkdir()
    for name, data in previous.items():
        (tmp_path / "site" / name).write_bytes(data)
    assert main(["--config", str(config), "build"]) == 1
    err = capsys.readouterr().err
    assert "home.html" in err or "no_such_name" in err
    assert "Traceback" not in err
    assert tree_of(tmp_path / "site") == previous
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mkdocs.yml", "site", "templates"]


# --- schema ---------------------------------------------------------------------------------

def test_schema_rewrites_the_json_schema_and_the_readme_reference(project, capsys):
    schema_file = project.parent / "docs" / "briefing.schema.json"
    schema_file.unlink()
    readme = project.parent / "README.md"
    committed = (ROOT / "README.md").read_text(encoding="utf-8")
    start, end = "<!-- metadata-reference:start -->", "<!-- metadata-reference:end -->"
    stale = committed[:committed.index(start) + len(start)] + "\nstale\n" + committed[
        committed.index(end):]
    readme.write_text(stale, encoding="utf-8")
    assert main(["--config", str(project), "schema"]) == 0
    assert capsys.readouterr().out == f"Wrote {schema_file} and {readme}\n"
    assert schema_file.read_text(encoding="utf-8") == schema_text()
    assert json.loads(schema_text())["title"] == "BriefingMetadata"
    assert readme.read_text(encoding="utf-8") == committed


# --- build.py itself --------------------------------------------------------------------------

def test_build_py_help_and_usage_errors(tmp_path):
    helped = build_py("--help", cwd=tmp_path)
    assert helped.returncode == 0
    assert set(listed_commands(helped.stdout)) == set(DOCUMENTED_COMMANDS)
    wrong = build_py("publish", cwd=tmp_path)
    assert wrong.returncode == 2
    assert wrong.stderr.startswith("usage: python build.py")


def test_build_py_finds_the_mkdocs_yml_beside_it_from_any_folder(tmp_path):
    project = tmp_path / "project"
    default_project(project)
    shutil.copy(ROOT / "build.py", project)
    (tmp_path / "elsewhere").mkdir()
    result = build_py("check", cwd=tmp_path / "elsewhere", script=project / "build.py")
    assert (result.returncode, result.stdout, result.stderr) == (
        0, OK_DEFAULT + COVERAGE_DEFAULT, "")


def test_build_py_missing_config_exits_2(tmp_path):
    result = build_py("--config", str(tmp_path / "mkdocs.yml"), "check", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("error: ") and "no such file" in result.stderr
    assert "Traceback" not in result.stderr


def test_build_py_reports_a_date_the_pages_cannot_show_without_a_traceback(project, tree_of):
    """`published: '2017-13'` matches the date pattern; the build must still fail with a
    message (exit 1), not crash rendering it."""
    metadata = project.parent / "docs" / "cumbria-child-protection" / "briefing.yml"
    text = metadata.read_text(encoding="utf-8")
    metadata.write_text(text.replace("    date: 2016-07\n", "    date: '2016-13'\n"),
                        encoding="utf-8")
    result = build_py("--config", str(project), "build", cwd=project.parent)
    assert "Traceback" not in result.stderr
    assert result.returncode == 1
    assert "2016-13" in result.stderr
    assert not (project.parent / "site").exists()


def test_a_long_build_reports_progress_in_plain_lines_when_not_on_a_terminal():
    """In a CI log (no terminal) progress is a line every tenth; on a terminal, one bar."""
    import io

    from briefing.progress import Progress

    log = io.StringIO()
    progress = Progress(1000, log)
    for _ in range(1000):
        progress.advance()
    progress.finish()
    lines = log.getvalue().splitlines()
    assert len(lines) == 11
    assert lines[-1] == "Building pages: 1,000 of 1,000 (100%)"

    quiet = io.StringIO()
    small = Progress(20, quiet)
    for _ in range(20):
        small.advance()
    assert quiet.getvalue() == ""


def test_the_built_site_folder_is_readable_like_any_other_folder(project, tmp_path,
                                                                monkeypatch):
    """The site is built in a private temporary folder; once in place a web server must read it."""
    import stat

    monkeypatch.chdir(tmp_path)
    previous = os.umask(0o022)
    try:
        assert main(["--config", str(project), "build", "--site-dir", "site"]) == 0
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "site").stat().st_mode) == 0o755


# --- export ---------------------------------------------------------------------------------

def test_export_writes_into_the_project_s_ignored_exports_folder(tmp_path, config_for,
                                                                 monkeypatch, capsys):
    shutil.copytree(ROOT / "tests" / "bad_input" / "ok-minimal" / "docs", tmp_path / "docs")
    config = config_for(tmp_path, tmp_path / "docs", tmp_path / "site")
    monkeypatch.chdir(tmp_path)
    assert main(["--config", str(config), "export", "northshire"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"Wrote exports{os.sep}northshire.html"
    assert "git ignores" in out[1]
    assert sorted(p.name for p in (tmp_path / "exports").iterdir()) == ["northshire.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs", "exports", "mkdocs.yml"]
    assert "/exports/" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()


def test_build_py_in_a_python_without_the_packages_says_what_to_do(tmp_path):
    """`-S` leaves out site-packages: a Python where the virtual environment is not active."""
    result = subprocess.run([sys.executable, "-S", str(ROOT / "build.py"), "check"],
                            capture_output=True, text=True, encoding="utf-8", cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "is not installed" in result.stderr
    assert "Activate the project's virtual environment, then run the command again:" in (
        result.stderr)
