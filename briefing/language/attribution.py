"""Attributions: the words that say whose a quotation is, before it, after it or around it.

In: a paragraph's text and where a quotation stands in it. Out: the speaker phrase, as
the text gives it ("HM Inspector of Constabulary Wendy Williams", "the report", "he"),
and what follows the verb ("in a statement"), for `Cast.attribute` to resolve. The
shapes read:

- before: "X said: “...”", "X said “...”", "X told the BBC: “...”", "But he added: “...”",
  "They added that: “...”", "as they stated, “...”", "According to X, “...”", "X
  criticised the plan, saying: ‘...’" (the sentence's subject), and a sentence with a
  speech verb that ends in a colon ("The report says when they visited ...: “...”");
- after: "“...,” said X", "“...,” X said", "“...,” wrote X", "“...,” states X in its
  report", "“...”, according to X";
- around: a quotation inside a reporter's sentence belongs to the sentence's subject
  ("inspectors found “...”", "X called the prison ‘...’").
"""

from __future__ import annotations

import re

from .sentences import ABBREVIATIONS
from .words import ATTRIBUTION_VERBS, EMBEDDING_VERBS, PARTICIPLE_VERBS


def _alternatives(words) -> str:
    """A regular expression for any of `words`, grouped by first letter (so that the long
    alternation is tried, at each place in a text, only for words starting there)."""
    by_letter: dict[str, list[str]] = {}
    for word in sorted(set(words), key=len, reverse=True):
        by_letter.setdefault(word[0], []).append(re.escape(word[1:]).replace(r"\ ", r"\s+"))
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})"
                    for first, rests in sorted(by_letter.items()))


VERBS = _alternatives(ATTRIBUTION_VERBS)
ACCORDING = r"according\s+to"
VERB_ENDS_GAP = re.compile(
    rf"\b(?P<verb>{VERBS})\b(?P<after>(?:\s+that)?\s*[:,]?|(?:\s+[\w’'-]+){{1,5}}?\s*[:,])\s*$",
    re.IGNORECASE)
"""The gap before a quote ends in its attribution: "said: ", "said ", "told the BBC: "."""
ACCORDING_ENDS_GAP = re.compile(rf"\b{ACCORDING}\s+(?P<who>[^,.;:!?]+?)\s*,\s*$", re.IGNORECASE)
ANY_VERB = re.compile(rf"\b(?:{VERBS})\b", re.IGNORECASE)
FIRST_VERB_WORDS = frozenset(verb.split()[0] for verb in ATTRIBUTION_VERBS)
WORD = re.compile(r"[a-z]+")
EMBEDDING_VERB = re.compile(rf"\b(?:{_alternatives(EMBEDDING_VERBS)})\b", re.IGNORECASE)
VERB_FIRST = re.compile(
    rf"^\s*[,.!?…–—-]*\s*(?:\b(?P<verb>{VERBS})|\b{ACCORDING})\s+(?P<who>[^.!?;:“”\"‘]+)",
    re.IGNORECASE)
"""After a quote, verb first: "..., said Mike Cunningham.", "..., according to inspectors."."""
WHO_FIRST = re.compile(
    rf"^\s*[,.!?…–—-]*\s*(?P<who>[^.!?;:“”\"‘]{{1,120}}?)\s+(?P<verb>{VERBS})\b"
    rf"(?P<after>[^.!?;:“”\"‘]*)", re.IGNORECASE)
"""After a quote, speaker first: "..., Mr Cunningham said.", "..., she warned."."""
HANDED_OVER = re.compile(r"[,!?…–—-]\s*$")
"""A quotation ending so hands over to its attribution: “We will act,” she said."""
CHANNEL_AFTER = re.compile(r"^\s*(?:in|to|on)\s+", re.IGNORECASE)
SENTENCE_BREAK = re.compile(r"[.!?]+[\"”’)]*\s+(?=[\"“‘'(]?[A-Z0-9])")
CLAUSE_REACH = 400
"""How far back a speaker phrase is looked for, in characters."""
RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who|whose)\b[^,]*,\s*$", re.IGNORECASE)
"""A relative clause between a speaker and the verb: in "The report, which was submitted to
the Parliament, said:" the report speaks, not the Parliament."""
SUBJECT_ENDS = frozenset({"has", "have", "had", "is", "was", "were", "will", "would", "are",
                          "did", "does", "do", "can", "could", "must", "should"})


