"""The hostile-input corpus: input written to hurt the build or its readers, and proof that it cannot.

tests/hostile/<case>/ holds a docs/ folder (the minimal briefing of tests/bad_input/ok-minimal
with one hostile change) and one of:

- expected.txt: the input must be refused; the exact problem lines, paths relative to the case
  folder, `{outside}` standing for the folder outside the project that a link points into;
- expected-safe.txt: the input must build, and each payload must reach the reader as text.
  `<site path or glob>: <text>` the text shows on that page (or in that feed or data file);
  `<path> !: <text>` it does not; `<path> href: <address>` a link has exactly that address.
  `\\uXXXX` writes an invisible character.

Optional: runtime.txt names a step done on the test's copy of the case, for what git cannot
keep or should not (links out of the project, named pipes, files of megabytes), and
config.yml holds options for the briefing plugin (max_file_mb).

Every site the corpus builds is checked on the parsed HTML of every page (`site_problems`):
the Content-Security-Policy meta, no script but the site's own, no event handler attribute,
no javascript:/data:/vbscript: address, no embedding element but the site's chart; its XML
must be well-formed and its JSON must parse. After changing a message on purpose, run
`python tests/regenerate_hostile.py` and review the diff.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree
from urllib.parse import unquote

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, write_config

from briefing.commands.build import run_build
from briefing.errors import BriefingError, CheckFailed
from briefing.project import Project

CASES = Path(__file__).resolve().parent / "hostile"
CASE_NAMES = sorted(p.name for p in CASES.iterdir() if (p / "docs").is_dir())
REFUSED = [name for name in CASE_NAMES if (CASES / name / "expected.txt").is_file()]
BUILT = [name for name in CASE_NAMES if (CASES / name / "expected-safe.txt").is_file()]
SLUG = "northshire"
SECRET = "TOP SECRET: nothing outside the project may reach the site"
BUILD_TIMEOUT = 600
"""Seconds after which a build of one small case (a second or two, alone) is called hung: a
guard against blocking for ever on a FIFO, far beyond any machine's speed, not a speed limit."""


# --- Runtime steps: what the committed case folder cannot hold ----------------------------------

def _outside(root: Path) -> Path:
    """A folder beside the case copy, outside its project, holding a secret."""
    outside = root.parent / "outside"
    outside.mkdir(exist_ok=True)
    (outside / "secret.txt").write_text(SECRET + "\n", encoding="utf-8")
    return outside


def _link_out(root: Path, relative: str) -> None:
    """Move docs/<relative> outside the project and leave a symbolic link to it in its place."""
    inside = root / "docs" / relative
    target = _outside(root) / Path(relative).name
    shutil.move(inside, target)
    inside.symlink_to(target, target_is_directory=target.is_dir())


