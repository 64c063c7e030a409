"""Who is speaking: a speaker phrase, a pronoun, a name, and whom each speaks for.

In: the people drafted (each with whom they speak for) and the inspector's names. Out:
a `Listener` that, read in the order of the text, says whether the words naming a
speaker ("the report", "Janet Williamson, deputy chief inspector", "she", "it") name
the inspection, whether a sentence of narration is someone else's ("The force said",
"A charity is calling for", "Fire service bosses are thrilled"), and where a sentence
names a person who does not speak for the inspector. It remembers who was named last,
for "he"/"she" (the last person) and "it"/"they" (the last body), and the voice of the
last quotation, which a paragraph opening with a quotation carries on.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..language.sentences import Span
from ..language.words import (
    ATTRIBUTION_VERBS,
    EMBEDDING_VERBS,
    ORGANISATION_NAME_NOUNS,
    ROLE_WORDS,
    STANCE_VERBS,
)
from .cues import INSPECTION_VOICE
from .items import DraftPerson

_VERBS = sorted(set(ATTRIBUTION_VERBS) | set(EMBEDDING_VERBS) | set(STANCE_VERBS),
                key=len, reverse=True)
ACTIVE_VERB = re.compile(r"\b(?:" + "|".join(re.escape(v) for v in _VERBS) + r")\b",
                         re.IGNORECASE)
PASSIVE = re.compile(r"\b(?:be|been|being|is|are|was|were|am|get|got)\s+(?:\w+ly\s+)?$",
                     re.IGNORECASE)
INSPECTOR_ROLE = re.compile(r"\binspector\b|\binspectorate\b", re.IGNORECASE)
PERSON_PRONOUN = re.compile(r"\b(?:he|she)\b", re.IGNORECASE)
LEADING = r"^\W*(?:(?:as|and|but|so|while|then|later|also|now)\s+)*"
PERSON_PRONOUN_ALONE = re.compile(LEADING + r"(?:he|she)\W*$", re.IGNORECASE)
BODY_PRONOUN = re.compile(LEADING + r"(?:it|they)(?:\s+(?:also|later|then))?\W*$", re.IGNORECASE)
NAMED_INSPECTOR = re.compile(r"\b[Ii]nspector\s+((?:[A-Z][\w’'-]+\s+)+[A-Z][\w’'-]+)")
"""A person the text names with an inspector's title: "Inspector Elaine Douglas"."""
BY_INSPECTION = re.compile(
    r"\s+(?:in|by)\s+(?:the\s+|its\s+|their\s+)?(?:[\w’'-]+\s+)?" + INSPECTION_VOICE.pattern,
    re.IGNORECASE)
"""A verb whose doer follows it: "One strength highlighted in the report ..."."""
INSPECTION_SUBJECT = re.compile(r"^\W*(?:the\s+)?(?:[\w’'-]+\s+)?" + INSPECTION_VOICE.pattern,
                                re.IGNORECASE)
FEELING = re.compile(r"\b(?:is|are|was|were|been|feel|feels|felt)\s+(?:\w+ly\s+)?(?:thrilled"
                     r"|delighted|pleased|disappointed|proud|surprised|saddened|dismayed|relieved"
                     r"|shocked|frustrated|heartened|angry|upset)\b", re.IGNORECASE)
"""A reaction told as a feeling: "Fire service bosses are thrilled ...". It is the
reaction of whoever the words before it name as a speaker (a body, a role); the
inspectors' own ("Inspectors were pleased to find") and that of the people an inspection
asks ("Parents were pleased with ...") are the inspection's findings."""
CLAUSE_CUT = re.compile(r",?\s+(?:and|but|that|while|as|so)\s+(?=[a-z])|;\s+|,\s+(?=[a-z])")
"""Where the clause holding a verb's subject starts: after a conjunction, or a comma
before a word in lower case ("..., and children said", "..., it added")."""
SPEAKER_NOUNS = ORGANISATION_NAME_NOUNS | ROLE_WORDS | {
    "government", "minister", "ministers", "campaigners", "critics", "unions", "mps", "mp"}
"""Nouns that make the words before a verb someone speaking: "The force said", "a
spokesman said", "A mental health charity is calling for"."""




