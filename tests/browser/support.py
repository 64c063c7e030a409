"""What the browser tests share: building sites, hosting them, and opening pages that record
every problem a reader's browser would meet.

A `PageChecker` opens pages in one browser context and keeps, per page, what went wrong:
requests that failed or left the site, responses with an error status, console errors and
uncaught script errors; and what the page holds: its ids, its links, broken images, unloaded
stylesheets. `broken_links` then checks the links of all pages against the site's files and
the ids of the pages they point to.
"""

from __future__ import annotations

import json
import mimetypes
import posixpath
import shutil
import subprocess
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from shared_texts import CORPUS
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

import yaml

ROOT = Path(__file__).resolve().parents[2]
"""The project: mkdocs.yml, build.py, docs/, templates/."""
CUMBRIA = "cumbria-child-protection"
KENT = "kent-police-2021"
SECTIONS = ("index", "findings", "concerns", "reactions", "source", "people")
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
SUB_PATH = "/briefings/"
SITE_URL = "https://example.org" + SUB_PATH


# --- Building --------------------------------------------------------------------------------

def write_config(folder: Path, docs_dir: Path, **settings) -> Path:
    """Write `folder/mkdocs.yml`: the project's settings with absolute paths, plus `settings`."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(docs_dir.resolve())
    config["site_dir"] = str((folder / "site").resolve())
    config["theme"]["custom_dir"] = str((ROOT / config["theme"]["custom_dir"]).resolve())
    config["watch"] = [str((ROOT / path).resolve()) for path in config.get("watch", [])]
    config.update(settings)
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def two_briefing_docs(folder: Path) -> Path:
    """A docs folder with the default briefing and the Kent one curated for the tests."""
    docs = folder / "docs"
    shutil.copytree(ROOT / "docs" / CUMBRIA, docs / CUMBRIA)
    kent = docs / KENT
    kent.mkdir()
    shutil.copy(ROOT / "tests" / "fixtures" / "briefings" / KENT / "briefing.yml", kent)
    shutil.copy(CORPUS / KENT / "source.txt", kent)
    return docs


@dataclass(frozen=True)
class BuiltSite:
    folder: Path
    docs: Path

    def html_pages(self) -> list[str]:
        """Every .html file of the site, relative and sorted."""
        return sorted(p.relative_to(self.folder).as_posix() for p in self.folder.rglob("*.html"))

    def slugs(self) -> list[str]:
        return sorted(p.parent.name for p in self.docs.glob("*/briefing.yml"))

    def briefing_yml(self, slug: str) -> dict:
        return yaml.safe_load((self.docs / slug / "briefing.yml").read_text(encoding="utf-8"))

    def print_view(self, slug: str) -> str:
        """The page that prints the whole briefing: `<slug>/print.html`, or where the site has
        none, the single-file export, which then serves as the print view."""
        separate = f"{slug}/print.html"
        return separate if (self.folder / separate).is_file() else f"downloads/{slug}.html"

    def uri(self, rel: str) -> str:
        """The file:// URL of a page of the site; `rel` may end in a query (`search.html?q=x`)."""
        path, mark, query = rel.partition("?")
        return (self.folder / path).as_uri() + mark + query


# --- Hosting ---------------------------------------------------------------------------------

class SubPathServer:
    """A real HTTP server on 127.0.0.1 serving `folder` under `prefix`, as a static host does:
    a missing path gets the site's 404.html with status 404."""

    def __init__(self, folder: Path, prefix: str = SUB_PATH):
        handler = type("Handler", (_SubPathHandler,), {"root": folder.resolve(), "prefix": prefix})
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}{prefix}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> SubPathServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


class _SubPathHandler(BaseHTTPRequestHandler):
    root: Path
    prefix: str

    def do_GET(self):
        self._respond(with_body=True)

    def do_HEAD(self):
        self._respond(with_body=False)

    def _respond(self, with_body: bool) -> None:
        file = self._file_for(unquote(urlsplit(self.path).path))
        status = 200
        if file is None:
            status, file = 404, self.root / "404.html"
        data = file.read_bytes()
        self.send_response(status)
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if with_body:
            self.wfile.write(data)

    def _file_for(self, path: str) -> Path | None:
        if not path.startswith(self.prefix):
            return None
        relative = path[len(self.prefix):]
        if relative == "" or relative.endswith("/"):
            relative += "index.html"
        candidate = (self.root / relative).resolve()
        if self.root not in candidate.parents or not candidate.is_file():
            return None
        return candidate

    def log_message(self, format, *args):
        pass


