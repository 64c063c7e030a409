"""People's names in a speaker phrase, and the role and organisation around them.

In: a speaker phrase, or a comma-separated part of one ("HM inspector of constabulary
Mike Cunningham", "Peter McCall, Cumbria's police and crime commissioner", "Emily
Evison of the Prison Reform Trust", "But Mrs Godfrey", "the chief inspector"). Out:
the name and the words before it (`name_in`, `leading_name`), the role those words
hold (`role_before`), the role or organisation an apposition gives (`appositions`),
an unnamed spokesperson (`spokesperson_in`), and a role standing for a person
(`role_alone`).

A name is a run of one to four capitalised words that are not role or organisation
words; titles a reader keeps (Dr, Professor, Sir) stay in it, courtesy titles (Mr,
Mrs, Ms) do not, but are reported, since a title and a surname alone still name
someone ("Mr Clarke").
"""

from __future__ import annotations

import bisect
import itertools
import re
from typing import NamedTuple

from .bodies import DETERMINER
from .words import (
    INSPECTORATE_ABBREVIATIONS,
    INSPECTORATE_BARE_NAMES,
    ORGANISATION_NAME_NOUNS,
    ROLE_WORDS,
)

KEPT_TITLES = {"Dr", "Professor", "Prof", "Sir", "Dame", "Lord", "Lady", "Baroness", "Rev",
               "Councillor", "Cllr"}
COURTESY_TITLES = {"Mr", "Mrs", "Ms", "Miss", "Mx"}
SENTENCE_WORDS = frozenset("""
but and however meanwhile also now then today yesterday speaking responding commenting
in on at the a an this that last earlier later when after before while although though
by from for with
""".split())
"""Capitalised words that start a sentence rather than a name or a role."""
CONNECTORS = {"of", "for", "and", "at", "&"}
"""A capitalised word after these is part of a role: "HM Inspector of Constabulary Jo Bloggs"."""
ORGANISATION_WORDS = frozenset("""
constabulary police council trust hospital hospitals service services inspectorate
commission department unit authority board office agency
""".split())
LAW_WORDS = frozenset("""
act acts bill regulations regulation order code guidance framework standards
""".split())
"""The last words of a law or a code's name ("the Health and Social Care Act"), never a person's."""
LEADING_WORDS = frozenset("""
as so and but however meanwhile also now then today yesterday speaking responding commenting
response reply
though although while when after before later earlier in addition finally separately
""".split())
"""Words before a speaker phrase that are not part of it: "But he", "as they"."""
TRAILING_WORDS = frozenset("""
also has have had further then later today yesterday recently previously earlier now again
once clearly simply will would did does do went on to
""".split())
"""Words between a speaker and the verb: "The inspectorate also", "The report has"."""
NAME_WORD = re.compile(r"^[A-Z][a-zà-ÿ’'-]*(?:[A-Z][a-zà-ÿ’'-]+)*[a-zà-ÿ]$"
                       r"|^O['’][A-Z][a-z]+$")
OF_ORGANISATION = re.compile(r"^(?:of|from|at|for|with)\s+(?:the\s+)?(.+)$")
ROLE_AT_ORGANISATION = re.compile(
    r"^(.*?\S)\s+(?:of|at|for)\s+(?:the\s+)?([A-Z][\w’'&-]*(?:\s+[A-Z&][\w’'&-]*)+)$")
ORGANISATION_END = re.compile(
    r"\b(?:Police|Constabulary|Council|Trust|Hospitals?|Service|Services|Inspectorate|Commission"
    r"|Ofsted|Authority|Board|Agency|Office|Department|Ministry|School|Academy|College"
    r"|University|Prison|[A-Z]{2,})$")
"""How an organisation's name ends, as opposed to a place or a subject: "for the South East"."""
SPOKESPERSON = re.compile(
    r"(?:(?P<before>[\w’'&-]+(?:\s+[\w’'&-]+){0,3})\s+)?spokes(?:man|woman|person)"
    r"(?:\s+for\s+(?:the\s+)?(?P<after>[\w’'&-]+(?:\s+[\w’'&-]+){0,4}))?$")
ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
ROLE_OF = re.compile(r"\s+(?:of|for|at)\s+")
MAX_ROLE_WORDS = 5

PLACE_BEFORE = frozenset("the a an in at of to from on into near by".split())
"""A name after these is a place or a thing's ("in Northern Ireland", "at West Park")."""
WORD = re.compile(r"\S+")
CAPITALISED_PAIR = re.compile(r"(?<!\S)(?=[A-Z]\S*\s+[A-Z])")
"""Two capitalised words in a row: where a name may start."""
CLAUSE_BREAK = re.compile(r"[,;:.!?]\s")
CLAUSE_REACH = 300
"""How far back the clause before a name is looked for, in characters."""
TRAILING_PUNCTUATION = ",.;:!?)"
POSSESSIVE_END = re.compile(r"['’]s?$")

