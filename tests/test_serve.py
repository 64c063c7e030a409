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
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ROOT, write_config

MINIMAL = ROOT / "tests" / "bad_input" / "ok-minimal" / "docs"
HANG_GUARD = 600
"""Seconds after which a request, or a rebuild that never shows, counts as hung: far beyond
any rebuild on any machine; not a speed limit."""


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


def until(server: Server, url: str, wanted: str) -> tuple[int, str]:
    """Fetch `url` until its body holds `wanted` (a rebuild shows after the file watcher
    notices the edit); each fetch itself must answer."""
    given_up = time.monotonic() + HANG_GUARD
    while time.monotonic() < given_up:
        assert server.process.poll() is None, f"the server stopped:\n{server.log()}"
        try:
            status, body = fetch(url)
        except urllib.error.URLError as error:
            if not isinstance(error.reason, ConnectionRefusedError):
                raise
        else:
            if wanted in body:
                return status, body
        time.sleep(0.2)
    pytest.fail(f"{url} never showed {wanted!r}; the server said:\n{server.log()}")


@dataclass
class Server:
    process: subprocess.Popen
    base: str
    metadata: Path
    """The briefing.yml the tests edit."""
    output: Path

    def log(self) -> str:
        return self.output.read_text(encoding="utf-8", errors="replace")


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
    output = tmp_path / "server.log"
    with open(output, "wb") as log:  # a file, not a pipe: a full pipe would block the server
        process = subprocess.Popen(COMMANDS[request.param](config, addr), cwd=tmp_path,
                                   stdout=log, stderr=subprocess.STDOUT)
    try:
        yield Server(process, f"http://{addr}/",
                     tmp_path / "docs" / "northshire" / "briefing.yml", output)
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=HANG_GUARD)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_a_broken_briefing_shows_its_problem_at_every_address_then_the_site_again(server):
    base, metadata = server.base, server.metadata
    page = base + "northshire/findings.html"
    status, body = until(server, page, "Findings")
    assert status == 200
    good = metadata.read_text(encoding="utf-8")
    metadata.write_text(good.replace("  short_name: HMIC", "\tshort_name: HMIC"), "utf-8")

    status, body = until(server, page, "problem to fix")
    assert "docs/northshire/briefing.yml:7" in body
    assert "a tab character: YAML indents with spaces only" in body
    assert '<meta http-equiv="refresh"' in body  # without JavaScript, it asks again itself
    assert 'fetch("/livereload/"' in body  # with it, it waits for the next build
    home_status, home = fetch(base)
    assert home_status == 200 and "docs/northshire/briefing.yml:7" in home
    assert "Traceback" not in body + home

    metadata.write_text(good, encoding="utf-8")
    status, body = until(server, page, "Findings")
    assert status == 200 and "problem to fix" not in body


def test_any_address_shows_the_problems_as_check_words_them(server):
    base, metadata = server.base, server.metadata
    until(server, base, "Northshire")
    metadata.write_text(metadata.read_text("utf-8").replace("jane-doe\n    speaks_for",
                                                            "jane-dough\n    speaks_for"), "utf-8")
    status, body = until(server, base + "no/such/page.html", "problem to fix")
    assert "no person with id &#39;jane-dough&#39;. Did you mean &#39;jane-doe&#39;?" in body
