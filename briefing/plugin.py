"""The MkDocs plugin: briefing folders in, generated pages out.

MkDocs does the reading of Markdown pages, the rendering and the writing; this
plugin adds what a briefing needs at the documented events:

- `on_config`: have the theme's 404 page and Atom feed built;
- `on_files`: run the pipeline (load -> check -> model), group the briefings
  (`collection`) and add every generated page (`pages.site_pages`), so nothing
  generated lives in `docs/`;
- `on_page_content`: sanitise the HTML of the user's own Markdown pages;
- `on_nav`: on a large site, start rendering the generated pages on every core
  (`prerender`), while MkDocs reads the pages;
- `on_env`: make the theme's Jinja2 environment escape by default and fail on
  undefined names, so a typo in a template stops the build;
- `on_page_context` / `on_template_context`: hand each page what its template
  needs, and its Content-Security-Policy;
- `on_post_page` / `on_post_build`: show progress; write each source.txt, the
  search index and the JSON data (files, not pages), zip the site for offline reading, then
  check every link and anchor of the output.

Everything generated is rendered with the same context whether MkDocs' loop
or a prerender worker renders it (`_page_context`).
"""

from __future__ import annotations

import functools
from pathlib import Path

import jinja2
from markupsafe import Markup
from mkdocs import __version__ as mkdocs_version
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_datetime, get_relative_url, normalize_url

