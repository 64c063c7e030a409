"""Fixtures of the browser tests: real sites built once, a hosted copy, and headless Chromium.

The sites are built once for this folder (package scope): the project's own (`docs/`), one
with a second briefing curated from the Kent sample, and that one again built for hosting
under https://example.org/briefings/ and served by a real HTTP server on 127.0.0.1.

The tests drive Debian's Chromium (/usr/bin/chromium) through Playwright and never download a
browser. Where Chromium, Java, the Nu HTML Checker or poppler's pdftotext is missing they skip
and say why; under CI (CI=true), where .ci/run installs them all, a missing tool fails instead,
so a gate cannot pass by being skipped.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from briefing.commands.build import run_build
from briefing.project import Project

from .support import (CHROMIUM, CHROMIUM_ARGS, DEFAULT_DOCS, ROOT, SITE_URL, BuiltSite,
                      SubPathServer,
                      two_briefing_docs, write_config)

MANY_BRIEFINGS = 70
VNU_JAR_CANDIDATES = (
    ROOT / ".ci" / "node" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar",
    Path("/usr/share/java/vnu.jar"),
)


def missing(what: str, how: str):
    """Skip (fail under CI) because a tool the test needs is not installed."""
    message = f"{what} is not installed: {how}"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{message} (.ci/run should have installed it)")
    pytest.skip(message)


# --- Tools -----------------------------------------------------------------------------------

@pytest.fixture(scope="package")
def browser():
    """Headless Debian Chromium, shared by the tests of this folder."""
    if not CHROMIUM.is_file():
        missing(str(CHROMIUM), "apt-get install chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("Playwright for Python", "pip install -e '.[test]'")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="package")
def axe():
    """axe-core, injected into a page by axe-playwright-python."""
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.fixture
def context(browser):
    """A fresh browser context (no cookies, no cache) for one test."""
    context = browser.new_context()
    yield context
    context.close()


@pytest.fixture(scope="package")
def vnu_jar() -> Path:
    """The Nu HTML Checker: $VNU_JAR, or the npm package vnu-jar as .ci/run installs it."""
    if shutil.which("java") is None:
        missing("java", "apt-get install default-jre-headless")
    candidates = ([Path(os.environ["VNU_JAR"])] if os.environ.get("VNU_JAR") else []) + \
        list(VNU_JAR_CANDIDATES)
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    missing("The Nu HTML Checker (vnu.jar)",
            "npm install --no-save --ignore-scripts --prefix .ci/node vnu-jar@26, or set VNU_JAR")


@pytest.fixture(scope="package")
def pdftotext() -> str:
    path = shutil.which("pdftotext")
    if path is None:
        missing("pdftotext", "apt-get install poppler-utils")
    return path


# --- Sites -----------------------------------------------------------------------------------

@pytest.fixture(scope="package")
def default_site(tmp_path_factory) -> BuiltSite:
    """The project's own site as a fresh clone has it: docs/ with its one briefing, as
    `python build.py` builds it."""
    folder = tmp_path_factory.mktemp("default") / "site"
    run_build(Project(write_config(folder.parent, DEFAULT_DOCS)), folder)
    return BuiltSite(folder, DEFAULT_DOCS)


@pytest.fixture(scope="package")
def two_briefing_project(tmp_path_factory) -> Path:
    """mkdocs.yml of a project with the default briefing and the Kent one."""
    folder = tmp_path_factory.mktemp("two")
    return write_config(folder, two_briefing_docs(folder))


@pytest.fixture(scope="package")
def two_briefing_site(two_briefing_project) -> BuiltSite:
    result = run_build(Project(two_briefing_project))
    assert result.briefings == 2
    return BuiltSite(result.site_dir, two_briefing_project.parent / "docs")


@pytest.fixture(scope="package")
def many_briefing_site(tmp_path_factory) -> BuiltSite:
    """A site of `MANY_BRIEFINGS` synthetic briefings (the benchmark's): enough for a word to
    have more than a page of results, and for the search index to have many shards."""
    from benchmarks.synthetic import write_synthetic_briefings

    folder = tmp_path_factory.mktemp("many")
    write_synthetic_briefings(folder / "docs", MANY_BRIEFINGS)
    result = run_build(Project(write_config(folder, folder / "docs")))
    assert result.briefings == MANY_BRIEFINGS
    return BuiltSite(result.site_dir, folder / "docs")


@pytest.fixture(scope="package")
def hosted_site(tmp_path_factory) -> BuiltSite:
    """The two-briefing site built with site_url https://example.org/briefings/."""
    folder = tmp_path_factory.mktemp("hosted")
    config = write_config(folder, two_briefing_docs(folder), site_url=SITE_URL)
    result = run_build(Project(config))
    return BuiltSite(result.site_dir, folder / "docs")


@pytest.fixture(scope="package")
def server(hosted_site) -> SubPathServer:
    """The hosted site served at http://127.0.0.1:<port>/briefings/."""
    with SubPathServer(hosted_site.folder) as running:
        yield running
