"""`python build.py export <slug>`: one HTML file that is the whole briefing, read on its own.

The file is exported into an empty folder and opened from there, with no other file of the
site beside it and the network off: it must load nothing but itself, every link inside it
must be an #anchor that exists, and the theme's styles must apply.
"""

from __future__ import annotations

import subprocess
import sys
from urllib.parse import unquote, urlsplit

import pytest

from .support import (CUMBRIA, DEFAULT_DOCS, KENT, ROOT, PageChecker, is_internal,
                      write_config)

BODY_STYLE = """() => { const s = getComputedStyle(document.body);
  return {fontFamily: s.fontFamily, maxWidth: s.maxWidth, color: s.color, margin: s.margin,
          background: s.backgroundColor}; }"""
ALL_REQUESTS = """() => performance.getEntriesByType("navigation").concat(
  performance.getEntriesByType("resource")).map(e => e.name)"""


@pytest.fixture(scope="module", params=[CUMBRIA, KENT])
def exported(request, tmp_path_factory, two_briefing_project):
    """(slug, path) of the single file the export command wrote into an empty folder."""
    slug = request.param
    config = (write_config(tmp_path_factory.mktemp("default"), DEFAULT_DOCS) if slug == CUMBRIA
              else two_briefing_project)
    output = tmp_path_factory.mktemp(f"export-{slug}")
    done = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "--config", str(config), "export", slug,
         "--output-dir", str(output)],
        capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return slug, output


def test_export_writes_exactly_one_file(exported):
    slug, output = exported
    assert sorted(p.name for p in output.iterdir()) == [f"{slug}.html"]


def test_the_exported_file_loads_nothing_but_itself(exported, browser):
    slug, output = exported
    file = output / f"{slug}.html"
    requested = []
    context = browser.new_context()
    context.on("request", lambda r: requested.append(r.url))
    checker = PageChecker(context, allowed=file.as_uri())
    visit = checker.open(file.as_uri())
    performance = checker.page.evaluate(ALL_REQUESTS)
    context.close()
    assert not visit.problems, "\n".join(visit.problems)
    assert set(requested) == {file.as_uri()}, requested
    assert set(performance) <= {file.as_uri()}, performance


def test_every_link_of_the_export_is_an_anchor_that_exists(exported, browser):
    slug, output = exported
    context = browser.new_context()
    visit = PageChecker(context, allowed="file://").open((output / f"{slug}.html").as_uri())
    context.close()
    internal = [(written, resolved) for written, resolved in visit.links if is_internal(written)]
    assert len(internal) > 20
    not_anchors = [written for written, _ in internal if not written.startswith("#")]
    assert not not_anchors, f"links that need other files of the site: {not_anchors}"
    missing = [written for written, resolved in internal
               if unquote(urlsplit(resolved).fragment) not in visit.ids | {""}]
    assert not missing, f"anchors with no element of that id: {missing}"
    assert not [w for w, _ in visit.resources if is_internal(w) and not w.startswith("#")]


def test_the_theme_styles_the_export(exported, browser):
    slug, output = exported
    context = browser.new_context()
    page = context.new_page()
    page.set_content("<!doctype html><html><body><p>x</p></body></html>")
    unstyled = page.evaluate(BODY_STYLE)
    page.goto((output / f"{slug}.html").as_uri())
    styled = page.evaluate(BODY_STYLE)
    sheets = page.evaluate("document.styleSheets.length")
    context.close()
    assert sheets > 0
    assert styled["fontFamily"] != unstyled["fontFamily"], styled
    assert styled != unstyled