INSPECTORATES = frozenset(INSPECTORATE_ABBREVIATIONS) | {
    name for name in INSPECTORATE_BARE_NAMES if " " not in name}
"""An inspectorate's one-word name after a person's: "Angela Kirk Ofsted inspector"."""
_NOT_NAME_WORDS = ROLE_WORDS | ORGANISATION_WORDS | ORGANISATION_NAME_NOUNS | LAW_WORDS \
    | {name.lower() for name in INSPECTORATES}
"""Words no person's name holds: "Angela Kirk Ofsted inspector" is Angela Kirk, of Ofsted."""
_TITLES = KEPT_TITLES | COURTESY_TITLES
_SENTENCE_STARTS = SENTENCE_WORDS - {"the", "a", "an"}
_POSSESSIVE = re.compile(r"['’]s$")


def cleaned(phrase: str) -> str:
    """A speaker phrase without the words around it that are not part of it."""
    words = phrase.strip(" ,;:").split()
    while words and words[0].lower().strip(",") in LEADING_WORDS:
        words = words[1:]
    while words and words[-1].lower() in TRAILING_WORDS:
        words = words[:-1]
    return " ".join(words).strip(" ,")


def name_in(text: str) -> tuple[str | None, str, str | None]:
    """(name, the words before it, the courtesy title before it) in `text`, which must end
    with the name."""
    words = text.split()
    end = len(words)
    while end and not is_name_word(words[end - 1]):
        end -= 1
    start = end
    while start and end - start < 4 and is_name_word(words[start - 1]):
        start -= 1
    while start < end and words[start].lower() in SENTENCE_WORDS:
        start += 1
    if start and words[start - 1].lower() in CONNECTORS:
        start += 1
    if start >= end or end != len(words):
        return None, text, None
    courtesy = start > 0 and words[start - 1].rstrip(".") in COURTESY_TITLES
    title = words[start - 1] if courtesy else None
    while start and words[start - 1].rstrip(".") in KEPT_TITLES:
        start -= 1
    before_end = start - 1 if courtesy else start
    return " ".join(words[start:end]), " ".join(words[:before_end]), title


def leading_name(text: str) -> tuple[str | None, str]:
    """(name, the rest) when `text` opens with a full name and goes on "of/from/at ...":
    "Emily Evison of the Prison Reform Trust"."""
    words = text.split()
    end = 0
    while end < len(words) and end < 4 and is_name_word(words[end]):
        end += 1
    rest = " ".join(words[end:])
    if end < 2 or not OF_ORGANISATION.match(rest) or words[0].lower() in SENTENCE_WORDS:
        return None, text
    return " ".join(words[:end]), rest


def is_name_word(word: str) -> bool:
    lower = word.lower()
    return (bool(NAME_WORD.match(word)) and lower not in _NOT_NAME_WORDS
            and not (lower.endswith("s") and lower[:-1] in _NOT_NAME_WORDS)
            and word.rstrip(".") not in _TITLES)


def role_before(before: str) -> str | None:
    """The words before a name, when they hold a role word: "HM inspector of constabulary"."""
    words = before.split()
    while words and words[0].lower().strip(",") in _SENTENCE_STARTS:
        words = words[1:]
    role = ARTICLE.sub("", " ".join(words)).strip(" ,")
    bare_words = (_POSSESSIVE.sub("", word.strip(",")).lower() for word in role.split())
    if role and any(word in ROLE_WORDS for word in bare_words):
        return role
    return None


def appositions(parts: list[str], role: str | None) -> tuple[str | None, str | None]:
    """(role, organisation) from the parts after a name: ", of Kent Police," gives the
    organisation; ", chief executive of X Trust," both; anything else the role."""
    organisation = None
    for part in parts:
        part = ARTICLE.sub("", part.strip(" ,."))
        of = OF_ORGANISATION.match(part)
        if of and not organisation:
            organisation = of.group(1)
            continue
        at = ROLE_AT_ORGANISATION.match(part)
        if at and not organisation and ORGANISATION_END.search(at.group(2)):
            role = role or at.group(1)
            organisation = at.group(2)
        elif part and not role:
            role = part
    return role, organisation


