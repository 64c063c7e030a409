"""One verdict per run: what `check`, `check --strict` and a build say must agree.

`--strict` never prints OK before failing; a build's summary counts the warnings `check`
gives; a date after the build date and a `speaks_for` that contradicts the speaker's
organisation are warnings of `check` (errors under --strict).
"""

from __future__ import annotations

import calendar
import datetime
import shutil

import pytest

from briefing.cli import main
from conftest import ROOT

MINIMAL = ROOT / "tests" / "bad_input" / "ok-minimal" / "docs"
BUILD_DAY = datetime.date(2026, 12, 6)


@pytest.fixture
def project(tmp_path, config_for, monkeypatch):
    """A copy of the minimal briefing, checked on a known build date."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(calendar.timegm(BUILD_DAY.timetuple())))
    shutil.copytree(MINIMAL, tmp_path / "docs")
    return config_for(tmp_path, tmp_path / "docs", tmp_path / "site")


def edit(project, old: str, new: str) -> None:
    metadata = project.parent / "docs" / "northshire" / "briefing.yml"
    text = metadata.read_text(encoding="utf-8")
    assert old in text
    metadata.write_text(text.replace(old, new, 1), encoding="utf-8")


FUTURE = ("  published: 2021-03-04", "  published: 2031-03-04")
WRONG_VOICE = ("    role: Chief constable", "    role: Chief constable\n"
               "    organisation: HM Inspectorate of Constabulary")


def warnings_of(err: str) -> list[str]:
    return [line.removeprefix("warning: ") for line in err.splitlines()
            if line.startswith("warning: ")]


def test_a_date_after_the_build_date_is_a_warning(project, capsys):
    edit(project, *FUTURE)
    assert main(["--config", str(project), "check"]) == 0
    assert warnings_of(capsys.readouterr().err) == [
        "docs/northshire/briefing.yml:11: source.published.date: 2031-03-04 is after the build "
        "date (2026-12-06): a source cannot report it yet. Check the year."]


def test_speaks_for_is_held_to_the_speaker_s_organisation(project, capsys):
    edit(project, *WRONG_VOICE)
    assert main(["--config", str(project), "check"]) == 0
    assert warnings_of(capsys.readouterr().err) == [
        "docs/northshire/briefing.yml:39: reactions[1].speaks_for: speaks_for: subject, but Sam "
        "Roe's organisation ('HM Inspectorate of Constabulary') is the inspecting body (HM "
        "Inspectorate of Constabulary). Set speaks_for: inspector, or correct the person's "
        "organisation."]


@pytest.mark.parametrize("organisation", ["Northshire Police", "northshire police service",
                                          "The Northshire Police"])
def test_a_speaker_of_the_organisation_inspected_may_speak_for_it(project, capsys,
                                                                  organisation):
    edit(project, "    role: Chief constable",
         f"    role: Chief constable\n    organisation: {organisation}")
    assert main(["--config", str(project), "check"]) == 0
    assert warnings_of(capsys.readouterr().err) == []


def test_strict_fails_without_saying_ok_first(project, capsys):
    edit(project, *FUTURE)
    assert main(["--config", str(project), "check", "--strict"]) == 1
    out, err = capsys.readouterr()
    assert "OK" not in out
    assert out.startswith("1 briefing checked; ")
    assert err.splitlines()[-1] == "1 warning; --strict makes them errors."


def test_without_warnings_strict_says_ok(project, capsys):
    assert main(["--config", str(project), "check", "--strict"]) == 0
    assert capsys.readouterr().out.startswith("OK: 1 briefing checked; ")


def test_the_build_summary_counts_check_s_warnings(project, capsys):
    edit(project, *FUTURE)
    edit(project, *WRONG_VOICE)
    assert main(["--config", str(project), "build"]) == 0
    first, _, last = capsys.readouterr().out.splitlines()
    assert "pages, 2 warnings from check) into " in first
    assert last == "To see each warning, run: python build.py check"


def test_a_build_without_warnings_says_so(project, capsys):
    assert main(["--config", str(project), "build"]) == 0
    assert "pages, no warnings) into " in capsys.readouterr().out