def _pad_file(path: Path, size: int, line: str) -> None:
    """Append copies of `line` to the file until it holds at least `size` bytes."""
    data = path.read_bytes()
    count = -(-(size - len(data)) // len(line.encode("utf-8")))
    path.write_bytes(data + (line * count).encode("utf-8"))


def _replace_fifo(path: Path) -> None:
    path.unlink(missing_ok=True)
    os.mkfifo(path)


def _huge_title(root: Path) -> None:
    path = root / "docs" / SLUG / "briefing.yml"
    text = path.read_text(encoding="utf-8")
    title = "<script>alert(1)</script> " + "A" * 2_000_000
    path.write_text(text.replace("title: Northshire Police improve child protection",
                                 f'title: "{title}"', 1), encoding="utf-8")


RUNTIME_STEPS = {
    "source-over-size-limit": lambda root: _pad_file(
        root / "docs" / SLUG / "source.txt", 5_200_000, "\nAnother paragraph of padding text.\n"),
    "briefing-yml-over-size-limit": lambda root: _pad_file(
        root / "docs" / SLUG / "briefing.yml", 600_000, "# A comment that pads the file out.\n"),
    "huge-title": _huge_title,
    "slug-markup": lambda root: (root / "docs" / SLUG).rename(
        root / "docs" / "<img src=x onerror=alert(1)>"),
    "symlink-source-outside": lambda root: _link_out(root, f"{SLUG}/source.txt"),
    "symlink-briefing-yml-outside": lambda root: _link_out(root, f"{SLUG}/briefing.yml"),
    "symlink-folder-outside": lambda root: _link_out(root, SLUG),
    "symlink-other-file-outside": lambda root: (root / "docs" / SLUG / "notes.txt").symlink_to(
        _outside(root) / "secret.txt"),
    "fifo-source": lambda root: _replace_fifo(root / "docs" / SLUG / "source.txt"),
    "fifo-other-file": lambda root: _replace_fifo(root / "docs" / SLUG / "notes.txt"),
    "fifo-markdown-page": lambda root: _replace_fifo(root / "docs" / "about.md"),
}
IN_A_CHILD_PROCESS = {"fifo-source", "fifo-other-file", "fifo-markdown-page"}
"""Steps that could make a build block for ever: run it where a timeout can stop it."""


def runtime_step(case: str) -> str | None:
    path = CASES / case / "runtime.txt"
    return path.read_text(encoding="utf-8").strip() if path.is_file() else None


def prepare(case: str, workspace: Path) -> Path:
    """A copy of the case as a project of its own (`workspace/<case>/`), runtime step done."""
    root = workspace / case
    shutil.copytree(CASES / case, root, symlinks=True)
    step = runtime_step(case)
    if step:
        RUNTIME_STEPS[step](root)
    config = write_config(root, root / "docs", root / "site")
    options_file = CASES / case / "config.yml"
    if options_file.is_file():
        settings = yaml.safe_load(config.read_text(encoding="utf-8"))
        options = yaml.safe_load(options_file.read_text(encoding="utf-8"))
        settings["plugins"] = [{"briefing": options}]
        config.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    return root


# --- Building a case: what happened ---------------------------------------------------------------

@dataclass
class Outcome:
    """What building a case did: `built`, `refused` (with problem lines), `crashed` or `hung`."""

    kind: str
    lines: list[str] = field(default_factory=list)
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.kind}: " + "\n".join(self.lines or [self.detail])


def build_case(case: str, root: Path) -> Outcome:
    """Build the prepared case into root/site, in this process or, if it may block, a child."""
    if runtime_step(case) in IN_A_CHILD_PROCESS:
        return _build_in_child(root)
    try:
        run_build(Project(root / "mkdocs.yml"))
    except CheckFailed as failure:
        return Outcome("refused", [str(problem) for problem in failure.problems])
    except BriefingError as error:
        return Outcome("refused", str(error).splitlines())
    except Exception as error:  # noqa: BLE001 - a crash is what we report
        return Outcome("crashed", detail=f"{type(error).__name__}: {error}")
    return Outcome("built")


