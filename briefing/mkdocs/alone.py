"""One briefing's single-file download rendered on its own, without building the site.

`build.py export SLUG` wants one file, the same bytes the whole site's build writes
at `downloads/SLUG.html`. That page is rendered (`theme.page_renderer`) from what
MkDocs has gathered by its `on_nav` event, before it reads or writes any page. So
this runs MkDocs' build (`mkdocs.commands.build.build`) exactly as far as that, with
every plugin's events, the briefing plugin told to render nothing itself
(`BriefingPlugin.rendering_alone`); then renders the downloads asked for, from the
cache where it holds them, and ends the build unwritten.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import get_files, set_exclusions
from mkdocs.structure.nav import get_navigation

from ..model.briefing import Briefing
from ..pipeline import BrokenLinks
from .plugin import BriefingPlugin, briefing_plugin


@contextmanager
def downloads_alone(config: MkDocsConfig
                    ) -> Iterator[tuple[tuple[Briefing, ...], Callable[[str], bytes]]]:
    """(every briefing, `render(src_uri) -> bytes` of a download), every briefing checked
    as a build checks it (`CheckFailed` if any has problems); nothing is written."""
    plugin: BriefingPlugin = briefing_plugin(config)
    plugin.rendering_alone = True
    try:
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        files = get_files(config)
        files.add_files_from_theme(config.theme.get_env(), config)
        try:
            files = config.plugins.on_files(files, config=config)
        except PluginError:
            if plugin.failure is not None:
                raise plugin.failure from None
            raise
        set_exclusions(files, config)
        nav = get_navigation(files, config)
        config.plugins.on_nav(nav, config=config, files=files)
        yield plugin.briefings, functools.partial(_rendered_alone, plugin)
    finally:
        plugin.end_build()
        # MkDocs keeps one plugin object for every build in a process (its plugin cache):
        # the next build must render its pages.
        plugin.rendering_alone = False


def _rendered_alone(plugin: BriefingPlugin, path: str) -> bytes:
    """The download published at `path` rendered on its own: the bytes a build writes;
    `BrokenLinks` if it links anywhere but within itself, as a file carried alone must."""
    assert plugin._render is not None, "on_nav comes first"
    build = plugin._current
    src_uri = next(uri for uri, page in build.plan.downloads.items() if page.path == path)
    content, broken = build.output.download_alone(plugin._render, src_uri)
    if broken:
        raise BrokenLinks("Broken links in the export:\n" + "\n".join(broken))
    return content
