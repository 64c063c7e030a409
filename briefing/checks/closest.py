"""What stands in the source instead: the closest passage to words that were not found, and
the words in which the two differ.

In: a passage as the briefing writes it, and the `SourceText`. Out: `ClosestPassage`
(the run of source words most like it, whole: never a word short where the last word
differs), and `word_differences` between the two, so a message can point at the one
changed word of a forty-word quote instead of leaving the reader to compare by eye.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from ..inputs.source import Paragraph, SourceText
from .passages import QUOTE_MARKS, elided_parts, fold, quote_pieces

PUNCTUATION = ".,;:!?()"
"""Left out when measuring likeness: "danger." and "danger" are the same word to a reader."""
DIFFERENCES_SHOWN = 4
"""More differences than this and the passage is not a slip of a word or two: shown whole only."""


@dataclass(frozen=True)
class ClosestPassage:
    """The passage of the source most like a passage that was not found."""

    paragraph: Paragraph
    text: str
    similarity: float
    """0 to 1: how alike the two are (difflib's ratio)."""




CANDIDATES = 24
"""Window starts, per passage, worth measuring with difflib: the ones most words point to."""
VOTES_PER_WORD = 3


def closest_passage(passage: str, source: SourceText) -> ClosestPassage | None:
    """The run of source words most like `passage`, to show in a 'not found' message.

    Measuring every window of a long source with difflib is far too slow (a 1 MB
    source has 200,000 of them per width), so each source word that also occurs
    in the passage votes for the window start that would line it up with its place
    in the passage; only the starts with most votes are measured.
    """
    wanted = _comparable_words(" ".join(elided_parts(passage)))
    if not wanted:
        return None
    places: dict[str, list[int]] = {}
    for offset, word in enumerate(wanted):
        places.setdefault(word, []).append(offset)
    # A word the passage repeats often ("the") says little about where it stands, and
    # would make the vote quadratic on repetitive text: it votes from its first places only.
    places = {word: offsets[:VOTES_PER_WORD] for word, offsets in places.items()}
    votes: dict[tuple[int, int], int] = {}
    folded_paragraphs: dict[int, tuple[Paragraph, list[str]]] = {}
    for paragraph in source.paragraphs:
        folded = [_comparable_word(word) for word in paragraph.text.split()]
        folded_paragraphs[paragraph.number] = paragraph, folded
        for position, word in enumerate(folded):
            for offset in places.get(word, ()):
                key = (paragraph.number, position - offset)
                votes[key] = votes.get(key, 0) + 1
    if not votes:
        if not source.paragraphs:
            return None
        first = source.paragraphs[0]
        return ClosestPassage(first, " ".join(first.text.split()[:len(wanted)]), 0.0)
    ranked = sorted(votes, key=lambda key: (-votes[key], key))[:CANDIDATES]
    # First each candidate as the passage's own length; then around the best of them only.
    best = max((_measure(wanted, *folded_paragraphs[n], start, len(wanted))
                for n, start in ranked), key=lambda found: found.similarity)
    paragraph, folded, start = *folded_paragraphs[best.paragraph.number], best.start
    for width in _window_widths(len(wanted), len(paragraph.text.split())):
        for begin in range(start - 3, start + 4):
            found = _measure(wanted, paragraph, folded, begin, width)
            if found.similarity > best.similarity:
                best = found
    best = _whole(wanted, paragraph, folded, best)
    return ClosestPassage(best.paragraph, best.text, best.similarity)


def _whole(wanted: list[str], paragraph: Paragraph, folded: list[str], best: _Window) -> _Window:
    """`best` widened by the words of the passage it leaves unmatched at either end: a window
    that drops a differing last word would suggest a second, imaginary difference."""
    width = len(best.text.split())
    window = folded[best.start:best.start + width]
    blocks = [b for b in difflib.SequenceMatcher(None, wanted, window, autojunk=False)
              .get_matching_blocks() if b.size]
    if not blocks:
        return best
    first, last = blocks[0], blocks[-1]
    before = first.a if first.b == 0 else 0
    after = len(wanted) - (last.a + last.size) if last.b + last.size == width else 0
    start = max(best.start - before, 0)
    end = min(best.start + width + after, len(folded))
    if (start, end) == (best.start, best.start + width):
        return best
    return _measure(wanted, paragraph, folded, start, end - start)


def word_differences(passage: str, closest: str) -> list[tuple[str, str]]:
    """(the source's words, the passage's words) at each place the two differ, "" where one
    has none; empty when the passage has cuts or insertions, or differs in too many places."""
    pieces = quote_pieces(passage)
    if len(pieces) != 1:
        return []
    theirs, ours = closest.split(), pieces[0][1].split()
    def compared(words: list[str]) -> list[str]:
        return [fold(w).strip(QUOTE_MARKS) or w for w in words]
    matcher = difflib.SequenceMatcher(None, compared(theirs), compared(ours), autojunk=False)
    found = [(" ".join(theirs[i1:i2]), " ".join(ours[j1:j2]))
             for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]
    return found if len(found) <= DIFFERENCES_SHOWN else []


@dataclass(frozen=True)
class _Window:
    paragraph: Paragraph
    start: int
    text: str
    similarity: float


def _measure(wanted: list[str], paragraph: Paragraph, folded: list[str], start: int,
             width: int) -> _Window:
    """How alike `wanted` is to the `width` words from `start` (moved inside the paragraph)."""
    words = paragraph.text.split()
    width = min(width, len(words))
    start = min(max(start, 0), len(words) - width)
    window = folded[start:start + width]
    ratio = difflib.SequenceMatcher(None, wanted, window, autojunk=False).ratio()
    return _Window(paragraph, start, " ".join(words[start:start + width]).strip(QUOTE_MARKS),
                   ratio)


def _comparable_words(text: str) -> list[str]:
    return [_comparable_word(word) for word in text.split()]


def _comparable_word(word: str) -> str:
    """A word as the similarity measure sees it: folded, lower case, no quotation marks or
    punctuation around it."""
    return fold(word).lower().strip(QUOTE_MARKS + PUNCTUATION) or word


def _window_widths(wanted: int, available: int) -> range:
    """Window sizes to try: a few words either side of the passage's length (words get dropped)."""
    low = max(1, min(wanted - 3, available))
    high = min(wanted + 3, available)
    return range(low, max(low, high) + 1)
