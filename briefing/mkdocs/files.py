"""The docs folder as MkDocs publishes it, once the build has planned the site.

MkDocs lists every file of the docs folder and of the theme, and would publish each as
it is. Out of that list go each briefing's files (the build publishes source.txt
itself, as data; briefing.yml, source.lock and organisations.yml never: what a reader
needs of them is in the pages and the JSON) and the theme's templates for the
command line (the drafted briefing.yml); the stylesheet is replaced by its minified self;
in come the generated pages, each an empty file with a `TemplatePage` of its own, unless
the user wrote a Markdown page at that address (an `index.md` of their own keeps its text).
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ..inputs.folders import LOCK_FILE, METADATA_FILE, SOURCE_FILE
from ..inputs.organisations import ORGANISATIONS_FILE
from ..site.pages import SitePage, SitePlan
from ..site.stylesheet import STYLESHEET, minified
from .template_page import TemplatePage

TOOL_TEMPLATE_SUFFIX = ".yml"
"""Theme files for `build.py new` (the drafted briefing.yml), not for the site."""


def published_stylesheet(files: Files) -> Markup:
    """The stylesheet as the site publishes it: the theme's, or the user's own in docs/."""
    stylesheet = files.get_file_from_path(STYLESHEET)
    return minified(stylesheet.content_string) if stylesheet is not None else Markup("")


def site_files(files: Files, config: MkDocsConfig, plan: SitePlan, stylesheet: Markup) -> Files:
    """`files` as the site publishes them (see above)."""
    briefing_files = {f"{b.slug}/{SOURCE_FILE}" for b in plan.briefings}
    for file in list(files):
        if (file.src_uri in briefing_files or file.src_uri.endswith("/" + METADATA_FILE)
                or _is_lock(file) or _is_tool_template(file, config)
                or file.src_uri == ORGANISATIONS_FILE):
            files.remove(file)
    if (theme_stylesheet := files.get_file_from_path(STYLESHEET)) is not None:
        files.remove(theme_stylesheet)
        files.append(File.generated(config, STYLESHEET, content=str(stylesheet)))
    for page in plan.pages.values():
        if files.get_file_from_path(page.src_uri) is None:
            files.append(_generated_page(config, page))
    return files


def download_pages(config: MkDocsConfig, plan: SitePlan) -> dict[str, Page]:
    """Each download as a page for its template's context (its url, its canonical address):
    rendered like a page, but written by the build, so not in MkDocs' list of files."""
    return {uri: Page(page.title, File.generated(config, uri, content=""), config)
            for uri, page in plan.downloads.items()}


def _is_lock(file: File) -> bool:
    """A source.lock anywhere: it is for `check`, and says nothing a reader needs."""
    return file.src_uri == LOCK_FILE or file.src_uri.endswith("/" + LOCK_FILE)


def _is_tool_template(file: File, config: MkDocsConfig) -> bool:
    in_theme = not Path(file.abs_src_path or "").resolve().is_relative_to(
        Path(config.docs_dir).resolve())
    return in_theme and file.src_uri.endswith(TOOL_TEMPLATE_SUFFIX)


def _generated_page(config: MkDocsConfig, page: SitePage) -> File:
    """An empty documentation file with its own page (`TemplatePage`): its title and template
    are set in `on_page_markdown`."""
    file = File.generated(config, page.src_uri, content="")
    TemplatePage(page.title, file, config)
    return file
