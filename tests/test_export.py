"""`build.py export SLUG` renders that briefing alone: the whole site's copy, byte for byte.

The export of a project never built (no site, no cache) must equal the file a build of the
whole site writes at downloads/SLUG.html, and must build nothing else: no site folder, no
staging folder. With the build's cache in place it is the same bytes again.
"""

from __future__ import annotations

import shutil
import subprocess
import sys

from conftest import ROOT

from benchmarks.synthetic import write_synthetic_briefings
from briefing.commands.build import run_build
from briefing.project import Project

SLUG = "briefing-00001"


def export(config, output, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "build.py"), "--config", str(config),
                           "export", *arguments, "--output-dir", str(output)],
                          capture_output=True, text=True, encoding="utf-8", check=False)


def test_an_export_alone_is_the_whole_sites_copy(tmp_path, config_for):
    built, alone = tmp_path / "built", tmp_path / "alone"
    write_synthetic_briefings(built / "docs", 3)
    shutil.copytree(built / "docs", alone / "docs")
    run_build(Project(config_for(built, built / "docs", built / "site")))
    expected = (built / "site" / "downloads" / f"{SLUG}.html").read_bytes()

    result = export(config_for(alone, alone / "docs", alone / "site"), tmp_path / "out", SLUG)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / f"{SLUG}.html").read_bytes() == expected
    assert sorted(p.name for p in alone.iterdir()) == ["docs", "mkdocs.yml"], \
        "exporting one briefing built more than that briefing"

    result = export(built / "mkdocs.yml", tmp_path / "again", SLUG)  # from the build's cache
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "again" / f"{SLUG}.html").read_bytes() == expected


def test_an_unknown_briefing_is_named_with_the_closest(tmp_path, config_for):
    write_synthetic_briefings(tmp_path / "docs", 2)
    config = config_for(tmp_path, tmp_path / "docs", tmp_path / "site")
    result = export(config, tmp_path / "out", "briefing-0001")
    assert result.returncode == 2
    assert "no briefing 'briefing-0001'" in result.stderr
    assert "Did you mean 'briefing-00001'?" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()
