"""Sentences and clauses of a paragraph, as spans of its text.

In: a paragraph's text. Out: (start, end) character spans: one per sentence,
or one per clause of a sentence that joins two statements ("..., but ...",
"... while ...", "...; ..."). Spans index the paragraph's own text, so what a
rule picks out is always the source's words.
"""

from __future__ import annotations

import re

Span = tuple[int, int]

ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "prof", "st", "sgt", "supt", "insp", "cllr", "no",
                 "rev", "gen", "col", "capt", "lt", "co", "inc", "ltd", "vs", "approx", "dept"}
"""Words a full stop follows without ending the sentence."""
SENTENCE_END = re.compile(r"[.!?…]+[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")
CLAUSE_BREAK = re.compile(r",?\s+but\s+|;\s+|\s+while\s+|,\s+however,\s+", re.IGNORECASE)
WORD_BEFORE = re.compile(r"(\w+)\W*$")
TRAILING_ATTRIBUTION = re.compile(
    r",\s*(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}(?:report|inspection|review|watchdog|inspectorate"
    r"|regulator|inspectors)\s+(?:has\s+|have\s+)?(?:found|ruled|said|says|finds|concluded"
    r"|revealed|warned|shows?|suggests?)\W*$", re.IGNORECASE)
"""A lede's closing ", a report has found": who says it, not what is said."""


def sentence_spans(text: str, start: int = 0) -> list[Span]:
    """The sentences of `text[start:]`, as spans of `text` without surrounding white space."""
    spans = []
    for match in SENTENCE_END.finditer(text, start):
        word = WORD_BEFORE.search(text, start, match.start() + 1)
        if word and (word.group(1).lower() in ABBREVIATIONS or len(word.group(1)) == 1):
            continue
        spans.append(_stripped(text, start, match.start() + len(match.group(0).rstrip())))
        start = match.end()
    if text[start:].strip():
        spans.append(_stripped(text, start, len(text)))
    return spans


def clause_spans(text: str, span: Span) -> list[Span]:
    """`span` cut where it joins two statements; the joining words belong to neither."""
    start, end = span
    clauses = []
    for match in CLAUSE_BREAK.finditer(text, start, end):
        clauses.append(_stripped(text, start, match.start()))
        start = match.end()
    clauses.append(_stripped(text, start, end))
    return [clause for clause in clauses if clause[1] > clause[0]]


def _stripped(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
