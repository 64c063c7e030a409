"""The one interface through which the build has work done on other cores, where that pays.

The stages hand their work to `Workers` and get the same results either way:
checking briefings (`map`), rendering the generated pages with the work that
goes with them (`render_pages`), and zipping the site (`zip_site`). A large
build forks one worker per core for the first two and zips in a process of
its own; a small one, `mkdocs serve` (whose threads make forking unsafe) and a
machine of one core do it all here. Nothing outside this folder knows which.
The garbage collector is held back for the build's length too (`collector`).
Given a cache (`cache`) and each page's key, only the pages it does not hold are
rendered at all; the rest come from it, and what was rendered joins it (`keep`).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol, TypeVar

from .cache import RenderCache, ReusedPages, Written
from .collector import BuildCollector
from .prerender import Prerenderer, RenderedPage, RenderOnDemand
from .processes import can_fork, cores, fork_pool
from .remembered import remembered_map
from .zipper import ArchiveHere, ArchiveProcess

CHECK_IN_WORKERS_FROM = 200
"""Briefings; below this, starting processes costs more than it saves."""
RENDER_IN_WORKERS_FROM = 400
"""Pages; below this, starting processes costs more than it saves (the zip's process too)."""
__all__ = ["PageRenderer", "RenderedPage", "SiteZipper", "Workers", "Written"]
T = TypeVar("T")
R = TypeVar("R")


class PageRenderer(Protocol):
    def take(self, src_uri: str) -> RenderedPage:
        """The page rendered, with what the work beside it returned."""

    def finish_first(self) -> list[Any]:
        """What each task to do first returned, once all are done."""

    def close(self) -> None:
        """Stop whatever still runs."""


class SiteZipper(Protocol):
    def page_written(self, path: str) -> None:
        """A page is on disk: it goes into the zip next."""

    def finish(self) -> None:
        """Add every other file and close the zip (perhaps while this process goes on)."""

    def wait(self) -> None:
        """Until the zip is written; raise what went wrong writing it."""

    def stop(self) -> None:
        """After a failed build: no zip, half-written or not."""


class Workers:
    """Work of one build, done on every core where that pays, else here."""

    def __init__(self, *, may_fork: bool, cache: RenderCache | None = None,
                 remember: bool = False):
        self.may_fork = may_fork
        """False under `mkdocs serve`, whose threads a fork would break."""
        self.cache = cache
        self.remember = remember
        """Keep what `map` loads for the next build in this process (`remembered`): serve."""
        self._collector = BuildCollector()
        self._renderer: PageRenderer | None = None
        self._zipper: SiteZipper | None = None

    def _pays(self, count: int, from_count: int) -> bool:
        return self.may_fork and count >= from_count and can_fork()

    def hold_collector(self) -> None:
        """Collect less often from now on, and leave what exists now out of every collection
        (the site as it is loaded lives as long as the build)."""
        self._collector.hold()

    def map(self, task: Callable[[T], R], items: Sequence[T], *,
            remember_by: Callable[[T], Hashable] | None = None) -> Iterator[R]:
        """`map(task, items)`, each result as soon as it is there, in order. On hundreds of
        items, the workers are forked after `task` is made, so it goes to them as it is.
        With `remember_by` (a key saying all an item's result depends on) and `remember`,
        an item whose key the last build in this process had is not done again."""
        if remember_by is not None and self.remember:
            return remembered_map(self._map, task, items, remember_by)
        return self._map(task, items)

    def _map(self, task: Callable[[T], R], items: Sequence[T]) -> Iterator[R]:
        if not self._pays(len(items), CHECK_IN_WORKERS_FROM):
            yield from (task(item) for item in items)
            return
        with fork_pool() as pool:
            yield from pool.map(task, items, chunksize=max(1, len(items) // (8 * cores())))

    def render_pages(self, src_uris: Sequence[str], render: Callable[[str], str], *,
                     first: Iterable[Callable[[], Any]] = (),
                     beside: Mapping[str, Callable[[], Any]] | None = None,
                     keys: Mapping[str, str] | None = None) -> PageRenderer:
        """Pages rendered by `render(src_uri)`, each taken as MkDocs reaches it: on a large
        site rendered ahead, in this order, by the workers, which also run the tasks `first`
        and, right after a page, the task `beside` it. A page whose key (`keys`) the cache
        holds is taken from it instead."""
        first, beside, keys = tuple(first), dict(beside or {}), keys or {}
        reused = {uri: keys[uri] for uri in src_uris
                  if self.cache is not None and self.cache.has(keys.get(uri))}
        rendered = [uri for uri in src_uris if uri not in reused]
        renderer: PageRenderer
        # Counted on every page, not only those to render: with most pages from the cache the
        # workers still write the data files while MkDocs goes through the pages.
        if self._pays(len(src_uris), RENDER_IN_WORKERS_FROM):
            prerenderer = Prerenderer()
            prerenderer.start(rendered, render, first=first, beside=beside)
            renderer = prerenderer
        else:
            renderer = RenderOnDemand(render, first, beside)
        if self.cache is not None:
            renderer = ReusedPages(renderer, self.cache, reused, render, beside)
        self._renderer = renderer
        return renderer

    def reusing(self, render: Callable[[str], str], keys: Mapping[str, str]
                ) -> Callable[[str], str]:
        """`render`, except for pages the cache holds, which it reads (in any process)."""
        cache = self.cache
        if cache is None:
            return render

        def render_or_reuse(src_uri: str) -> str:
            found = cache.get(keys.get(src_uri))
            return found[0] if found is not None else render(src_uri)
        return render_or_reuse

    def keep(self, written: Iterable[Written], keys: Mapping[str, str]) -> None:
        """The build has written these pages: into the cache with them (and out with pages
        no longer in the site, of `keys`)."""
        if self.cache is not None:
            self.cache.keep(written, keys.values())

    def zip_site(self, site_dir: Path, archive: Path, top_folder: str, *, pages: int
                 ) -> SiteZipper:
        """A zip of the site, told of each page as it is written: on a site of many `pages`,
        written by a process of its own as the pages come."""
        if self._pays(pages, RENDER_IN_WORKERS_FROM):
            self._zipper = ArchiveProcess(site_dir, archive, top_folder)
        else:
            self._zipper = ArchiveHere(site_dir, archive, top_folder)
        return self._zipper

    def close(self) -> None:
        """Stop every process still running (a zip unfinished is dropped; `wait` for one that
        must be kept) and let the collector work as before."""
        if self._zipper is not None:
            self._zipper.stop()
            self._zipper = None
        if self._renderer is not None:
            self._renderer.close()
            self._renderer = None
        self._collector.release()
