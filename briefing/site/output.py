"""What a build writes beside MkDocs' pages, and the record of all it has written.

In: the `SitePlan`, the site folder, and each page as MkDocs writes it (`page_written`).
Out: in the site folder, each briefing's source.txt as received, the search index and the
JSON data (files, not pages, written as MkDocs' search plugin writes its index), each
briefing's single-file download (right after its overview), the zip of the whole site in
the order the pages were written, and the list of every broken link (`finish`).

The generated pages are rendered by one function the MkDocs adapter hands over
(`render_pages`), on whichever cores the `Workers` choose, with the work that goes with
them: the data files first, a briefing's download beside its overview. Given each
page's key (`site.pagekeys`), the `Workers` render only the pages their cache does not
hold, and once every page is written, what was rendered joins the cache.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from ..inputs.folders import SOURCE_FILE
from ..parallel.workers import PageRenderer, RenderedPage, SiteZipper, Workers, Written
from .annotations import annotations_json, annotations_path
from .archive import OFFLINE_PAGE
from .links import LinkIndex, packed_scan
from .pages import SitePlan
from .published import published_json
from .search import search_entries
from .search_shards import search_files

Scanned = tuple[str, str, str]
"""A page's url and its ids and links, packed (`links.packed_scan`)."""


class SiteOutput:
    def __init__(self, plan: SitePlan, docs_dir: Path, site_dir: Path, workers: Workers,
                 keys: dict[str, str] | None = None):
        self.plan, self.docs_dir, self.site_dir, self.workers = plan, docs_dir, site_dir, workers
        self.keys = keys or {}
        """Each generated page's and download's key, by src_uri: what the cache knows it by."""
        self.fresh: list[Written] = []
        """The pages with a key written as rendered, for the cache."""
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
        self._render = self.workers.reusing(render, self.keys)
        self._renderer = self.workers.render_pages(
            src_uris, render, first=[self._write_data_files],
            beside={overview: functools.partial(self._write_download, download)
                    for overview, download in self.plan.download_beside.items()},
            keys=self.keys)
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
            self._fresh(src_uri, dest_uri, rendered.ids, rendered.links)
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
        self.workers.keep(self.fresh, self.keys)
        # The offline wording of the downloads page is only for the zip, which now holds it.
        (self.site_dir / OFFLINE_PAGE).unlink(missing_ok=True)
        return broken

    def download_alone(self, render: Callable[[str], str], src_uri: str
                       ) -> tuple[bytes, list[str]]:
        """A download rendered by `render` on its own (`export`), as the build would write
        it, and its broken links: any but to itself, since it is a file carried alone."""
        html = self.workers.reusing(render, self.keys)(src_uri)
        links = LinkIndex()
        links.add(self.plan.downloads[src_uri].path, html)
        # Checked against a folder that holds nothing: no other file goes with it.
        broken = links.broken(Path(os.devnull))
        return html.encode("utf-8", errors="xmlcharrefreplace"), broken

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
        briefings = list(self.plan.briefings)
        data = {**search_files(briefings, search_entries(briefings)),
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
        self._fresh(src_uri, *scanned)
        self.written.append(self.plan.downloads[src_uri].path)
        self.downloads_written.add(src_uri)

    def _fresh(self, src_uri: str, path: str, ids: str, links: str) -> None:
        if (key := self.keys.get(src_uri)) is not None:
            self.fresh.append(Written(key, self.site_dir / path, ids, links))


def _write(target: Path, content: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
