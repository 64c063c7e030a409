"""Who said what: quoted words in the source and the person each belongs to.

In: the `SourceText`, the numbers of boilerplate paragraphs. Out: the `Cast` of
speakers and a `SpokenQuote` per paragraph and speaker, its text the words
between the quotation marks exactly as they stand (a quote mark left open runs
to the end of its paragraph; several stretches of one speaker in a paragraph
are joined with "...", the source's cut mark).

Quoted words count as speech only when the text says who speaks: before them
("X said: “...”", "She said: “...”"), after them ("“...,” said X", "“...,” X
said"), or by continuing: a paragraph that opens with a quotation mark carries
on the last speaker's words. Quotation marks around a phrase in narration
("“problematic” transfers") are not speech.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..inputs.source import Paragraph, ParagraphKind, SourceText
from .boilerplate import body_start
from .speakers import Cast, Speaker
from .words import SPEECH_VERB, SPEECH_VERBS

OPENING = "“„«"
CLOSING = "”»"
STRAIGHT = '"'
QUOTE_MARK = re.compile(f"[{re.escape(OPENING + CLOSING + STRAIGHT)}]")
CLAUSE_BOUNDARY = re.compile(r"(?:[.!?:;]\s|[“”\"]|^)")
VERB_ENDS_GAP = re.compile(
    rf"{SPEECH_VERB.pattern}(?:\s*[:,]?|(?:\s+[\w’']+){{1,4}}\s*[:,])\s*$", re.IGNORECASE)
"""The gap before a quote ends in its attribution: "said: ", "said ", "told the BBC: "."""
_VERBS = "(?:" + "|".join(SPEECH_VERBS) + ")"
SAID_THEN_WHO = re.compile(rf"^\s*[,.]?\s*{_VERBS}\s+(?P<who>[^.!?;:“”\"]+)")
"""The attribution after a quote, verb first: "..., said Mike Cunningham."."""
WHO_THEN_SAID = re.compile(rf"^\s*[,.]?\s*(?P<who>[^.!?;:,“”\"]{{1,80}}?)\s+{_VERBS}\b[.,]?")
"""The attribution after a quote, speaker first: "..., Mr Cunningham said."."""
MIN_CONTINUATION_WORDS = 3


@dataclass(frozen=True)
class SpokenQuote:
    paragraph: Paragraph
    speaker: Speaker
    text: str


@dataclass(frozen=True)
class _Span:
    open: int
    close: int
    """Index of the closing mark, or the paragraph's length when it is left open."""

    def words(self, text: str) -> str:
        return text[self.open + 1:self.close].strip()


def find_speech(source: SourceText, boilerplate: set[int]) -> tuple[Cast, list[SpokenQuote]]:
    """Every quoted passage whose speaker the text makes clear, in reading order, and the cast."""
    cast = Cast()
    quotes: list[SpokenQuote] = []
    for paragraph in source.paragraphs:
        if paragraph.number in boilerplate or paragraph.kind is ParagraphKind.LIST_ITEM:
            continue
        quotes.extend(_speech_in(paragraph, cast))
    return cast, quotes


def _speech_in(paragraph: Paragraph, cast: Cast) -> list[SpokenQuote]:
    text = paragraph.text
    start = body_start(text)
    spans = _quote_spans(text, start)
    found: dict[int, list[str]] = {}
    speakers: dict[int, Speaker] = {}
    position, previous = start, None
    for span in spans:
        gap = text[position:span.open]
        speaker = _before(gap, cast, paragraph.number)
        after, consumed = _after(text, span, spans, cast, paragraph.number)
        speaker = speaker or after
        if speaker is None and _continues(gap, previous, span, text, start):
            speaker = previous or cast.last
        position = span.close + 1 + consumed
        words = _trimmed(span.words(text))
        if speaker is not None and re.search(r"\w", words):
            speaker.quoted = True
            cast.last = speaker
            found.setdefault(id(speaker), []).append(words)
            speakers[id(speaker)] = speaker
        previous = speaker
    _reported_speech(text[position:], cast, paragraph.number)
    return [SpokenQuote(paragraph, speakers[key], " ... ".join(parts))
            for key, parts in found.items()]


def _quote_spans(text: str, start: int) -> list[_Span]:
    """Each stretch between an opening and a closing double quotation mark."""
    spans, opened = [], None
    for mark in QUOTE_MARK.finditer(text, start):  # the marks alone, not every character
        index, char = mark.start(), mark.group()
        if opened is None and (char in OPENING or char == STRAIGHT):
            opened = index
        elif opened is not None and (char in CLOSING or char == STRAIGHT):
            spans.append(_Span(opened, index))
            opened = None
    if opened is not None:
        spans.append(_Span(opened, len(text)))
    return spans


def _before(gap: str, cast: Cast, number: int) -> Speaker | None:
    """The speaker named just before the quote ("X said: "), after reported speech in the gap."""
    verbs = list(SPEECH_VERB.finditer(gap))
    for verb in verbs[:-1]:
        cast.resolve(_who_before(gap, verb.start()), number)
    if not verbs or not VERB_ENDS_GAP.search(gap[verbs[-1].start():]):
        if verbs:
            cast.resolve(_who_before(gap, verbs[-1].start()), number)
        return None
    return cast.resolve(_who_before(gap, verbs[-1].start()), number)


def _who_before(gap: str, verb_start: int) -> str:
    """The words naming the speaker: from the start of the clause to the verb."""
    boundaries = list(CLAUSE_BOUNDARY.finditer(gap, 0, verb_start))
    start = boundaries[-1].end() if boundaries else 0
    return gap[start:verb_start]


def _continues(gap: str, previous: Speaker | None, span: _Span, text: str, start: int) -> bool:
    """True when the quote opens its paragraph, or follows the same speaker's quote directly."""
    long_enough = len(span.words(text).split()) >= MIN_CONTINUATION_WORDS
    opens_paragraph = span.open == start
    follows_quote = previous is not None and not gap.strip(" .,")
    return long_enough and (opens_paragraph or follows_quote)


def _after(text: str, span: _Span, spans: list[_Span], cast: Cast, number: int):
    """The speaker named just after a closed quote ("..., said X"), and the characters it took."""
    if span.close >= len(text):
        return None, 0
    following = [s.open for s in spans if s.open > span.close]
    gap = text[span.close + 1:following[0] if following else len(text)]
    match = SAID_THEN_WHO.match(gap) or WHO_THEN_SAID.match(gap)
    if match is None:
        return None, 0
    return cast.resolve(match.group("who"), number), match.end()


def _reported_speech(rest: str, cast: Cast, number: int) -> None:
    """Register people named as speaking after the last quote ("X, of Kent Police, said ...")."""
    for verb in SPEECH_VERB.finditer(rest):
        cast.resolve(_who_before(rest, verb.start()), number)


def _trimmed(words: str) -> str:
    """The quoted words without the comma that hands over to "said X"."""
    return words[:-1].rstrip() if words.endswith(",") else words
