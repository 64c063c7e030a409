"""The source text as numbered paragraphs.

In: the text of `source.txt`, exactly as received. Out: `SourceText`, a tuple of
`Paragraph`s numbered from 1 in reading order, each knowing what kind of block
it is (heading, list item, quotation, aside or plain text).

Blocks are separated by blank lines; inside a block, every line that opens with
a list marker starts a list item of its own, because pasted articles put list
items on consecutive lines as often as between blank lines. Numbering depends
only on the visible text, so trailing spaces and line endings (LF, CRLF, CR)
never shift a paragraph's number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from ..language.words import LINK_LABEL, SPEECH_VERBS

LIST_MARKER = re.compile(r"^\s*(?:[-*•–—▪·]|\d{1,3}[.)])\s+")
OPENING_QUOTE = "\"“‘'„«"
SPEECH = re.compile(
    r"\b(?:" + "|".join(verb for verb in SPEECH_VERBS if verb != "told")
    + r"|told [^:\"“]{1,60}?)\s*[:,]?\s*[\"“‘]", re.IGNORECASE)
"""A paragraph reporting speech: "X said: “...", "he told the BBC: “..."."""
ASIDE = re.compile(rf"^{LINK_LABEL}\s*:", re.IGNORECASE)
"""A paragraph that is a labelled link to another story: "READ MORE: ..."."""
HEADING_MAX_WORDS = 8
SENTENCE_END = ".!?:;,\"”’)…"


class ParagraphKind(str, Enum):
    """What a block of the source is, as a reader would see it."""

    HEADING = "heading"
    LIST_ITEM = "list-item"
    QUOTATION = "quotation"
    ASIDE = "aside"
    TEXT = "text"


@dataclass(frozen=True)
class Paragraph:
    """One numbered block of the source text."""

    number: int
    """1-based position in the source; the stable address of this paragraph."""
    text: str
    """The paragraph's words with its lines joined by single spaces (list marker removed)."""
    kind: ParagraphKind
    """Heading, list item, quotation, aside (e.g. a READ MORE link) or plain text."""
    first_line: int
    """The line of `source.txt` the paragraph starts on, for messages."""

    @property
    def anchor(self) -> str:
        """The HTML id of this paragraph on the Source page: `p12`."""
        return f"p{self.number}"


@dataclass(frozen=True)
class SourceText:
    """The whole source, split into paragraphs."""

    paragraphs: tuple[Paragraph, ...]

    def paragraph(self, number: int) -> Paragraph | None:
        """Paragraph `number` (1-based), or None if the source has no such paragraph."""
        if 1 <= number <= len(self.paragraphs):
            return self.paragraphs[number - 1]
        return None

    def __len__(self) -> int:
        return len(self.paragraphs)


def parse_source(text: str) -> SourceText:
    """Split `text` into numbered paragraphs."""
    paragraphs: list[Paragraph] = []
    for first_line, lines in _blocks(text):
        for offset, item_lines in _split_list_items(lines):
            number = len(paragraphs) + 1
            paragraphs.append(_paragraph(number, item_lines, first_line + offset))
    return SourceText(tuple(paragraphs))


def _blocks(text: str):
    """Yield (first line number, lines) for each run of non-blank lines."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    block: list[str] = []
    start = 0
    for number, line in enumerate(lines, start=1):
        if line.strip():
            if not block:
                start = number
            block.append(line.strip())
        elif block:
            yield start, block
            block = []
    if block:
        yield start, block


def _split_list_items(lines: list[str]):
    """Yield (line offset, lines) per list item; a block without markers is one item."""
    starts = [i for i, line in enumerate(lines) if LIST_MARKER.match(line)]
    if not starts or starts[0] != 0:
        starts = [0] + starts
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(lines)
        yield start, lines[start:end]


def _paragraph(number: int, lines: list[str], first_line: int) -> Paragraph:
    joined = " ".join(lines)
    marker = LIST_MARKER.match(joined)
    if marker:
        return Paragraph(number, joined[marker.end():], ParagraphKind.LIST_ITEM, first_line)
    return Paragraph(number, joined, _kind(joined, len(lines)), first_line)


def _kind(text: str, line_count: int) -> ParagraphKind:
    if ASIDE.match(text):
        return ParagraphKind.ASIDE
    if text[0] in OPENING_QUOTE or SPEECH.search(text):
        return ParagraphKind.QUOTATION
    if line_count == 1 and _reads_as_heading(text):
        return ParagraphKind.HEADING
    return ParagraphKind.TEXT


def _reads_as_heading(text: str) -> bool:
    """A short line without sentence punctuation, like "Main findings" or "Reaction"."""
    short = len(text.split()) <= HEADING_MAX_WORDS
    return short and "," not in text and text[-1] not in SENTENCE_END