def _build_in_child(root: Path) -> Outcome:
    command = [sys.executable, str(ROOT / "build.py"), "--config", str(root / "mkdocs.yml"),
               "build"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, encoding="utf-8",
                                cwd=root, timeout=BUILD_TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        return Outcome("hung", detail=f"no answer within {BUILD_TIMEOUT} s")
    if result.returncode == 0:
        return Outcome("built")
    if "Traceback" in result.stderr:
        return Outcome("crashed", detail=result.stderr.strip().splitlines()[-1])
    lines = result.stderr.splitlines()
    return Outcome("refused", [line for line in lines if not _is_summary(line)])


def _is_summary(line: str) -> bool:
    return bool(re.fullmatch(r"\d+ problems? found; nothing was built\.", line))


def _what_was_built(site: Path) -> str:
    """For a failure message: what is wrong with a site that should not have been built."""
    if not site.is_dir():
        return ""
    outside = site.parent.parent / "outside"
    secrets = {p.read_bytes() for p in outside.rglob("*") if p.is_file()}
    leaks = [p.relative_to(site).as_posix() for p in sorted(site.rglob("*"))
             if p.is_file() and p.read_bytes() in secrets]
    found = site_problems(site) + [f"{path}: holds a file from outside the project"
                                   for path in leaks]
    return "".join(f"\n  {problem}" for problem in found)


def outside_placeholder(root: Path, lines: list[str]) -> list[str]:
    """Problem lines with the runtime folder outside the project written as `{outside}`."""
    outside = str((root.parent / "outside").resolve())
    return [line.replace(outside, "{outside}") for line in lines]


def expected_lines(case: str) -> list[str]:
    return (CASES / case / "expected.txt").read_text(encoding="utf-8").splitlines()


# --- Refused inputs: exactly the expected problems, nothing written -------------------------------

@pytest.mark.parametrize("case", REFUSED)
def test_hostile_input_is_refused_with_the_expected_problems(case, tmp_path):
    root = prepare(case, tmp_path)
    outcome = build_case(case, root)
    assert outcome.kind == "refused", (
        f"{case} must be refused, but it {outcome}" + _what_was_built(root / "site"))
    assert outside_placeholder(root, outcome.lines) == expected_lines(case)
    assert not (root / "site").exists(), "a refused build wrote a site"
    assert not list(root.glob(".site-*")), "a refused build left its staging folder"


# --- Inputs that build: every page safe, every payload shown as text ------------------------------

@pytest.mark.parametrize("case", BUILT)
def test_hostile_input_builds_into_a_site_that_cannot_be_turned_against_readers(case, tmp_path):
    root = prepare(case, tmp_path)
    outcome = build_case(case, root)
    assert outcome.kind == "built", f"{case} must build, but it {outcome}"
    site = root / "site"
    assert site_problems(site) == []
    assert unmet_expectations(site, CASES / case / "expected-safe.txt") == []


CSP_SCRIPT_SOURCES_FORBIDDEN = {"'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*",
                                "data:", "http:", "https:", "blob:", "filesystem:"}
SITE_SCRIPTS = {"assets/search.js"}
SCRIPT_PAGES = {"search.html"}
ENHANCEMENT_SCRIPTS = {"assets/cite.js"}
"""The one script a briefing's own pages load: the copy-citation button, from a file."""
BRIEFING_PAGE = re.compile(r"[a-z0-9-]+/(index|summary|findings|concerns|reactions|source|people)\.html")
EMBEDDING = {"iframe", "frame", "frameset", "object", "embed", "applet", "portal", "base",
             "math", "template", "textarea", "noembed", "audio", "video", "source", "track",
             "param", "foreignobject"}
CHART_PARTS = {"title", "desc", "line", "text", "polyline", "circle", "rect", "g"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster",
                  "background", "cite", "srcset", "codebase", "longdesc", "manifest", "ping"}
SAFE_SCHEMES = {"http", "https", "mailto"}
LINK_RELS = {"icon", "stylesheet", "canonical", "alternate"}


def site_problems(site: Path) -> list[str]:
    """Everything in the built site that could be turned against a reader; empty when safe."""
    problems = []
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        if path.suffix == ".html":
            problems += [f"{relative}: {p}" for p in page_problems(site, relative)]
        elif path.suffix == ".xml":
            problems += [f"{relative}: {p}" for p in _xml_problems(path)]
        elif path.suffix == ".json":
            problems += [f"{relative}: {p}" for p in _json_problems(path)]
    index = sorted((site / SEARCH_INDEX).glob("*.js"))
    problems += [] if index else [f"{SEARCH_INDEX}: no search index"]
    for path in index:
        problems += [f"{path.relative_to(site).as_posix()}: {p}"
                     for p in _search_index_problems(path)]
    return problems


def page_problems(site: Path, relative: str) -> list[str]:
    """The safety problems of one HTML page of the site, from its parsed elements."""
    soup = BeautifulSoup((site / relative).read_text(encoding="utf-8"), "html.parser")
    problems = _document_problems(soup)
    policy = _csp_problems(soup)
    problems += policy
    for element in soup.find_all(True):
        problems += _element_problems(site, relative, soup, element)
    return problems


def _document_problems(soup: BeautifulSoup) -> list[str]:
    """One html, head, body and head title: markup in a value has not opened or closed any."""
    problems = []
    for name in ("html", "head", "body"):
        if len(soup.find_all(name)) != 1:
            problems.append(f"{len(soup.find_all(name))} <{name}> elements")
    head = soup.find("head")
    if head is None or len(head.find_all("title")) != 1:
        problems.append("the head has no single <title>")
    for title in soup.find_all("title"):
        if title.parent.name != "head" and not _in_chart(title):
            problems.append(f"a <title> outside the head: {title}")
    return problems


def _csp_problems(soup: BeautifulSoup) -> list[str]:
    metas = [m for m in soup.find_all("meta")
             if m.get("http-equiv", "").lower() == "content-security-policy"]
    if len(metas) != 1 or metas[0].parent.name != "head":
        return [f"{len(metas)} Content-Security-Policy meta elements in the head"]
    policy = _parse_csp(metas[0].get("content", ""))
    scripts = policy.get("script-src") or policy.get("default-src") or []
    problems = []
    if "'self'" not in scripts:
        problems.append(f"script-src is {scripts}, without 'self'")
    if CSP_SCRIPT_SOURCES_FORBIDDEN & set(scripts):
        problems.append(f"script-src allows {sorted(CSP_SCRIPT_SOURCES_FORBIDDEN & set(scripts))}")
    if policy.get("object-src") != ["'none'"]:
        problems.append(f"object-src is {policy.get('object-src')}, not 'none'")
    return problems


def _parse_csp(content: str) -> dict[str, list[str]]:
    policy = {}
    for directive in content.split(";"):
        words = directive.split()
        if words:
            policy.setdefault(words[0].lower(), [w.lower() for w in words[1:]])
    return policy


def _element_problems(site: Path, relative: str, soup, element) -> list[str]:
    problems = []
    name = element.name.lower()
    for attribute, value in element.attrs.items():
        if attribute.lower().startswith("on"):
            problems.append(f"event handler {attribute}= on <{name}>")
        if attribute.lower() == "style":
            problems.append(f"inline style on <{name}>")
        if attribute.lower() in URL_ATTRIBUTES:
            values = value if isinstance(value, list) else [value]
            for address in values:
                scheme = _scheme(address)
                if scheme is not None and scheme not in SAFE_SCHEMES \
                        and not _is_the_theme_icon(name, element, address):
                    problems.append(f"<{name} {attribute}={address!r}>: {scheme}: address")
    if name in EMBEDDING:
        problems.append(f"<{name}> element: {str(element)[:120]}")
    elif name == "svg" and "chart-svg" not in element.get("class", []):
        problems.append(f"<svg> that is not the site's chart: {str(element)[:120]}")
    elif _in_chart(element) and name not in CHART_PARTS:
        problems.append(f"<{name}> inside the chart")
    elif name == "script":
        problems += _script_problems(site, relative, element)
    elif name == "style" and not _allows_inline_styles(soup):
        problems.append("<style> element on a page whose policy forbids inline styles")
    elif name == "meta" and element.get("http-equiv", "").lower() not in (
            "", "content-security-policy"):
        problems.append(f"<meta http-equiv={element.get('http-equiv')!r}>")
    elif name == "link" and not set(element.get("rel", [])) <= LINK_RELS:
        problems.append(f"<link rel={element.get('rel')}>")
    elif name == "form" and _scheme(element.get("action", "")) is not None:
        problems.append(f"<form action={element.get('action')!r}>")
    return problems


THEME_ICON = (ROOT / "templates" / "assets" / "briefing-icon.svg").read_text(encoding="utf-8")


def _is_the_theme_icon(name: str, element, address: str) -> bool:
    """The single-file export's icon, inlined so browsers ask no host for /favicon.ico: a
    data: address allowed only as a <link rel=icon> holding exactly the theme's own SVG."""
    prefix = "data:image/svg+xml,"
    return (name == "link" and element.get("rel") == ["icon"] and address.startswith(prefix)
            and unquote(address[len(prefix):]).strip() == THEME_ICON.strip())


def _in_chart(element) -> bool:
    return any(parent.name == "svg" and "chart-svg" in parent.get("class", [])
               for parent in element.parents)


def _allows_inline_styles(soup) -> bool:
    meta = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    return meta is not None and "'unsafe-inline'" in _parse_csp(meta["content"]).get(
        "style-src", [])


def _script_problems(site: Path, relative: str, script) -> list[str]:
    """Only JSON-LD data blocks, and on the search page the site's own script files."""
    kind = script.get("type", "").lower()
    text = script.string or ""
    if kind == "application/ld+json" and not script.get("src"):
        problems = []
        if "</script" in text.lower() or "<!--" in text:
            problems.append(f"a JSON-LD block holding '</script' or '<!--': {text[:120]}")
        try:
            json.loads(text)
        except json.JSONDecodeError as error:
            problems.append(f"a JSON-LD block that is not JSON ({error})")
        return problems
    source = script.get("src")
    allowed = SITE_SCRIPTS if relative in SCRIPT_PAGES else \
        ENHANCEMENT_SCRIPTS if BRIEFING_PAGE.fullmatch(relative) else set()
    if not allowed or not source or text.strip():
        return [f"a script that is not the site's own: {str(script)[:120]}"]
    target = PurePosixPath(relative).parent / source
    resolved = os.path.normpath(target.as_posix())
    if _scheme(source) is not None or resolved not in allowed:
        return [f"a script from {source!r}, not one of the site's {sorted(allowed)}"]
    return []


def _scheme(address: str) -> str | None:
    """The scheme a browser would read: control characters and white space dropped."""
    cleaned = re.sub(r"[\x00-\x20\x7f]", "", address).lower()
    match = re.match(r"([a-z][a-z0-9+.\-]*):", cleaned)
    return match.group(1) if match else None


def _xml_problems(path: Path) -> list[str]:
    try:
        ElementTree.parse(path)
    except ElementTree.ParseError as error:
        return [f"not well-formed XML: {error}"]
    return []


def _json_problems(path: Path) -> list[str]:
    try:
        json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        return [f"not JSON: {error}"]
    return []


SEARCH_INDEX = "assets/search"
"""The folder of the search index's files."""
SEARCH_INDEX_FORM = re.compile(r'briefingSearchShard\("[a-z0-9_-]+",(.*)\);\n', re.DOTALL)


def search_index_data(text: str):
    """The data a file of the search index hands over: a JSON literal, no code."""
    match = SEARCH_INDEX_FORM.fullmatch(text)
    if match is None:
        raise ValueError("not of the form 'briefingSearchShard(\"name\",...);'")
    return json.loads(match.group(1))


def _search_index_problems(path: Path) -> list[str]:
    """Each file of the index is a script: data only, and safe even if someone inlines it."""
    text = path.read_text(encoding="utf-8")
    if "</" in text:
        return ["holds '</', which would end a script element if inlined"]
    try:
        search_index_data(text)
    except ValueError as error:  # json.JSONDecodeError is one
        return [f"the index is not data: {error}"]
    return []


# --- Where each payload must show ------------------------------------------------------------

EXPECTATION = re.compile(r"(?P<path>\S+?)(?: (?P<kind>!|href))?: (?P<value>.*)")


def unmet_expectations(site: Path, spec: Path) -> list[str]:
    """Each line of expected-safe.txt that the built site does not satisfy."""
    unmet = []
    for line in spec.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        match = EXPECTATION.fullmatch(line)
        assert match, f"{spec}: cannot read {line!r}"
        pattern, kind, value = match["path"], match["kind"], _unescape(match["value"])
        paths = sorted(site.glob(pattern))
        if not paths:
            unmet.append(f"{pattern}: no such file in the site")
        for path in paths:
            relative = path.relative_to(site).as_posix()
            if kind == "href":
                if value not in _hrefs(path):
                    unmet.append(f"{relative}: no link to {value!r}")
            elif (value in _texts(path)) != (kind != "!"):
                shown = "shows" if kind == "!" else "does not show"
                unmet.append(f"{relative} {shown} as text: {_shorten(value)!r}")
    return unmet


def _unescape(value: str) -> str:
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m[1], 16)), value)


