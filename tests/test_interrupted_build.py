"""A build stopped half-way leaves the previous site exactly as it was; a build is reproducible.

`build.py` builds into a staging folder (`.site-*`) beside the site and swaps it in only when
everything succeeded. Here a real build of a large project (200 synthetic briefings) is stopped
while its staging folder fills: killed outright (SIGKILL, SIGTERM: no chance to clean up) or
interrupted (SIGINT, Ctrl-C). The previous site must be byte for byte what it was, no worker may
outlive the build, and the next build must succeed and remove whatever the dead one left behind.
Two builds started at once into one site folder both succeed, one after the other. Last, the same
input built in two folders with two hash seeds, its folders created in opposite orders and many of
its briefings sharing a date and a title, gives byte-identical trees.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, default_project, read_tree, write_config

from benchmarks.synthetic import write_synthetic_briefings

BRIEFINGS = 200
PAGES_BEFORE_STOPPING = 100
"""Stop once the staging folder holds this many pages: well under way, far from done (~1,700)."""
TIMEOUT = 600
"""Seconds: a guard against a build that never ends or never fills its staging folder, far
beyond what either takes on any machine; not a speed limit."""
TIED = 10
"""Every tenth briefing takes the date and title of the one before it: ties to break."""


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
    return write_tied_briefings(tmp_path_factory.mktemp("big") / "docs")


def write_tied_briefings(docs: Path, *, reverse: bool = False) -> Path:
    """The synthetic briefings, folders made in this order or the `reverse`, with ties in the
    order of the home page and of every list (`TIED`)."""
    write_synthetic_briefings(docs, BRIEFINGS, reverse=reverse)
    for i in range(TIED, BRIEFINGS, TIED):
        before = yaml.safe_load((docs / f"briefing-{i - 1:05d}" / "briefing.yml").read_text())
        path = docs / f"briefing-{i:05d}" / "briefing.yml"
        metadata = yaml.safe_load(path.read_text(encoding="utf-8"))
        metadata["title"], metadata["source"] = before["title"], before["source"]
        path.write_text(yaml.safe_dump(metadata, allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
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


def descendants(pid: int) -> list[int]:
    """Every process below `pid`: the build's workers and the zip's process."""
    found, todo = [], [pid]
    while todo:
        try:
            children = Path(f"/proc/{todo.pop()}/task").glob("*/children")
            more = [int(c) for path in children for c in path.read_text().split()]
        except OSError:
            continue
        found += more
        todo += more
    return found


def running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def wait_until_gone(pids: list[int]) -> list[int]:
    """The processes of `pids` still running once all have ended or `TIMEOUT` has passed."""
    deadline = time.monotonic() + TIMEOUT
    while (alive := [pid for pid in pids if running(pid)]) and time.monotonic() < deadline:
        time.sleep(0.05)
    return alive


def stop_half_way(build: subprocess.Popen, parent: Path, how: signal.Signals,
                  earlier: list[Path], workers: list[int] | None = None) -> tuple[str, str]:
    """Wait until the build's own staging folder (not one of `earlier`) holds pages, then send
    `how`; return the build's stdout and stderr. `workers` is given the processes the build
    had started by then."""
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if build.poll() is not None:
            pytest.fail(f"the build ended (exit {build.returncode}) before it could be stopped: "
                        f"{build.communicate()}")
        if any(_pages_in(folder) >= PAGES_BEFORE_STOPPING for folder in staging_folders(parent)
               if folder not in earlier and not folder.name.startswith(".site-old-")):
            if workers is not None:
                workers.extend(descendants(build.pid))
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
    earlier, workers = staging_folders(tmp_path), []
    out, _ = stop_half_way(start_big_build(config, tmp_path), tmp_path, how, earlier, workers)
    assert read_tree(site) == before, "the previous site changed"
    assert "Built" not in out
    assert workers, "a build of this size works on every core: were its workers found?"
    assert wait_until_gone(workers) == [], "a worker outlived the build"
    left = staging_folders(tmp_path)
    assert left, "a killed build cannot remove its staging folder: was it killed half-way?"
    result = run_build_py("--config", str(config), "build", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"Built {BRIEFINGS} briefings" in result.stdout
    catalogue = json.loads((site / "briefings.json").read_text(encoding="utf-8"))
    assert len(catalogue["briefings"]) == BRIEFINGS
    assert not any(path.name.startswith(".site-") for path in site.iterdir())
    assert staging_folders(tmp_path) == [], "the next build left the dead one's staging folder"


def test_two_builds_at_once_into_one_site_folder_run_one_after_the_other(tmp_path, big_docs):
    site = tmp_path / "site"
    config = write_config(tmp_path, big_docs, site)
    first = start_big_build(config, tmp_path)
    while not staging_folders(tmp_path) and first.poll() is None:
        time.sleep(0.005)
    second = start_big_build(config, tmp_path)
    results = [(build, *build.communicate(timeout=TIMEOUT)) for build in (first, second)]
    for build, out, err in results:
        assert build.returncode == 0, err
        assert "Traceback" not in err
        assert f"Built {BRIEFINGS} briefings" in out
    assert "Another build into" in results[1][2], "the second build did not say it waited"
    assert staging_folders(tmp_path) == []


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


def test_the_same_input_gives_the_same_bytes_in_any_folder_order_and_hash_seed(tmp_path,
                                                                             big_docs):
    trees = []
    for folder, seed, reverse in (("first", "1", False),
                                  ("second/at another depth", "4242", True)):
        project = tmp_path / folder
        project.mkdir(parents=True)
        docs = write_tied_briefings(project / "docs", reverse=reverse)
        config = write_config(project, docs, project / "site")
        result = run_build_py("--config", str(config), "build", cwd=project, hash_seed=seed)
        assert result.returncode == 0, result.stderr
        trees.append(read_tree(project / "site"))
    first, second = trees
    assert sorted(first) == sorted(second)
    assert [path for path in first if first[path] != second[path]] == []
