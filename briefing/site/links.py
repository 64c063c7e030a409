"""Check every internal link of the built site: the target file exists and so does its #anchor.

MkDocs validates links written in Markdown only; our pages come from templates,
so we check their final HTML instead. In: each page's URL and HTML as it is
written (`LinkIndex.add`). Out: a message per broken link (`LinkIndex.broken`).
"""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Collection, Iterable
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Our pages come from our templates, which always double-quote attributes, escape any quote
# inside a value and put a space before each attribute (a test holds them to it; Markdown's and
# nh3's output does the same); so a plain scan finds every id and link, far faster than a
# parser, and a literal space to start from makes it four times faster again.
ATTRIBUTE = re.compile(r' (id|href|src)="([^"]*)"')


def scan(html: str) -> tuple[set[str], list[str]]:
    """The ids a page has and the links it makes."""
    ids, links = set(), []
    for name, value in ATTRIBUTE.findall(html):
        if name == "id":
            ids.add(unescape(value))
        else:
            links.append(unescape(value))
    return ids, links


PACKED = "\0"
"""Joins a generated page's ids, and its links: never part of either, since briefings with
control characters in them are refused."""


def packed_scan(html: str) -> tuple[str, str]:
    """`scan`'s ids and (distinct) links, each joined into one string: what a worker sends
    back. Pickle remembers every object it sends, so a hundred small strings cost far more to
    pass between processes than one."""
    ids, links = scan(html)
    return PACKED.join(ids), PACKED.join(set(links))


class LinkIndex:
    """The ids and links of every page written, gathered as the build goes."""

    def __init__(self):
        self.ids: dict[str, frozenset[str]] = {}
        self.links: dict[str, frozenset[str]] = {}

    def add(self, page_url: str, html: str) -> None:
        ids, links = scan(html)
        self.record(page_url, ids, links)

    def record(self, page_url: str, ids: Iterable[str], links: Iterable[str]) -> None:
        """A page's ids and links, already scanned."""
        self.ids[page_url] = frozenset(ids)
        self.links[page_url] = frozenset(links)

    def record_packed(self, page_url: str, ids: str, links: str) -> None:
        """A page's ids and links as a worker scanned them (`packed_scan`)."""
        self.record(page_url, ids.split(PACKED) if ids else (),
                    links.split(PACKED) if links else ())

    def broken(self, site_dir: Path, coming: Collection[str] = ()) -> list[str]:
        """One message for each link whose file or anchor does not exist; the files `coming`
        (still being written, such as the site's zip) count as existing."""
        problems = []
        for page_url, links in sorted(self.links.items()):
            folder = posixpath.dirname(page_url)
            for link in links:
                if reason := self._why_broken(page_url, folder, link, site_dir, coming):
                    problems.append(f"{page_url}: link '{link}' {reason}")
        return sorted(problems)

    def _missing_anchor(self, target: str, fragment: str) -> str | None:
        if fragment and unquote(fragment) not in self.ids[target]:
            return f"points to #{fragment}, which {target} does not have"
        return None

    def _why_broken(self, page_url: str, folder: str, link: str, site_dir: Path,
                    coming: Collection[str]) -> str | None:
        path, fragment, external = _split(link)
        if external:
            return None
        if link.startswith("/"):
            return "is absolute: it breaks when the site is opened from disk or a sub-path"
        target = _resolve(folder, path) if path else page_url
        if target.startswith(".."):
            return "points outside the site"
        if target in self.ids:
            return self._missing_anchor(target, fragment)
        if path.endswith("/") or not (target in coming or self._is_file(site_dir, target)):
            return f"points to {target}, which is not in the site"
        return None

    @functools.lru_cache(maxsize=None)  # noqa: B019 - one index per build, dropped with it
    def _is_file(self, site_dir: Path, target: str) -> bool:
        return (site_dir / target).is_file()


@functools.lru_cache(maxsize=65536)
def _split(link: str) -> tuple[str, str, bool]:
    """(path, fragment, external?) of a link; the same few links recur on every page."""
    parts = urlsplit(link)
    return unquote(parts.path), parts.fragment, bool(parts.scheme or parts.netloc)


@functools.lru_cache(maxsize=65536)
def _resolve(folder: str, path: str) -> str:
    return posixpath.normpath(posixpath.join(folder, path))
