"""Coverage in `check`: what a briefing still misses of its source, as warnings."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefing.cli import main
from shared_texts import CORPUS

ROOT = Path(__file__).resolve().parents[1]
KENT = ROOT / "tests" / "fixtures" / "briefings" / "kent-police-2021"
KENT_SOURCE = CORPUS / "kent-police-2021" / "source.txt"


@pytest.fixture
def kent(tmp_path, config_for):
    """The curated Kent briefing in a project of its own: it quotes only Zoë Billingham."""
    docs = tmp_path / "docs" / "kent-police-2021"
    docs.mkdir(parents=True)
    shutil.copy(KENT / "briefing.yml", docs / "briefing.yml")
    shutil.copy(KENT_SOURCE, docs / "source.txt")
    return config_for(tmp_path, tmp_path / "docs", tmp_path / "site"), docs / "briefing.yml"


def test_a_missing_response_from_the_organisation_inspected_is_a_warning(kent, capsys):
    config, metadata = kent
    assert main(["--config", str(config), "check"]) == 0
    out, err = capsys.readouterr()
    assert "organisation inspected heard: no" in out
    assert "no reaction speaks for Kent Police" in err
    assert err.startswith("warning: docs/kent-police-2021/briefing.yml:")


def test_strict_makes_warnings_errors(kent, capsys):
    config, _ = kent
    assert main(["--config", str(config), "check", "--strict"]) == 1
    assert "--strict makes them errors" in capsys.readouterr().err


def test_saying_there_was_no_response_silences_the_warning(kent, capsys):
    config, metadata = kent
    metadata.write_text(metadata.read_text(encoding="utf-8") + "no_subject_response: true\n",
                        encoding="utf-8")
    assert main(["--config", str(config), "check", "--strict"]) == 0
    assert "organisation inspected heard: yes" in capsys.readouterr().out


def test_speech_no_reaction_quotes_and_its_speaker_are_reported(kent, capsys):
    config, metadata = kent
    text = metadata.read_text(encoding="utf-8")
    start = text.index("reactions:")
    metadata.write_text(text[:start] + "no_subject_response: true\n", encoding="utf-8")
    assert main(["--config", str(config), "check"]) == 0
    err = capsys.readouterr().err
    assert "speech in the source that no reaction quotes: paragraph 8 (Zoë Billingham)" in err


def test_items_still_marked_draft_are_counted_with_their_lines(kent, capsys):
    config, metadata = kent
    lines = metadata.read_text(encoding="utf-8").splitlines()
    findings = lines.index("findings:")
    lines.insert(findings + 1, "  # DRAFT (cues: \"improved\"): review the wording.")
    metadata.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["--config", str(config), "check"]) == 0
    assert f"1 items are still marked DRAFT (lines {findings + 2})" in capsys.readouterr().err


def test_a_fresh_draft_starts_green_but_shows_what_to_review(tmp_path, config_for, capsys):
    config = config_for(tmp_path, tmp_path / "docs", tmp_path / "site")
    (tmp_path / "docs").mkdir()
    assert main(["--config", str(config), "new", "kent", "--source", str(KENT_SOURCE)]) == 0
    capsys.readouterr()
    assert main(["--config", str(config), "check"]) == 0
    out, err = capsys.readouterr()
    assert "kent:" in out and "DRAFT marks: none" not in out
    assert main(["--config", str(config), "check", "--strict"]) == 1
