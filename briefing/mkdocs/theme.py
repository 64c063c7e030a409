"""The theme as MkDocs runs it: its Jinja2 environment, and the context of a page rendered outside
MkDocs' own loop.

Every generated page is rendered by the build (`site.output`), on whichever core, with the
context MkDocs would give it (`mkdocs_context`, which mirrors MkDocs' own `get_context`: a
test builds pages both ways and compares them) and the theme's filters: ours
(`site.filters`) and two that need MkDocs' URL rules (`url`, `section_url`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

import jinja2
from jinja2 import pass_context
from mkdocs import __version__ as mkdocs_version
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_datetime, get_relative_url, normalize_url

from ..pipeline import SiteBuild
from ..site.filters import FILTERS


def configured(env: jinja2.Environment) -> jinja2.Environment:
    """The theme's Jinja2 environment as every page is rendered with: escaping by default,
    failing on an undefined name (a typo in a template stops the build), our filters."""
    env.autoescape = True
    env.undefined = jinja2.StrictUndefined
    env.filters.update(FILTERS)
    env.filters.update(url=url, section_url=section_url)
    return env


def page_renderer(pages: dict[str, Page], build: SiteBuild, config: MkDocsConfig,
                  nav: Navigation, documentation: list[File]) -> Callable[[str], str]:
    """`render(src_uri) -> html` for each of `pages`, with the template and the context
    MkDocs' loop would give it (what any worker process calls, so it must be made before
    the workers are forked)."""
    env = configured(config.theme.get_env())

    def render(src_uri: str) -> str:
        page = pages[src_uri]
        context = build.contexts.for_page(
            mkdocs_context(page, config, nav, documentation), src_uri, page.canonical_url)
        return env.get_template(build.plan.template_of(src_uri)).render(context)

    return render


def mkdocs_context(page: Page, config: MkDocsConfig, nav: Navigation | None,
                   documentation: list[File]) -> dict:
    """The global context MkDocs gives a page's template (its theme guide's "Global Context"),
    for a page rendered outside MkDocs' loop."""
    return {"nav": nav, "pages": documentation, "base_url": get_relative_url(".", page.url),
            "extra_css": [normalize_url(path, page) for path in config.extra_css],
            "extra_javascript": [normalize_url(str(path), page) for path in config.extra_javascript],
            "mkdocs_version": mkdocs_version,
            "build_date_utc": get_build_datetime(), "config": config, "page": page}


@pass_context
def url(context, value: str) -> str:
    """MkDocs' own `url` filter (a site path made relative to the page), remembered: a
    thousand briefings' pages ask for the same few dozen paths from the same folders."""
    page = context["page"]
    if page is None:
        return _relative_url(str(value), None, context["base_url"])
    # Relative to the page's folder (MkDocs drops a last part with a dot, the file's name), so
    # the six pages of a briefing share what they look up.
    folder, _, name = page.url.rpartition("/")
    at = f"{folder}/_.html" if folder and "." in name else ("_.html" if "." in name else page.url)
    return _relative_url(str(value), at, "")


@pass_context
def section_url(context, section: str, anchor: str = "") -> str:
    """Where a section of the page's briefing is, or an anchor in it: `source.html#p3` from
    a briefing's page; on the one-page views (print, export), where every section is on the
    page, `#p3` (or `#section-source`). A filter, not a macro: a page asks for dozens, and a
    macro call costs several times as much."""
    if context.get("single_page"):
        return f"#{anchor or 'section-' + section}"
    address = url(context, context["briefing"].path(section))
    return f"{address}#{anchor}" if anchor else address


@functools.lru_cache(maxsize=65536)
def _relative_url(path: str, page_url: str | None, base_url: str) -> str:
    if page_url is None:
        return normalize_url(path, base=base_url)
    # `normalize_url` reads only the page's url: any object with one will do.
    return normalize_url(path, page=cast(Page, _PageAt(page_url)))


@dataclass(frozen=True)
class _PageAt:
    """All `normalize_url` asks of a page: its URL."""
    url: str