from .archive import ArchiveProcess, write_site_archive
from .collection import build_collection
from .collector import BuildCollector
from .draft.writer import TEMPLATE as DRAFT_TEMPLATE
from .errors import CheckFailed
from .filters import FILTERS
from .links import LinkIndex, packed_scan
from .load import METADATA_FILE, SOURCE_FILE
from .model import Briefing
from .pages import INDEX_TITLES, SitePage, download_pages, overview_beside, site_pages
from .pipeline import load_site
from .prerender import TEMPLATE as PRERENDERED
from .prerender import Prerenderer, RenderedPage
from .progress import Progress
from .published import linked_data, published_json
from .reproducible import PinnedBuildTime
from .safefiles import DEFAULT_MAX_MB
from .search import INDEX_FILE, search_index_script
from .security import content_security_policy, sanitise_html
from .stylesheet import STYLESHEET, minified
from .template_page import TemplatePage

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
        self.stylesheet = Markup("")
        """The site's stylesheet as published, which a single-file export inlines."""
        self.sources: dict[str, Path] = {}
        """Each briefing's source.txt, by where it is published: copied with the data files."""
        self.nav: Navigation | None = None
        self.downloads: dict[str, Page] = {}
        """Each briefing whole in one file: rendered like a page, written by the plugin."""
        self.download_beside: dict[str, str] = {}
        """Each briefing's overview (src_uri) -> its download's: written just after it."""
        self.render = None
        """`render(src_uri) -> html` for a generated page or download, from `on_nav` on."""
        self.prerenderer = Prerenderer()
        self.zipper: ArchiveProcess | None = None
        """On a large site, the process zipping each page once MkDocs has written it."""
        self._forget_written()
        self.collector = BuildCollector()
        self.taken: dict[str, RenderedPage] = {}
        """Pages handed to MkDocs from the prerenderer, until their `on_post_page`."""

    def _forget_written(self) -> None:
        """What a build has written so far: nothing yet (a new build, or one that ended)."""
        self.written_pages: list[str] = []
        """Every page written in this build, in the zip's order: MkDocs' pages in its order,
        each briefing's download right after its overview."""
        self.zipped = 0
        """How many of `written_pages` the zip process has been told of."""
        self.downloads_written: set[str] = set()
        """Downloads written so far in this build; any left are written at its end."""

    @property
    def archive_path(self) -> str | None:
        return f"downloads/{self.config.archive_name}.zip" if self.config.archive else None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        config.theme.static_templates.update({"404.html", "feed.xml"})
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        self.failure = None
        self._forget_written()
        # Loading a large site makes millions of objects, all kept: collect less often from
        # the start (a build that fails here releases the collector in `end_build`).
        self.collector.hold()
        try:
            self.briefings = load_site(Path(config.docs_dir), self.config.max_file_mb,
                                       parallel=not self.serving)
        except CheckFailed as failure:
            self.failure = failure
            raise PluginError(str(failure)) from None
        self.build_time.pin(self.briefings)
        self.collector.hold()  # and freeze what was loaded
        self.collection = build_collection(self.briefings)
        self.link_index = LinkIndex()
        published_sources = {f"{b.slug}/{SOURCE_FILE}" for b in self.briefings}
        self.sources = {}
        for file in list(files):
            if file.src_uri in published_sources:
                self.sources[file.src_uri] = Path(file.abs_src_path)
                files.remove(file)
            elif file.src_uri.endswith("/" + METADATA_FILE) or _is_tool_template(file, config):
                files.remove(file)
        self._minify_stylesheet(files, config)
        self.pages = {page.src_uri: page for page in site_pages(self.collection)}
        for page in self.pages.values():
            # A Markdown page of the user's at a generated address keeps its text.
            if files.get_file_from_path(page.src_uri) is None:
                files.append(_generated_page(config, page))
        downloads = download_pages(self.collection)
        self.pages.update((page.src_uri, page) for page in downloads)
        self.downloads = {page.src_uri: Page(page.title, File.generated(config, page.src_uri,
                                                                        content=""), config)
                          for page in downloads}
        self.download_beside = {overview_beside(page): page.src_uri for page in downloads}
        return files

    def _minify_stylesheet(self, files: Files, config: MkDocsConfig) -> None:
        """Publish the stylesheet minified (the theme's, or the user's own in docs/)."""
        stylesheet = files.get_file_from_path(STYLESHEET)
        if stylesheet is None:
            self.stylesheet = Markup("")
            return
        self.stylesheet = minified(stylesheet.content_string)
        files.remove(stylesheet)
        files.append(File.generated(config, STYLESHEET, content=str(self.stylesheet)))

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files):
        generated = self.pages.get(page.file.src_uri)
        if generated is None:
            return markdown
        if isinstance(page, TemplatePage):
            # No front matter to parse (MkDocs reads it as YAML: a tenth of the main process's
            # time at 1,000 briefings): the page is empty, and its title is set here.
            page.meta["title"] = generated.title
            if page.file.src_uri in self.prerenderer:
                page.meta["template"] = PRERENDERED
        # A page the user wrote in docs/ at a generated address (index.md) keeps its text
        # and gets the generated page's template, unless it names its own.
        page.meta.setdefault("template", generated.template)
        return markdown

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files):
        if isinstance(page, TemplatePage):
            return html  # empty: the page is all template
        return sanitise_html(html)

    def on_env(self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files):
        self.progress = Progress(len(files.documentation_pages()))
        return _configured(env)

    def _start_prerender(self, env: jinja2.Environment, config: MkDocsConfig,
                         documentation: list[File]) -> None:
        """Have `self.render` ready; on a large site, start the workers on every generated page,
        the data files and the downloads (each beside its briefing's overview)."""
        pages = [f.page for f in documentation if isinstance(f.page, TemplatePage)]
        by_uri = {page.file.src_uri: page for page in pages} | self.downloads
        nav = self.nav

        def render(src_uri: str) -> str:
            page, generated = by_uri[src_uri], self.pages[src_uri]
            context = self._page_context(_mkdocs_context(page, config, nav, documentation), page)
            return env.get_template(generated.template).render(context)

        self.render = render
        if self.serving or not Prerenderer.worthwhile(len(pages)):
            return
        site_dir = Path(config.site_dir)
        if self.archive_path:
            self.zipper = ArchiveProcess(site_dir, site_dir / self.archive_path,
                                         self.config.archive_name)
        self.prerenderer.start(
            [page.file.src_uri for page in pages], render,
            first=[functools.partial(self._write_data_files, site_dir)],
            beside={overview: functools.partial(self._write_download, download, site_dir)
                    for overview, download in self.download_beside.items()})

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files):
        """The last event before MkDocs reads every page, which takes a while on a large site:
        the generated pages need none of it, so their rendering starts here."""
        self.nav = nav
        self._start_prerender(_configured(config.theme.get_env()), config,
                              files.documentation_pages())
        return nav

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_page_context(self, context, /, *, page: Page, config: MkDocsConfig, nav):
        if page.file.src_uri in self.prerenderer:
            rendered = self.taken[page.file.src_uri] = self.prerenderer.take(page.file.src_uri)
            context["prerendered"] = Markup(rendered.html)
            return context
        return self._page_context(context, page)

    def _page_context(self, context, page: Page):
        """What a page's template needs beyond MkDocs' own context."""
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
                "index_titles": INDEX_TITLES, "inline_stylesheet": self.stylesheet,
                "content_security_policy": content_security_policy(live_reload=self.serving)}

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        # MkDocs writes a page after this event: the ones before are on disk now.
        self._tell_zipper()
        self.written_pages.append(page.file.dest_uri)
        rendered = self.taken.pop(page.file.src_uri, None)
        if rendered is not None and rendered.html == output:
            self.link_index.record_packed(page.url, rendered.ids, rendered.links)
        else:
            self.link_index.add(page.url, output)
        if isinstance(page, TemplatePage):
            page.anchors_rendered(self.link_index.ids[page.url])
        if (download := self.download_beside.get(page.file.src_uri)) is not None:
            written = rendered.beside if rendered is not None else None
            self._download_written(download, written or self._write_download(
                download, Path(config.site_dir)))
        self.progress.advance()
        return output

    def _tell_zipper(self) -> None:
        """Tell the zip process of the pages written since it was last told."""
        if self.zipper is not None:
            for path in self.written_pages[self.zipped:]:
                self.zipper.page_written(path)
            self.zipped = len(self.written_pages)

    def _write_data_files(self, site_dir: Path) -> None:
        """Each briefing's source text as received, the search index and the JSON data: files,
        not pages, so written as MkDocs' search plugin writes its index (on a large site, by a
        prerender worker while MkDocs writes the pages)."""
        for path, source in self.sources.items():
            _write(site_dir / path, source.read_bytes())
        data = {INDEX_FILE: search_index_script(self.briefings), **published_json(self.collection)}
        for path, content in data.items():
            _write(site_dir / path, content.encode("utf-8"))

    def _write_download(self, src_uri: str, site_dir: Path) -> tuple[str, str, str]:
        """Render and write a download; its url and packed ids and links (`packed_scan`), for
        the link check."""
        page = self.downloads[src_uri]
        html = self.render(src_uri)
        # Encoded as MkDocs encodes a page.
        _write(site_dir / page.file.dest_uri, html.encode("utf-8", errors="xmlcharrefreplace"))
        return (page.url, *packed_scan(html))

    def _download_written(self, src_uri: str, scanned: tuple[str, str, str]) -> None:
        self.link_index.record_packed(*scanned)
        self.written_pages.append(self.downloads[src_uri].file.dest_uri)
        self.downloads_written.add(src_uri)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.progress.finish()
        site_dir = Path(config.site_dir)
        try:
            if self.prerenderer.running:
                self.prerenderer.finish_first()
            else:
                self._write_data_files(site_dir)
            # A download whose overview MkDocs did not write (`mkdocs serve --dirty`): now.
            for src_uri in self.downloads.keys() - self.downloads_written:
                self._download_written(src_uri, self._write_download(src_uri, site_dir))
            self._finish_archive(site_dir)
            # While the zip's own process adds the last files, check the links; the zip is
            # one of the files they may point to.
            broken = self.link_index.broken(site_dir, coming={self.archive_path} - {None})
            self._archive_written()
        finally:
            self.prerenderer.close()
            self.collector.release()
            self.build_time.release()
        if broken:
            raise PluginError("Broken links in the built site:\n" + "\n".join(broken))

    def _finish_archive(self, site_dir: Path) -> None:
        """Have the zip finished: its own process has the pages already, but for the last
        ones, and adds the rest now (`_archive_written` waits for it); or, on a small site, the
        whole zip is written now, in the same order."""
        if self.zipper is not None:
            self._tell_zipper()
            self.zipper.finish()
        elif self.archive_path:
            write_site_archive(site_dir, site_dir / self.archive_path, self.config.archive_name,
                               self.written_pages)

    def _archive_written(self) -> None:
        """Wait for the zip's process to finish it; raise what went wrong there."""
        if self.zipper is not None:
            zipper, self.zipper = self.zipper, None
            try:
                zipper.wait()
            finally:
                zipper.stop()

    def on_build_error(self, *, error: Exception) -> None:
        self.end_build()

    def end_build(self) -> None:
        """Stop the workers and undo the build's settings, however the build ended. MkDocs
        tells plugins of errors but not of Ctrl-C, so `build.py` calls this itself, before it
        removes the staging folder a worker might still be writing to."""
        if self.zipper is not None:
            self.zipper.stop()
            self.zipper = None
        self._forget_written()
        self.prerenderer.close()
        self.collector.release()
        self.taken.clear()
        self.build_time.release()