def _shorten(text: str) -> str:
    return textwrap.shorten(text, 200) if len(text) > 200 else text


def _collapse(text: str) -> str:
    return " ".join(text.split())


class _Texts:
    """The texts of a file as a reader gets them, white space collapsed; `in` finds a payload."""

    def __init__(self, texts: list[str]):
        self.texts = [_collapse(text) for text in texts]

    def __contains__(self, value: str) -> bool:
        wanted = _collapse(value)
        return any(wanted in text for text in self.texts)


def _texts(path: Path) -> _Texts:
    """HTML: the page's text (not attributes, not scripts); XML: text and attribute values;
    JSON and the search index: every string."""
    data = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        return _Texts([BeautifulSoup(data, "html.parser").get_text()])
    if path.suffix == ".xml":
        root = ElementTree.fromstring(data)
        return _Texts(["".join(root.itertext())] + [
            value for element in root.iter() for value in element.attrib.values()])
    if path.suffix == ".js":
        return _Texts(list(_strings(search_index_data(data))))
    return _Texts(list(_strings(json.loads(data))))


def _strings(data):
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)


def _hrefs(path: Path) -> set[str]:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return {a["href"] for a in soup.find_all(href=True)}


# --- The checks themselves catch what they are for -------------------------------------------

UNSAFE_PAGE = """<!doctype html><html><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' 'unsafe-inline'; object-src 'none'">
<title>x</title></head><body>
<p onclick="alert(1)">a</p><a href=" java\tscript:alert(1)">b</a><img src="data:image/svg+xml,x">
<script>alert(1)</script><svg onload="alert(1)"></svg><iframe src="x"></iframe>
<script type="application/ld+json">{"a": "</script>"}</script>
<title>second</title></body></html>"""


