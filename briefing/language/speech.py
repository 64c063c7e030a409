"""Who said what: quoted words in the source and the person or body each belongs to.

In: the `SourceText`, the numbers of boilerplate paragraphs. Out: `Speech`: the `Cast`
of speakers, a `SpokenQuote` per paragraph and speaker, its text the words between the
quotation marks exactly as they stand (a quote mark left open runs to the end of its
paragraph, or to the next opening mark; several stretches of one speaker in a paragraph
are joined with "...", the source's cut mark), and the quoted passages of six words or
more whose speaker the text does not make clear.

Quoted words (in double or single marks, see `quotemarks`) count as speech when the
text says who speaks (see `attribution`): before them ("X said: “...”", "She said:
“...”", "The report states: “...”"), after them ("“...,” said X", "“...,” X said",
"“...,” states Ofsted in its report"), or by continuing: a paragraph that opens with a
quotation mark carries on the last speaker's words, as does a quotation that follows
another directly. A quotation of six words or more inside a reporter's sentence is the
sentence's subject's ("inspectors found “...”"), or failing one the last speaker's.
Shorter quoted phrases in narration ("“problematic” transfers", ratings like ‘good’)
are not speech. A speaker may be a person or a body ("the report", "Ofsted").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..inputs.source import Paragraph, SourceText
from . import attribution
from .boilerplate import body_start
from .names import cleaned, mentions_in
from .quotemarks import QuoteSpan, quote_spans
from .speakers import PRONOUNS, Cast, Speaker, note_mention, note_voices, settle

MIN_CONTINUATION_WORDS = 3
MIN_QUOTATION_WORDS = 6
"""A quotation inside a reporter's sentence this long is speech, shorter a scare quote."""
JOINS = re.compile(r"^[\s,.:;–—-]*(?:(?:and\s+)?(?:adding|continuing|going on)\b[\s,:]*)?$",
                   re.IGNORECASE)
"""What may stand between two stretches of one speaker's words: ", ", ", adding: "."""
TITLE_SHARE = 0.7
"""Quoted words this capitalised are a title, not speech: "Getting It Right For Every Child"."""


@dataclass(frozen=True)
class SpokenQuote:
    paragraph: Paragraph
    speaker: Speaker
    text: str
    spans: tuple[tuple[int, int], ...] = ()
    """(start, end) in the paragraph's text of each stretch of quoted words."""


@dataclass(frozen=True)
class Passage:
    """Quoted words of six or more whose speaker the text does not make clear."""

    paragraph: Paragraph
    text: str
    span: tuple[int, int]


@dataclass
class Speech:
    cast: Cast = field(default_factory=Cast)
    quotes: list[SpokenQuote] = field(default_factory=list)
    unattributed: list[Passage] = field(default_factory=list)


def find_speech(source: SourceText, boilerplate: set[int]) -> tuple[Cast, list[SpokenQuote]]:
    """Every quoted passage whose speaker the text makes clear, in reading order, and the cast."""
    speech = read_speech(source, boilerplate)
    return speech.cast, speech.quotes


def read_speech(source: SourceText, boilerplate: set[int]) -> Speech:
    """What `find_speech` finds, and the quoted passages left without a speaker."""
    speech = Speech()
    for paragraph in source.paragraphs:
        if paragraph.number not in boilerplate:
            _Reader(paragraph, speech).read()
    links = settle(speech.cast)
    speech.quotes = _regrouped(speech.quotes, links)
    return speech


