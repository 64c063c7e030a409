"""The preview while editing: `serve` shows a briefing's problems in the browser, at once, at
every address, and the site again once they are fixed. Never a request that hangs.

Each test starts a real server (`build.py serve`, or `mkdocs serve`) on a free port, on a
copy of a small briefing, and edits its briefing.yml as an author would. Socket timeouts
are generous, only there to turn a hung request into a failure instead of a stuck suite;
nothing here measures time.
"""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT, write_config

MINIMAL = ROOT / "tests" / "bad_input" / "ok-minimal" / "docs"
HANG_GUARD = 600
"""Seconds a request may take before it counts as hung: far beyond any rebuild."""
POLLS = 600
"""How many times to ask (a fifth of a second apart) for a rebuild to show."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    """(status, body) of `url`; a 404 is an answer too (MkDocs' server sends its 404.html)."""
    try:
        with urllib.request.urlopen(url, timeout=HANG_GUARD) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def until(server: subprocess.Popen, url: str, wanted: str) -> tuple[int, str]:
    """Fetch `url` until its body holds `wanted` (a rebuild shows after the file watcher
    notices the edit); each fetch itself must answer."""
    for _ in range(POLLS):
        assert server.poll() is None, "the server stopped"
        try:
            status, body = fetch(url)
        except urllib.error.URLError as error:
            if not isinstance(error.reason, ConnectionRefusedError):
                raise
        else:
            if wanted in body:
                return status, body
        time.sleep(0.2)
    pytest.fail(f"{url} never showed {wanted!r}")


COMMANDS = {
    "build.py serve": lambda config, addr: [sys.executable, str(ROOT / "build.py"), "--config",
                                            str(config), "serve", "--dev-addr", addr],
    "mkdocs serve": lambda config, addr: [sys.executable, "-m", "mkdocs", "serve", "-f",
                                          str(config), "-a", addr],
}


@pytest.fixture(params=sorted(COMMANDS))
def server(request, tmp_path):
    shutil.copytree(MINIMAL, tmp_path / "docs")
    config = write_config(tmp_path, tmp_path / "docs", tmp_path / "site")
    addr = f"127.0.0.1:{free_port()}"
    process = subprocess.Popen(COMMANDS[request.param](config, addr), cwd=tmp_path,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        yield process, f"http://{addr}/", tmp_path / "docs" / "northshire" / "briefing.yml"
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.communicate(timeout=HANG_GUARD)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()


def test_a_broken_briefing_shows_its_problem_at_every_address_then_the_site_again(server):
    process, base, metadata = server
    page = base + "northshire/findings.html"
    status, body = until(process, page, "Findings")
    assert status == 200
    good = metadata.read_text(encoding="utf-8")
    metadata.write_text(good.replace("  short_name: HMIC", "\tshort_name: HMIC"), "utf-8")

    status, body = until(process, page, "problem to fix")
    assert "docs/northshire/briefing.yml:7" in body
    assert "a tab character: YAML indents with spaces only" in body
    assert '<meta http-equiv="refresh"' in body  # it asks again by itself
    home_status, home = fetch(base)
    assert home_status == 200 and "docs/northshire/briefing.yml:7" in home
    assert "Traceback" not in body + home

    metadata.write_text(good, encoding="utf-8")
    status, body = until(process, page, "Findings")
    assert status == 200 and "problem to fix" not in body


def test_any_address_shows_the_problems_as_check_words_them(server):
    process, base, metadata = server
    until(process, base, "Northshire")
    metadata.write_text(metadata.read_text("utf-8").replace("jane-doe\n    speaks_for",
                                                            "jane-dough\n    speaks_for"), "utf-8")
    status, body = until(process, base + "no/such/page.html", "problem to fix")
    assert "no person with id &#39;jane-dough&#39;. Did you mean &#39;jane-doe&#39;?" in body
