"""Statements that read like judgements but are not this inspection's findings.

In: the text of a statement (a sentence or a part of one) and of the sentence it
stands in. Out: why it is not a finding or a concern, or None. Left out:

- an earlier inspection ("It had previously been rated good", "It follows on from an
  initial report last July", "problems highlighted during its last inspection"); a
  comparison with one ("improved since the last inspection", "down from requires
  improvement at the last inspection") is a finding or a concern;
- what will or should be done, rather than what was found: commitments, hopes and
  plans ("we will continue to work closely", "I am hopeful the practice will take
  the necessary action", "an urgent action plan"), what has happened since the
  inspection, and required actions phrased as
  actions ("The CQC is demanding a long list of actions", "must take action to",
  "ensuring that", recommendations);
- how the inspection was done ("Inspectors observed 33 lessons", "The inspection
  focused on ..."), and how ratings work ("The other grades are 'good' and ...").
"""

from __future__ import annotations

import re

EARLIER = "an earlier inspection"
EARLIER_INSPECTION = re.compile(
    r"\b(?:previously|formerly|once) (?:been )?(?:rated|judged|graded|found|deemed|labelled)\b"
    r"|\bfollows? on from\b|\bpost-inspection review\b")
EARLIER_REPORT = re.compile(
    r"\b(?:initial|previous|earlier|last|prior|preceding) (?:report|inspection|review|visit"
    r"|monitoring visit)s?\b", re.IGNORECASE)
COMPARED = re.compile(r"\b(?:since|from|than|compared|after)\b(?:\W+\w+){0,5}\W*$",
                      re.IGNORECASE)
"""Words that make an earlier inspection a comparison: "improved since the last inspection",
"down from requires improvement at the last inspection"."""
EARLIER_VERDICT = re.compile(r"^(?:which|that) (?:had )?(?:judged|rated|found|graded|said)\b",
                             re.IGNORECASE)
"""A relative clause after an earlier inspection: "..., which judged them inadequate"."""
EARLIER_END = re.compile(r"\b(?:inspection|report|review|visit)s?(?: in \d{4}| last \w+)?\W*$",
                         re.IGNORECASE)
COMMITMENT = re.compile(
    r"\b(?:will|shall|['’]ll|would like to)\s+(?:\w+\s+)?(?:continue|take|work|act|ensure|be|make"
    r"|monitor|return|consider|need|look|review|revisit|publish|report|follow|implement"
    r"|address|meet|re-?inspect|seek|support|provide|build|develop|remain|keep)\b"
    r"|\b(?:i am|i'm|we are|we're|i remain|we remain) (?:hopeful|confident)\b"
    r"|\bevery confidence\b|\baction plans?\b|\bimprovement plans?\b"
    r"|\b(?:is|are) (?:already )?(?:being )?(?:considered|progressed|addressed|implemented)\b"
    r"|\bwork (?:has|is) (?:already )?(?:started|underway|under way)\b"
    r"|\b(?:actions?|steps|measures)\s+(?:(?:has|have|had|is|are)\s+)?(?:already\s+)?(?:been\s+)?"
    r"(?:taken|agreed|put in place)\b"
    r"|\bsince (?:the|our|its|their) (?:inspection|visit)\b",
    re.IGNORECASE)
REQUIRED_ACTION = re.compile(
    r"\b(?:must|should|needs? to|needed to|has to|have to|had to|(?:is|are|was|were|been) (?:required|told|asked"
    r"|ordered|instructed) to)\s+(?:now\s+)?(?:take (?:\w+ )?action|act|ensure|make sure"
    r"|put in place"
    r"|introduce|develop|consider|implement|draw up|produce|submit)\b"
    r"|\b(?:is|are|was|were) (?:demanding|requiring|ordering|requesting)\b"
    r"|\bensuring that\b|\brecommend\w*\b|\blist of actions\b|\b(?:enforcement|urgent) action\b"
    r"|\b(?:was|were|has been|have been) (?:issued|served) (?:with )?(?:a |an )?(?:warning|notice)"
    r"|\b(?:issued|served|imposed)\s+(?:[\w-]+\s+){0,4}?(?:notices?|warnings?|conditions)\b",
    re.IGNORECASE)
METHOD = re.compile(
    r"^(?:(?:during|as part of) (?:the|its|this) (?:inspection|visit),?\s+)?"
    r"(?:the\s+)?(?:inspectors?|inspection(?: team)?|we|the team)\s+(?:also\s+)?"
    r"(?:observed|examined|visited|spoke|interviewed|reviewed|looked at|focused|focussed"
    r"|gathered|attended|witnessed|carried out|analysed|sampled|met|talked|surveyed|read"
    r"|tracked|considered)\b"
    r"|\b(?:examined|examines|examine|looked at|looks at|assessed|assesses|explored|explores"
    r"|investigated|investigates|reviewed|reviews|considered|considers)\s+(?:how|whether"
    r"|the extent)\b", re.IGNORECASE)
SCALE = re.compile(
    r"\b(?:evaluation|grading|rating|[\w-]+-point) scale\b|\bpossible (?:grades|ratings)\b"
    r"|\b(?:grades|ratings) (?:are|is)\b|\bthe other (?:\w+ )?(?:grades|ratings)\b"
    r"|\bis the (?:lowest|highest) (?:possible )?(?:rating|grade|judgement)\b"
    r"|\b(?:uses|provides|gives|awards) (?:[\w-]+ ){0,3}ratings? (?:based on|on a|across)\b",
    re.IGNORECASE)
GRADE_WORDS = re.compile(r"\b(?:outstanding|good|requires improvement|inadequate|adequate|weak"
                         r"|unsatisfactory|satisfactory|excellent|very good)\b", re.IGNORECASE)
JUDGED = re.compile(r"\b(?:rated|judged|graded|given|awarded|received|found|scored|deemed)\b",
                    re.IGNORECASE)
"""How ratings work, not what this inspection found: "The other three grades are 'outstanding',
'good' and 'requires improvement'", "The regulator uses a six-point evaluation scale"."""
INTRODUCING = re.compile(r"\b(?:noted|found|observed|said|says|stated|states|added|commented"
                         r"|reported|concluded|wrote|highlighted)\W*$", re.IGNORECASE)
"""A sentence that only introduces the words after it: "the inspectors also noted"."""


def not_a_point(statement: str, sentence: str = "") -> str | None:
    """Why `statement` (in `sentence`) is no finding or concern of this inspection, or None."""
    if EARLIER_INSPECTION.search(statement) or any(
            not COMPARED.search(statement[:m.start()]) for m in EARLIER_REPORT.finditer(statement)):
        return EARLIER
    if EARLIER_VERDICT.match(statement) and EARLIER_END.search(_before(statement, sentence)):
        return EARLIER
    if COMMITMENT.search(statement):
        return "a commitment or a plan"
    if REQUIRED_ACTION.search(statement):
        return "an action required"
    if METHOD.search(statement):
        return "how the inspection was done"
    if SCALE.search(statement) or (len({g.lower() for g in GRADE_WORDS.findall(statement)}) >= 3
                                   and not JUDGED.search(statement)):
        return "how ratings work"
    if INTRODUCING.search(statement):
        return "introduces what follows"
    return None


def _before(statement: str, sentence: str) -> str:
    """The sentence's words before the statement."""
    index = sentence.find(statement)
    return sentence[:index] if index > 0 else ""
