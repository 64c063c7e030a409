"""The whole site as one zip, for reading offline from a USB stick or a shared drive.

In: the built site folder. Out: `<site>/downloads/<name>.zip` holding every file
of the site under one top folder, so unzipping never spills files. A zip cannot
hold itself, so the copy inside has the offline wording of the downloads page
(`OFFLINE_PAGE`, which links to no zip) in place of the online one.

The entries come in a fixed order: the pages as they are written (MkDocs'
pages in its order, each briefing's single-file download right after its
overview), then every other file sorted, then the downloads page. So the zip
can be written page by page as the build goes on (`SiteArchive`: on a large
site, in a process of its own, `parallel.zipper`), or all at the end
(`write_site_archive`), with the same bytes. With timestamps from
SOURCE_DATE_EPOCH and fixed permissions, the same site always gives the same
bytes.
"""

from __future__ import annotations

import os
import time
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path

ZIP_EPOCH_MIN = 315532800
"""1980-01-01, the earliest time a zip entry can carry."""
DOWNLOADS_PAGE = "downloads/index.html"
OFFLINE_PAGE = "downloads/offline.html"



def archive_path(name: str) -> str:
    """Where the site's zip is published: `downloads/<name>.zip`."""
    return f"downloads/{name}.zip"

class SiteArchive:
    """A zip of the site, written entry by entry; whole, or not at all, once `finish`ed."""

    def __init__(self, site_dir: Path, archive: Path, top_folder: str):
        self.site_dir, self.archive, self.top_folder = site_dir, archive, top_folder
        self.stamp = time.gmtime(max(ZIP_EPOCH_MIN,
                                     int(os.environ.get("SOURCE_DATE_EPOCH", "0"))))[:6]
        self.added: set[str] = set()
        archive.parent.mkdir(parents=True, exist_ok=True)
        self.partial = archive.with_suffix(".zip.partial")
        # Level 1: HTML still shrinks about fourfold, at a third of the default level's time.
        self.bundle = zipfile.ZipFile(self.partial, "w", compression=zipfile.ZIP_DEFLATED,
                                      compresslevel=1)

    def add_pages(self, paths: Iterable[str]) -> None:
        """Pages as MkDocs wrote them (one it left empty, and so unwritten, is skipped); the
        downloads page waits for the end, when its offline wording is written too, and that
        wording is never a file of its own in the zip."""
        for path in paths:
            if path not in (DOWNLOADS_PAGE, OFFLINE_PAGE) and (self.site_dir / path).is_file():
                self._add(path)

    def finish(self) -> Path:
        """Every file not added yet, sorted, then the downloads page."""
        skipped = {self._relative(self.archive), self._relative(self.partial), OFFLINE_PAGE,
                   DOWNLOADS_PAGE}
        rest = sorted(path for path in (self._relative(p) for p in self.site_dir.rglob("*")
                                        if p.is_file())
                      if path not in self.added and path not in skipped)
        for path in [*rest, DOWNLOADS_PAGE]:
            if (self.site_dir / path).is_file():
                self._add(path)
        self.bundle.close()
        self.partial.replace(self.archive)
        return self.archive

    def abandon(self) -> None:
        self.bundle.close()
        self.partial.unlink(missing_ok=True)

    def _relative(self, path: Path) -> str:
        return path.relative_to(self.site_dir).as_posix()

    def _add(self, path: str) -> None:
        info = zipfile.ZipInfo(f"{self.top_folder}/{path}", self.stamp)
        info.external_attr = 0o644 << 16
        info.compress_type = zipfile.ZIP_DEFLATED
        offline = self.site_dir / OFFLINE_PAGE
        source = offline if path == DOWNLOADS_PAGE and offline.is_file() else self.site_dir / path
        self.bundle.writestr(info, source.read_bytes(), compresslevel=1)
        self.added.add(path)


def write_site_archive(site_dir: Path, archive: Path, top_folder: str, pages: Sequence[str]
                       ) -> Path:
    """The zip of a built site: `pages` in the order they were written, the rest after."""
    writer = SiteArchive(site_dir, archive, top_folder)
    try:
        writer.add_pages(pages)
        return writer.finish()
    except BaseException:
        writer.abandon()
        raise