# --- Opening pages ---------------------------------------------------------------------------

PAGE_FACTS = """() => ({
  ids: Array.from(document.querySelectorAll('[id]'), e => e.id)
         .concat(Array.from(document.querySelectorAll('a[name]'), e => e.name)),
  links: Array.from(document.querySelectorAll('a[href], area[href]'),
                    a => [a.getAttribute('href'), a.href]),
  forms: Array.from(document.querySelectorAll('form[action]'),
                    f => [f.getAttribute('action'), f.action]),
  resources: Array.from(document.querySelectorAll('link[href], script[src], img[src]'),
                        e => [e.getAttribute('href') || e.getAttribute('src'), e.href || e.src]),
  brokenImages: Array.from(document.images)
                  .filter(i => !i.complete || i.naturalWidth === 0).map(i => i.currentSrc || i.src),
  unloadedStylesheets: Array.from(document.querySelectorAll('link[rel~="stylesheet"]'))
                         .filter(l => !l.sheet).map(l => l.href),
  styleSheets: document.styleSheets.length,
})"""


@dataclass
class Visit:
    """One page opened in the browser: what went wrong, and what it holds."""

    url: str
    status: int | None = None
    problems: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, str]] = field(default_factory=list)
    """(href as written, URL the browser resolved it to) of every link and form action."""
    resources: list[tuple[str, str]] = field(default_factory=list)
    """The same for every stylesheet, icon, script and image the page names."""

    def report(self) -> list[str]:
        return [f"{self.url}: {problem}" for problem in self.problems]


class PageChecker:
    """Opens pages, one after another in one tab of `context`, where only URLs under `allowed`
    may load; anything else is blocked and recorded."""

    def __init__(self, context, allowed: str):
        self.allowed = allowed
        self.visit = Visit("")
        self.expected_status = 200
        context.route("**/*", self._route)
        self.page = context.new_page()
        self.page.on("console", self._record_console_error)
        self.page.on("pageerror", lambda e: self.visit.problems.append(f"script error: {e}"))
        self.page.on("requestfailed", self._record_failure)
        self.page.on("response", self._check_response)

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith(self.allowed) or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.visit.problems.append(f"request outside the site (blocked): {url}")
            route.abort()

    def _record_console_error(self, message) -> None:
        where = message.location.get("url")
        # Chromium logs the expected status of the page itself (a 404 page's 404) as an error.
        expected = where == self.visit.url and f"status of {self.expected_status}" in message.text
        if message.type == "error" and not expected:
            self.visit.problems.append(f"console error: {message.text} ({where})")

    def _record_failure(self, request) -> None:
        # ERR_ABORTED is the browser giving up a request itself: the icon of the previous page
        # when the next one opens. What it fetched is checked as a link and an image anyway.
        if request.failure != "net::ERR_ABORTED":
            self.visit.problems.append(f"request failed: {request.url} ({request.failure})")

    def _check_response(self, response) -> None:
        is_document = response.request.resource_type == "document" and \
            response.request.frame == self.page.main_frame
        expected = self.expected_status if is_document else 200
        if response.status >= 400 and response.status != expected:
            self.visit.problems.append(f"status {response.status} for {response.url}")

    def open(self, url: str, *, expected_status: int = 200, settle=None) -> Visit:
        """Open `url` and return what happened. `settle(page)` waits for whatever the page does
        after loading (search results, for instance) before the page is examined."""
        self.visit, self.expected_status = Visit(url), expected_status
        response = self.page.goto(url, wait_until="load")
        if response is not None:
            self.visit.status = response.status
            if not url.startswith("file:") and response.status != expected_status:
                self.visit.problems.append(f"status {response.status}, expected {expected_status}")
        if settle:
            settle(self.page)
        facts = self.page.evaluate(PAGE_FACTS)
        self.visit.ids = set(facts["ids"])
        self.visit.links = [tuple(pair) for pair in facts["links"] + facts["forms"]]
        self.visit.resources = [tuple(pair) for pair in facts["resources"]]
        self.visit.problems += [f"broken image: {src}" for src in facts["brokenImages"]]
        self.visit.problems += [f"stylesheet not loaded: {href}"
                                for href in facts["unloadedStylesheets"]]
        if facts["styleSheets"] == 0:
            self.visit.problems.append("no stylesheet applies (document.styleSheets is empty)")
        return self.visit