class Listener:
    """Reads speaker phrases and sentences in the text's order, remembering who spoke."""

    def __init__(self, people: Sequence[DraftPerson], inspector_names: Sequence[str]):
        self.sides: dict[str, bool] = {}
        for person in people:
            if _is_named_person(person.name):
                for name in (person.name, person.name.split()[-1]):
                    self.sides[name] = person.speaks_for == "inspector"
        self.named = any_of(list(self.sides))
        self.inspectorate = any_of([n for n in inspector_names if n])
        self.person: bool | None = None
        """Whether the last person named speaks for the inspector."""
        self.body: bool | None = None
        """Whether the last body named is the inspection."""
        self.speech: bool | None = None
        """The voice of the last quoted passage, while a quotation may carry on."""

    def phrase_voice(self, phrase: str) -> bool | None:
        """Whether the words naming a speaker name the inspection; None if they name no one."""
        if self.inspectorate.search(phrase) or INSPECTION_VOICE.search(phrase) \
                or INSPECTOR_ROLE.search(phrase):
            self._heard(phrase, True)
            return True
        person = self.named.search(phrase)
        if person:
            self.person = self.sides[person.group(0)]
            return self.person
        if PERSON_PRONOUN_ALONE.match(phrase):
            return bool(self.person)
        if BODY_PRONOUN.match(phrase):
            return bool(self.body)
        if _names_someone(phrase):
            self._heard(phrase, False)
            return False
        return None

    def narration_voice(self, sentence: str) -> bool:
        """False when someone other than the inspection is the one saying or judging."""
        for verb in ACTIVE_VERB.finditer(sentence):
            before = sentence[:verb.start()]
            if PASSIVE.search(before) and not verb.group(0).lower().endswith("ing"):
                continue
            if BY_INSPECTION.match(sentence, verb.end()):
                return True
            voice = self._clause_voice(before) if before.strip() else None
            if voice is not None:
                return voice
        feeling = FEELING.search(sentence)
        if feeling and self._clause_voice(sentence[:feeling.start()]) is False:
            return False
        if INSPECTION_SUBJECT.match(sentence) or self.inspectorate.match(sentence):
            self.body = True
        return True

    def _clause_voice(self, before: str) -> bool | None:
        """The voice of the subject of a verb, from the words before it; a pronoun there
        ("..., and they said") means the inspection when the sentence named it before."""
        subject = _subject_of(before)
        if (PERSON_PRONOUN_ALONE.match(subject) or BODY_PRONOUN.match(subject)) \
                and subject != before and self.phrase_voice(before[:-len(subject)]):
            return True
        return self.phrase_voice(subject)

    def others(self, text: str, span: Span) -> tuple[Span, ...]:
        """Where the sentence names or means a person who does not speak for the inspector."""
        found = []
        sentence = text[span[0]:span[1]]
        for match in re.finditer(self.named.pattern + "|" + NAMED_INSPECTOR.pattern
                                 + "|" + PERSON_PRONOUN.pattern, sentence):
            word = match.group(0)
            if NAMED_INSPECTOR.fullmatch(word):
                self.person = True
                continue
            if PERSON_PRONOUN.fullmatch(word):
                speaks_for_inspector = bool(self.person)
            else:
                speaks_for_inspector = self.sides.get(word, False)
                self.person = speaks_for_inspector
            if not speaks_for_inspector:
                found.append((span[0] + match.start(), span[0] + match.end()))
        return tuple(found)

    def _heard(self, phrase: str, voice: bool) -> None:
        if self.named.search(phrase) or NAMED_INSPECTOR.search(phrase):
            self.person = voice
        else:
            self.body = voice


def _subject_of(before: str) -> str:
    """The words naming who does what the verb says: the last clause before it ("However,
    the service had ..., and children said" -> "children"), with a name and its role
    between commas kept ("Zoë Billingham, from HMICFRS, said")."""
    clauses = [c for c in CLAUSE_CUT.split(before) if c and c.strip(" ,")]
    if not clauses:
        return before
    last = clauses[-1]
    if before.rstrip().endswith(",") and len(clauses) > 1:
        return ", ".join(clauses[-2:])
    return last


def _is_named_person(name: str) -> bool:
    """Whether a drafted speaker is a person named (not a body, not "a spokesman")."""
    words = name.split()
    return len(words) >= 2 and all(word[:1].isupper() for word in words) \
        and not any(word.lower() in SPEAKER_NOUNS for word in words)


def _names_someone(phrase: str) -> bool:
    """Whether a phrase names a speaker: a name (a capitalised word after its first), or a
    noun for a body or a role."""
    words = re.findall(r"[\w’'-]+", phrase)
    return any(word[:1].isupper() for word in words[1:]) \
        or any(word.lower().rstrip("’'s") in SPEAKER_NOUNS or word.lower() in SPEAKER_NOUNS
               for word in words)


def any_of(names: list[str]) -> re.Pattern:
    """A pattern matching any of `names` as whole words (never, when there are none)."""
    words = sorted((re.escape(name) for name in names if name), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(words) + r")\b" if words else r"(?!)")
