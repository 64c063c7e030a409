"""What someone else reports of the inspection: its judgement inside their words.

In: a paragraph's text, the span of a sentence or quotation someone other than the
inspection speaks, and a pattern of the inspector's names. Out: the spans in it that
give the inspection's own judgement: in narration, a possessive ("OFSTED’s judgement
not to award his school a ‘good’ rating", "inspectors’ concerns over teaching
quality") or its observations ("observations that the school had a ‘happy ...
community’"); or a
clause whose subject is the inspection and whose verb reports it ("the report
acknowledges continued improvements in teaching"; after such a clause, "they" and
"it" are the inspection still). Each runs to the end of its clause, and stops before
the speaker goes on in the first person ("... and I am pleased to say ...").
"""

from __future__ import annotations

import re

from ..language.sentences import Span

INSPECTION_NOUNS = r"inspectors?|inspection|inspectorate|report|watchdog|regulator"
JUDGEMENT_NOUNS = (r"judge?ments?|decision|verdict|concerns?|criticisms?|praise|findings?"
                   r"|assessment|observations?|conclusions?|view")
REPORTING_VERBS = (r"acknowledge[sd]?|recogni[sz]e[sd]?|praised?|praises|highlight(?:s|ed)?"
                   r"|found|finds|noted|notes|said|says|stated|states|identified|judged|rated"
                   r"|feels?|felt|concluded|concludes|described|criticised|criticises")
OBSERVED = re.compile(r"\b(?:observations?|findings?|comments?|conclusions?)\s+that\b",
                      re.IGNORECASE)
"""What an inspection observed, told without naming it: "pleased with observations that
the school had ..."."""
CLAUSE_END = re.compile(r"[,.;:!?–—]|\s+-\s+|\s+(?:and|but)\s+(?:I|we|our)\b|$")
MIN_WORDS = 3


def embedded_spans(text: str, span: Span, inspectorate: re.Pattern,
                   possessives: bool = True) -> list[Span]:
    """The inspection's judgements reported inside someone else's sentence or quotation;
    a possessive only in narration (`possessives`): in a speaker's own words "the
    inspector's assessment emphasises ..." is the speaker's summary."""
    start, end = span
    names = INSPECTION_NOUNS + (f"|{inspectorate.pattern}" if inspectorate.pattern != "(?!)"
                                else "")
    possessive = re.compile(rf"\b(?:the\s+)?(?:{names})(?:['’]s|(?<=s)['’])\s+"
                            rf"(?:{JUDGEMENT_NOUNS})\b", re.IGNORECASE)
    clause = re.compile(rf"\b(?:(?:the|our|its|their)\s+)?(?:(?:inspection|inspectors['’]?)\s+)?"
                        rf"(?:{names}|(?P<pronoun>they|it))"
                        rf"(?:\s+(?:also|still|have|has))?\s+(?:{REPORTING_VERBS})\b"
                        rf"(?:\s+that\b)?", re.IGNORECASE)
    found: list[Span] = []
    for pattern in (possessive, OBSERVED, clause) if possessives else (clause,):
        for match in pattern.finditer(text, start, end):
            if match.groupdict().get("pronoun") and not found:
                continue
            stop = CLAUSE_END.search(text, match.end(), end)
            piece = (match.start(), stop.start() if stop else end)
            if len(text[piece[0]:piece[1]].split()) >= MIN_WORDS \
                    and not any(a <= piece[0] < b for a, b in found):
                found.append(piece)
    return sorted(found)
