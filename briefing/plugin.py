"""The MkDocs plugin: briefing folders in, generated pages out.

MkDocs does the reading of Markdown pages, the rendering and the writing; this
plugin adds what a briefing needs at the documented events:

- `on_config`: have the theme's 404 page built;
- `on_files`: run the pipeline (load -> check -> model) and add the generated
  pages (each briefing's sections, its one-page view and single-file export,
  the home and search pages) and the search index, so nothing generated lives
  in `docs/`;
- `on_env`: make the theme's Jinja2 environment escape by default and fail on
  undefined names, so a typo in a template stops the build;
- `on_page_context`: hand each page its briefing, for the templates;
- `on_post_page` / `on_post_build`: zip the site for offline reading, then
  check every link and anchor of the output.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
import yaml
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .archive import write_site_archive
from .errors import CheckFailed
from .filters import FILTERS
from .links import LinkIndex
from .load import METADATA_FILE
from .model import Briefing
from .pipeline import load_site
from .reproducible import PinnedBuildTime
from .safefiles import DEFAULT_MAX_MB
from .search import INDEX_FILE, search_index_script

HOME_TEMPLATE = "home.html"


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
        self.pages: dict[str, tuple[Briefing, str]] = {}
        self.link_index = LinkIndex()
        self.build_time = PinnedBuildTime()

    @property
    def archive_path(self) -> str | None:
        return f"downloads/{self.config.archive_name}.zip" if self.config.archive else None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        config.theme.static_templates.add("404.html")
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        self.failure = None
        try:
            self.briefings = load_site(Path(config.docs_dir), self.config.max_file_mb)
        except CheckFailed as failure:
            self.failure = failure
            raise PluginError(str(failure)) from None
        self.build_time.pin(self.briefings)
        self.pages = {}
        self.link_index = LinkIndex()
        for file in list(files):
            if file.src_uri.endswith("/" + METADATA_FILE):
                files.remove(file)
        for briefing in self.briefings:
            self._add_briefing_pages(files, config, briefing)
        if files.get_file_from_path("index.md") is None:
            files.append(_generated_page(config, "index.md", config.site_name, HOME_TEMPLATE))
        files.append(_generated_page(config, "search.md", "Search", "search.html"))
        files.append(File.generated(config, "assets/lunr.js", abs_src_path=str(_lunr_path())))
        files.append(File.generated(config, INDEX_FILE,
                                    content=search_index_script(self.briefings)))
        return files

    def _add_briefing_pages(self, files: Files, config: MkDocsConfig, briefing: Briefing) -> None:
        pages = [(s.name, f"{briefing.slug}/{s.name}.md", s.title) for s in briefing.sections]
        pages.append(("print", f"{briefing.slug}/print.md", "Whole briefing"))
        pages.append(("export", f"downloads/{briefing.slug}.md", briefing.metadata.title))
        for section, src_uri, title in pages:
            files.append(_generated_page(config, src_uri, title, f"briefing/{section}.html"))
            self.pages[src_uri] = (briefing, section)

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files):
        if page.file.src_uri == "index.md":
            page.meta.setdefault("template", HOME_TEMPLATE)
        return markdown

    def on_env(self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files):
        env.autoescape = True
        env.undefined = jinja2.StrictUndefined
        env.filters.update(FILTERS)
        return env

    def on_page_context(self, context, /, *, page: Page, config: MkDocsConfig, nav):
        briefing, section = self.pages.get(page.file.src_uri, (None, None))
        context["briefing"] = briefing
        context["section"] = section
        context["single_page"] = section in ("print", "export")
        context["briefings"] = self.briefings
        context["site_archive"] = self.archive_path
        return context

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        self.link_index.add(page.url, output)
        return output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
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


def _lunr_path() -> Path:
    """lunr.js as bundled with MkDocs' own search plugin: a well-kept library we need not ship."""
    import mkdocs.contrib.search

    return Path(mkdocs.contrib.search.__file__).parent / "templates" / "search" / "lunr.js"


def _generated_page(config: MkDocsConfig, src_uri: str, title: str, template: str) -> File:
    front_matter = yaml.safe_dump({"title": title, "template": template}, allow_unicode=True)
    return File.generated(config, src_uri, content=f"---\n{front_matter}---\n")
