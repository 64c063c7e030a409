"""Quotation marks in a paragraph: where each quoted passage opens and where it stops.

In: a paragraph's text. Out: `QuoteSpan`s in reading order, each from its opening mark
to its closing mark, or to where it stops unclosed: the end of the paragraph (a quote
that runs on into the next paragraph) or a fresh opening mark of its kind (an unbalanced
quote: ‘a dangerous place. ‘Horrendous rates ...’).

Both kinds of quotation count: double (“...”, "...", „...“, «...») and single (‘...’,
'...'). Marks of the other kind inside a quotation are a quotation within it and are
left alone. The single closing mark is also the apostrophe, so it closes only where it
cannot be one: not between letters ("women’s"), and after a plural "s" only when no
later mark could close instead ("the inspectors’ report"). A curly opening mark may be
closed by a straight one, and the other way round.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_OPENING = "“„«"
DOUBLE_CLOSING = "”»"
SINGLE_OPENING = "‘‹"
SINGLE_CLOSING = "’›"
STRAIGHT_DOUBLE = '"'
STRAIGHT_SINGLE = "'"
QUOTE_MARKS = (DOUBLE_OPENING + DOUBLE_CLOSING + SINGLE_OPENING + SINGLE_CLOSING
               + STRAIGHT_DOUBLE + STRAIGHT_SINGLE)
MARK = re.compile(f"[{re.escape(QUOTE_MARKS)}]")
BEFORE_AN_OPENING = " \t\n([{—–-/" + DOUBLE_OPENING + STRAIGHT_DOUBLE
"""What may stand just before a single opening mark: a space, a bracket, a dash."""


@dataclass(frozen=True)
class QuoteSpan:
    """One quoted passage of a paragraph."""

    open: int
    """Index of the opening mark."""
    close: int
    """Index of the closing mark; where the passage stops when it is left open."""
    closed: bool
    single: bool

    def words(self, text: str) -> str:
        return text[self.open + 1:self.close].strip()


def quote_spans(text: str, start: int = 0) -> list[QuoteSpan]:
    """Every quoted passage of `text[start:]`, nested ones left inside their quotation."""
    ignored: set[int] = set()
    while True:
        spans = _scan(text, start, ignored)
        wrong = _swallowing(text, spans)
        if wrong is None:
            return spans
        ignored.add(wrong.open)


def _scan(text: str, start: int, ignored: set[int]) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    opened, single = -1, False
    for mark in MARK.finditer(text, start):  # the marks alone, not every character
        index, char = mark.start(), mark.group()
        if index in ignored:
            continue
        if opened < 0:
            if char in DOUBLE_OPENING or char == STRAIGHT_DOUBLE:
                opened, single = index, False
            elif _opens_single(text, index):
                opened, single = index, True
        elif not single and (char in DOUBLE_CLOSING or char == STRAIGHT_DOUBLE):
            spans.append(QuoteSpan(opened, index, True, False))
            opened = -1
        elif not single and char in DOUBLE_OPENING and _follows_space(text, index):
            spans.append(QuoteSpan(opened, index, False, False))
            opened = index
        elif single and _closes_single(text, index):
            spans.append(QuoteSpan(opened, index, True, True))
            opened = -1
        elif single and _opens_single(text, index):
            spans.append(QuoteSpan(opened, index, False, True))
            opened = index
    if opened >= 0:
        spans.append(QuoteSpan(opened, len(text), False, single))
    return spans


def _follows_space(text: str, index: int) -> bool:
    return index == 0 or text[index - 1] in BEFORE_AN_OPENING


def _opens_single(text: str, index: int) -> bool:
    """A single mark that opens: after a space (or at the start), before a word."""
    char = text[index]
    if char not in SINGLE_OPENING and char != STRAIGHT_SINGLE:
        return False
    following = text[index + 1:index + 2]
    if not following or following.isspace():
        return False
    if char == STRAIGHT_SINGLE and not following.isalpha():
        return False  # '90s, 'n'
    return _follows_space(text, index)


def _closes_single(text: str, index: int) -> bool:
    """A single mark that closes a single quotation rather than being an apostrophe."""
    if not _may_close_single(text, index):
        return False
    if _possessive_plural(text, index):
        return not _later_close(text, index)
    return True


def _may_close_single(text: str, index: int) -> bool:
    """After a word or punctuation, before no letter: not "women’s", not "’90s"."""
    if text[index] not in SINGLE_CLOSING and text[index] != STRAIGHT_SINGLE:
        return False
    before, after = text[index - 1:index], text[index + 1:index + 2]
    return bool(before) and not before.isspace() and not after.isalnum()


def _possessive_plural(text: str, index: int) -> bool:
    """"the inspectors’ report": an "s", the mark, a space and a word in lower case."""
    rest = text[index + 1:index + 3]
    return (text[index - 1] in "sS" and len(rest) == 2 and rest[0] == " "
            and rest[1].islower())


def _later_close(text: str, index: int) -> bool:
    """Whether a mark further on could close the quotation (before any fresh opening)."""
    for mark in MARK.finditer(text, index + 1):
        later = mark.start()
        if _opens_single(text, later):
            return False
        if _may_close_single(text, later) and not _possessive_plural(text, later):
            return True
    return False


def _swallowing(text: str, spans: list[QuoteSpan]) -> QuoteSpan | None:
    """A single quotation left open that holds double quotation marks: the opening was
    an apostrophe or a slip, since the double marks would otherwise be speech."""
    for span in spans:
        if span.single and not span.closed and span.close == len(text):
            inside = text[span.open + 1:span.close]
            if any(mark in inside for mark in DOUBLE_OPENING + STRAIGHT_DOUBLE):
                return span
    return None
