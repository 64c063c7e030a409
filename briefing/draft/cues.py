"""The words that tell praise from criticism, and speech from narration.

In: a piece of text. Out: its `Polarity` (how many positive and negative cues
it holds), or where it reports speech. The lexicon is the common vocabulary of
inspection reporting in English ("praised", "good", "well led"; "concerned",
"criticised", "lack of", "requires improvement"), not any one text's words. A
negative phrase hides the positive word inside it: "requires improvement" and
"needs to better support" count once, as negative.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NEGATIVE = re.compile(r"\b(?:" + "|".join([
    r"concern(?:s|ed|ing)?", r"criticis\w*", r"criticiz\w*", r"inconsistent\w*",
    r"lack(?:s|ed|ing)?(?: of)?", r"insufficient\w*", r"inadequate\w*", r"poor(?:ly)?",
    r"fail\w*", r"shortcomings?", r"shortfalls?", r"weak(?:ness|nesses)?", r"ineffective\w*",
    r"problematic", r"unnecessar\w*", r"imped\w*", r"delay\w*", r"unsafe", r"unacceptabl\w*",
    r"inadequately", r"worse", r"deteriorat\w*", r"breach\w*", r"fell short",
    r"too (?:many|few|long|slow\w*|often|little)",
    r"not (?:always|consistently|enough|as|receiving|sufficiently|effectively|properly|yet)",
    r"(?:don|doesn|didn|wasn|weren|isn|aren|hasn|haven|hadn)['’]t(?: always| consistently)?",
    r"(?:did|does|do|was|were|is|are|has|have|had|could) not", r"cannot",
    r"(?:needs?|needed|must|should) (?:to )?"
    r"(?:improve\w*|do more|better \w+|be (?:improved|addressed|strengthened))",
    r"must (?:make|act|ensure|address)", r"requir\w* improvement",
    r"areas? (?:for|requiring|needing|that need|which need) (?:further )?improvement",
    r"more (?:work|needs to be done|to do)", r"still (?:needs?|needed|requires?|had|has) \w+",
    r"recommend\w*",
]) + r")\b", re.IGNORECASE)
POSITIVE = re.compile(r"\b(?:" + "|".join([
    r"prais\w*", r"commend\w*", r"good", r"(?<!\bas )well(?! as)", r"strong\w*", r"improv\w*",
    r"effective(?:ly)?", r"positive\w*", r"progress\w*", r"commit\w*", r"dedicat\w*",
    r"outstanding", r"excellent", r"thorough\w*", r"quick(?:ly)?", r"pleased", r"impress\w*",
    r"clear (?:evidence|understanding|vision|grip|focus|plan)", r"strengths?", r"kind(?:ness)?",
    r"compassion\w*", r"dignity", r"respect(?:ed|ful)?",
    r"better", r"success\w*", r"robust",
]) + r")\b", re.IGNORECASE)
INSPECTION_VOICE = re.compile(
    r"\b(?:inspectors?|inspectorate|report|review|inspection|watchdog|regulator|findings)\b",
    re.IGNORECASE)
"""Who, when they 'say' something, speak for the inspection rather than for themselves."""
CONCESSION = re.compile(
    r"(?:^|(?<=\bthat )|(?<=, ))(?:although|though|despite|even though|while)\b[^,]*,\s*",
    re.IGNORECASE)
"""A conceding clause ("Although the response is often good, ..."): the point is what follows."""


@dataclass(frozen=True)
class Polarity:
    positive: int
    negative: int

    @property
    def kind(self) -> str | None:
        """`findings` when praise outweighs criticism, `concerns` for the reverse, else None."""
        if self.positive > self.negative:
            return "findings"
        if self.negative > self.positive:
            return "concerns"
        return None


def polarity(text: str) -> Polarity:
    """Count the cues in `text`, a conceding clause aside; a positive in a negative is not one."""
    text = CONCESSION.sub("", text)
    negatives = [m.span() for m in NEGATIVE.finditer(text)]
    positives = [m.span() for m in POSITIVE.finditer(text)
                 if not any(start <= m.start() < end for start, end in negatives)]
    return Polarity(len(positives), len(negatives))
