"""Render the generated pages on every core, ahead of MkDocs' page loop.

MkDocs builds pages one after another in one process; for a site of a thousand
briefings, rendering the templates is the largest part of the build and one
core sits idle. So, as Material for MkDocs' plugins do with their slow work,
the plugin starts the work early and collects it where MkDocs asks for it:

- `on_nav` (`Prerenderer.start`): worker processes, forked so that they share
  the loaded site, render the generated pages in the order MkDocs will ask for
  them, with the same template and the same context as MkDocs would give,
  while MkDocs reads every page (which generated pages do not need);
- `on_page_context` (`Prerenderer.take`): MkDocs reaches the page, and its
  template (`prerendered.html`) only writes out what the worker rendered.
  MkDocs still fires `on_post_page` with the whole page, writes it, and
  validates it, so other plugins see every page as usual.

Each worker also lists the page's ids and links (`links.packed_scan`), so the
link check costs the main process nothing per page. Workers also run tasks:
first the data files (search index, JSON), and beside a page the work that
goes with it (a briefing's single-file download, beside its overview), whose
result comes back with the page; the plugin otherwise does both itself.

Only a large build forks (`processes`), never `mkdocs serve`. Anything
else renders the same pages with the same function in this process, as
MkDocs reaches each one (`RenderOnDemand`), with identical output: a test
builds the same site both ways and compares every byte.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from ..site.links import packed_scan
from .processes import fork_pool

CHUNK = 40
"""Pages a worker renders per request: enough to keep the pipe's overhead small, few enough
that the first pages are ready soon after MkDocs starts asking."""
AHEAD = 8
"""Chunks rendered or being rendered that MkDocs has yet to take: bounds the memory they use."""
TEMPLATE = "prerendered.html"


@dataclass(frozen=True)
class RenderedPage:
    html: str
    ids: str
    """Its ids and its links, each joined into one string (`links.packed_scan`)."""
    links: str
    beside: Any = None
    """What the task beside the page returned, if it has one."""


_render: Callable[[str], str] | None = None
"""What a worker calls for each page; set before forking, so the workers inherit it."""
_tasks: Sequence[Callable[[], Any]] = ()
"""Work to do first (the data files); inherited the same way."""
_beside: Mapping[str, Callable[[], Any]] = {}
"""Work to do right after rendering a page, by its src_uri; inherited the same way."""


def _run_task(index: int) -> Any:
    return _tasks[index]()


def _render_chunk(src_uris: Sequence[str]) -> list[RenderedPage]:
    assert _render is not None, "prerender workers must be forked after start()"
    rendered = []
    for src_uri in src_uris:
        html = _render(src_uri)
        task = _beside.get(src_uri)
        rendered.append(RenderedPage(html, *packed_scan(html), task() if task else None))
    return rendered


class RenderOnDemand:
    """`Prerenderer`'s work in this process, each page as MkDocs asks for it."""

    def __init__(self, render: Callable[[str], str], first: Sequence[Callable[[], Any]],
                 beside: Mapping[str, Callable[[], Any]]):
        self._render, self._first, self._beside = render, first, beside

    def take(self, src_uri: str) -> RenderedPage:
        html = self._render(src_uri)
        task = self._beside.get(src_uri)
        return RenderedPage(html, *packed_scan(html), task() if task else None)

    def finish_first(self) -> list[Any]:
        return [task() for task in self._first]

    def close(self) -> None:
        """Nothing runs elsewhere."""


class Prerenderer:
    def __init__(self):
        self._pool: ProcessPoolExecutor | None = None
        self._chunk_of: dict[str, tuple[int, int]] = {}
        """Each page still to be taken: (its chunk, its place in the chunk)."""
        self._chunks: list[list[str]] = []
        self._futures: dict[int, Future] = {}
        self._left: dict[int, int] = {}
        """Per chunk submitted, how many of its pages MkDocs has yet to take."""
        self._next_chunk = 0
        self._tasks: list[Future] = []

    def start(self, src_uris: Sequence[str], render: Callable[[str], str], *,
              first: Sequence[Callable[[], Any]] = (),
              beside: Mapping[str, Callable[[], Any]] | None = None) -> None:
        """Render `src_uris`, in this order, with `render(src_uri) -> html` in worker processes;
        run the tasks `first` before them (`finish_first`), and `beside[src_uri]` right after
        rendering that page, in the same worker (`RenderedPage.beside`).

        The workers keep at most `AHEAD` chunks of pages ahead of MkDocs, since every page
        rendered waits in this process's memory until MkDocs takes it."""
        global _render, _tasks, _beside
        self.close()
        _render, _tasks, _beside = render, tuple(first), dict(beside or {})
        # Out of the collector's sight until the build ends (collector.py), what the workers
        # share is not touched, and so not copied, by their collections.
        gc.freeze()
        self._pool = fork_pool()
        self._tasks = [self._pool.submit(_run_task, i) for i in range(len(first))]
        self._chunks = [list(src_uris[i:i + CHUNK]) for i in range(0, len(src_uris), CHUNK)]
        self._chunk_of = {uri: (n, place) for n, chunk in enumerate(self._chunks)
                          for place, uri in enumerate(chunk)}
        self._fill()

    def _fill(self, through: int = -1) -> None:
        """Submit chunks until `AHEAD` are waiting to be taken (or up to chunk `through`)."""
        assert self._pool is not None
        while self._next_chunk < len(self._chunks) and (
                len(self._left) < AHEAD or self._next_chunk <= through):
            n = self._next_chunk
            self._futures[n] = self._pool.submit(_render_chunk, self._chunks[n])
            self._left[n] = len(self._chunks[n])
            self._next_chunk += 1

    def take(self, src_uri: str) -> RenderedPage:
        """The page as a worker rendered it, waiting for it if need be; an error raised while
        rendering it is raised here, where MkDocs names the page."""
        n, place = self._chunk_of.pop(src_uri)
        if n not in self._futures:  # asked ahead of the order given: catch up
            self._fill(through=n)
        page = self._futures[n].result()[place]
        self._left[n] -= 1
        if not self._left[n]:
            del self._left[n], self._futures[n]
            self._fill()
        return page

    def finish_first(self) -> list[Any]:
        """What each task `first` returned, once all are done; or what one of them raised."""
        return [task.result() for task in self._tasks]

    def close(self) -> None:
        """Stop the workers (at the end of a build, or when it fails)."""
        global _render, _tasks, _beside
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        self._chunk_of, self._chunks, self._futures, self._left = {}, [], {}, {}
        self._next_chunk, self._tasks = 0, []
        _render, _tasks, _beside = None, (), {}
