"""Engine portability: MkDocs 1.x is no longer released; ProperDocs is its maintained
continuation. The same project built by either engine gives the same site, file for file
and byte for byte, so users can switch with one line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import default_project

ROOT = Path(__file__).resolve().parents[1]


def engine_build(engine: str, config: Path, site: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", engine, "build", "--strict", "-f", str(config), "-d", str(site)],
        capture_output=True, text=True, cwd=config.parent)


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_properdocs_builds_the_same_site_as_mkdocs(tmp_path):
    pytest.importorskip("properdocs", reason="pip install properdocs (in the test extra)")
    built = {}
    config = default_project(tmp_path / "project")
    for engine in ("mkdocs", "properdocs"):
        result = engine_build(engine, config, tmp_path / engine)
        assert result.returncode == 0, result.stderr
        built[engine] = tree(tmp_path / engine)
    assert sorted(built["properdocs"]) == sorted(built["mkdocs"])
    assert [name for name in built["mkdocs"]
            if built["mkdocs"][name] != built["properdocs"][name]] == []
    assert "cumbria-child-protection/findings.html" in built["mkdocs"]
