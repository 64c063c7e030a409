"""The MkDocs plugin: a thin adapter that runs the build (`pipeline.build_site`) at MkDocs' events.

- `on_pre_build` (`mkdocs build` only): load and check every briefing before MkDocs
  empties the site folder, so that a failure leaves the previous site;
- `on_files`: start the build (load, check, model, group, plan) and hand MkDocs the
  files to publish, the generated pages among them (`files.site_files`);
- `on_env` / `on_nav`: the theme's environment made strict; the generated pages handed
  to the build to render (ahead, on a large site) with MkDocs' own context;
- `on_page_markdown` / `on_page_context`: each generated page's title and the HTML the
  build rendered for it; the user's own Markdown pages get the site's context, and
  their HTML is sanitised (`on_page_content`);
- `on_post_page`: each page as MkDocs writes it, for the zip and the link check;
- `on_post_build`: the rest of the build (data files, downloads, zip, link check);
- under `serve`, a briefing with problems: the page of problems in place of the site
  (`preview`), so the preview never hangs and recovers by itself;
  `on_build_error` and `end_build`: the build abandoned, its workers stopped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import ExitStack, closing
from pathlib import Path

import jinja2
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..errors import CheckFailed
from ..model.briefing import Briefing
from ..parallel.workers import Workers
from ..pipeline import BrokenLinks, BuildSettings, SiteBuild, build_site, load_site
from ..progress import Progress
from ..project import PLUGIN, ConfigError
from ..site.archive import archive_path
from ..site.security import sanitise_html
from .cachekey import cache_folder, site_wide_digest
from .config import BriefingConfig
from .files import download_pages, published_stylesheet, site_files
from .preview import problem_files
from .template_page import TemplatePage
from .theme import configured, page_renderer

log = logging.getLogger(f"mkdocs.plugins.{__name__}")

RENDERED_TEMPLATE = "prerendered.html"
"""What MkDocs renders a generated page with: the HTML the build rendered for it, as it is."""


class BriefingPlugin(BasePlugin[BriefingConfig]):
    """Generates the pages of every briefing in `docs/` and checks the result."""

    def __init__(self) -> None:
        self.serving = False
        self.staged = False
        """Set by `build.py`, which builds into a fresh folder of its own and swaps it in."""
        self._loaded: list[Briefing] | None = None
        self.failure: CheckFailed | None = None
        """Why the last build's checks failed, for `build.py` to report as it reports `check`."""
        self.briefings: tuple[Briefing, ...] = ()
        self.progress = Progress(0)
        self._build: SiteBuild | None = None
        self._running = ExitStack()
        self._downloads: dict[str, Page] = {}
        self.rendering_alone = False
        """Set by `alone`: render no page at `on_nav`; one download is rendered on request."""
        self._render: Callable[[str], str] | None = None

    @property
    def archive_path(self) -> str | None:
        return archive_path(self.config.archive_name) if self.config.archive else None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        config.theme.static_templates.update({"404.html", "feed.xml"})
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """`mkdocs build` empties the site folder next: check every briefing first, so that a
        failed build leaves the previous site as it was (`build.py` stages its builds)."""
        self.failure, self._loaded = None, None
        if self.serving or self.staged:
            return
        with closing(Workers(may_fork=True)) as workers:
            try:
                self._loaded = load_site(Path(config.docs_dir), self.config.max_file_mb, workers)
            except CheckFailed as failure:
                self.failure = failure
                raise PluginError(str(failure)) from None

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        stylesheet = published_stylesheet(files)
        settings = BuildSettings(
            Path(config.docs_dir), Path(config.site_dir), stylesheet, self.config.archive_name,
            self.config.archive, self.config.max_file_mb, previewing=self.serving,
            loaded=self._loaded,
            cache_dir=cache_folder(config, previewing=self.serving) if self.config.cache else None,
            site_wide=site_wide_digest(config, files, stylesheet, previewing=self.serving))
        self._loaded = None
        try:
            self._build = build = self._running.enter_context(build_site(settings))
        except CheckFailed as failure:
            self.failure = failure
            if not self.serving:
                raise PluginError(str(failure)) from None
            # A failed build would hold every request of the preview until one succeeds.
            log.info("The preview shows these problems in place of every page until they are "
                     "fixed:\n%s", failure)
            config.theme.static_templates.clear()  # they need a site to show
            return problem_files(config, failure)
        self.briefings = build.plan.briefings
        self._downloads = download_pages(config, build.plan)
        return site_files(files, config, build.plan, stylesheet)

    def on_env(self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files):
        self.progress = Progress(len(files.documentation_pages()))
        return configured(env)

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files):
        """The last event before MkDocs reads every page, which takes a while on a large site:
        the generated pages need none of it, so their rendering starts here."""
        if self._build is None:
            return nav  # the preview of problems (`preview`): no pages to render
        build, documentation = self._current, list(files.documentation_pages())
        generated = {f.src_uri: f.page for f in documentation if isinstance(f.page, TemplatePage)}
        self._render = render = page_renderer(generated | self._downloads, build, config, nav,
                                              documentation)
        if not self.rendering_alone:
            build.output.render_pages(list(generated), render)
        return nav

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files):
        generated = self._current.plan.pages.get(page.file.src_uri)
        if isinstance(page, TemplatePage) and generated is not None:
            # No front matter to parse (MkDocs reads it as YAML: a tenth of the main process's
            # time at 1,000 briefings): the page is empty, and its title is set here.
            page.meta.update(title=generated.title, template=RENDERED_TEMPLATE)
        elif generated is not None:
            # A page the user wrote in docs/ at a generated address (index.md) keeps its text
            # and gets the generated page's template, unless it names its own.
            page.meta.setdefault("template", generated.template)
        return markdown

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files):
        if isinstance(page, TemplatePage):
            return html  # empty: the page is all template
        return sanitise_html(html)

    def on_page_context(self, context, /, *, page: Page, config: MkDocsConfig, nav):
        build = self._current
        if isinstance(page, TemplatePage):
            context["prerendered"] = Markup(build.output.rendered(page.file.src_uri))
            return context
        return build.contexts.for_page(context, page.file.src_uri, page.canonical_url)

    def on_template_context(self, context, /, *, template_name: str, config: MkDocsConfig):
        if self._build is None:
            return context
        return self._current.contexts.for_template(context)

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        ids = self._current.output.page_written(page.file.src_uri, page.url,
                                                page.file.dest_uri, output)
        if isinstance(page, TemplatePage):
            page.anchors_rendered(ids)
        self.progress.advance()
        return output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.progress.finish()
        self._build = None
        try:
            self._running.close()  # the rest of the build, after its `yield`
        except BrokenLinks as broken:
            raise PluginError(str(broken)) from None

    def on_build_error(self, *, error: Exception) -> None:
        self._abandon(error)

    def end_build(self) -> None:
        """Stop the workers and undo the build's settings, however the build ended. MkDocs
        tells plugins of errors but not of Ctrl-C, so `build.py` calls this itself, before it
        removes the staging folder a worker might still be writing to."""
        self._abandon(KeyboardInterrupt())

    def _abandon(self, error: BaseException) -> None:
        """End a build still running, as `error` ended it: its `finish` never runs."""
        self._build = None
        running, self._running = self._running, ExitStack()
        running.__exit__(type(error), error, error.__traceback__)

    @property
    def _current(self) -> SiteBuild:
        assert self._build is not None, "MkDocs calls on_files before any page event"
        return self._build


def briefing_plugin(config: MkDocsConfig) -> BriefingPlugin:
    """The briefing plugin of a loaded configuration; `ConfigError` if mkdocs.yml lacks it."""
    plugin = config.plugins.get(PLUGIN)
    if not isinstance(plugin, BriefingPlugin):
        raise ConfigError(f"{config.config_file_path}: the briefing plugin is not enabled. Add "
                          "it to mkdocs.yml:\nplugins:\n  - briefing")
    return plugin
