"""Who speaks in the source: people and bodies, as the text names them.

In: speaker phrases, the words naming whoever says something ("HM inspector of
constabulary Mike Cunningham", "Peter McCall, Cumbria's police and crime
commissioner", "Zoë Billingham, from HMICFRS", "She", "Mrs Godfrey", "the report",
"Ofsted"), in reading order. Out: the `Speaker` each names, the `Cast` of everyone
met, and whom each person speaks for once the subject and the inspector are known.

Names, roles and organisations are read as `names` says; bodies as `bodies` says. One
person is one speaker however the text names them: "Prof Ted Baker" and "Prof Baker",
"Mr Neale" and "Peter Neale". "He/she" is the last person (with nobody named, someone to
fill in), "it" and "they" the last body (or speaker). A role alone ("the chief inspector")
is the person known in that role, or a speaker described by it until the text names them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import names
from .bodies import BodyPhrase, body_in
from .marks import PLACEHOLDER
from .names import bare_name
from .sides import speaks_for

__all__ = ["Cast", "Speaker", "bare_name", "note_mention", "note_voices", "settle", "speaks_for"]

PRONOUNS = {"he", "she"}
BODY_PRONOUNS = {"it", "they"}
VOICE_MENTION = re.compile(
    r"\b(?:the|its|their)\s+(?:[a-z’'-]+\s+)?(?P<noun>inspectors|inspection team|inspectorate"
    r"|report|watchdog|regulator)\b", re.IGNORECASE)
"""The inspection named in narration ("The inspectors spent a week ..."): "they" may mean it."""
@dataclass
class Speaker:
    """One person, or one body, the source names as speaking."""

    name: str
    role: str | None = None
    organisation: str | None = None
    first_paragraph: int = 0
    quoted: bool = False
    body: BodyPhrase | None = None
    """Set when the speaker is a body: a report, an inspectorate, an organisation."""
    described: bool = False
    """Named only by a role ("the chief inspector"), until the text names the person."""
    surname_only: bool = False
    """Named so far by title and surname alone ("Mr Clarke"), until the full name comes."""

    @property
    def surname(self) -> str:
        return self.name.split()[-1]

    @property
    def is_person(self) -> bool:
        return self.body is None


@dataclass
class Cast:
    """Everyone named as speaking so far, people and bodies, and who spoke last."""

    people: list[Speaker] = field(default_factory=list)
    named: list[Speaker] = field(default_factory=list)
    """People narration names with a role ("Inspector Elaine Douglas described ..."), not
    (yet) as speaking; one who speaks later moves to `people`."""
    bodies: list[Speaker] = field(default_factory=list)
    """Bodies named as speaking: drafted only when quoted."""
    last: Speaker | None = None
    """The person named last, for "she said"."""
    last_body: Speaker | None = None
    """The body named last, for "it said" and "they added"."""
    speaking: Speaker | None = None
    """Whoever, person or body, was last named as speaking or quoted: a paragraph that
    opens with a quotation carries on their words."""
    voiced: dict[str, str] = field(default_factory=dict)
    """The inspection's nouns narration last used, plural and singular ("the inspectors",
    "the report"): whom "they" and "it" mean when no body has spoken yet."""
    full_names: list[str] = field(default_factory=list)
    pending: str | None = None
    """A full name without a role, the subject of the latest sentence naming anyone: whom
    "he" or "she" means, until someone else is named."""
    """Full names met in narration without a role: a title and surname or a first name
    alone may stand for one of them later ("Peter Clarke visited ...", "Mr Clarke said")."""

    def resolve(self, phrase: str, paragraph: int) -> Speaker | None:
        """The person `phrase` names (added if new), or None if it names no person."""
        return self._heard(self._person(phrase, paragraph))

    def attribute(self, phrase: str, paragraph: int, after_verb: str = "",
                  narration: bool = False) -> Speaker | None:
        """The person or body `phrase` names as speaking (added if new), or None. `after_verb`
        is what follows the verb ("in a statement"), which may say how a body speaks. In
        `narration` (speech reported, not quoted) a role alone names only someone known."""
        if names.cleaned(phrase).lower() in PRONOUNS:
            return self._heard(self._last_person())  # "she" is a person, never a body
        return self._heard(self._pronoun(phrase) or self._person(phrase, paragraph)
                           or self._body(phrase, paragraph, after_verb)
                           or self._described(phrase, paragraph, create=not narration))

    def someone(self, paragraph: int) -> Speaker:
        """Whom "She said:" means when the text names nobody ("A former worker"): to fill in."""
        self.people.append(speaker := Speaker(PLACEHOLDER, first_paragraph=paragraph))
        self._heard(speaker)
        return speaker

    def _heard(self, speaker: Speaker | None) -> Speaker | None:
        if speaker is not None:
            self.speaking, self.pending = speaker, None
            if any(speaker is person for person in self.named):
                self.named.remove(speaker)
                self.people.append(speaker)
            if speaker.is_person:
                self.last = speaker
            else:
                self.last_body = speaker
        return speaker

    def _pronoun(self, phrase: str) -> Speaker | None:
        words = names.cleaned(phrase).split()
        word = words[0].lower() if len(words) == 1 else ""
        if word in BODY_PRONOUNS:
            voiced = body_in(self.voiced[word]) if word in self.voiced else None
            return self.last_body or (self._body_speaker(voiced, 0) if voiced else None) \
                or (self.speaking if word == "they" else None)
        return self._last_person() if word in PRONOUNS else None

    def _last_person(self) -> Speaker | None:
        """Whom "he" or "she" means: the last person named, made one of the cast if they
        were only a name so far."""
        if self.pending is not None:
            self.last = _known(self.people + self.named, self.pending) or Speaker(self.pending)
            if not any(self.last is p for p in self.people + self.named):
                self.people.append(self.last)
            self.pending = None
        return self.last

    def _person(self, phrase: str, paragraph: int) -> Speaker | None:
        words = names.cleaned(phrase).split()
        if len(words) == 1 and words[0].lower() in PRONOUNS:
            return self._last_person()
        parts = [part for part in (names.cleaned(p) for p in phrase.split(",")) if part]
        if not parts:
            return None
        name, before, title = names.name_in(parts[0])
        rest, met = parts[1:], self.people + self.named
        if rest and (name is None or (" " not in name and _known(met, name) is None)):
            later, before_later, later_title = names.name_in(rest[0])
            if later is not None:
                name, before, title = later, parts[0], later_title
                rest = ([before_later] if before_later else []) + rest[1:]
        if name is None:
            name, after = names.leading_name(parts[0])
            rest, before = ([after] if after else []) + rest, ""
        if name is None:
            return _spokesperson(self.people, phrase, paragraph)
        return _known(met, name) or self._named(name, title, before, rest, paragraph)

    def _named(self, name: str, title: str | None, before: str, rest: list[str],
               paragraph: int) -> Speaker | None:
        """A person met for the first time; a single name needs a title ("Mr Clarke")."""
        surname_only = len(bare_name(name).split()) < 2
        if surname_only:
            full = [n for n in self.full_names if name.split()[-1] in (n.split()[0], n.split()[-1])]
            if len(full) == 1:
                name, title, surname_only = full[0], None, False
            elif not title and name == bare_name(name):
                return None
        role, organisation = names.appositions(rest, names.role_before(before))
        speaker = Speaker(f"{title} {name}" if surname_only and title else name, role,
                          organisation, paragraph, surname_only=surname_only)
        self.people.append(speaker)
        return speaker

    def _body(self, phrase: str, paragraph: int, after_verb: str) -> Speaker | None:
        """A body named as speaking: the phrase next to the verb, else its first part."""
        parts = [part for part in (names.cleaned(p) for p in phrase.split(",")) if part]
        for part in dict.fromkeys(parts[-1:] + parts[:1]):
            body = body_in(part, after_verb)
            if body is not None:
                return self._body_speaker(body, paragraph)
        return None

    def _body_speaker(self, body: BodyPhrase, paragraph: int) -> Speaker:
        for known in self.bodies:
            if known.body is not None and known.body.key == body.key:
                if known.body.channel is None and body.channel:
                    known.body, known.role = body, body.channel
                return known
        speaker = Speaker(body.name, body.channel, first_paragraph=paragraph, body=body)
        self.bodies.append(speaker)
        return speaker

    def _described(self, phrase: str, paragraph: int, create: bool) -> Speaker | None:
        """A person named by a role alone: "the chief inspector", "said the minister"."""
        found = names.role_alone(phrase)
        if found is None:
            return None
        for person in self.people + self.named:
            if person.name == found[0] or (not person.described
                                           and _holds_role(person, found[0])):
                return person
        if not create:
            return None
        speaker = Speaker(found[0], found[0], first_paragraph=paragraph, described=True)
        self.people.append(speaker)
        return speaker


def note_mention(cast: Cast, mention: names.Mention, paragraph: int, subject: bool) -> None:
    """Note a person narration names: with a role ("the manager Kim Pearson", "Helen Collier,
    the federation's secretary,") as one of `cast.named`; without one, as a full name a
    title and surname may later stand for. The `subject` of a sentence is whom "he" or
    "she" means next."""
    role, organisation = names.appositions(mention.after, names.role_before(mention.before))
    known = _known(cast.people + cast.named, mention.name)
    if known is None and (role or organisation):
        known = Speaker(mention.name, role, organisation, paragraph)
        cast.named.append(known)
    elif known is not None:
        known.role = known.role or role
        known.organisation = known.organisation or organisation
    elif mention.name not in cast.full_names:
        cast.full_names.append(mention.name)
    if subject:
        cast.last, cast.pending = known, None if known else mention.name


def note_voices(cast: Cast, text: str) -> None:
    """Note the inspection's nouns in narration ("The inspectors spent a week ..."), for
    "they" and "it"."""
    for voice in VOICE_MENTION.finditer(text):
        plural = voice.group("noun").lower().endswith(("s", "team"))
        cast.voiced["they" if plural else "it"] = voice.group(0)


def settle(cast: Cast) -> dict[int, Speaker]:
    """Give each person described by a role to the person the text names in it: one whose
    role holds the same role words, or, for a headline's speaker ("asks surprised head"),
    the next person named as speaking if their role is not stated. Returns the links made,
    by the `id` of the one described; the rest stay in the cast as described."""
    links: dict[int, Speaker] = {}
    named = [p for p in cast.people if not p.described]
    for person in [p for p in cast.people if p.described]:
        target = next((p for p in named if _holds_role(p, person.name)), None)
        later = [p for p in named if p.first_paragraph > person.first_paragraph]
        if target is None and person.first_paragraph == 1 and later and later[0].role is None:
            target = later[0]
        if target is not None:
            links[id(person)] = target
            target.quoted = target.quoted or person.quoted
            cast.people.remove(person)
    return links


def _spokesperson(people: list[Speaker], phrase: str, paragraph: int) -> Speaker | None:
    """An unnamed spokesperson: "A Prison Service spokesperson", "a spokesman for the trust"."""
    found = names.spokesperson_in(phrase)
    if found is None:
        return None
    known = next((p for p in people if p.name == found[0]), None)
    if known is None:
        known = Speaker(found[0], "spokesperson", found[1], first_paragraph=paragraph)
        people.append(known)
    return known


def _known(people: list[Speaker], name: str) -> Speaker | None:
    """The person `name` names if already met: by full name, surname or first name."""
    bare = bare_name(name)
    named = [p for p in people if not p.described]
    for person in named:
        if person.name == name or bare_name(person.name) == bare:
            return person
    words = bare.split()
    if len(words) > 1:
        return _completed(named, name)
    by_surname = [p for p in named if p.surname == words[0]]
    by_first = [p for p in named if not p.surname_only
                and bare_name(p.name).split()[0] == words[0]]
    return by_surname[-1] if by_surname else (by_first[0] if len(by_first) == 1 else None)


def _completed(named: list[Speaker], name: str) -> Speaker | None:
    """Someone met as "Mr Clarke", now given in full: they take the full name."""
    for person in named:
        if person.surname_only and person.surname == name.split()[-1]:
            person.name, person.surname_only = name, False
            return person
    return None


def _holds_role(person: Speaker, described: str) -> bool:
    """Whether a named person's role holds every role word of a described one."""
    found = names.role_alone(described)
    if found is None or not found[1]:
        return False
    role = (person.role or "").lower().split()
    return all(word in role for word in found[1])