def is_internal(href: str) -> bool:
    """A link within the site: no scheme, no host (relative, or absolute on this host)."""
    parts = urlsplit(href)
    return not parts.scheme and not parts.netloc


def file_path_of(url: str) -> Path:
    return Path(url2pathname(urlsplit(url).path))


def broken_links(visits: dict[str, Visit], site: Path, path_of) -> list[str]:
    """Every internal link of the visited pages that leads to no file of `site`, or to an id its
    target page lacks. `visits` is keyed by site-relative path; `path_of(url)` gives the
    site-relative path of a resolved URL, or None when the URL lies outside the site."""
    broken = []
    for where, visit in visits.items():
        for written, resolved in visit.links + visit.resources:
            if not is_internal(written):
                continue
            target = path_of(resolved)
            fragment = unquote(urlsplit(resolved).fragment)
            if written.startswith("#"):
                if fragment and fragment not in visit.ids:
                    broken.append(f"{where}: {written!r}: no element with that id on the page")
            elif target is None:
                broken.append(f"{where}: {written!r} leads outside the site ({resolved})")
            elif not (site / target).is_file():
                broken.append(f"{where}: {written!r} -> {target}: no such file")
            elif fragment and target in visits and fragment not in visits[target].ids:
                broken.append(f"{where}: {written!r} -> {target}: no element with id {fragment!r}")
            elif fragment and target not in visits:
                broken.append(f"{where}: {written!r} -> {target}: fragment on a page not checked")
    return broken


def site_path_under(folder: Path):
    """`path_of` for file:// URLs of a site in `folder`."""
    root = folder.resolve()

    def path_of(url: str) -> str | None:
        if not url.startswith("file:"):
            return None
        path = file_path_of(url)
        if root not in path.parents:
            return None
        return path.relative_to(root).as_posix()
    return path_of


def site_path_over_http(base: str):
    """`path_of` for http:// URLs of a site served at `base` (ending in /)."""
    def path_of(url: str) -> str | None:
        bare = url.split("#")[0].split("?")[0]
        if not bare.startswith(base):
            return None
        relative = unquote(bare[len(base):])
        if relative == "" or relative.endswith("/"):
            relative += "index.html"
        relative = posixpath.normpath(relative)
        return None if relative.startswith("..") else relative
    return path_of


# --- Quality gates: axe-core and the Nu HTML Checker ---------------------------------------

WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_violations(axe, page) -> list[str]:
    """axe-core's WCAG 2.2 A/AA violations on the page as it stands, one description each."""
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_A_AA},
                                     "resultTypes": ["violations"]})
    return [_describe(violation) for violation in results.response["violations"]]


def _describe(violation: dict) -> str:
    nodes = "\n".join(f"    {' '.join(map(str, node['target']))}: "
                      f"{' '.join(node.get('failureSummary', '').split())}"
                      for node in violation["nodes"])
    return f"  {violation['id']} ({violation['impact']}): {violation['help']}\n{nodes}"


def nu_errors(vnu_jar: Path, files: list[Path]) -> list[str]:
    """The Nu HTML Checker's errors in `files`, each with its file and line: one run of the
    checker for them all, since Java starts slowly."""
    done = subprocess.run(
        ["java", "-jar", str(vnu_jar), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True, text=True, timeout=300)
    report = json.loads(done.stderr or done.stdout)
    errors = [
        f"{m.get('url', '?').removeprefix('file:')}:{m.get('lastLine', '?')}: "
        f"{m.get('type')}{'/' + m['subType'] if m.get('subType') else ''}: {m.get('message')}"
        f"\n    {m.get('extract', '').strip()!r}"
        for m in report["messages"] if m.get("type") != "info"]
    if not errors and done.returncode != 0:
        errors.append(f"the checker failed: {done.stderr}")
    return errors
