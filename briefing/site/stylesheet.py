"""The site's stylesheet as published: minified, once per build.

`templates/assets/briefing.css` is written to be read, with a comment for every
decision; readers need none of that. rcssmin (a small, long-kept minifier with
a C core) takes it from 48 KB to 35 KB, for the linked stylesheet of every
page and the copy inlined in each single-file export alike.
"""

from __future__ import annotations

import functools

import rcssmin
from markupsafe import Markup

STYLESHEET = "assets/briefing.css"


@functools.lru_cache(maxsize=4)
def minified(css: str) -> Markup:
    """`css` without comments or spare whitespace; safe to place in a `<style>` element as it
    is, since it comes from the theme (or the user's own docs/), never from a briefing."""
    return Markup(rcssmin.cssmin(css))
