"""The statements of a sentence: the parts that each say one thing, good or bad.

In: a paragraph's text and the span of one sentence in it (of narration, or inside
a quotation). Out: `Statement`s, each a span of the source's words with its side,
trimmed of what only introduces it. A sentence that takes one side is one statement.
One that joins a good and a bad thing gives one per part, split where the sentence
turns:

- at "but", "while", "however" and semicolons ("..., but more work is still
  needed"); "not only ... but also" is one statement;
- at a concession, either way round: "Although X, Y", "despite X, Y", "Y, although
  X" give X and Y, each with its own side ("despite the force’s strong progress");
- failing those, where a mixed sentence lists its parts ("..., there are 13 good
  ratings and one ... which requires improvement"; "rated ‘good’ in two key areas,
  with two being judged as ‘needs improvement’"): the parts that take no side go
  with the next part that does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..language.sentences import TRAILING_ATTRIBUTION, Span, clause_spans
from ..language.sentiment import general_side
from ..language.words import SPEECH_VERBS
from .cues import cue_words, polarity

CONNECTIVE = re.compile(r"(?:(?:However|But|And|Also|In addition|Additionally|Moreover|Meanwhile"
                        r"|Overall|Furthermore|Further|Instead|Equally|In particular|So)\s*,?\s+)+",
                        re.IGNORECASE)
INCLUDES = re.compile(r"(?:These|They|This|Those)\s+(?:also\s+)?(?:include[sd]?|included)\s+")
# The patterns below are used with `match(text, start)`, which anchors them at `start`: a
# "^" would match only at the start of the paragraph.
TRAILING_JOIN = re.compile(r"(?:[;,]?\s+(?:and|or)|[;,.:!…]|\s+[-–—])\s*$")
CLOSING_MARKS = {"”": "“", "’": "‘", '"': '"', "'": "'"}
LEADING_CONCESSION = re.compile(r"(?:although|though|even though|despite|whilst|while)\b\s*",
                                re.IGNORECASE)
INNER_CONCESSION = re.compile(r"(?:(?<=\bthat)|(?<=,))\s+(?:although|though|even though|despite"
                              r"|whilst)\b\s*", re.IGNORECASE)
TRAILING_CONCESSION = re.compile(r"(?:,|\s+[-–—])\s*(?:although|though|even though|despite"
                                 r"|whilst)\b\s*", re.IGNORECASE)
NOT_ONLY = re.compile(r"\bnot (?:only|just)\b", re.IGNORECASE)
FRAGMENT_BREAK = re.compile(
    r",\s+|\s+[-–—]\s+|\s+and\s+(?=(?:the|a|an|one|two|three|some|many|most|all|its|their|it"
    r"|they|there|this|these|those|staff|\d+)\b)", re.IGNORECASE)
"""Where a mixed sentence lists its parts: commas, dashes, and an "and" before a new
subject ("... 13 good ratings and one ..."), not one between two adjectives."""
MIN_WORDS = 3
WANTED = re.compile(r"\b(?:must|should|needs?|needed|required|ensure)\b",
                    re.IGNORECASE)
"""What is asked or offered, not found: no plain-English reading of "needed to ensure it had
enough skilled staff" is a finding."""
FIRST_PERSON = re.compile(r"\b(?:I|I['’]m|(?i:me|my|we|we['’]re|we['’]ve|us|our))\b")
"""The writer speaking: in narration, their own news or feelings, not an inspection's finding."""


@dataclass(frozen=True)
class Statement:
    span: Span
    kind: str
    """`findings` or `concerns`."""
    basis: str


class Statements:
    """Reads sentences into statements. Knows the inspector's names, to trim "X found that",
    and the names of both organisations, whose words are no cue ("Quality Improvement")."""

    def __init__(self, inspector_names: Sequence[str], names: Sequence[str] = ()):
        alternatives = "|".join(re.escape(n) for n in inspector_names if n)
        self.reported = re.compile(
            r"(?:(?:in|according to)\s+(?:the|its|their)\s+(?:\w+\s+){0,2}?report,?\s+)?"
            r"(?:the\s+)?(?:" + (alternatives + "|" if alternatives else "")
            + r"inspectors?|inspectorate|report|review|watchdog|regulator|they|it|we)"
            r"(?:\s+(?:also|further))?\s+"
            r"(?:(?:found|noted|concluded|reported|stated|states|identified)\s+(?:that\s+)?"
            r"|(?:" + "|".join(SPEECH_VERBS) + r")\s+that\s+)",
            re.IGNORECASE)
        masked = sorted((n for n in names if n and len(n) > 3), key=len, reverse=True)
        self.names = re.compile("|".join(re.escape(n) for n in masked) if masked else r"(?!)")

    def of(self, text: str, sentence: Span, avoid: Sequence[int] = ()) -> list[Statement]:
        """The statements of the sentence at `sentence`, each of at least three words. A
        statement at or after a position in `avoid` (someone else named as its subject) is
        left out; a whole sentence so left out gives its parts before that position."""
        reading = self.names.sub(lambda m: "x" * len(m.group(0)), text)
        parts = _sided_parts(text, reading, sentence)
        is_whole = len(parts) == 1 and parts[0][0] == sentence
        if is_whole and any(position < sentence[1] for position in avoid):
            parts = [(part, side) for part, side in _sided(reading, _parts(text, sentence))
                     if side]
        found = []
        for span, kind in parts:
            if any(position < span[1] for position in avoid):
                continue
            trimmed = self.trim(text, span)
            if len(text[trimmed[0]:trimmed[1]].split()) >= MIN_WORDS:
                found.append(Statement(trimmed, kind, cue_words(reading[span[0]:span[1]])))
        return found

    def in_plain_words(self, text: str, sentence: Span, avoid: Sequence[int] = ()) -> list[Statement]:
        """A sentence with no cue of ours at all, read by the general lexicon
        (`language.sentiment`): the whole sentence, when its side is clear. Not a sentence
        in the first person: the writer's own feelings ("I am very grateful") are no finding."""
        reading = self.names.sub(lambda m: "x" * len(m.group(0)), text)
        words = reading[sentence[0]:sentence[1]]
        if cue_words(words) != "no cues" or FIRST_PERSON.search(words) or WANTED.search(words) \
                or any(position < sentence[1] for position in avoid):
            return []
        side, score = general_side(words)
        trimmed = self.trim(text, sentence)
        if side is None or len(text[trimmed[0]:trimmed[1]].split()) < MIN_WORDS:
            return []
        return [Statement(trimmed, side, f"no cues; plain English reads {score:+.2f}")]

    def trim(self, text: str, span: Span) -> Span:
        """Drop connectives, "X found that", a trailing "a report has found", end marks."""
        start, end = span
        for pattern in (CONNECTIVE, INCLUDES, self.reported, CONNECTIVE):
            match = pattern.match(text, start, end)
            if match:
                start = match.end()
        for _ in range(3):
            for pattern in (TRAILING_ATTRIBUTION, TRAILING_JOIN):
                match = pattern.search(text, start, end)
                if match:
                    end = match.start()
            if end > start and _unbalanced_close(text[start:end]):
                end -= 1
        return start, end