def test_the_page_checks_find_every_kind_of_unsafe_markup(tmp_path):
    (tmp_path / "page.html").write_text(UNSAFE_PAGE, encoding="utf-8")
    found = "\n".join(page_problems(tmp_path, "page.html"))
    for expected in ("'unsafe-inline'", "event handler onclick", "javascript: address",
                     "data: address", "a script that is not the site's own", "<svg> that is not",
                     "<iframe> element", "a <title> outside the head", "JSON-LD block"):
        assert expected in found


def test_the_text_check_tells_text_from_markup(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>t</title></head><body><p>&lt;b&gt;x</p><b>y</b>"
                    "<a title='&lt;i&gt;'>z</a></body></html>", encoding="utf-8")
    assert "<b>x" in _texts(page)
    assert "<b>y" not in _texts(page)
    assert "<i>" not in _texts(page)


def test_what_the_checks_allow_is_what_a_real_site_has(tmp_path):
    """The allowances are not dead letters: the site's scripts, its data blocks, its chart
    (on the page of the organisation both briefings inspect) and the export's inlined icon."""
    root = prepare("xss-chart-and-related", tmp_path)
    assert build_case("xss-chart-and-related", root).kind == "built"

    def page(path: str) -> BeautifulSoup:
        return BeautifulSoup((root / "site" / path).read_text(encoding="utf-8"), "html.parser")

    scripts = {script["src"] for script in page("search.html").find_all("script")}
    assert scripts == SITE_SCRIPTS
    assert len(page(f"{SLUG}/index.html").find_all("script", type="application/ld+json")) == 1
    assert page("subjects/northshire-police/index.html").find("svg", class_="chart-svg") is not None
    assert page(f"downloads/{SLUG}.html").find("link", rel="icon")["href"].startswith("data:")
    assert _allows_inline_styles(page(f"downloads/{SLUG}.html"))
    assert not _allows_inline_styles(page(f"{SLUG}/index.html"))


