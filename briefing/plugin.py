"""The MkDocs plugin: briefing folders in, generated pages out.

MkDocs does the reading of Markdown pages, the rendering and the writing; this
plugin adds what a briefing needs at the documented events:

- `on_files`: run the pipeline (load -> check -> model) and add one generated
  page per briefing section, so nothing generated lives in `docs/`;
- `on_env`: make the theme's Jinja2 environment escape by default and fail on
  undefined names, so a typo in a template stops the build;
- `on_page_context`: hand each page its briefing, for the templates;
- `on_post_page` / `on_post_build`: check every link and anchor of the output.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
import yaml
from mkdocs.config import base
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .errors import CheckFailed
from .filters import FILTERS
from .load import METADATA_FILE
from .model import Briefing
from .links import LinkIndex
from .pipeline import load_site

HOME_TEMPLATE = "home.html"


class BriefingConfig(base.Config):
    """The plugin has no options yet; everything a briefing needs is in its folder."""


class BriefingPlugin(BasePlugin[BriefingConfig]):
    """Generates the pages of every briefing in `docs/` and checks the result."""

    def __init__(self):
        self.briefings: list[Briefing] = []
        self.pages: dict[str, tuple[Briefing, str]] = {}
        self.link_index = LinkIndex()

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        try:
            self.briefings = load_site(Path(config.docs_dir))
        except CheckFailed as failure:
            raise PluginError(str(failure)) from None
        self.pages = {}
        self.link_index = LinkIndex()
        for file in list(files):
            if file.src_uri.endswith("/" + METADATA_FILE):
                files.remove(file)
        for briefing in self.briefings:
            for section in briefing.sections:
                src_uri = f"{briefing.slug}/{section.name}.md"
                files.append(_generated_page(config, src_uri, section.title,
                                             f"briefing/{section.name}.html"))
                self.pages[src_uri] = (briefing, section.name)
        if files.get_file_from_path("index.md") is None:
            files.append(_generated_page(config, "index.md", config.site_name, HOME_TEMPLATE))
        return files

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
        context["briefings"] = self.briefings
        return context

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        self.link_index.add(page.url, output)
        return output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        broken = self.link_index.broken(Path(config.site_dir))
        if broken:
            raise PluginError("Broken links in the built site:\n" + "\n".join(broken))


def _generated_page(config: MkDocsConfig, src_uri: str, title: str, template: str) -> File:
    front_matter = yaml.safe_dump({"title": title, "template": template}, allow_unicode=True)
    return File.generated(config, src_uri, content=f"---\n{front_matter}---\n")