def _sided(reading: str, parts: list[Span]) -> list[tuple[Span, str | None]]:
    return [(part, polarity(reading[part[0]:part[1]]).kind) for part in parts]


def _sided_parts(text: str, reading: str, sentence: Span) -> list[tuple[Span, str]]:
    parts = _sided(reading, _parts(text, sentence))
    sides = {side for _, side in parts if side}
    if (len(parts) > 1 and all(side for _, side in parts)) or len(sides) > 1:
        return [(part, side) for part, side in parts if side]
    whole = polarity(reading[sentence[0]:sentence[1]])
    if whole.is_mixed:
        listed = _fragments(text, reading, sentence)
        if len({side for _, side in listed}) > 1:
            return listed
    return [(sentence, whole.kind)] if whole.kind else []


def _parts(text: str, sentence: Span) -> list[Span]:
    """The sentence cut at "but", "while", semicolons and concessions."""
    clauses = _joined_not_only(text, clause_spans(text, sentence))
    parts: list[Span] = []
    for clause in clauses:
        parts.extend(_conceded(text, clause))
    return [part for part in parts if part[1] > part[0]]


def _joined_not_only(text: str, clauses: list[Span]) -> list[Span]:
    joined: list[Span] = []
    for clause in clauses:
        if joined and NOT_ONLY.search(text, joined[-1][0], joined[-1][1]) \
                and text[clause[0]:clause[1]].lower().startswith("also"):
            joined[-1] = (joined[-1][0], clause[1])
        else:
            joined.append(clause)
    return joined


def _conceded(text: str, clause: Span) -> list[Span]:
    """A clause with a concession, as (concession, rest) or (rest, concession)."""
    start, end = clause
    leading = LEADING_CONCESSION.match(text, start, end)
    inner = INNER_CONCESSION.search(text, start, end)
    opening = leading or inner
    if opening:
        comma = text.find(",", opening.end(), end)
        if comma != -1:
            before = [(start, opening.start())] if inner and not leading else []
            return before + [(opening.end(), comma), _stripped(text, comma + 1, end)]
    trailing = TRAILING_CONCESSION.search(text, start, end)
    if trailing:
        return [(start, trailing.start()), (trailing.end(), end)]
    return [clause]


def _fragments(text: str, reading: str, sentence: Span) -> list[tuple[Span, str]]:
    """A mixed sentence cut where it lists, neutral parts joined to the next part that
    takes a side (trailing ones to the last), and neighbours of one side joined."""
    start, end = sentence
    cuts = [(m.start(), m.end()) for m in FRAGMENT_BREAK.finditer(text, start, end)]
    edges = [start] + [b for _, b in cuts]
    stops = [a for a, _ in cuts] + [end]
    pieces = [(a, b) for a, b in zip(edges, stops) if b > a]
    merged: list[tuple[Span, str]] = []
    pending = None
    for piece in pieces:
        side = polarity(reading[piece[0]:piece[1]]).kind
        first = pending if pending is not None else piece[0]
        if side is None:
            pending = first
            continue
        pending = None
        if merged and merged[-1][1] == side:
            merged[-1] = ((merged[-1][0][0], piece[1]), side)
        else:
            merged.append(((first, piece[1]), side))
    if pending is not None and merged:
        merged[-1] = ((merged[-1][0][0], end), merged[-1][1])
    return merged


def _unbalanced_close(words: str) -> bool:
    """Whether `words` end with a closing quotation mark that nothing in them opens (the
    quotation began before the statement): "... improvements are needed.”"."""
    mark = words[-1]
    opening = CLOSING_MARKS.get(mark)
    if opening is None:
        return False
    if mark == '"':
        return words.count(mark) % 2 == 1
    if mark == "”":
        return words.count(opening) < words.count(mark)
    opened = words.rfind(opening, 0, len(words) - 1)
    if mark == "'":
        opened = max((m.start() for m in re.finditer(r"(?:^|(?<=\s))'", words[:-1])),
                     default=-1)
    return opened == -1


def _stripped(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    return start, end
