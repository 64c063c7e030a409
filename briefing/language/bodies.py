"""Bodies that speak: a report, an inspectorate, an organisation, as the text names them.

In: a speaker phrase that names no person ("The report", "the IMB's report", "RQIA
report", "Ofsted in its inspection report", "the government watchdog", "inspectors",
"Explorers Day Nursery", "the force"), and what follows the verb ("in a statement").
Out: a `BodyPhrase`: the body's name as written, the organisation that owns it when
one is named, the noun by which a text gives the inspection's words without naming its
body ("report", "inspectors", "watchdog"), the channel (report, statement), and a key
by which two phrases naming one body make one speaker. `body_speaks_for` then says
whether the body is the inspecting body, the organisation inspected, or another.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .words import CHANNEL_NOUNS, INSPECTION_VOICE_NOUNS, ORGANISATION_NAME_NOUNS

MAX_WORDS = 7
DETERMINER = re.compile(r"^(?:the|a|an|its|their|this|these|those|our|his|her)\s+",
                        re.IGNORECASE)
CHANNEL = re.compile(
    r"\s*\b(?:in|through|via|on)\s+(?:(?:a|an|the|its|their|his|her|our)\s+)?"
    r"(?:[\w’'-]+\s+){0,2}?(?P<channel>" + "|".join(sorted(CHANNEL_NOUNS)) + r")\b.*$",
    re.IGNORECASE)
"""", in a statement", " in its inspection report following their visit"."""
POSSESSIVE = re.compile(r"^(?P<owner>.+?)(?:['’]s|(?<=s)['’])\s+(?P<rest>.+)$")
CONNECTOR_WORDS = {"of", "for", "and", "&", "the", "on", "in"}
GENERIC_BODIES = ORGANISATION_NAME_NOUNS | {"government", "department"}
NOT_BODIES = frozenset("""
he she it they we i you this that these those there here but and however meanwhile also now
then today yesterday speaking responding commenting
""".split())
"""Capitalised words at a sentence's start that name no body."""


@dataclass(frozen=True)
class BodyPhrase:
    """A body named as speaking."""

    name: str
    """As the text names it: "Ofsted", "the report", "the government watchdog"."""
    owner: str | None = None
    """The organisation named in the phrase: "IMB" of "the IMB's report"."""
    voice: str | None = None
    """The inspection's noun, when the phrase uses one: "report", "inspectors"."""
    channel: str | None = None
    """What it speaks through: "report", "statement"."""

    @property
    def key(self) -> str:
        """Phrases naming one body share it: "The report" and "the report"; "the IMB" and
        "the IMB's report"."""
        return (self.owner or self.voice or DETERMINER.sub("", self.name)).casefold()


def body_in(phrase: str, after_verb: str = "") -> BodyPhrase | None:
    """The body `phrase` names, or None when it names none (a person, a clause)."""
    channel = None
    for said in (phrase, after_verb):
        found = CHANNEL.search(said)
        if found:
            channel = channel or found.group("channel").lower()
            if said is phrase:
                phrase = phrase[:found.start()]
    phrase = phrase.strip(" ,.;:")
    bare = DETERMINER.sub("", phrase)
    words = bare.split()
    if not words or len(words) > MAX_WORDS:
        return None
    head = words[-1].lower().rstrip("’'")
    if head in INSPECTION_VOICE_NOUNS or head in CHANNEL_NOUNS:
        owner = _owner(bare)
        voice = head if head in INSPECTION_VOICE_NOUNS else None
        return BodyPhrase(_as_written(phrase), owner, voice,
                          channel or (head if head in CHANNEL_NOUNS else None))
    if _is_organisation_name(words) and bare.casefold() not in NOT_BODIES:
        return BodyPhrase(bare, bare, None, channel)
    if len(words) <= 3 and head in GENERIC_BODIES and bare != phrase \
            and all(word.islower() for word in words):  # "the trust", "the health board"
        return BodyPhrase(phrase, None, None, channel)
    return None


def _owner(bare: str) -> str | None:
    """The named organisation in "the IMB's report", "RQIA report", "Ofsted inspection report"."""
    possessive = POSSESSIVE.match(bare)
    words = (possessive.group("owner") if possessive else bare).split()
    if not possessive:
        words = words[:-1]
    while words and not _is_capitalised(words[-1]):
        words = words[:-1]
    if not words or not all(_is_capitalised(w) or w.lower() in CONNECTOR_WORDS for w in words):
        return None
    return " ".join(words)


def _is_organisation_name(words: list[str]) -> bool:
    """Capitalised words that a person's name would not be: an abbreviation ("HMICFRS",
    "OFSTED", "HMIe"), a name holding an organisation's noun ("Explorers Day Nursery"),
    or a name of one word ("Ofsted", "Estyn")."""
    if not _is_capitalised(words[0]):
        return False
    if not all(_is_capitalised(w) or w.lower() in CONNECTOR_WORDS for w in words):
        return False
    if len(words) == 1 or any(_is_abbreviation(w) for w in words):
        return True
    return any(w.lower().rstrip("’'s") in ORGANISATION_NAME_NOUNS
               or w.lower() in ORGANISATION_NAME_NOUNS for w in words)


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def _is_abbreviation(word: str) -> bool:
    return sum(char.isupper() for char in word) >= 2


def _as_written(phrase: str) -> str:
    """The phrase as it stands, but "The report" at a sentence's start reads "the report"."""
    return phrase[0].lower() + phrase[1:] if DETERMINER.match(phrase) else phrase


def body_speaks_for(body: BodyPhrase, subject: str | None, subject_short: str | None,
                    inspector: str | None, inspector_short: str | None) -> str:
    """`inspector`, `subject` or `other` for a body. `subject` and `inspector` are None
    where the draft could not name them. The inspection's own nouns ("the report",
    "inspectors") are the inspector's unless the phrase names another body."""
    named = body.owner or body.name
    if _names(named, inspector, inspector_short):
        return "inspector"
    if _names(named, subject, subject_short) or _is_kind_of(body.name, subject):
        return "subject"
    if body.voice and (body.owner is None or inspector is None):
        return "inspector"
    return "other"


def _names(said: str, name: str | None, short: str | None) -> bool:
    """Whether `said` and the organisation's name or short name hold one another."""
    said = DETERMINER.sub("", said.replace("’", "'")).casefold()
    for candidate in (name, short):
        if not candidate:
            continue
        candidate = DETERMINER.sub("", candidate.replace("’", "'")).casefold()
        if re.search(rf"\b{re.escape(candidate)}\b", said) or re.search(
                rf"\b{re.escape(said)}\b", candidate):
            return True
    return False


def _is_kind_of(name: str, subject: str | None) -> bool:
    """True for "the trust" when the subject is a trust, "the force" when it is a police force."""
    if not subject or not subject.split() or not DETERMINER.match(name):
        return False
    kind = subject.split()[-1].lower()
    generic = DETERMINER.sub("", name).lower()
    return generic == kind or (generic == "force" and kind in ("police", "constabulary"))
