"""The Content-Security-Policy every page carries, as a meta element.

Pages load only the site's own files: its stylesheet, icon and, on the search
page, its scripts. No inline script, no script or style from another host,
no plugins, no <base> tricks, forms submit only to the site. 'self' covers
file:// pages as well as HTTP in current browsers, so the policy holds offline
too. Two pages need more: the single-file export inlines its stylesheet, and
`mkdocs serve` injects an inline live-reload script while previewing.
"""

from __future__ import annotations

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


def content_security_policy(*, inline_styles: bool = False, live_reload: bool = False) -> str:
    """The policy for one page, as the text of a meta element's content attribute."""
    policy = dict(BASE)
    if inline_styles:
        policy["style-src"] += " 'unsafe-inline'"
    if live_reload:
        policy["script-src"] += " 'unsafe-inline'"
    return "; ".join(f"{name} {value}" for name, value in policy.items())
