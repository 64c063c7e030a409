"""Who speaks in the source: names, roles and organisations as the text gives them.

In: speaker phrases, the words naming whoever says something ("HM inspector of
constabulary Mike Cunningham", "Peter McCall, Cumbria's police and crime
commissioner", "Zoë Billingham, from HMICFRS", "She", "Mrs Godfrey"), in reading
order. Out: the `Speaker` each names, the `Cast` of everyone met, and whom each
speaks for once the subject and the inspector are known.

A name is a run of two to four capitalised words; titles a reader keeps (Dr,
Professor, Sir) stay in it, courtesy titles (Mr, Mrs, Ms) do not. Words before
the name that hold a role word ("inspector", "superintendent", "chief
executive") are the role; a phrase after it, between commas, is the role, or
the organisation when it reads "of/from/at <organisation>". A pronoun or a
surname alone means someone already named: "he/she" the last speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .words import ROLE_WORDS

KEPT_TITLES = {"Dr", "Professor", "Prof", "Sir", "Dame", "Lord", "Lady", "Baroness", "Rev",
               "Councillor", "Cllr"}
COURTESY_TITLES = {"Mr", "Mrs", "Ms", "Miss", "Mx"}
SENTENCE_WORDS = frozenset("""
but and however meanwhile also now then today yesterday speaking responding commenting
in on at the a an this that last earlier later when after before while although though
""".split())
"""Capitalised words that start a sentence rather than a name or a role."""
CONNECTORS = {"of", "for", "and", "at", "&"}
"""A capitalised word after these is part of a role: "HM Inspector of Constabulary Jo Bloggs"."""
ORGANISATION_WORDS = frozenset("""
constabulary police council trust hospital hospitals service services inspectorate
commission department unit authority board office agency
""".split())
PRONOUNS = {"he", "she"}
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
RANKS = {
    r"\b(?:Police|Constabulary)\b":
        r"\b(?:constable|superintendent|sergeant|detective|commander)\b",
    r"\bCouncil\b":
        r"\b(?:councillor|cllr|cabinet member|council leader|leader of the council"
        r"|director of (?:children|adult)\w*['’]?s? (?:social )?services)\b",
    r"\b(?:School|Academy|College)\b":
        r"\b(?:principal|headteacher|head teacher|headmaster|headmistress|head of school"
        r"|executive head|chair of governors)\b",
    r"\b(?:Trust|Hospitals?)\b":
        r"\b(?:chief executive|medical director|director of nursing|chief nurse)\b",
}
"""For a subject of each kind, the roles within it: a detective speaks for a police force."""
INSPECTOR_ROLE = re.compile(
    r"\b(?:HM|Her Majesty['’]s|His Majesty['’]s)\b.*\binspector\b|\bchief inspector\b"
    r"|\binspector of\b|\binspectorate\b", re.IGNORECASE)


@dataclass
class Speaker:
    """One person the source names as speaking."""

    name: str
    role: str | None = None
    organisation: str | None = None
    first_paragraph: int = 0
    quoted: bool = False

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


@dataclass
class Cast:
    """Everyone named as speaking so far, and who spoke last (for "she said")."""

    people: list[Speaker] = field(default_factory=list)
    last: Speaker | None = None

    def resolve(self, phrase: str, paragraph: int) -> Speaker | None:
        """The person `phrase` names (added if new), or None if it names no person."""
        words = phrase.strip(" ,").split()
        if len(words) == 1 and words[0].lower() in PRONOUNS:
            return self.last
        found = self._parse(phrase, paragraph)
        if found is not None:
            self.last = found
        return found

    def _parse(self, phrase: str, paragraph: int) -> Speaker | None:
        parts = [part.strip() for part in phrase.strip(" ,").split(",") if part.strip()]
        if not parts:
            return None
        name, before = _name_in(parts[0])
        rest = parts[1:]
        if rest and (name is None or (" " not in name and self._known(name) is None)):
            later, before_later = _name_in(rest[0])
            if later is not None:
                name, before = later, parts[0]
                rest = ([before_later] if before_later else []) + rest[1:]
        if name is None:
            return self._spokesperson(phrase, paragraph)
        known = self._known(name)
        if known is not None:
            return known
        if len(name.split()) < 2:
            return None
        speaker = Speaker(name, first_paragraph=paragraph)
        speaker.role = _role(before)
        _apply_apposition(speaker, rest)
        self.people.append(speaker)
        return speaker

    def _spokesperson(self, phrase: str, paragraph: int) -> Speaker | None:
        """An unnamed spokesperson: "A Prison Service spokesperson", "a spokesman for the trust"."""
        match = SPOKESPERSON.search(phrase.strip(" ,"))
        if match is None:
            return None
        name = ARTICLE.sub("", match.group(0))
        known = next((p for p in self.people if p.name == name), None)
        if known is None:
            before = ARTICLE.sub("", match.group("before") or "")
            organisation = match.group("after") or (
                before if before.lower() not in ("a", "an", "the") else None)
            known = Speaker(name, "spokesperson", organisation or None,
                            first_paragraph=paragraph)
            self.people.append(known)
        return known

    def _known(self, name: str) -> Speaker | None:
        for person in self.people:
            if person.name == name or bare_name(person.name) == bare_name(name):
                return person
        if len(name.split()) == 1:
            matches = [p for p in self.people if p.surname == name]
            return matches[-1] if matches else None
        return None


def speaks_for(person: Speaker, subject: str, subject_short: str | None, inspector: str,
               inspector_short: str | None) -> str:
    """`inspector`, `subject` or `other`, from what the text says of the person's role and body."""
    said = " ".join(filter(None, [person.role, person.organisation]))
    if _mentions(said, inspector, inspector_short) or INSPECTOR_ROLE.search(person.role or ""):
        return "inspector"
    if _mentions(said, _core(subject), subject_short) or _is_kind_of(person.organisation, subject):
        return "subject"
    for kind, roles in RANKS.items():
        if re.search(kind, subject) and re.search(roles, f"{person.name} {person.role or ''}",
                                                  re.IGNORECASE):
            return "subject"
    return "other"


