"""Quoted passages of a paragraph, and the words that say who speaks them.

In: a paragraph's text. Out: `Quoted` spans, from the opening mark to the closing
one (or the end of the paragraph, for a quotation left open), and the attribution
around each: the speaker phrase before it ("Ofsted said: “...”", "the report
states: ‘...’") or after it ("“...,” stated the report", "“...,” she warned"). A
quotation nobody is named as saying is part of the sentence around it ("rated
‘good’", inspectors found "staff burnout").

Both kinds of quotation mark count. A single closing mark is also the apostrophe,
so it closes only where it cannot be one: not between letters ("women’s"), and after
a plural "s" only when no later mark could close instead ("the inspectors’ report").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..language.words import ATTRIBUTION_VERBS

DOUBLE_OPENING = "“„«"
DOUBLE_CLOSING = "”»"
STRAIGHT_DOUBLE = '"'
SINGLE_OPENING = "‘"
SINGLE_CLOSING = "’"
STRAIGHT_SINGLE = "'"
OPENS_AFTER = " \t([{—–-/“\""
_VERBS = "|".join(sorted((re.escape(verb) for verb in ATTRIBUTION_VERBS), key=len, reverse=True))
VERB = re.compile(rf"\b(?:{_VERBS})\b", re.IGNORECASE)
SENTENCE_BREAK = re.compile(r"[.!?…][\"”’']?\s+(?=[A-Z“‘\"'])")
INTRO_WORDS_MAX = 4
"""Words between the verb and the quotation in "said in a statement, “...”" at most; a colon
introduces a quotation however far from its verb ("told the BBC: “...”")."""
AFTER_VERB_FIRST = re.compile(
    rf"^\s*[,.]?\s*(?:{_VERBS})\s+(?P<who>[^.!?;:“”\"‘]{{1,90}})", re.IGNORECASE)
AFTER_WHO_FIRST = re.compile(
    rf"^\s*[,.]?\s*(?P<who>[^.!?;:,“”\"‘]{{1,60}}?)\s+(?:{_VERBS})\b", re.IGNORECASE)
WHO_WORDS_MAX = 9
"""Words of a speaker phrase after its quotation ("..., Mr Neale said") at most ..."""
WHO_AFTER_VERB_WORDS_MAX = 16
"""... or after the verb, where a role may follow the name ("..., said X, deputy chief ...")."""


@dataclass(frozen=True)
class Quoted:
    """One quoted passage and who the text says speaks it."""

    open: int
    close: int
    """Index of the closing mark, or the paragraph's length for a quotation left open."""
    who: str | None
    """The speaker phrase ("the report", "Janet Williamson, deputy chief inspector"), or
    None when the text names no speaker for it."""

    @property
    def inner(self) -> tuple[int, int]:
        return self.open + 1, self.close


def quoted_passages(text: str) -> list[Quoted]:
    """Every quoted passage of `text`, with its speaker phrase where the text gives one."""
    found, position = [], 0
    for open_, close in _spans(text):
        who = _named_before(text[position:open_])
        if who is None:
            who = _named_after(text, open_, close)
        found.append(Quoted(open_, close, who))
        position = close + 1
    return found


def words_in(text: str, quoted: Quoted) -> int:
    return len(text[quoted.open + 1:quoted.close].split())


def _spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char in DOUBLE_OPENING or char == STRAIGHT_DOUBLE:
            close = _double_close(text, index + 1)
            resume = close + 1
        elif _opens_single(text, index):
            close, resume = _single_close(text, index + 1)
        else:
            index += 1
            continue
        spans.append((index, close))
        index = resume
    return spans


def _double_close(text: str, start: int) -> int:
    for index in range(start, len(text)):
        if text[index] in DOUBLE_CLOSING or text[index] == STRAIGHT_DOUBLE:
            return index
    return len(text)


def _opens_single(text: str, index: int) -> bool:
    char = text[index]
    if char not in (SINGLE_OPENING, STRAIGHT_SINGLE):
        return False
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else ""
    return before in OPENS_AFTER and (after.isalnum() or after in "‘“\"")


def _single_close(text: str, start: int) -> tuple[int, int]:
    """(the closing mark's index, where to read on): a fresh opening mark before any
    closing one ends an unbalanced quotation, and opens the next."""
    candidates, stop = [], len(text)
    for index in range(start, len(text)):
        if index > start and _opens_single(text, index):
            stop = index
            break
        if text[index] in (SINGLE_CLOSING, STRAIGHT_SINGLE) and _may_close(text, index):
            candidates.append(index)
    for position, candidate in enumerate(candidates):
        after = text[candidate + 1:candidate + 3].strip()[:1]
        plural = text[candidate - 1] == "s" and after.islower()
        if not plural or position == len(candidates) - 1:
            return candidate, candidate + 1
    return stop, stop


def _may_close(text: str, index: int) -> bool:
    after = text[index + 1] if index + 1 < len(text) else ""
    return not after.isalpha() and index > 0 and not text[index - 1].isspace()


def _named_before(gap: str) -> str | None:
    """The speaker phrase of "X said: ", "X told the BBC: ", "X says when ...: " before a quote."""
    breaks = list(SENTENCE_BREAK.finditer(gap))
    clause = gap[breaks[-1].end():] if breaks else gap
    verb = VERB.search(clause)
    if verb is None:
        return None
    rest = clause[verb.end():].rstrip()
    introduces = rest.endswith(":") or not rest.strip() or (
        rest.endswith(",") and len(rest.split()) <= INTRO_WORDS_MAX)
    if introduces:
        return clause[:verb.start()].strip(" ,") or clause[verb.start():verb.end()]
    return None


def _named_after(text: str, open_: int, close: int) -> str | None:
    """The speaker phrase of "“...,” said X" or "“...,” X said" after a closed quote."""
    if close >= len(text):
        return None
    inner = text[open_ + 1:close].rstrip()
    following = text[close + 1:]
    if not (inner.endswith((",", ".", "!", "?", "…")) or following.lstrip().startswith(",")):
        return None
    verb_first = AFTER_VERB_FIRST.match(following)
    if verb_first and len(verb_first.group("who").split()) <= WHO_AFTER_VERB_WORDS_MAX:
        return verb_first.group("who").strip(" ,")
    who_first = AFTER_WHO_FIRST.match(following)
    if who_first and len(who_first.group("who").split()) <= WHO_WORDS_MAX:
        return who_first.group("who").strip(" ,")
    return None
