"""Whose words each sentence of the source is: the inspection's, or someone else's.

In: the `SourceText`, the paragraphs left out, the people drafted (with whom each
speaks for), their reactions, and the inspector's names. Out: for each paragraph,
`Voiced` units, each a sentence of narration or a quoted passage, saying whether the
inspection speaks it, and where in it someone else is named.

- A quoted passage is its speaker's: the one named before or after it (`quoted`),
  or, for a passage opening its paragraph, whoever spoke last in the paragraph
  before. A drafted reaction's side wins over the reading of a speaker phrase.
- A speaker phrase is the inspection's when it holds the inspection's nouns
  ("the report", "inspectors", "the watchdog"), the inspector's name, an
  inspector's role, or a person who speaks for the inspector; "he"/"she" mean the
  last person named, "it"/"they" the last body.
- A sentence of narration is the inspection's unless someone else is its subject
  saying, urging or judging something ("The force said ...", "A charity is calling
  for ...", "Mr Neale said he was pleased ..."); a passive ("has been criticised")
  names no speaker. A sentence inside quotation marks no one is named as saying
  carries on the sentence before it ("X called it ‘a dangerous place. This is ...’").
- Where someone other than the inspection speaks, what they report of it still
  counts (`embedded`): "inspectors’ concerns over teaching", "the report
  acknowledges continued improvements".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..inputs.source import SourceText
from ..language.sentences import Span, sentence_spans
from .embedded import embedded_spans
from .items import DraftPerson, DraftReaction
from .listener import Listener
from .quoted import Quoted, quoted_passages, words_in

OPENS_IN_QUOTE = re.compile(r"^[\"“‘']")
SPEECH_MIN_WORDS = 4
"""A shorter quotation ("rated ‘good’") is part of the sentence around it."""


@dataclass(frozen=True)
class Voiced:
    span: Span
    inspection: bool
    """True when the inspection (its report, its people) says it."""
    quoted: bool = False
    others: tuple[Span, ...] = ()
    """Where in it a person who does not speak for the inspector is named or meant."""


class VoiceReader:
    """Reads a source's paragraphs in order into `Voiced` units."""

    def __init__(self, people: Sequence[DraftPerson], reactions: Sequence[DraftReaction],
                 inspector_names: Sequence[str]):
        self.reactions = reactions
        self.listener = Listener(people, inspector_names)

    def read(self, source: SourceText, left_out: set[int]) -> dict[int, list[Voiced]]:
        voiced: dict[int, list[Voiced]] = {}
        for paragraph in source.paragraphs:
            if paragraph.number in left_out:
                continue
            units = self._paragraph(paragraph.text, paragraph.number)
            voiced[paragraph.number] = units + [
                Voiced(span, True) for unit in units if not unit.inspection
                for span in embedded_spans(paragraph.text, unit.span,
                                           self.listener.inspectorate,
                                           possessives=not unit.quoted)]
        return voiced

    def _paragraph(self, text: str, number: int) -> list[Voiced]:
        speech = self._speech(text, number)
        units: list[Voiced] = []
        position = 0
        for quoted, voice in [*speech, (None, False)]:
            end = quoted.open if quoted else len(text)
            units += self._narration(text, position, end, units)
            if quoted is not None:
                units.append(Voiced(quoted.inner, voice, quoted=True))
                position = quoted.close + 1
        if not speech:
            ends_in_colon = text.rstrip().endswith(":")
            self.listener.speech = self.listener.body if ends_in_colon else None
        return units

    def _speech(self, text: str, number: int) -> list[tuple[Quoted, bool]]:
        """The quoted passages someone is said to speak, each with whether it is the
        inspection: introduced or followed by its speaker, or carrying on a quotation. A
        shorter quotation, or one within a sentence ("to “keep children safe”"), is not."""
        spoken: list[tuple[Quoted, bool]] = []
        previous_end = None
        for quoted in quoted_passages(text):
            opens = not text[:quoted.open].strip()
            follows = previous_end is not None \
                and not text[previous_end:quoted.open].strip(" ,.;–—-")
            if not (quoted.who is not None or opens or follows) \
                    or words_in(text, quoted) < SPEECH_MIN_WORDS:
                continue
            voice = self._reaction_voice(text, number, quoted)
            if voice is None and quoted.who is not None:
                voice = self.listener.phrase_voice(quoted.who)
            if voice is None and opens:
                voice = self.listener.speech
            if voice is None and follows:
                voice = spoken[-1][1]
            spoken.append((quoted, bool(voice)))
            previous_end = quoted.close + 1
            self.listener.speech = bool(voice)
        return spoken

    def _reaction_voice(self, text: str, number: int, quoted: Quoted) -> bool | None:
        """The side of the drafted reaction quoting this passage, if one does."""
        start, end = quoted.inner
        for reaction in self.reactions:
            for quote in reaction.quotes:
                if quote.paragraph == number and any(
                        part and start <= text.find(part, start) < end
                        for part in quote.text.split(" ... ")):
                    return reaction.speaks_for == "inspector"
        return None

    def _narration(self, text: str, start: int, end: int, before: list[Voiced]) -> list[Voiced]:
        units: list[Voiced] = []
        quotations = quoted_passages(text)
        for first, last in sentence_spans(text[start:end]):
            span = (start + first, start + last)
            sentence = text[span[0]:span[1]]
            inside = OPENS_IN_QUOTE.match(sentence) or any(
                q.open < span[0] < q.close for q in quotations)
            previous = (before + units)[-1:]
            if inside and previous:
                voice = previous[0].inspection
            else:
                voice = self.listener.narration_voice(sentence)
            units.append(Voiced(span, voice, others=self.listener.others(text, span)))
        return units
