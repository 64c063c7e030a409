"""A build stopped half-way leaves the previous site exactly as it was; a build is reproducible.

`build.py` builds into a staging folder (`.site-*`) beside the site and swaps it in only when
everything succeeded. Here a real build of a large project (200 synthetic briefings) is stopped
while its staging folder fills: killed outright (SIGKILL, SIGTERM: no chance to clean up) or
interrupted (SIGINT, Ctrl-C). The previous site must be byte for byte what it was, and the next
build must succeed whatever the dead one left behind. Last, the same input built in two folders
with two hash seeds gives byte-identical trees.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, default_project, read_tree, write_config

from benchmarks.synthetic import write_synthetic_briefings

BRIEFINGS = 200
PAGES_BEFORE_STOPPING = 100
"""Stop once the staging folder holds this many pages: well under way, far from done (~1,700)."""
TIMEOUT = 600
"""Seconds: a guard against a build that never ends or never fills its staging folder, far
beyond what either takes on any machine; not a speed limit."""


def _environment(hash_seed: str = "0") -> dict[str, str]:
    environment = {**os.environ, "PYTHONHASHSEED": hash_seed}
    environment.pop("SOURCE_DATE_EPOCH", None)  # the build pins it; a user's own would win
    return environment


def _default_sigint():
    """A shell may start background jobs with Ctrl-C ignored; the build must get it as a user does."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def run_build_py(*arguments: str, cwd: Path, hash_seed: str = "0") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *arguments],
                          capture_output=True, text=True, encoding="utf-8", cwd=cwd,
                          env=_environment(hash_seed), timeout=TIMEOUT, check=False)


@pytest.fixture(scope="module")
def big_docs(tmp_path_factory) -> Path:
    docs = tmp_path_factory.mktemp("big") / "docs"
    write_synthetic_briefings(docs, BRIEFINGS)
    return docs


@pytest.fixture
def previous_site(tmp_path) -> tuple[Path, dict[str, bytes]]:
    """The default briefing built into tmp_path/site by `build.py build --site-dir`, and its tree
    (the project beside it, in tmp_path/project)."""
    site = tmp_path / "site"
    config = default_project(tmp_path / "project")
    result = run_build_py("--config", str(config), "build", "--site-dir", str(site), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return site, read_tree(site)


def staging_folders(parent: Path) -> list[Path]:
    return sorted(parent.glob(".site-*"))


def _pages_in(folder: Path) -> int:
    try:
        return sum(1 for _ in folder.rglob("*.html"))
    except FileNotFoundError:  # the folder went while we counted
        return 0


def start_big_build(config: Path, cwd: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), "--config", str(config), "build"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8", cwd=cwd,
        env=_environment(), preexec_fn=_default_sigint)  # noqa: PLW1509 - no threads here


def stop_half_way(build: subprocess.Popen, parent: Path, how: signal.Signals,
                  earlier: list[Path]) -> tuple[str, str]:
    """Wait until the build's own staging folder (not one of `earlier`) holds pages, then send
    `how`; return the build's stdout and stderr."""
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if build.poll() is not None:
            pytest.fail(f"the build ended (exit {build.returncode}) before it could be stopped: "
                        f"{build.communicate()}")
        if any(_pages_in(folder) >= PAGES_BEFORE_STOPPING for folder in staging_folders(parent)
               if folder not in earlier and not folder.name.startswith(".site-old-")):
            build.send_signal(how)
            return build.communicate(timeout=TIMEOUT)
        time.sleep(0.005)
    build.kill()
    pytest.fail("no staging folder filled with pages in time")


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_a_killed_build_leaves_the_previous_site_and_the_next_build_succeeds(
        how, tmp_path, previous_site, big_docs):
    site, before = previous_site
    config = write_config(tmp_path, big_docs, site)
    earlier = staging_folders(tmp_path)
    out, _ = stop_half_way(start_big_build(config, tmp_path), tmp_path, how, earlier)
    assert read_tree(site) == before, "the previous site changed"
    assert "Built" not in out
    left = staging_folders(tmp_path)
    assert left, "a killed build cannot remove its staging folder: was it killed half-way?"
    result = run_build_py("--config", str(config), "build", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"Built {BRIEFINGS} briefings" in result.stdout
    catalogue = json.loads((site / "briefings.json").read_text(encoding="utf-8"))
    assert len(catalogue["briefings"]) == BRIEFINGS
    assert not any(path.name.startswith(".site-") for path in site.iterdir())
    assert set(staging_folders(tmp_path)) <= set(left), "the next build left a staging folder"


def test_ctrl_c_leaves_the_previous_site_cleans_up_and_says_so(tmp_path, previous_site,
                                                               big_docs):
    site, before = previous_site
    config = write_config(tmp_path, big_docs, site)
    earlier = staging_folders(tmp_path)
    build = start_big_build(config, tmp_path)
    out, err = stop_half_way(build, tmp_path, signal.SIGINT, earlier)
    assert build.returncode != 0
    assert "Traceback" not in err + out
    assert "Interrupted" in err
    assert "Built" not in out
    assert read_tree(site) == before, "the previous site changed"
    assert staging_folders(tmp_path) == [], "Ctrl-C left the staging folder behind"


def test_the_same_input_gives_the_same_bytes_in_any_folder_with_any_hash_seed(tmp_path,
                                                                             big_docs):
    trees = []
    for folder, seed in (("first", "1"), ("second/at another depth", "4242")):
        project = tmp_path / folder
        project.mkdir(parents=True)
        docs = shutil.copytree(big_docs, project / "docs")
        config = write_config(project, docs, project / "site")
        result = run_build_py("--config", str(config), "build", cwd=project, hash_seed=seed)
        assert result.returncode == 0, result.stderr
        trees.append(read_tree(project / "site"))
    first, second = trees
    assert sorted(first) == sorted(second)
    assert [path for path in first if first[path] != second[path]] == []