def spokesperson_in(phrase: str) -> tuple[str, str | None] | None:
    """(name, organisation) of an unnamed spokesperson: "A Prison Service spokesperson",
    "a spokesman for the trust"."""
    match = SPOKESPERSON.search(phrase.strip(" ,"))
    if match is None:
        return None
    before = ARTICLE.sub("", match.group("before") or "")
    organisation = match.group("after") or (
        before if before.lower() not in ("a", "an", "the") else None)
    return ARTICLE.sub("", match.group(0)), organisation or None


def role_alone(phrase: str) -> tuple[str, list[str]] | None:
    """(the phrase, its role words) when a role stands for a person: "the chief inspector",
    "surprised head", "the head of children's services"; None otherwise."""
    bare = DETERMINER.sub("", cleaned(phrase.split(",")[-1]))
    core = ROLE_OF.split(bare)[0].split()
    if not 1 <= len(bare.split()) <= MAX_ROLE_WORDS or not core:
        return None
    if core[-1].lower() not in ROLE_WORDS:
        return None
    return bare, [w.lower() for w in core if w.lower() in ROLE_WORDS]


def bare_name(name: str) -> str:
    """The name without the titles kept in it: "Helen Marsh" of "Professor Helen Marsh"."""
    return " ".join(w for w in name.split() if w.rstrip(".") not in KEPT_TITLES)


class Mention(NamedTuple):
    """A person's full name in narration, and the words about them around it."""

    start: int
    name: str
    before: str
    """The words before the name in its clause: "Inspector", "the manager"."""
    after: list[str]
    """An apposition after it: ["the federation’s secretary"], ["of Kent Police"]."""


def mentions_in(text: str) -> list[Mention]:
    """Each person's full name in narration: "Inspector Elaine Douglas", "Helen Collier, the
    federation’s secretary,", "Peter Clarke visited". Runs of capitalised words that go on
    into another ("West Park CE"), or stand after "in", "at", "the" ("in Northern
    Ireland"), are places and things, not people."""
    pairs = list(CAPITALISED_PAIR.finditer(text))  # most words are not names: skip to runs
    if not pairs:
        return []
    words = list(WORD.finditer(text))
    starts = [word.start() for word in words]
    found, index = [], 0
    for pair in pairs:
        first = bisect.bisect_left(starts, pair.start())
        end = _run_end(words, first) if first >= index else first
        if end <= first:
            continue
        last = words[end - 1]
        stop = last.start() + len(POSSESSIVE_END.sub("", last.group().rstrip(TRAILING_PUNCTUATION)))
        following = words[end].group() if end < len(words) else ""
        if stop < last.end() or not following[:1].isupper() or following in INSPECTORATES:
            clause = CLAUSE_BREAK.split(text[max(0, starts[first] - CLAUSE_REACH):starts[first]])[-1]
            name, before, title = name_in(clause + text[starts[first]:stop])
            if name and (len(name.split()) > 1) and not _after_place(before, title):
                found.append(Mention(starts[first], name, before, _apposition(text[stop:])))
        index = end
    return found


def _run_end(words: list[re.Match], start: int) -> int:
    """The end of the run of name words from `start` (the start itself if none)."""
    end = start
    while end < len(words) and end - start < 5:
        word = words[end].group()
        bare = POSSESSIVE_END.sub("", word.rstrip(TRAILING_PUNCTUATION))
        if not (is_name_word(bare) or bare.rstrip(".") in _TITLES):
            break
        end += 1
        if bare != word:
            break
    return end


def _after_place(before: str, title: str | None) -> bool:
    previous = (title or before.split()[-1] if (title or before.split()) else "")
    return previous.lower() in PLACE_BEFORE


def _apposition(after: str) -> list[str]:
    """", the federation’s secretary," or " of the Prison Reform Trust": a role or an
    organisation said of the name just before."""
    comma = re.match(r"^,\s+([^,.;:!?]+)", after)
    if comma and (role_before(comma.group(1)) or OF_ORGANISATION.match(comma.group(1))):
        return [comma.group(1)]
    of = re.match(r"^\s+((?:of|from|at)\s+(?:the\s+)?[A-Z][\w’'&-]*(?:\s+(?:[A-Z&][\w’'&-]*"
                  r"|of|for|and))*)", after)
    if of and ORGANISATION_END.search(of.group(1)):
        return [of.group(1)]
    words = after.split()[:4]
    if words and words[0] in INSPECTORATES:  # "Angela Kirk Ofsted inspector gave ..."
        roles = list(itertools.takewhile(lambda word: word.lower() in ROLE_WORDS, words[1:]))
        return [" ".join(words[:1 + len(roles)])] if roles else []
    return []
