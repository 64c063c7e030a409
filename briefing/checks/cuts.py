"""Cuts that may change what a quotation says: warnings for the analyst, errors under --strict.

In: a checked briefing and where its quotes and named passages stand (`Locations`). Out: a
`RiskyCut` for each cut whose left-out words hold a negation or a qualifier
(`language.words.MEANING_WORDS`: "not", "needs to", "only", "more", "unsafe", ...) or run
past the end of a sentence. "The constabulary ... protects children at most risk of harm"
stands in the source, but what it leaves out ("needs to do more to improve how it")
turns praise into criticism; the words are found, so only a warning can catch it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..language.words import MEANING_WORDS
from .checker import Locations

SENTENCE_BREAK = re.compile(r"[.!?…][\"”’)]*\s+[\"“‘(]?[A-Z0-9]")
"""Where one sentence ends and the next begins, inside the words a cut leaves out."""


@dataclass(frozen=True)
class RiskyCut:
    path: tuple
    """The item the cut is in: `("reactions", 0, "quotes", 1)`."""
    left_out: str
    """The source's words the cut leaves out."""
    reason: str
    """Why it may change the meaning, for a person."""


def risky_cuts(locations: Locations) -> list[RiskyCut]:
    """Every cut, in a quote or a named passage, that leaves out words that may matter."""
    found = []
    for path, match in sorted(locations.matches.items(), key=lambda item: _order(item[0])):
        text = match.paragraph.text
        for (_, end), (start, _) in zip(match.spans, match.spans[1:]):
            left_out = " ".join(text[end:start].split())
            if reason := _why_risky(left_out):
                found.append(RiskyCut(path, left_out, reason))
    return found


def _why_risky(left_out: str) -> str | None:
    words = list(dict.fromkeys(m.group(0) for m in MEANING_WORDS.finditer(left_out)))
    if words:
        return "leaves out " + ", ".join(f'"{word}"' for word in words)
    if SENTENCE_BREAK.search(left_out):
        return "runs across the end of a sentence"
    return None


def _order(path: tuple) -> tuple:
    return tuple((0, part) if isinstance(part, int) else (1, part) for part in path)
