"""What keeps published pages from being turned against readers: a CSP and a sanitiser.

Everything from briefing.yml and source.txt reaches a page as text: the theme's
Jinja2 environment escapes every value. The only HTML a page takes from a
user is the body of a Markdown page in docs/ (an introduction on the home
page, an about page); it is sanitised to `SAFE_TAGS` by nh3 after rendering.

The Content-Security-Policy every page carries, as a meta element:

Pages load only the site's own files: its stylesheet, icon and, on the search
page, its scripts. No inline script, no script or style from another host,
no plugins, no <base> tricks, forms submit only to the site. 'self' covers
file:// pages as well as HTTP in current browsers, so the policy holds offline
too. Two pages need more: the single-file export inlines its stylesheet and its icon (a
data: address, or browsers ask the host for /favicon.ico), and `mkdocs serve` injects an
inline live-reload script while previewing.
"""

from __future__ import annotations

import nh3
from markupsafe import Markup

BASE = {
    "default-src": "'none'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self'",
    "font-src": "'self'",
    "connect-src": "'self'",
    "form-action": "'self'",
    "base-uri": "'none'",
    "object-src": "'none'",
}


def content_security_policy(*, inline_styles: bool = False, live_reload: bool = False) -> Markup:
    """The policy for one page, as the text of a meta element's content attribute: our own
    constants, safe as they are (escaping would spell each quote `&#39;`, on every page)."""
    policy = dict(BASE)
    if inline_styles:
        policy["style-src"] += " 'unsafe-inline'"
        policy["img-src"] += " data:"
    if live_reload:
        policy["script-src"] += " 'unsafe-inline'"
    return Markup("; ".join(f"{name} {value}" for name, value in policy.items()))


SAFE_TAGS = nh3.ALLOWED_TAGS - {"area", "map"}
"""nh3's default set of harmless elements (text, lists, tables, links, images), image maps aside."""
SAFE_ATTRIBUTES = {**{tag: set(names) for tag, names in nh3.ALLOWED_ATTRIBUTES.items()},
                   "*": {"id", "class", "title", "lang"}}
"""Ids stay so headings keep their anchors; no style, no event handlers."""
SAFE_URL_SCHEMES = {"http", "https", "mailto"}
"""Relative links stay; javascript:, data: and anything else are dropped."""


def sanitise_html(html: str) -> str:
    """Markdown-rendered HTML reduced to `SAFE_TAGS`: no script, event handler or unsafe URL."""
    return nh3.clean(html, tags=SAFE_TAGS, attributes=SAFE_ATTRIBUTES,
                     url_schemes=SAFE_URL_SCHEMES, link_rel=None)
