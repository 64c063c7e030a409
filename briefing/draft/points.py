"""Findings and concerns: what the inspection praised and what it found wanting.

In: the `SourceText`, the paragraphs to leave out (boilerplate and speech), the
names of the people quoted and of the inspector. Out: `Candidate` points, each
the source's own words (lightly trimmed) with its paragraph, and the paragraphs
that only summarise it.

The rules, in order:

1. Lists. Items after a lead-in ("were pleased to find:", "concerned to find:",
   a label such as "Ofsted's criticisms") take the lead-in's side; items after
   a lead-in that takes no side are judged one by one by their cues.
2. Sentences of narration whose cues lean one way (see `cues`); a sentence that
   joins a good and a bad statement ("..., but ...", "... while ...") gives one
   point per clause. Left out: what someone other than the inspection says
   ("The force said ...", "She stressed ...").
3. A paragraph followed by "These include ..." introduces that paragraph, as a
   lead-in does a list: it is cited with the points that follow, not drafted.
4. A sentence that says what a list item says (they share the words that are
   rare in the text) is cited with that item instead of repeating it.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass, field

from ..inputs.source import Paragraph, ParagraphKind, SourceText
from ..language.sentences import TRAILING_ATTRIBUTION, Span, clause_spans, sentence_spans
from ..language.words import EMPTY_IN_AN_ID, SPEECH_VERB, SPEECH_VERBS
from .cues import INSPECTION_VOICE, NEGATIVE, POSITIVE, polarity

LEAD_IN_END = re.compile(r"(?::|\bfollowing\W*)$")
INTRODUCED = re.compile(r"^(?:These|They|This|Those)\s+(?:also\s+)?(?:include[sd]?|included)\b"
                        r"|^Among (?:them|these)\b")
CONNECTIVE = re.compile(r"^(?:(?:However|But|And|Also|In addition|Additionally|Moreover|Meanwhile"
                        r"|Overall|Furthermore|Further|Instead|Equally)\s*,?\s+)+")
INCLUDES = re.compile(r"^(?:These|They|This|Those)\s+(?:also\s+)?(?:include[sd]?|included)\s+")
TRAILING_JOIN = re.compile(r"(?:[;,]?\s+(?:and|or)|[;,.:!])\s*$")
PERSONAL_PRONOUN = re.compile(r"\b(?:she|he)\b", re.IGNORECASE)
MIN_WORDS = 3
SAME_POINT = 0.4
"""Share of the telling words two texts must have in common to make one point (`_overlap`)..."""
SAME_POINT_WITH_PHRASE = 0.25
"""... or a smaller share, when they also share a phrase ("regularly go missing")."""


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


def find_points(source: SourceText, left_out: set[int], names: list[str],
                inspector_names: list[str]) -> list[Candidate]:
    """Every finding and concern the rules find, in reading order."""
    finder = _Finder(source, left_out, names, inspector_names)
    listed = finder.list_items()
    narrated = finder.sentences()
    return sorted(listed + _merge_summaries(narrated, listed, source),
                  key=lambda c: (c.paragraph.number, c.span[0]))


class _Finder:
    def __init__(self, source: SourceText, left_out: set[int], names: list[str],
                 inspector_names: list[str]):
        self.source = source
        self.left_out = left_out
        alternatives = "|".join(re.escape(n) for n in inspector_names if n)
        self.reported = re.compile(
            r"^(?:the\s+)?(?:" + (alternatives + "|" if alternatives else "")
            + r"inspectors?|inspectorate|report|review|watchdog|regulator|they)(?:\s+also)?\s+"
            r"(?:(?:found|noted|concluded)\s+(?:that\s+)?"
            r"|(?:" + "|".join(SPEECH_VERBS) + r"|reported)\s+that\s+)",
            re.IGNORECASE)
        self.people = _any_of(names)
        self.inspectorate = _any_of(inspector_names)
        self.lead_ins: set[int] = set()

    # --- Rule 1: lists ---------------------------------------------------------------------

    def list_items(self) -> list[Candidate]:
        found = []
        for items in self._lists():
            lead_in = self._lead_in(items[0])
            side, label = self._side(lead_in)
            for item in items:
                if item.number in self.left_out:
                    continue
                span = self._trim(item.text, (0, len(item.text)))
                kind = side or polarity(item.text).kind
                if kind and _word_count(item.text[span[0]:span[1]]) >= MIN_WORDS:
                    basis = (f"list item after \"{label}\"" if side
                             else f"list item; {_cue_words(item.text)}")
                    found.append(Candidate(kind, item, span, basis))
        return found

    def _lists(self) -> list[list[Paragraph]]:
        runs, current = [], []
        for paragraph in self.source.paragraphs:
            if paragraph.kind is ParagraphKind.LIST_ITEM:
                current.append(paragraph)
            elif current:
                runs.append(current)
                current = []
        return runs + ([current] if current else [])

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

    def _side(self, lead_in: list[Paragraph]) -> tuple[str | None, str]:
        for paragraph in lead_in:
            kind = polarity(paragraph.text).kind
            if kind:
                return kind, paragraph.text
        return None, ""

    # --- Rules 2 and 3: sentences ----------------------------------------------------------

    def sentences(self) -> list[Candidate]:
        found: dict[int, list[Candidate]] = {}
        for paragraph in self.source.paragraphs:
            if self._is_narration(paragraph):
                found[paragraph.number] = self._points_in(paragraph)
        for number, points in list(found.items()):
            following = self.source.paragraph(number + 1)
            if points and following is not None and following.number in found \
                    and INTRODUCED.match(following.text):
                found[following.number] = self._introduced(points, following,
                                                           found[following.number])
                found[number] = []
        return [point for points in found.values() for point in points]

    def _is_narration(self, paragraph: Paragraph) -> bool:
        return (paragraph.kind is ParagraphKind.TEXT and paragraph.number not in self.left_out
                and paragraph.number not in self.lead_ins)

    def _points_in(self, paragraph: Paragraph) -> list[Candidate]:
        points = []
        for sentence in sentence_spans(paragraph.text):
            text = paragraph.text[sentence[0]:sentence[1]]
            if not self._voiced_by_inspection(text):
                continue
            for clause, kind in self._statements(paragraph.text, sentence):
                span = self._trim(paragraph.text, clause)
                if _word_count(paragraph.text[span[0]:span[1]]) >= MIN_WORDS:
                    words = paragraph.text[clause[0]:clause[1]]
                    points.append(Candidate(kind, paragraph, span, _cue_words(words)))
        return points

    def _statements(self, text: str, sentence: Span) -> list[tuple[Span, str]]:
        """The clauses with their sides when each takes one, else the sentence and its side."""
        clauses = clause_spans(text, sentence)
        sides = [side for start, end in clauses if (side := polarity(text[start:end]).kind)]
        if len(clauses) > 1 and len(sides) == len(clauses):
            return list(zip(clauses, sides))
        overall = polarity(text[sentence[0]:sentence[1]]).kind
        return [(sentence, overall)] if overall else []

    def _voiced_by_inspection(self, sentence: str) -> bool:
        """False when a person, or someone other than the inspection, is the one speaking."""
        if PERSONAL_PRONOUN.search(sentence) or self.people.search(sentence):
            return False
        verb = SPEECH_VERB.search(sentence)
        if verb is None:
            return True
        speaker = sentence[:verb.start()]
        return bool(INSPECTION_VOICE.search(speaker) or self.inspectorate.search(speaker))

    def _introduced(self, lead_in: list[Candidate], paragraph: Paragraph,
                    points: list[Candidate]) -> list[Candidate]:
        """Rule 3: the introduced paragraph's points, the first citing the paragraph before.

        Without cues of its own ("These include the use of custody."), the paragraph takes
        the side of the one introducing it.
        """
        kind = lead_in[0].kind
        if not points:
            span = self._trim(paragraph.text, sentence_spans(paragraph.text)[0])
            basis = f"introduced by paragraph {lead_in[0].paragraph.number}"
            points = [Candidate(kind, paragraph, span, basis)]
        same_side = [point for point in points if point.kind == kind] or points
        same_side[0].also.append(lead_in[0].paragraph.number)
        return points

    def _trim(self, text: str, span: Span) -> Span:
        """Drop connectives, "X found that", a trailing "a report has found" and end punctuation."""
        start, end = span
        for pattern in (CONNECTIVE, INCLUDES, self.reported):
            match = pattern.match(text, start, end)
            if match:
                start = match.end()
        for pattern in (TRAILING_ATTRIBUTION, TRAILING_JOIN, TRAILING_JOIN):
            match = pattern.search(text, start, end)
            if match:
                end = match.start()
        return start, end


# --- Rule 4: summaries ---------------------------------------------------------------------

def _merge_summaries(narrated: list[Candidate], listed: list[Candidate],
                     source: SourceText) -> list[Candidate]:
    """Narrated points that repeat a list item become citations of it."""
    weights = _rarity(source)
    kept = []
    for point in narrated:
        same_side = [item for item in listed if item.kind == point.kind]
        best = max(same_side, key=lambda item: _overlap(point.text, item.text, weights),
                   default=None)
        if best is not None and _same_point(point.text, best.text, weights):
            if point.paragraph.number not in best.also:
                best.also.append(point.paragraph.number)
            best.also.extend(n for n in point.also if n not in best.also)
        else:
            kept.append(point)
    return kept


def _same_point(a: str, b: str, weights: dict[str, float]) -> bool:
    share = _overlap(a, b, weights)
    return share >= SAME_POINT or (share >= SAME_POINT_WITH_PHRASE
                                   and bool(_phrases(a) & _phrases(b)))


def _phrases(text: str) -> set[tuple[str, str]]:
    """Pairs of consecutive meaningful words (short words skipped): ("regul", "missi")."""
    stems = [word[:5] for word in re.findall(r"[a-z]+", text.lower())
             if len(word) > 3 and word not in EMPTY_IN_AN_ID]
    return set(itertools.pairwise(stems))


def _stems(text: str) -> set[str]:
    """Words as the overlap measure sees them: lower case, first five letters, no stop words."""
    return {word[:5] for word in re.findall(r"[a-z]+", text.lower())
            if len(word) > 3 and word not in EMPTY_IN_AN_ID}


def _rarity(source: SourceText) -> dict[str, float]:
    """How telling each word is in this text: rare words say what a point is about."""
    counts = Counter(stem for p in source.paragraphs for stem in _stems(p.text))
    total = len(source.paragraphs) + 1
    return {stem: math.log(total / count) for stem, count in counts.items()}


def _overlap(a: str, b: str, weights: dict[str, float]) -> float:
    """Shared words' weight over the smaller text's weight: 1 when one says all the other does."""
    stems_a, stems_b = _stems(a), _stems(b)
    smaller = min(_weight(stems_a, weights), _weight(stems_b, weights))
    return _weight(stems_a & stems_b, weights) / smaller if smaller else 0.0


def _weight(stems: set[str], weights: dict[str, float]) -> float:
    return sum(weights.get(stem, 0.0) for stem in stems)


def _any_of(names: list[str]) -> re.Pattern:
    """A pattern matching any of `names` as whole words (never, when there are none)."""
    words = [re.escape(name) for name in names if name]
    return re.compile(r"\b(?:" + "|".join(words) + r")\b" if words else r"(?!)")


def _word_count(text: str) -> int:
    return len(text.split())


def _cue_words(text: str) -> str:
    """The cues that decided, for the YAML comment: 'cues: "criticised", "not always"'."""
    negatives = list(NEGATIVE.finditer(text))
    positives = [m for m in POSITIVE.finditer(text)
                 if not any(n.start() <= m.start() < n.end() for n in negatives)]
    cues = [m.group(0) for m in negatives + positives]
    return "cues: " + ", ".join(f'"{cue}"' for cue in dict.fromkeys(cues)) if cues else "no cues"