def before(gap: str) -> tuple[str, str] | None:
    """(speaker phrase, what follows the verb) when `gap` ends by introducing a quote."""
    match = VERB_ENDS_GAP.search(gap)
    if match:
        clause = RELATIVE_CLAUSE.sub("", _clause_before(gap, match.start()))
        if match.group("verb").lower() in PARTICIPLE_VERBS:
            return subject_of(clause), match.group("after")
        return clause, match.group("after")
    according = ACCORDING_ENDS_GAP.search(gap)
    if according:
        return according.group("who"), ""
    if gap.rstrip().endswith(":"):
        sentence = _clause_before(gap, len(gap.rstrip()) - 1, stops=r"[.!?]\s")
        verb = ANY_VERB.search(sentence)
        if verb:
            return sentence[:verb.start()], sentence[verb.end():]
    return None


def after(tail: str, quoted: str) -> tuple[str, str, int] | None:
    """(speaker phrase, what follows the verb, characters used) when the words after a
    closed quote attribute it; `quoted` is the quotation's own text."""
    first = VERB_FIRST.match(tail)
    if first:
        return first.group("who"), "", first.end()
    match = WHO_FIRST.match(tail)
    if match is None or match.group("verb").lower() in PARTICIPLE_VERBS \
            or tail[match.end():].lstrip().startswith(":"):
        return None  # "..., saying: ‘", "X added: “": the words introduce the next quote
    rest = match.group("after")
    if HANDED_OVER.search(quoted) or not rest.strip() or CHANNEL_AFTER.match(rest):
        return match.group("who"), rest, match.end()
    return None


def around(sentence: str) -> str | None:
    """The speaker phrase of a reporter's sentence holding a quotation: its subject, when a
    verb such as "found", "said" or "called" follows it."""
    if EMBEDDING_VERB.search(sentence) is None:
        return None
    return subject_of(sentence) or None


def subject_of(sentence: str) -> str:
    """The words opening `sentence` up to its verb: "Emily Evison of the Prison Reform
    Trust" of "Emily Evison of the Prison Reform Trust criticised the strategy, saying"."""
    words = sentence.split()
    for index, word in enumerate(words):
        bare = word.strip(",;:").lower()
        if index and word[:1].islower() and (
                EMBEDDING_VERB.fullmatch(bare) or bare in SUBJECT_ENDS
                or (bare.endswith("ed") and len(bare) > 4)):
            return " ".join(words[:index])
    return ""


def reported(text: str) -> list[tuple[int, str, str]]:
    """(where, speaker phrase, what follows) for every speech verb in narration: "X said
    that ..."."""
    if FIRST_VERB_WORDS.isdisjoint(WORD.findall(text.lower())):
        return []  # the common case, found without the long alternation
    return [(verb.start(), _clause_before(text, verb.start()), text[verb.end():verb.end() + 40])
            for verb in ANY_VERB.finditer(text)]


def sentence_starts(text: str) -> list[int]:
    """Where each sentence of `text` starts."""
    return [0] + [end.end() for end in SENTENCE_BREAK.finditer(text)
                  if not _after_abbreviation(text, end.start())]


def sentence_start(text: str, position: int) -> int:
    """Where the sentence holding `position` starts."""
    return max(start for start in sentence_starts(text) if start <= position)


def _clause_before(text: str, end: int, stops: str = r"[.!?:;]\s") -> str:
    """The words from the start of the clause holding `end` up to it (within reach)."""
    reach = max(0, end - CLAUSE_REACH)
    starts = [reach + b.end() for b in re.finditer(stops, text[reach:end])
              if not _after_abbreviation(text, reach + b.start())]
    return text[starts[-1] if starts else reach:end]


def _after_abbreviation(text: str, dot: int) -> bool:
    word = re.search(r"(\w+)$", text[max(0, dot - 40):dot])
    if word is None or text[dot] != ".":
        return False
    return word.group(1).lower() in ABBREVIATIONS or len(word.group(1)) == 1
