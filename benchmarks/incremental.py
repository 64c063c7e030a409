"""The benchmark's incremental case: one briefing changed in a built site, rebuilt.

Two figures, each next to the cold build of the same site in the same run: `build.py
build` again after one briefing's finding is reworded (the cache of the cold build in
place), and, under `build.py serve`, the time from saving the change to the browser
showing the reloaded page (headless Chromium, the page open as a reader would have it).
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import yaml

def changed_slug(count: int) -> str:
    """The briefing changed: one in the middle of the site."""
    return f"briefing-{count // 2:05d}"


def change_one_briefing(docs: Path, marker: str, slug: str) -> None:
    """Reword the first finding of briefing `slug` to hold `marker`."""
    path = docs / slug / "briefing.yml"
    metadata = yaml.safe_load(path.read_text(encoding="utf-8"))
    metadata["findings"][0]["text"] = f"Reworded for the benchmark ({marker})."
    path.write_text(yaml.safe_dump(metadata, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")


def rebuild_after_one_change(folder: Path, count: int, build_py: list[str], timed: Callable):
    """The `timed` Run of a rebuild of `folder`'s site of `count` briefings after one changed."""
    change_one_briefing(folder / "docs", "rebuilt", changed_slug(count))
    return timed(build_py + ["build", "--site-dir", str(folder / "site")])


def serve_reload_seconds(folder: Path, count: int, build_py: list[str]) -> float | None:
    """Seconds from saving one briefing's change to its page reloaded with it, under
    `build.py serve`; None without Playwright and Debian's chromium."""
    chromium = Path("/usr/bin/chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not chromium.exists():
        return None
    port = _free_port()
    server = subprocess.Popen(build_py + ["serve", "--dev-addr", f"127.0.0.1:{port}"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        slug = changed_slug(count)
        url = f"http://127.0.0.1:{port}/{slug}/findings.html"
        _wait_until_served(url, server)
        with sync_playwright() as driver:
            browser = driver.chromium.launch(executable_path=str(chromium), args=[
                "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            page = browser.new_page()
            page.goto(url)
            marker = f"saved at {time.time():.0f}"
            started = time.perf_counter()
            change_one_briefing(folder / "docs", marker, slug)
            while not _shows(page, marker):
                time.sleep(0.02)
            seconds = time.perf_counter() - started
            browser.close()
        return seconds
    finally:
        server.terminate()
        server.wait()


def _shows(page, marker: str) -> bool:
    """Whether the page shows `marker`; False while it reloads."""
    try:
        return bool(page.evaluate(f"document.body.textContent.includes({marker!r})"))
    except Exception:  # the page is between two documents  # noqa: BLE001
        return False


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_served(url: str, server: subprocess.Popen) -> None:
    """Until the first build is served (it builds the whole site first)."""
    while True:
        if server.poll() is not None:
            raise SystemExit(f"build.py serve stopped (exit {server.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.5)


if __name__ == "__main__":
    sys.exit("run benchmarks/run.py, which measures this with the cold build beside it")
