"""Findings and concerns: what the inspection praised and what it found wanting.

In: the `SourceText`, the paragraphs to leave out (boilerplate, the headline), the
people drafted with their reactions, and the inspector. Out: `Candidate` points,
each the source's own words (lightly trimmed) with its paragraph, and the
paragraphs that only summarise it.

The rules, in order:

1. Lists. Items after a lead-in ("were pleased to find:", "concerned to find:",
   a label such as "Ofsted's criticisms") take the lead-in's side; items after a
   lead-in that takes no side ("The key findings were:") are read as sentences
   are. A list someone other than the inspection introduces gives nothing.
2. Sentences the inspection speaks (`voices`): the reporter's narration of what it
   found, and its quoted words ("the report said: “...”", the chief inspector's
   statement), each read into statements by their cues (`statements`, `cues`).
   Someone else's words give only what they report of the inspection ("inspectors’
   concerns over teaching quality"). Left out: earlier inspections, commitments,
   required actions and methods (`excluded`), parts that name a person who does not
   speak for the inspector, and a claim the next sentence rejects. A sentence
   without cues that says what followed from the one before ("This meant ...",
   "This was the result of ...") takes that sentence's side.
3. A paragraph followed by "These include ..." introduces that paragraph, as a
   lead-in does a list: it is cited with the points that follow, not drafted.
4. A sentence that says what a list item says (they share most of the words that
   are rare in the text) is cited with that item instead of repeating it.
5. A sentence the inspection speaks with no cue at all is read by a general English
   lexicon (`language.sentiment`), and drafted only when its side is clear. A short
   line with no sentence's end (a subheading or caption printed in the article) is
   never a point.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..inputs.source import Paragraph, ParagraphKind, SourceText
from ..language.sentences import Span, sentence_spans
from .cues import polarity
from .excluded import EARLIER, not_a_point
from .items import DraftOrganisation, DraftPerson, DraftReaction
from .statements import FIRST_PERSON, Statement, Statements
from .summaries import merge_summaries
from .voices import Voiced, VoiceReader

LEAD_IN_END = re.compile(r"(?::|\bfollowing\W*)$")
REJECTION = re.compile(r"\b(?:view|claim|concern|criticism|suggestion|allegation|perception)s?"
                       r" (?:is|was|are|were) not (?:supported|borne out|justified|substantiated)"
                       r"|\bfound no evidence (?:of|that|to support)\b", re.IGNORECASE)
"""A sentence rejecting the claim before it: that claim is not a concern of the inspection."""
CONSEQUENCE = re.compile(r"(?:This|That|It|These)\s+(?:was|is|were|are|has|had|meant|means"
                         r"|led|leads|resulted|results)\b(?:\s+\w+)?\s+(?:the\s+)?(?:result"
                         r"|because|due|caused|to|in|that|why)\b"
                         r"|(?:This|That)\s+(?:meant|means|led|leads)\b|As a (?:result|consequence)\b")
"""A sentence saying what followed from the one before: "This was the result of ...",
"This meant ...", "As a result, ..."."""
INTRODUCED = re.compile(r"^(?:These|They|This|Those)\s+(?:also\s+)?(?:include[sd]?|included)\b"
                        r"|^Among (?:them|these)\b")
MIN_WORDS = 3
INSPECTED = re.compile(r"\b(?:found|find|finds|identified|inspected|judged|rated|graded|saw"
                       r"|observed|concluded|noted)\b", re.IGNORECASE)
TITLE_MAX_WORDS = 14
TITLE_END = re.compile(r"[.!?…:;][\"”’']?\s*$")


@dataclass
class Candidate:
    kind: str
    """`findings` or `concerns`."""
    paragraph: Paragraph
    span: Span
    basis: str
    also: list[int] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.paragraph.text[self.span[0]:self.span[1]]

    @property
    def is_whole_paragraph(self) -> bool:
        rest = self.paragraph.text[self.span[1]:]
        return self.span[0] == 0 and not re.search(r"\w", re.sub(r"\b(?:and|or)\b", "", rest))


def find_points(source: SourceText, left_out: set[int], people: Sequence[DraftPerson],
                reactions: Sequence[DraftReaction], inspector: DraftOrganisation,
                subject: DraftOrganisation) -> list[Candidate]:
    """Every finding and concern the rules find, in reading order."""
    names = _names(inspector)
    voices = VoiceReader(people, reactions, names).read(source, left_out)
    finder = _Finder(source, left_out, voices, Statements(names, names + _names(subject)))
    listed = finder.list_items()
    narrated = finder.sentences()
    return sorted(listed + merge_summaries(narrated, listed, source),
                  key=lambda c: (c.paragraph.number, c.span[0]))


class _Finder:
    def __init__(self, source: SourceText, left_out: set[int], voices: dict[int, list[Voiced]],
                 statements: Statements):
        self.source = source
        self.left_out = left_out
        self.voices = voices
        self.statements = statements
        self.lead_ins: set[int] = set()
        self.last_side: str | None = None
        """The side of the inspection's last sentence, for one that carries it on."""

    # --- Rule 1: lists ---------------------------------------------------------------------

    def list_items(self) -> list[Candidate]:
        found = []
        for items in _lists(self.source):
            lead_in = self._lead_in(items[0])
            if lead_in and not self._spoken_by_inspection(lead_in[0]):
                continue
            side, label = self._side(lead_in)
            for item in items:
                if item.number in self.left_out or not_a_point(item.text):
                    continue
                if side is None:
                    found += self._points_in(item, "list item; ")
                    continue
                span = self.statements.trim(item.text, (0, len(item.text)))
                if _word_count(item.text[span[0]:span[1]]) >= MIN_WORDS:
                    found.append(Candidate(side, item, span, f"list item after \"{label}\""))
        return found

    def _lead_in(self, first_item: Paragraph) -> list[Paragraph]:
        """The paragraph introducing a list, and a section label just above it."""
        before = self.source.paragraph(first_item.number - 1)
        if before is None or before.kind is ParagraphKind.LIST_ITEM:
            return []
        if before.kind is ParagraphKind.HEADING or LEAD_IN_END.search(before.text):
            self.lead_ins.add(before.number)
            label = self.source.paragraph(before.number - 1)
            if label is not None and label.kind is ParagraphKind.HEADING:
                return [before, label]
            return [before]
        return []

    def _spoken_by_inspection(self, paragraph: Paragraph) -> bool:
        """A lead-in of the inspection's, not someone's words nor a list of actions taken."""
        units = self.voices.get(paragraph.number)
        return not_a_point(paragraph.text) is None and (
            paragraph.kind is ParagraphKind.HEADING or not units
            or any(unit.inspection for unit in units))

    def _side(self, lead_in: list[Paragraph]) -> tuple[str | None, str]:
        """The side of the lead-in's last sentence ("Inspectors were concerned that:"), else
        of the whole lead-in, else of a label above it."""
        for paragraph in lead_in:
            start, end = sentence_spans(paragraph.text)[-1]
            for text in (paragraph.text[start:end], paragraph.text):
                kind = polarity(text).kind
                if kind:
                    return kind, text
        return None, ""

    # --- Rules 2 and 3: sentences ----------------------------------------------------------

    def sentences(self) -> list[Candidate]:
        found: dict[int, list[Candidate]] = {}
        for paragraph in self.source.paragraphs:
            if self._is_prose(paragraph):
                found[paragraph.number] = self._points_in(paragraph)
        for number, points in list(found.items()):
            following = self.source.paragraph(number + 1)
            if points and following is not None and following.number in found \
                    and INTRODUCED.match(following.text):
                found[following.number] = self._introduced(points, following,
                                                           found[following.number])
                found[number] = [p for p in points if p.kind != points[-1].kind]
        return [point for points in found.values() for point in points]

    def _is_prose(self, paragraph: Paragraph) -> bool:
        return (paragraph.kind in (ParagraphKind.TEXT, ParagraphKind.QUOTATION)
                and paragraph.number not in self.left_out
                and paragraph.number not in self.lead_ins
                and not _reads_as_title(paragraph.text))

    def _points_in(self, paragraph: Paragraph, label: str = "") -> list[Candidate]:
        """The points of the sentences the inspection speaks in `paragraph`. Left out: what
        follows "This included" after an earlier inspection, and a claim the next sentence
        rejects ("There have been concerns that ... That view is not supported ...")."""
        points: list[Candidate] = []
        text = paragraph.text
        earlier, previous = False, 0
        for unit in self.voices.get(paragraph.number, []):
            if not unit.inspection:
                continue
            for sentence in _sentences_of(text, unit):
                whole = text[sentence[0]:sentence[1]]
                if not unit.quoted and _writer_speaks(whole):
                    continue
                if earlier and INTRODUCED.match(whole):
                    continue
                if REJECTION.search(whole):
                    del points[previous:]
                earlier, previous = False, len(points)
                avoid = [start for start, _ in unit.others]
                statements = self.statements.of(text, sentence, avoid) \
                    or self._carried_on(text, sentence, avoid) \
                    or self.statements.in_plain_words(text, sentence, avoid)
                for statement in statements:
                    reason = not_a_point(text[statement.span[0]:statement.span[1]], whole)
                    earlier = earlier or reason == EARLIER
                    if reason is None:
                        basis = label + ("the inspection's words, quoted; " if unit.quoted
                                         else "") + statement.basis
                        points.append(Candidate(statement.kind, paragraph, statement.span,
                                                basis))
                self.last_side = statements[-1].kind if statements else None
        return points

    def _carried_on(self, text: str, sentence: Span, avoid: list[int]) -> list[Statement]:
        """A sentence without cues that says what followed from the one before ("This was
        the result of ...", "This meant ...") takes its side."""
        words = text[sentence[0]:sentence[1]]
        if self.last_side is None or not CONSEQUENCE.match(words) \
                or any(position < sentence[1] for position in avoid):
            return []
        span = self.statements.trim(text, sentence)
        return [Statement(span, self.last_side, "carries on the sentence before")]

    def _introduced(self, lead_in: list[Candidate], paragraph: Paragraph,
                    points: list[Candidate]) -> list[Candidate]:
        """Rule 3: the introduced paragraph's points, the first citing the paragraph before.

        Without cues of its own ("These include the use of custody."), the paragraph takes
        the side of the one introducing it.
        """
        kind = lead_in[-1].kind
        if not points:
            span = self.statements.trim(paragraph.text, sentence_spans(paragraph.text)[0])
            basis = f"introduced by paragraph {lead_in[-1].paragraph.number}"
            points = [Candidate(kind, paragraph, span, basis)]
        same_side = [point for point in points if point.kind == kind] or points
        same_side[0].also.append(lead_in[-1].paragraph.number)
        return points