# --- The corpus itself ---------------------------------------------------------------------------

def test_the_corpus_covers_hostile_input_of_every_kind():
    assert len(CASE_NAMES) >= 40
    for case in CASE_NAMES:
        kinds = [(CASES / case / name).is_file() for name in ("expected.txt", "expected-safe.txt")]
        assert kinds.count(True) == 1, f"{case}: needs expected.txt or expected-safe.txt"
        step = runtime_step(case)
        assert step is None or step in RUNTIME_STEPS, f"{case}: unknown runtime step {step!r}"
    assert set(RUNTIME_STEPS) <= {runtime_step(case) for case in CASE_NAMES}
    assert len(BUILT) >= 15 and len(REFUSED) >= 25


# --- Through the command line: exit 1, the problems, no traceback --------------------------------

@pytest.mark.parametrize("case", ["url-javascript", "yaml-billion-laughs", "fifo-source",
                                  "symlink-source-outside"])
def test_build_py_refuses_hostile_input_without_a_traceback(case, tmp_path):
    root = prepare(case, tmp_path)
    result = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "--config", str(root / "mkdocs.yml"), "build"],
        capture_output=True, text=True, encoding="utf-8", cwd=root, timeout=BUILD_TIMEOUT,
        check=False)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    lines = outside_placeholder(root, result.stderr.splitlines())
    count = len(expected_lines(case))
    summary = f"{count} problem{'' if count == 1 else 's'} found; nothing was built."
    assert lines == expected_lines(case) + [summary]
    assert not (root / "site").exists()


