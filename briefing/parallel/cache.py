"""The pages earlier builds rendered, kept by key, so a rebuild renders only what changed.

A page's key says everything the page shows (`site.pagekeys`): the same key, the same
bytes. Each build looks its pages up here first; what it finds it hands to MkDocs as
if just rendered (the generated-page path, so every page event still runs), with the
ids and links the link check needs, and it renders the rest. When the build has
written every page, each page it rendered joins the cache, and pages no longer in the
site leave it.

The cache is a folder of the project that is never published (`.cache/briefing/site/`,
and `preview/` for `serve`): `pages/` holds one file per key, the page's bytes, linked
to the file the build wrote (a hard link: no second copy is written; a copy where the
site is on another disk), and `index.pickle` holds, per key, the page's ids and links
and the size and time of its file. A file whose size or time has changed since (a site
file edited in place, which edits the linked cache file too) is not used. The index is
replaced whole by a rename, so a build killed midway leaves the last one whole.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from ..site.links import packed_scan
from .prerender import RenderedPage

RENDERING_LIBRARIES = ("mkdocs", "Jinja2", "Markdown", "MarkupSafe")

INDEX = "index.pickle"
PAGES = "pages"
CACHE_FOLDER = Path(".cache") / "briefing"
"""Below the folder of mkdocs.yml; the project's .gitignore leaves it out."""


@dataclass(frozen=True)
class Entry:
    ids: str
    """The page's ids and its links, packed (`site.links.packed_scan`)."""
    links: str
    size: int
    mtime_ns: int


@dataclass(frozen=True)
class Written:
    """A page the build rendered and wrote: where, and what the link check found in it."""

    key: str
    path: Path
    ids: str
    links: str


class RenderCache:
    def __init__(self, folder: Path):
        self.folder = folder
        self._entries: dict[str, Entry] = _read_index(folder / INDEX)

    def has(self, key: str | None) -> bool:
        return key is not None and key in self._entries

    def get(self, key: str | None) -> tuple[str, str, str] | None:
        """The page's HTML, ids and links, if the cache holds it whole."""
        entry = self._entries.get(key) if key is not None else None
        if entry is None:
            return None
        try:
            path = self._blob(key)  # type: ignore[arg-type]
            stat = path.stat()
            if (stat.st_size, stat.st_mtime_ns) != (entry.size, entry.mtime_ns):
                return None
            html = path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        return html, entry.ids, entry.links

    def keep(self, written: Iterable[Written], in_site: Iterable[str]) -> None:
        """After a build that succeeded: add what it `written`, and keep only the keys of
        pages `in_site`. Never fails the build: a cache it cannot write is only slower."""
        try:
            self._keep(written, set(in_site))
        except OSError as error:
            print(f"warning: could not update the build cache in {self.folder}: {error}",
                  file=sys.stderr)

    def _keep(self, written: Iterable[Written], in_site: set[str]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        entries = {key: entry for key, entry in self._entries.items() if key in in_site}
        for page in written:
            if page.key in entries or page.key not in in_site:
                continue
            blob = self._blob(page.key)
            blob.parent.mkdir(parents=True, exist_ok=True)
            _link_or_copy(page.path, blob)
            stat = blob.stat()
            entries[page.key] = Entry(page.ids, page.links, stat.st_size, stat.st_mtime_ns)
        partial = _partial(self.folder / INDEX)
        partial.write_bytes(pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL))
        partial.replace(self.folder / INDEX)
        self._entries = entries
        self._remove_unlisted()

    def _remove_unlisted(self) -> None:
        """Page files no key of the index names any more."""
        pages = self.folder / PAGES
        for shard in sorted(pages.iterdir()) if pages.is_dir() else ():
            for blob in sorted(shard.iterdir()):
                if blob.name not in self._entries:
                    blob.unlink(missing_ok=True)

    def _blob(self, key: str) -> Path:
        return self.folder / PAGES / key[:2] / key


def code_version() -> str:
    """A hash of the package's own code and of the versions of what renders with it."""
    digest = hashlib.blake2b(digest_size=16)
    for library in RENDERING_LIBRARIES:
        digest.update(f"{library} {metadata.version(library)}\n".encode())
    package = Path(__file__).resolve().parents[1]
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def files_digest(folders: Iterable[Path], *extra: str) -> str:
    """A hash of every file below `folders` (the theme's templates), and of `extra`."""
    digest = hashlib.blake2b(digest_size=16)
    for folder in folders:
        for path in sorted(p for p in Path(folder).rglob("*") if p.is_file()):
            digest.update(str(path).encode() + b"\0")
            digest.update(path.read_bytes())
    for text in extra:
        digest.update(text.encode("utf-8") + b"\0")
    return digest.hexdigest()


def _read_index(path: Path) -> dict[str, Entry]:
    try:
        entries = pickle.loads(path.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return {}
    return entries if isinstance(entries, dict) else {}


def _partial(target: Path) -> Path:
    """Where this process writes `target` before renaming it into place: its own name, so
    two builds sharing a cache never write into one file."""
    partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
    partial.unlink(missing_ok=True)
    return partial


def _link_or_copy(source: Path, target: Path) -> None:
    partial = _partial(target)
    try:
        os.link(source, partial)
    except OSError:
        shutil.copyfile(source, partial)
    partial.replace(target)


class ReusedPages:
    """A `PageRenderer` that takes the pages the cache holds from it, and the rest from the
    renderer given (which was asked for those only)."""

    def __init__(self, rendering, cache: RenderCache, reused: Mapping[str, str],
                 render: Callable[[str], str], beside: Mapping[str, Callable[[], Any]]):
        self._rendering, self._cache, self._reused = rendering, cache, reused
        self._render, self._beside = render, beside

    def take(self, src_uri: str) -> RenderedPage:
        if src_uri not in self._reused:
            return self._rendering.take(src_uri)
        found = self._cache.get(self._reused[src_uri])
        if found is None:  # gone or changed since the build began: rendered here, after all
            html = self._render(src_uri)
            found = (html, *packed_scan(html))
        html, ids, links = found
        task = self._beside.get(src_uri)
        return RenderedPage(html, ids, links, task() if task else None)

    def finish_first(self) -> list[Any]:
        return self._rendering.finish_first()

    def close(self) -> None:
        self._rendering.close()
