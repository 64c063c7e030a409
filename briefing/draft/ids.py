"""Ids for drafted items: short, readable, valid and unique in the briefing.

In: the words of an item ("A clear commitment to improving services ...",
"Zoë Billingham"). Out: an id matching the schema's pattern, made from the first
few meaningful words (`clear-commitment-improving-services`), with `-2`, `-3`
added when an id is taken.
"""

from __future__ import annotations

import re

from ..language.words import EMPTY_IN_AN_ID, ascii_only

MAX_WORDS = 4
MAX_LENGTH = 50


def ascii_words(text: str) -> list[str]:
    """Lower-case ASCII words of `text`: accents dropped (`Zoë` -> `zoe`), apostrophes joined."""
    folded = re.sub(r"['’]", "", ascii_only(text).lower())
    return re.findall(r"[a-z0-9]+", folded)


def slug(text: str, max_words: int = MAX_WORDS, keep_stopwords: bool = False) -> str:
    """A readable id from the first meaningful words of `text`; `item` when none."""
    words = ascii_words(text)
    if not keep_stopwords:
        words = [w for w in words if w not in EMPTY_IN_AN_ID] or words
    result = "-".join(words[:max_words])[:MAX_LENGTH].strip("-")
    return result or "item"


class IdRegistry:
    """Hands out ids unique across a briefing's findings, concerns, people and reactions."""

    def __init__(self):
        self.taken: set[str] = set()

    def unique(self, base: str) -> str:
        candidate, number = base, 2
        while candidate in self.taken:
            candidate = f"{base}-{number}"
            number += 1
        self.taken.add(candidate)
        return candidate
