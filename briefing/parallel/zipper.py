"""The site's zip, written in a process of its own while the build goes on.

On a large site, deflating every page is a core's worth of work. This process is
told of each page as soon as MkDocs has written it (a few at a time: a message
per page cost the build process more than sending the page) and adds it to the
zip (`site.archive.SiteArchive`), so the zip is nearly done when the last page
is. It is started afresh (spawned), not forked: it needs nothing of the loaded
site, and a fork would carry a share of all of it in its memory.
"""

from __future__ import annotations

import traceback
from pathlib import Path

from ..site.archive import SiteArchive, write_site_archive
from .processes import start_process


class ArchiveProcess:
    """`write_site_archive` in a process of its own, fed the pages as they are written, a few
    at a time (a message per page cost the build process more than sending the page)."""

    BATCH = 25

    def __init__(self, site_dir: Path, archive: Path, top_folder: str):
        self.process, self.connection = start_process(_archive_pages,
                                                      (site_dir, archive, top_folder))
        self.waiting: list[str] = []

    def page_written(self, path: str) -> None:
        self.waiting.append(path)
        if len(self.waiting) == self.BATCH:
            self.connection.send(self.waiting)
            self.waiting = []

    def finish(self) -> None:
        """Have the rest added and the zip closed, while this process goes on (`wait`)."""
        self.connection.send(self.waiting)
        self.connection.send(None)

    def wait(self) -> None:
        """Once the zip is written; raise here what went wrong there."""
        failure = self.connection.recv()
        self.process.join()
        if failure:
            raise RuntimeError(f"writing the site's zip failed:\n{failure}")

    def stop(self) -> None:
        """After a failed build: end the process, and with it the half-written zip."""
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.connection.close()


def _archive_pages(connection, site_dir: Path, archive: Path, top_folder: str) -> None:
    writer = SiteArchive(site_dir, archive, top_folder)
    try:
        while (paths := connection.recv()) is not None:
            writer.add_pages(paths)
        writer.finish()
        connection.send("")
    except BaseException:  # told to the build process, which stops the build with it
        writer.abandon()
        connection.send(traceback.format_exc())


class ArchiveHere:
    """The same as `ArchiveProcess`, in this process: on a small site the zip is written at the
    end, in the same order, since a process costs more than it saves."""

    def __init__(self, site_dir: Path, archive: Path, top_folder: str):
        self.site_dir, self.archive, self.top_folder = site_dir, archive, top_folder
        self.pages: list[str] = []

    def page_written(self, path: str) -> None:
        self.pages.append(path)

    def finish(self) -> None:
        write_site_archive(self.site_dir, self.archive, self.top_folder, self.pages)

    def wait(self) -> None:
        """Nothing to wait for: `finish` wrote the zip."""

    def stop(self) -> None:
        """Nothing to stop: a zip half-written here is never left behind (`write_site_archive`)."""
