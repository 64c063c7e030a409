"""The inspecting body and the organisation inspected, as the text names them.

In: the `SourceText`. Out: two `DraftOrganisation`s, each a placeholder when the
text names none. Inspectorates are found by the shape of their names ("HM
Inspectorate of ...", "... Commission", "... Inspectorate") and the few that
go by a bare name (Ofsted, Estyn); their abbreviation is the one given in
brackets, or the name's initials where the text uses them (HMIC, CQC). The
subject is a name ending in an organisation's noun ("Kent Police", "Wiltshire
Council's children's services", "... NHS Trust"), preferring the one the text
says was inspected; failing that, "police in Devon and Cornwall" suggests
"Devon and Cornwall Police", marked as inferred.
"""

from __future__ import annotations

import re
from collections import Counter

from ..inputs.source import SourceText
from .items import PLACEHOLDER, DraftOrganisation, Guess

WORD = r"(?:[A-Z][\w’'-]*|&)"
NAME = rf"{WORD}(?:\s+(?:(?:and|of|for|the|&)\s+)?{WORD})*"
INSPECTORATE = re.compile(
    rf"\b(?:(?:Her|His)\s+Majesty['’]s\s+|HM\s+)?(?:Chief\s+)?Inspectorate\s+of\s+{NAME}"
    rf"|\b(?:[A-Z][\w’'-]*\s+){{1,4}}(?:Inspectorate|Commission|Regulator|Ombudsman)\b"
    r"|\b(?:Ofsted|Estyn|CQC|HMI[A-Z]{1,6})\b")
"""Inspectorates by the shape of their names, and those known by a bare name or abbreviation."""
ORGANISATION_NOUNS = (
    r"Police|Constabulary|(?:County |Borough |City |District )?Council"
    r"|(?:NHS )?(?:Foundation )?Trust"
    r"|Hospitals?|Prison|Young Offender Institution|School|Academy|College|University"
    r"|Fire and Rescue Service|Ambulance Service|Health Board|Care Home|Home")
SUBJECT = re.compile(
    rf"\b((?:[A-Z][\w’'-]*\s+){{1,5}}(?:{ORGANISATION_NOUNS})|HMP\s+[A-Z][\w’'-]*"
    rf"|HMYOI\s+[A-Z][\w’'-]*)\b(?:['’]s((?:\s+[a-z][\w’'-]*){{1,3}}\s+services))?")
POLICE_IN = re.compile(rf"\b(?i:police)\s+in\s+({WORD}(?:\s+(?:and\s+)?{WORD}){{0,3}})")
INSPECTED = re.compile(r"\b(?:inspection|inspected|inspecting|report|review)\s+(?:of|into|on)\s+$",
                       re.IGNORECASE)
LEADING_WORDS = re.compile(r"^(?:(?:The|A|An|However|But|And|In|Inspectors?|Today|Yesterday|Now|"
                           r"Meanwhile|Also)\s+)+")
"""Capitalised words that start a sentence rather than a name."""


def find_inspector(source: SourceText) -> DraftOrganisation:
    """The inspecting body the text names most often (first mention breaks ties)."""
    text = _whole(source)
    names = Counter(_tidy(m.group(0)) for m in INSPECTORATE.finditer(text))
    names = Counter({name: count for name, count in names.items() if name})
    short_names = {_short_name(name, text) for name in names}
    names = Counter({name: count for name, count in names.items() if name not in short_names})
    if not names:
        return DraftOrganisation(Guess(PLACEHOLDER, "the text names no inspecting body"))
    scored = {name: count + _short_name_uses(name, text) for name, count in names.items()}
    best = max(scored, key=lambda name: (scored[name], -text.index(name)))
    return DraftOrganisation(
        Guess(best, f"named {plural_times(scored[best])} in the text"), _short_name(best, text))


def find_subject(source: SourceText, inspector: DraftOrganisation) -> DraftOrganisation:
    """The organisation inspected: named, preferably as what was inspected; else inferred."""
    text = _whole(source)
    inspector_name = inspector.name.value
    scores: Counter[str] = Counter()
    for match in SUBJECT.finditer(text):
        if _inside(inspector_name, text, match):
            continue
        name = _tidy(match.group(1)) + (f"’s{match.group(2)}" if match.group(2) else "")
        if len(name.split()) < 2 or name == inspector_name or INSPECTORATE.fullmatch(name):
            continue
        name = _same_apostrophes(name, match.group(0))
        scores[name] += 3 if INSPECTED.search(text[max(0, match.start() - 30):match.start()]) else 1
    if scores:
        best = max(scores, key=lambda name: (scores[name], -text.index(name.split("’s")[0])))
        return DraftOrganisation(Guess(best, "named in the text as the organisation inspected"))
    police = POLICE_IN.search(text)
    if police:
        return DraftOrganisation(Guess(f"{police.group(1)} Police", (
            f"inferred from \"{police.group(0)}\": the text does not give the force's name")))
    return DraftOrganisation(Guess(PLACEHOLDER, "the text names no organisation as inspected"))


def plural_times(count: int) -> str:
    return "once" if count == 1 else f"{count} times"


def _whole(source: SourceText) -> str:
    return "\n".join(paragraph.text for paragraph in source.paragraphs)


def _tidy(name: str) -> str:
    return LEADING_WORDS.sub("", " ".join(name.split())).strip()


def _same_apostrophes(name: str, as_written: str) -> str:
    """The possessive as the source writes it: straight or curly."""
    return name.replace("’s", "'s") if "'s" in as_written else name


def _inside(name: str, text: str, match: re.Match) -> bool:
    """True when `match` is inside a mention of `name` ("Fire & Rescue Services" in HMICFRS's)."""
    start = text.rfind(name, 0, match.end())
    return start != -1 and start + len(name) >= match.end() and start <= match.start()


def _initials(name: str) -> str:
    words = re.sub(r"(?:Her|His) Majesty['’]s", "HM", name).split()
    letters = [w if w.isupper() else w[0] for w in words if w[0].isupper()]
    return "".join(letters)


def _short_name(name: str, text: str) -> str | None:
    """The abbreviation in brackets after the name, or its initials where the text uses them."""
    bracketed = re.search(re.escape(name) + r"\s*\(([A-Z]{2,10})\)", text)
    if bracketed:
        return bracketed.group(1)
    initials = _initials(name)
    if len(initials) >= 2 and initials != name and re.search(rf"\b{initials}\b", text):
        return initials
    return None


def _short_name_uses(name: str, text: str) -> int:
    short = _short_name(name, text)
    return len(re.findall(rf"\b{short}\b", text)) - text.count(f"({short})") if short else 0
