"""A generated page as MkDocs sees it: a `Page` whose HTML is all template.

MkDocs makes a `Page` for every documentation file and, in `Page.render`, builds a
new Markdown converter for it, registering every extension afresh: about 0.6 ms a
page, a quarter of the main process's time at 1,000 briefings, spent converting an
empty string. MkDocs 1.6 lets a plugin give a file its own `Page` (`File.page`,
kept by the navigation as long as it is a `Page`), as Material's blog plugin does
for its posts; this one skips the conversion and nothing else: every page event
still runs, in the same order.
"""

from __future__ import annotations

from collections.abc import Iterable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc


class TemplatePage(Page):
    """A page with no Markdown: its title is known and its template writes all of it."""

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.content = ""
        self.toc = get_toc([])
        self._title_from_render = None
        # Unknown until the template is rendered (`anchors_rendered`): MkDocs skips checking
        # Markdown links to anchors here until then, and the plugin checks every link anyway.
        self.present_anchor_ids = None

    def anchors_rendered(self, ids: Iterable[str]) -> None:
        """The ids the rendered page has, so MkDocs can check Markdown links to its anchors."""
        self.present_anchor_ids = set(ids)