def _lists(source: SourceText) -> list[list[Paragraph]]:
    """The runs of list items, each a list."""
    runs, current = [], []
    for paragraph in source.paragraphs:
        if paragraph.kind is ParagraphKind.LIST_ITEM:
            current.append(paragraph)
        elif current:
            runs.append(current)
            current = []
    return runs + ([current] if current else [])


def _names(organisation: DraftOrganisation) -> list[str]:
    return [name for name in (organisation.short_name or "", "" if organisation.name.is_placeholder
                              else organisation.name.value) if name]


def _sentences_of(text: str, unit: Voiced) -> list[Span]:
    """The sentences of a unit: a quotation may hold several; a sentence is one."""
    if not unit.quoted:
        return [unit.span]
    start, end = unit.span
    return [(start + a, start + b) for a, b in sentence_spans(text[start:end])]


def _writer_speaks(sentence: str) -> bool:
    """Narration in the first person that does not say what an inspection found: the
    writer's own news ("We have licensed new software", "I am grateful"), which in a
    release by the body inspected is that body speaking. "We found ..." is the inspection."""
    return FIRST_PERSON.search(sentence) is not None and not INSPECTED.search(sentence)


def _reads_as_title(text: str) -> bool:
    """A short line with no sentence's end: a headline, subheading or caption printed
    within the article ("Residents able to enjoy concerts at the home"), not a statement."""
    words = text.split()
    return len(words) <= TITLE_MAX_WORDS and not TITLE_END.search(text) and "[...]" not in text


def _word_count(text: str) -> int:
    return len(text.split())
