"""Find a quoted passage in the source, word for word.

In: a passage as the briefing writes it, and the `SourceText`. Out: the
`PassageMatch`es (paragraph and character spans in its text); for a passage that
is not there, `closest` finds what the message shows instead.

Tolerated, because they change no word: straight vs typographic quotation marks
and apostrophes, the kind of dash and the spaces around it, runs of white space
and line breaks, invisible characters (soft hyphen, zero-width space), and an
elision marked with `...`, `…` or `[...]`, where the parts must appear in order
within one paragraph. Nothing looser: case, spelling and punctuation must match,
and a passage must start and end on word boundaries.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass

from ..inputs.source import Paragraph, SourceText

SINGLE_QUOTES = "‘’‚‛′`"
DOUBLE_QUOTES = "“”„‟″«»"
DASHES = "‐‑‒–—―−"
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
# Four dots are a full stop followed by an ellipsis: the cut takes all four.
ELISION = re.compile(r"\s*(?:\[\s*(?:\.\s*\.\s*\.|…)\s*\]|\.{3,4}|\.?…)\s*")
INSERTION = r"\s*\[(?!\s*(?:\.\s*\.\s*\.|…)\s*\])([^\[\]]+)\]\s*"
"""An editor's words in square brackets ("[The inspectorate] found"): not the source's."""
MARK = re.compile(f"{ELISION.pattern}|{INSERTION}")
QUOTE_MARKS = "\"'" + SINGLE_QUOTES + DOUBLE_QUOTES

_TRANSLATION = str.maketrans(
    {**{c: "'" for c in SINGLE_QUOTES}, **{c: '"' for c in DOUBLE_QUOTES},
     **{c: "-" for c in DASHES}, **{c: None for c in INVISIBLE}}
)


@dataclass(frozen=True)
class PassageMatch:
    """Where a passage stands in the source: one paragraph, one span per elided part."""

    paragraph: Paragraph
    spans: tuple[tuple[int, int], ...]
    """(start, end) offsets into `paragraph.text`, in order."""
    gaps: tuple[tuple[str, ...], ...] = ()
    """What stands before, between and after the spans in the passage as written: "…" for
    a cut, "[words]" for an editor's insertion (one more than the spans; empty if none)."""


class Normalised:
    """A text folded for comparison, and (worked out only when asked) where each folded
    character came from, to mark the original words of a match."""

    def __init__(self, text: str):
        self.original = text
        self.text = _SPACED_DASH.sub("-", _SPACES.sub(" ", text.translate(_TRANSLATION)))
        self.text = self.text.lstrip(" ")

    @functools.cached_property
    def origin(self) -> list[int]:
        """For each character of `text`, its index in the original: the same folding, by hand."""
        if len(self.text) == len(self.original):
            return list(range(len(self.text)))  # folding only ever removes characters
        chars: list[str] = []
        origin: list[int] = []
        for index, char in enumerate(self.original.translate(_TRANSLATION_KEEPING_LENGTH)):
            if char == "\0":
                continue
            if char.isspace():
                if chars and chars[-1] not in " -":
                    chars.append(" ")
                    origin.append(index)
                continue
            if char == "-" and chars and chars[-1] == " ":
                chars.pop()
                origin.pop()
            chars.append(char)
            origin.append(index)
        assert "".join(chars) == self.text, "the two foldings must agree"
        return origin

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the unfolded text that folded to `text[start:end]`."""
        return self.origin[start], self.origin[end - 1] + 1


_SPACES = re.compile(r"\s+")
_SPACED_DASH = re.compile(r" ?- ?")
# Same mapping, but invisible characters become NUL so offsets keep their meaning.
_TRANSLATION_KEEPING_LENGTH = {**_TRANSLATION, **{ord(c): "\0" for c in INVISIBLE}}


def fold(text: str) -> str:
    """`text` as compared: one kind of quote mark, dash and space; no invisible characters."""
    return Normalised(text).text.strip()


def quote_pieces(passage: str) -> list[tuple[str, str]]:
    """`passage` as written, without enclosing quotation marks, in order: ("words", ...) that
    must be the source's, ("cut", "…") where words are left out, ("insertion", "[...]")
    for an editor's words in square brackets."""
    passage = passage.strip().strip(QUOTE_MARKS).strip()
    pieces, position = [], 0
    for mark in MARK.finditer(passage):
        if passage[position:mark.start()].strip(" "):
            pieces.append(("words", passage[position:mark.start()]))
        inserted = mark.group(1)
        pieces.append(("insertion", f"[{inserted.strip()}]") if inserted else ("cut", "…"))
        position = mark.end()
    if passage[position:].strip(" "):
        pieces.append(("words", passage[position:]))
    return pieces


def elided_parts(passage: str) -> list[str]:
    """The parts of `passage` that must stand in the source: those between cuts and insertions."""
    return [text for kind, text in quote_pieces(passage) if kind == "words"]


def _gaps(pieces: list[tuple[str, str]]) -> tuple[tuple[str, ...], ...]:
    """The marks before, between and after the parts that are words."""
    gaps: list[list[str]] = [[]]
    for kind, text in pieces:
        if kind == "words":
            gaps.append([])
        else:
            gaps[-1].append(text)
    return tuple(tuple(gap) for gap in gaps)


def find_passage(passage: str, source: SourceText) -> list[PassageMatch]:
    """Every paragraph in which `passage` stands word for word (cuts and insertions allowed)."""
    pieces = quote_pieces(passage)
    parts = [fold(text) for kind, text in pieces if kind == "words"]
    if not parts:
        return []
    gaps = _gaps(pieces) if any(kind == "insertion" for kind, _ in pieces) else ()
    return [dataclasses.replace(match, gaps=gaps) if gaps else match
            for p in source.paragraphs if (match := _match_in(parts, p)) is not None]


@functools.lru_cache(maxsize=8192)
def _folded_paragraph(text: str) -> Normalised:
    """Each paragraph is folded once, however many quotes are looked for in it."""
    return Normalised(text)


def _match_in(parts: list[str], paragraph: Paragraph) -> PassageMatch | None:
    folded = _folded_paragraph(paragraph.text)
    spans = []
    position = 0
    for part in parts:
        start = _find_whole_words(folded.text, part, position)
        if start < 0:
            return None
        spans.append(folded.original_span(start, start + len(part)))
        position = start + len(part)
    return PassageMatch(paragraph, tuple(spans))


def _find_whole_words(text: str, part: str, position: int) -> int:
    """Where `part` next stands in `text` from `position` without cutting a word, or -1."""
    start = text.find(part, position)
    while start >= 0:
        end = start + len(part)
        cuts_before = start > 0 and _is_word_char(text[start - 1]) and _is_word_char(part[0])
        cuts_after = end < len(text) and _is_word_char(text[end]) and _is_word_char(part[-1])
        if not cuts_before and not cuts_after:
            return start
        start = text.find(part, start + 1)
    return -1


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"