def _is_kind_of(organisation: str | None, subject: str) -> bool:
    """True for "the trust" when the subject is a trust, "the force" when it is a police force."""
    if not organisation or not subject.split():
        return False
    kind = subject.split()[-1].lower()
    generic = organisation.lower().removeprefix("the ")
    return generic == kind or (generic == "force" and kind in ("police", "constabulary"))


def _name_in(text: str) -> tuple[str | None, str]:
    """(name, the words before it) in `text`, which must end with the name."""
    words = text.split()
    end = len(words)
    while end and not _is_name_word(words[end - 1]):
        end -= 1
    start = end
    while start and end - start < 4 and _is_name_word(words[start - 1]):
        start -= 1
    while start < end and words[start].lower() in SENTENCE_WORDS:
        start += 1
    if start and words[start - 1].lower() in CONNECTORS:
        start += 1
    if start == end or end != len(words):
        return None, text
    courtesy = start > 0 and words[start - 1].rstrip(".") in COURTESY_TITLES
    while start and words[start - 1].rstrip(".") in KEPT_TITLES:
        start -= 1
    before_end = start - 1 if courtesy else start
    return " ".join(words[start:end]), " ".join(words[:before_end])


_NOT_NAME_WORDS = ROLE_WORDS | ORGANISATION_WORDS
_TITLES = KEPT_TITLES | COURTESY_TITLES
_SENTENCE_STARTS = SENTENCE_WORDS - {"the", "a", "an"}
_POSSESSIVE = re.compile(r"['’]s$")


def _is_name_word(word: str) -> bool:
    return (bool(NAME_WORD.match(word)) and word.lower() not in _NOT_NAME_WORDS
            and word.rstrip(".") not in _TITLES)


def _role(before: str) -> str | None:
    """The words before a name, when they hold a role word: "HM inspector of constabulary"."""
    words = before.split()
    while words and words[0].lower().strip(",") in _SENTENCE_STARTS:
        words = words[1:]
    role = ARTICLE.sub("", " ".join(words)).strip(" ,")
    bare_words = (_POSSESSIVE.sub("", word.strip(",")).lower() for word in role.split())
    if role and any(word in ROLE_WORDS for word in bare_words):
        return role
    return None


def _apply_apposition(speaker: Speaker, parts: list[str]) -> None:
    """", of Kent Police," gives the organisation; ", chief executive of X Trust," role and both."""
    for part in parts:
        part = ARTICLE.sub("", part.strip(" ,."))
        of = OF_ORGANISATION.match(part)
        if of and not speaker.organisation:
            speaker.organisation = of.group(1)
            continue
        at = ROLE_AT_ORGANISATION.match(part)
        if at and not speaker.organisation and ORGANISATION_END.search(at.group(2)):
            speaker.role = speaker.role or at.group(1)
            speaker.organisation = at.group(2)
        elif part and not speaker.role:
            speaker.role = part


def bare_name(name: str) -> str:
    """The name without the titles kept in it: "Helen Marsh" of "Professor Helen Marsh"."""
    return " ".join(w for w in name.split() if w.rstrip(".") not in KEPT_TITLES)


def _core(subject: str) -> str:
    """The organisation itself: "Wiltshire Council" of "Wiltshire Council's children's services"."""
    return re.split(r"['’]s\s", subject)[0]


def _mentions(text: str, name: str, short: str | None) -> bool:
    folded = text.replace("’", "'")
    names = [n.replace("’", "'") for n in (name, short) if n]
    return any(re.search(rf"\b{re.escape(n)}\b", folded) for n in names)