# --- A large source must not turn a few misquotes into a stalled build --------------------------

LARGE_SOURCE_BYTES = 1_000_000
ORDINARY = ("word{i} lorem ipsum dolor", "These words {n} were never said by anyone at all.", 20)
REPETITIVE = ("the word{i} of the", " ".join(["the of"] * 100) + " said {n}", 3)
"""(source words, a misquote, how many): a long misquote of the source's commonest words
lines up with almost every place in the source; the search for the closest passage must
still end."""


@pytest.mark.parametrize("words, misquote, count", [ORDINARY, REPETITIVE],
                         ids=["ordinary", "repetitive"])
def test_misquotes_against_a_large_source_are_all_reported(
        words, misquote, count, tmp_path):
    folder = tmp_path / "docs" / SLUG
    folder.mkdir(parents=True)
    config = write_config(tmp_path, tmp_path / "docs", tmp_path / "site")
    paragraph = " ".join(words.format(i=i % 997) for i in range(2000))
    source = "\n\n".join(f"{n}. {paragraph}" for n in range(LARGE_SOURCE_BYTES // len(paragraph)))
    (folder / "source.txt").write_text(source + "\n", encoding="utf-8")
    quotes = "".join(f"      - {misquote.format(n=n)}\n" for n in range(count))
    (folder / "briefing.yml").write_text(textwrap.dedent("""\
        title: A large source
        summary: A briefing whose quotes are all wrong.
        subject: {name: Northshire Police}
        inspector: {name: HM Inspectorate of Constabulary}
        source: {outlet: Northshire Gazette}
        people:
          - {id: jane-doe, name: Jane Doe}
        reactions:
          - id: statement
            person: jane-doe
            quotes:
        """) + quotes, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "--config", str(config), "build"],
        capture_output=True, text=True, encoding="utf-8", cwd=tmp_path, check=False)
    assert result.returncode == 1
    assert f"{count} problems found; nothing was built." in result.stderr
