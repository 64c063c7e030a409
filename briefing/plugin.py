"""The MkDocs plugin: briefing folders in, generated pages out.

MkDocs does the reading of Markdown pages, the rendering and the writing; this
plugin adds what a briefing needs at the documented events:

- `on_config`: have the theme's 404 page and Atom feed built;
- `on_files`: run the pipeline (load -> check -> model), group the briefings
  (`collection`) and add every generated page (`pages.site_pages`), the search
  index and the JSON data, so nothing generated lives in `docs/`;
- `on_page_content`: sanitise the HTML of the user's own Markdown pages;
- `on_env`: make the theme's Jinja2 environment escape by default and fail on
  undefined names, so a typo in a template stops the build;
- `on_page_context` / `on_template_context`: hand each page what its template
  needs, and its Content-Security-Policy;
- `on_post_page` / `on_post_build`: show progress, zip the site for offline
  reading, then check every link and anchor of the output.
"""

from __future__ import annotations

import json
from pathlib import Path

import jinja2
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .archive import write_site_archive
from .collection import build_collection
from .draft.writer import TEMPLATE as DRAFT_TEMPLATE
from .errors import CheckFailed
from .filters import FILTERS
from .links import LinkIndex
from .load import METADATA_FILE
from .model import Briefing
from .pages import INDEX_TITLES, SitePage, site_pages
from .pipeline import load_site
from .progress import Progress
from .published import linked_data, published_json
from .reproducible import PinnedBuildTime
from .safefiles import DEFAULT_MAX_MB
from .search import INDEX_FILE, search_index_script
from .security import content_security_policy, sanitise_html

TOOL_TEMPLATES = {DRAFT_TEMPLATE}
PAGE_DEFAULTS = {"briefing": None, "section": None, "single_page": False, "related": (),
                 "listing": None, "chart": None, "group": None, "person_across": None,
                 "index_kind": None, "linked_data": None, "offline": False}
"""Every name a template may test for, so a page that lacks one gets None, not an error."""


class BriefingConfig(base.Config):
    archive = c.Type(bool, default=True)
    """Offer the whole site as a zip in downloads/ (one more copy of the site's bytes)."""
    archive_name = c.Type(str, default="briefings")
    """File name of the zip, without `.zip`; also the folder its files unpack into."""
    max_file_mb = c.Type((int, float), default=DEFAULT_MAX_MB)
    """Largest source.txt or briefing.yml accepted, in megabytes; larger files are refused."""


class BriefingPlugin(BasePlugin[BriefingConfig]):
    """Generates the pages of every briefing in `docs/` and checks the result."""

    def __init__(self):
        self.briefings: list[Briefing] = []
        self.failure: CheckFailed | None = None
        """Why the last build's checks failed, for `build.py` to report as it reports `check`."""
        self.pages: dict[str, SitePage] = {}
        self.collection = build_collection([])
        self.link_index = LinkIndex()
        self.build_time = PinnedBuildTime()
        self.serving = False
        self.progress = Progress(0)

    @property
    def archive_path(self) -> str | None:
        return f"downloads/{self.config.archive_name}.zip" if self.config.archive else None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        config.theme.static_templates.update({"404.html", "feed.xml"})
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        self.failure = None
        try:
            self.briefings = load_site(Path(config.docs_dir), self.config.max_file_mb,
                                       parallel=not self.serving)
        except CheckFailed as failure:
            self.failure = failure
            raise PluginError(str(failure)) from None
        self.build_time.pin(self.briefings)
        self.collection = build_collection(self.briefings)
        self.link_index = LinkIndex()
        for file in list(files):
            if file.src_uri.endswith("/" + METADATA_FILE) or _is_tool_template(file, config):
                files.remove(file)
        self.pages = {page.src_uri: page for page in site_pages(self.collection)}
        for page in self.pages.values():
            if files.get_file_from_path(page.src_uri) is None:
                files.append(_generated_page(config, page))
        files.append(File.generated(config, INDEX_FILE,
                                    content=search_index_script(self.briefings)))
        for path, content in published_json(self.collection).items():
            files.append(File.generated(config, path, content=content))
        return files

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files):
        generated = self.pages.get(page.file.src_uri)
        if generated is not None:
            # A page the user wrote in docs/ at a generated address (index.md) keeps its text
            # and gets the generated page's template, unless it names its own.
            page.meta.setdefault("template", generated.template)
        return markdown

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files):
        return sanitise_html(html)

    def on_env(self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files):
        self.progress = Progress(len(files.documentation_pages()))
        env.autoescape = True
        env.undefined = jinja2.StrictUndefined
        env.filters.update(FILTERS)
        return env

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_page_context(self, context, /, *, page: Page, config: MkDocsConfig, nav):
        generated = self.pages.get(page.file.src_uri)
        context.update(PAGE_DEFAULTS)
        context.update(self._site_context())
        if generated is not None:
            context.update(generated.context)
        context["content_security_policy"] = content_security_policy(
            inline_styles=generated is not None and generated.template == "briefing/export.html",
            live_reload=self.serving)
        if context["briefing"] is not None and context["section"] == "index":
            context["linked_data"] = linked_data(context["briefing"], page.canonical_url)
        return context

    def on_template_context(self, context, /, *, template_name: str, config: MkDocsConfig):
        context.update(PAGE_DEFAULTS)
        context.update(self._site_context())
        return context

    def _site_context(self) -> dict:
        return {"briefings": self.briefings, "collection": self.collection,
                "site_archive": self.archive_path, "archive_folder": self.config.archive_name,
                "index_titles": INDEX_TITLES,
                "content_security_policy": content_security_policy(live_reload=self.serving)}

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        self.link_index.add(page.url, output)
        self.progress.advance()
        return output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.progress.finish()
        site_dir = Path(config.site_dir)
        try:
            if self.archive_path:
                write_site_archive(site_dir, site_dir / self.archive_path,
                                   self.config.archive_name)
            broken = self.link_index.broken(site_dir)
        finally:
            self.build_time.release()
        if broken:
            raise PluginError("Broken links in the built site:\n" + "\n".join(broken))

    def on_build_error(self, *, error: Exception) -> None:
        self.build_time.release()


def _is_tool_template(file: File, config: MkDocsConfig) -> bool:
    """Templates for the command line (the draft briefing.yml) live in the theme folder too;
    MkDocs would publish them as static files."""
    in_theme = not Path(file.abs_src_path or "").resolve().is_relative_to(
        Path(config.docs_dir).resolve())
    return in_theme and file.src_uri in TOOL_TEMPLATES


def _generated_page(config: MkDocsConfig, page: SitePage) -> File:
    # JSON is YAML too, and writes a hundred times faster than PyYAML's emitter.
    front_matter = json.dumps({"title": page.title, "template": page.template},
                              ensure_ascii=False)
    return File.generated(config, page.src_uri, content=f"---\n{front_matter}\n---\n")