class _Reader:
    """Reads the quotations of one paragraph, in order."""

    def __init__(self, paragraph: Paragraph, speech: Speech):
        self.paragraph, self.speech, self.cast = paragraph, speech, speech.cast
        self.text = paragraph.text
        self.start = body_start(self.text)
        self.sentences = attribution.sentence_starts(self.text)

    def _sentence_start(self, position: int) -> int:
        return self.sentences[bisect.bisect_right(self.sentences, position) - 1]

    def read(self) -> None:
        spans = quote_spans(self.text, self.start)
        found: dict[int, list[tuple[int, int]]] = {}
        speakers: dict[int, Speaker] = {}
        position, previous = self.start, None
        for index, span in enumerate(spans):
            following = spans[index + 1].open if index + 1 < len(spans) else len(self.text)
            gap = self.text[position:span.open]
            speaker, consumed = self._speaker(span, gap, following, previous)
            position = max(position, span.close + 1 + consumed) if span.closed else span.close
            stretch = _stretch(self.text, span)
            if speaker is None:
                self._unattributed(stretch)
            elif re.search(r"\w", self.text[stretch[0]:stretch[1]]):
                speaker.quoted = True
                self.cast.speaking = speaker
                found.setdefault(id(speaker), []).append(stretch)
                speakers[id(speaker)] = speaker
            previous = speaker
        self._narration(self.text[position:])
        for key, stretches in found.items():
            text = " ... ".join(self.text[a:b] for a, b in stretches)
            self.speech.quotes.append(
                SpokenQuote(self.paragraph, speakers[key], text, tuple(stretches)))

    def _speaker(self, span: QuoteSpan, gap: str, following: int,
                 previous: Speaker | None) -> tuple[Speaker | None, int]:
        """Whose the quotation is, and how many characters after it its attribution takes."""
        number, quoted = self.paragraph.number, span.words(self.text)
        introduced = attribution.before(gap)
        self._narration(gap, skip_last=introduced is not None)
        speaker = self.cast.attribute(introduced[0], number, introduced[1]) if introduced else None
        handed = attribution.after(self.text[span.close + 1:following], quoted) \
            if span.closed and self._may_be_handed(span, quoted) else None
        consumed = 0
        if handed is not None and (named := self.cast.attribute(handed[0], number, handed[1])):
            speaker, consumed = speaker or named, handed[2]
        if speaker is None and introduced and _is_personal_pronoun(introduced[0]):
            speaker = self.cast.someone(number)  # "She said:" with nobody named yet
        words = len(quoted.split())
        if speaker is None and words >= MIN_CONTINUATION_WORDS and (
                span.open == self.start or (previous is not None and JOINS.match(gap))):
            speaker = previous or self.cast.speaking
        if speaker is None and words >= MIN_QUOTATION_WORDS and not _is_title(quoted):
            sentence = self.text[self._sentence_start(span.open):span.open]
            phrase = attribution.around(sentence)
            speaker = (self.cast.attribute(phrase, number) if phrase else None) \
                or self.cast.speaking
        return speaker, consumed

    def _may_be_handed(self, span: QuoteSpan, quoted: str) -> bool:
        """Whether words after the quotation may name its speaker: it opens its sentence
        ("“We will act,” she said"), or is long enough to be speech; a short phrase inside
        the sentence is not what the attribution is about ("rated ‘good’, inspectors say")."""
        start = self._sentence_start(span.open)
        return (not self.text[start:span.open].strip(" ‘“\"'(—–-")
                or len(quoted.split()) >= MIN_QUOTATION_WORDS)

    def _narration(self, text: str, skip_last: bool = False) -> None:
        """Note, in reading order, whom narration names ("Charlie Taylor, HM Chief
        Inspector of Prisons, has written ...") and who it says spoke ("X said that ..."), so
        that "he said" and a quotation opening the next paragraph know whom they mean. With
        `skip_last`, the last speech verb introduces the quotation that follows."""
        number = self.paragraph.number
        mentions = mentions_in(text)
        spoke = attribution.reported(text)[:-1 if skip_last else None]
        sentences = attribution.sentence_starts(text) if mentions else [0]
        named_in: set[int] = set()
        for start, is_speech, index in sorted([(m.start, False, i) for i, m in enumerate(mentions)]
                                              + [(s[0], True, i) for i, s in enumerate(spoke)]):
            if is_speech:
                self.cast.attribute(spoke[index][1], number, spoke[index][2], narration=True)
                continue
            sentence = max(s for s in sentences if s <= start)
            note_mention(self.cast, mentions[index], number, subject=sentence not in named_in)
            named_in.add(sentence)
        note_voices(self.cast, text)

    def _unattributed(self, stretch: tuple[int, int]) -> None:
        words = self.text[stretch[0]:stretch[1]]
        if len(words.split()) >= MIN_QUOTATION_WORDS and not _is_title(words):
            self.speech.unattributed.append(Passage(self.paragraph, words, stretch))


def _is_title(words: str) -> bool:
    """A quoted title ("Getting It Right For Every Child"), not speech: most words capitalised."""
    capitals = [word[:1].isupper() for word in re.findall(r"[^\W\d_][\w’'-]*", words)]
    return bool(capitals) and sum(capitals) >= TITLE_SHARE * len(capitals)


def _stretch(text: str, span: QuoteSpan) -> tuple[int, int]:
    """The quoted words without surrounding space, nor the comma that hands over to
    "said X"."""
    start, end = span.open + 1, span.close
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and text[end - 1] == ",":
        end -= 1
        while end > start and text[end - 1].isspace():
            end -= 1
    return start, end


def _regrouped(quotes: list[SpokenQuote], links: dict[int, Speaker]) -> list[SpokenQuote]:
    """The quotes with each speaker named by role alone replaced by the person linked."""
    return [SpokenQuote(q.paragraph, links.get(id(q.speaker), q.speaker), q.text, q.spans)
            for q in quotes]


def _is_personal_pronoun(phrase: str) -> bool:
    """"He" or "she", as a whole speaker phrase ("But she added:")."""
    return cleaned(phrase).lower() in PRONOUNS
