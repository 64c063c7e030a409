"""What a build writes beside MkDocs' pages, and the record of all it has written.

In: the `SitePlan`, the site folder, and each page as MkDocs writes it (`page_written`).
Out: in the site folder, each briefing's source.txt as received, the search index and the
JSON data (files, not pages, written as MkDocs' search plugin writes its index), each
briefing's single-file download (right after its overview), the zip of the whole site in
the order the pages were written, and the list of every broken link (`finish`).

The generated pages are rendered by one function the MkDocs adapter hands over
(`render_pages`), on whichever cores the `Workers` choose, with the work that goes with
them: the data files first, a briefing's download beside its overview.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from pathlib import Path

from ..inputs.folders import SOURCE_FILE
from ..parallel.workers import PageRenderer, RenderedPage, SiteZipper, Workers
from .annotations import annotations_json, annotations_path
from .links import LinkIndex, packed_scan
from .pages import SitePlan
from .published import published_json
from .search import INDEX_FILE, search_index_script

Scanned = tuple[str, str, str]
"""A page's url and its ids and links, packed (`links.packed_scan`)."""


class SiteOutput:
    def __init__(self, plan: SitePlan, docs_dir: Path, site_dir: Path, workers: Workers):
        self.plan, self.docs_dir, self.site_dir, self.workers = plan, docs_dir, site_dir, workers
        self.links = LinkIndex()
        self.written: list[str] = []
        """Every file written in this build, in the zip's order: MkDocs' pages in its order,
        each briefing's download right after its overview."""
        self.downloads_written: set[str] = set()
        self._render: Callable[[str], str] | None = None
        self._renderer: PageRenderer | None = None
        self._zipper: SiteZipper | None = None
        self._zipped = 0
        """How many of `written` the zip has been told of."""
        self._taken: dict[str, RenderedPage] = {}
        """Pages handed to MkDocs, until it writes them."""

    def render_pages(self, src_uris: Sequence[str], render: Callable[[str], str]) -> None:
        """Have the generated pages `src_uris` (in the order MkDocs will reach them) and the
        downloads rendered with `render(src_uri) -> html`, and the zip started."""
        self._render = render
        self._renderer = self.workers.render_pages(
            src_uris, render, first=[self._write_data_files],
            beside={overview: functools.partial(self._write_download, download)
                    for overview, download in self.plan.download_beside.items()})
        if self.plan.archive:
            self._zipper = self.workers.zip_site(
                self.site_dir, self.site_dir / self.plan.archive, self.plan.archive_folder,
                pages=len(src_uris))

    def rendered(self, src_uri: str) -> str:
        """The HTML of a generated page, rendered by now or at once."""
        assert self._renderer is not None, "render_pages comes first"
        page = self._renderer.take(src_uri)
        self._taken[src_uri] = page
        return page.html

    def page_written(self, src_uri: str, url: str, dest_uri: str, html: str) -> frozenset[str]:
        """MkDocs writes the page at `src_uri` as `html` next (the ones before are on disk):
        record it, write what goes beside it; return the ids the page has."""
        self._tell_zipper()
        self.written.append(dest_uri)
        rendered = self._taken.pop(src_uri, None)
        if rendered is not None and rendered.html == html:
            self.links.record_packed(url, rendered.ids, rendered.links)
        else:
            self.links.add(url, html)
        if (download := self.plan.download_beside.get(src_uri)) is not None:
            scanned = rendered.beside if rendered is not None else None
            self._download_written(download, scanned or self._write_download(download))
        return self.links.ids[url]

    def finish(self) -> list[str]:
        """Once MkDocs has written every page: the data files and the downloads not written
        yet, the zip; a message for each broken link of the whole site."""
        assert self._renderer is not None, "render_pages comes first"
        self._renderer.finish_first()
        # A download whose overview MkDocs did not write (`mkdocs serve --dirty`): now.
        for src_uri in self.plan.downloads.keys() - self.downloads_written:
            self._download_written(src_uri, self._write_download(src_uri))
        if self._zipper is not None:
            self._tell_zipper()
            self._zipper.finish()
        # While the zip's own process adds the last files, check the links; the zip is one
        # of the files they may point to.
        broken = self.links.broken(self.site_dir,
                                   coming=[self.plan.archive] if self.plan.archive else [])
        if self._zipper is not None:
            self._zipper.wait()
        return broken

    def _tell_zipper(self) -> None:
        """Tell the zip of the files written since it was last told."""
        if self._zipper is not None:
            for path in self.written[self._zipped:]:
                self._zipper.page_written(path)
            self._zipped = len(self.written)

    def _write_data_files(self) -> None:
        """Each briefing's source text as received, its Web Annotations (written against that
        text), the search index and the JSON data."""
        for briefing in self.plan.briefings:
            path = f"{briefing.slug}/{SOURCE_FILE}"
            source = (self.docs_dir / path).read_bytes()
            _write(self.site_dir / path, source)
            _write(self.site_dir / annotations_path(briefing),
                   annotations_json(briefing, source.decode("utf-8-sig")).encode("utf-8"))
        data = {INDEX_FILE: search_index_script(list(self.plan.briefings)),
                **published_json(self.plan.collection)}
        for path, content in data.items():
            _write(self.site_dir / path, content.encode("utf-8"))

    def _write_download(self, src_uri: str) -> Scanned:
        """Render and write a download; its url and packed ids and links, for the link check."""
        assert self._render is not None, "render_pages comes first"
        page = self.plan.downloads[src_uri]
        html = self._render(src_uri)
        # Encoded as MkDocs encodes a page.
        _write(self.site_dir / page.path, html.encode("utf-8", errors="xmlcharrefreplace"))
        return (page.path, *packed_scan(html))

    def _download_written(self, src_uri: str, scanned: Scanned) -> None:
        self.links.record_packed(*scanned)
        self.written.append(self.plan.downloads[src_uri].path)
        self.downloads_written.add(src_uri)


def _write(target: Path, content: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
