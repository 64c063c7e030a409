"""Check every internal link of the built site: the target file exists and so does its #anchor.

MkDocs validates links written in Markdown only; our pages come from templates,
so we check their final HTML instead. In: each page's URL and HTML as it is
written (`LinkIndex.add`). Out: a message per broken link (`LinkIndex.broken`).
"""

from __future__ import annotations

import posixpath
import re
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Our pages come from our templates, which always double-quote attributes and escape any
# quote inside a value; so a plain scan finds every id and link, ten times faster than a parser.
ATTRIBUTE = re.compile(r'\s(id|href|src)="([^"]*)"')


class LinkIndex:
    """The ids and links of every page written, gathered as the build goes."""

    def __init__(self):
        self.ids: dict[str, set[str]] = {}
        self.links: dict[str, list[str]] = {}

    def add(self, page_url: str, html: str) -> None:
        ids, links = set(), []
        for name, value in ATTRIBUTE.findall(html):
            if name == "id":
                ids.add(unescape(value))
            else:
                links.append(unescape(value))
        self.ids[page_url] = ids
        self.links[page_url] = links

    def broken(self, site_dir: Path) -> list[str]:
        """One message for each link whose file or anchor does not exist."""
        problems = []
        for page_url, links in sorted(self.links.items()):
            for link in links:
                reason = self._why_broken(page_url, link, site_dir)
                if reason:
                    problems.append(f"{page_url}: link '{link}' {reason}")
        return problems

    def _why_broken(self, page_url: str, link: str, site_dir: Path) -> str | None:
        parts = urlsplit(link)
        if parts.scheme or parts.netloc:
            return None
        if link.startswith("/"):
            return "is absolute: it breaks when the site is opened from disk or a sub-path"
        path = unquote(parts.path)
        target = page_url
        if path:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page_url), path))
        if target.startswith(".."):
            return "points outside the site"
        if target in self.ids:
            if parts.fragment and unquote(parts.fragment) not in self.ids[target]:
                return f"points to #{parts.fragment}, which {target} does not have"
            return None
        if path.endswith("/") or not (site_dir / target).is_file():
            return f"points to {target}, which is not in the site"
        return None