def _is_tool_template(file: File, config: MkDocsConfig) -> bool:
    """Templates for the command line (the draft briefing.yml) live in the theme folder too;
    MkDocs would publish them as static files."""
    in_theme = not Path(file.abs_src_path or "").resolve().is_relative_to(
        Path(config.docs_dir).resolve())
    return in_theme and file.src_uri in TOOL_TEMPLATES


def _write(target: Path, content: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)


def _configured(env: jinja2.Environment) -> jinja2.Environment:
    """The theme's Jinja2 environment as every page is rendered with: escaping by default,
    failing on an undefined name (a typo in a template stops the build), our filters."""
    env.autoescape = True
    env.undefined = jinja2.StrictUndefined
    env.filters.update(FILTERS)
    return env


def _mkdocs_context(page: Page, config: MkDocsConfig, nav: Navigation | None,
                    documentation: list[File]) -> dict:
    """The global context MkDocs gives a page's template (its theme guide's "Global Context"),
    for a page rendered outside MkDocs' loop."""
    return {"nav": nav, "pages": documentation, "base_url": get_relative_url(".", page.url),
            "extra_css": [normalize_url(path, page) for path in config.extra_css],
            "extra_javascript": [normalize_url(str(path), page) for path in config.extra_javascript],
            "mkdocs_version": mkdocs_version,
            "build_date_utc": get_build_datetime(), "config": config, "page": page}


def _generated_page(config: MkDocsConfig, page: SitePage) -> File:
    """An empty documentation file with its own page (`TemplatePage`): its title and template
    are set in `on_page_markdown`."""
    file = File.generated(config, page.src_uri, content="")
    TemplatePage(page.title, file, config)
    return file
