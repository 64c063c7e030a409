"""The inspecting body and the organisation inspected, as the text names them.

In: the `SourceText`. Out: two `DraftOrganisation`s, each a placeholder when the
text names none. Inspectorates are found by the shape of their names ("HM
Inspectorate of ...", "... Commission", "... Inspectorate", "Healthcare Inspectorate
Wales", "Regulation & Quality Improvement Authority"), the common abbreviations
(HMCPSI, HMIe, RQIA, IMB, in any case "OFSTED") and the few that go by a bare name
(Ofsted, Estyn); a long form is the capitalised name just before an abbreviation in
brackets. The abbreviation is the one given in brackets, or the name's initials where
the text uses them (HMIC, CQC). A text that names no inspectorate may name its chief
inspector's office ("HM Chief Inspector of Prisons"), or describe it ("the government
watchdog"): the draft gives the office, or the description for the analyst to name.

The subject is a name ending in an organisation's noun ("Kent Police", "Wiltshire
Council's children's services department", "West Park CE First and Middle School",
"HMP Foston Hall"), preferring the one the text says was inspected and the one it
names most, by name or initials, and the one a lede gives the verdict to ("Oakwood
House has been awarded ..."); a ward or unit named as inspected ("inspection of
Hill Crest ward"), or else a phrase with its initials in brackets ("immigration removal
centres (IRCs)"); failing those, "police in Devon and Cornwall" suggests "Devon and
Cornwall Police", marked as inferred.
"""

from __future__ import annotations

import re
from collections import Counter

from ..inputs.source import SourceText
from ..language.words import INSPECTORATE_ABBREVIATIONS, INSPECTORATE_BARE_NAMES, NATIONS
from .items import PLACEHOLDER, DraftOrganisation, Guess

WORD = r"(?:[A-Z][\w’'-]*|&)"
NAME = rf"{WORD}(?:\s+(?:(?:and|of|for|the|&)\s+)?{WORD})*"
_ABBREVIATIONS = "|".join(INSPECTORATE_ABBREVIATIONS)
_BARE = "|".join(re.escape(name) for name in INSPECTORATE_BARE_NAMES)
_NATION = "|".join(NATIONS)
INSPECTORATE = re.compile(
    rf"\b(?:(?:Her|His)\s+Majesty['’]s\s+|HM\s+)?(?:Chief\s+)?Inspectorate\s+of\s+{NAME}"
    rf"|\b(?:[A-Z][\w’'-]*\s+){{1,4}}(?:Inspectorate|Commission|Regulator|Ombudsman)\b"
    rf"(?:\s+(?:for\s+)?(?:{_NATION})\b)?"
    rf"|\b(?:[A-Z][\w’'-]*\s+(?:&\s+|and\s+)?){{0,3}}(?:Quality|Regulation|Monitoring"
    rf"|Inspection|Standards|Improvement)(?:\s+(?:&\s+|and\s+)?[A-Z][\w’'-]*){{0,3}}?"
    rf"\s+(?:Authority|Board)\b"
    rf"|\b(?:{_ABBREVIATIONS}|HMI[A-Z]{{1,6}})\b|\b(?i:{_BARE})\b")
"""Inspectorates by the shape of their names, and those known by a bare name or abbreviation."""
CHIEF_INSPECTOR = re.compile(
    r"\b(?:(?:Her|His)\s+Majesty['’]s\s+|HM\s+)?(?i:chief\s+inspector)\s+of\s+(?:the\s+)?"
    r"[A-Za-z][\w’'-]*(?:\s+(?:and|&)\s+[A-Z][\w’'-]*)?")
"""The office a text may name the inspector by: "HM Chief Inspector of Prisons"."""
DESCRIBED = re.compile(
    r"\b(?:the|a)\s+(?:[a-z]+\s+){0,2}(?:watchdog|regulator|(?i:inspectorate))\b", re.IGNORECASE)
"""An inspectorate described rather than named: "the government watchdog"."""
ORGANISATION_NOUNS = (
    r"Police|Constabulary|(?:County |Borough |City |District )?Council"
    r"|(?:NHS )?(?:Foundation )?Trust|Services?|Nursery|Surgery|Practice|Centre|Clinic|Hospice"
    r"|Hospitals?|Prison|Young Offender Institution|School|Academy|College|University"
    r"|Fire and Rescue Service|Ambulance Service|Health Board|Care Home|Home|House|Lodge"
    r"|Court|Grange")
SUBJECT = re.compile(
    rf"\b([A-Z][\w’'-]*(?:\s+(?:(?:and|of|for|&)\s+)?[A-Z][\w’'-]*){{0,6}}\s+"
    rf"(?:{ORGANISATION_NOUNS})|HMP(?:\s+[A-Z][\w’'-]*){{1,2}}"
    rf"|HMYOI(?:\s+[A-Z][\w’'-]*){{1,2}}|(?:[A-Z][\w’'-]*\s+){{1,3}}YOI)\b"
    rf"(?:['’]s((?:\s+[a-z][\w’'-]*){{1,3}}\s+services(?:\s+department)?))?")
SERVICES_AT = re.compile(
    rf"\b(?:children|adult)['’]s\s+(?:social\s+(?:care\s+)?)?services\s+(?:at|of|in)"
    rf"\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+){{0,4}}(?:{ORGANISATION_NOUNS})\b")
"""A council's services named after it: "children's services at Leicester City Council"."""
RATED = re.compile(
    r"\b((?:[A-Z][\w’'-]*\s+){1,4}[A-Z][\w’'-]*|[A-Z][a-z]+(?:\s+[a-z]+){0,3}\s+services?\s+in"
    r"\s+[A-Z][\w’'-]*)(?:\s+in\s+[A-Z][\w’'-]*)?(?:,[^,.]{1,80},)?"
    r"\s+(?:has|have|had)?\s*(?:been|was|were|is|are)\s+(?:rated|awarded|given|praised|criticised"
    r"|graded|judged|labelled|branded|placed|told|ordered|found)\b")
"""The name a lede gives the verdict to: "Oakwood House in Dunmore has been awarded ...",
"Youth offending services in Northshire have been rated ..."."""
INSPECTED_UNIT = re.compile(
    r"\b(?:inspection|inspected|inspecting|report|review)\s+(?:of|into|on|at)\s+"
    r"((?:[A-Z][\w’'-]*\s+){1,4}(?:ward|unit|wing|home|centre|service|department|practice"
    r"|surgery|clinic|school|nursery))\b")
"""Something named as inspected whose last word is not capitalised: "Hill Crest ward"."""
RATING_OF = re.compile(
    r"\b(?:rating|ratings|grade|grades|registration)\s+(?:of|for|at)\s+(?:the\s+)?"
    r"((?:[A-Z][\w’'-]*\s+){1,4}[A-Z][\w’'-]*)")
"""What a verdict was given to: "downgraded the rating of Oakwood House in Dunmore"."""
BRACKETED = re.compile(r"\(([A-Z]{2,6})s?\)")
"""Initials in brackets, after the phrase they stand for: "immigration removal centres (IRCs)"."""
POLICE_IN = re.compile(rf"\b(?i:police)\s+in\s+({WORD}(?:\s+(?:and\s+)?{WORD}){{0,3}})")
INSPECTED = re.compile(r"\b(?:inspection|inspected|inspecting|report|review)\s+(?:of|into|on)\s+$",
                       re.IGNORECASE)
LEADING_WORDS = re.compile(r"^(?:(?:The|A|An|However|But|And|In|Inspectors?|Today|Yesterday|Now|"
                           r"Meanwhile|Also|Two|Three|Both)\s+)+")
"""Capitalised words that start a sentence rather than a name."""


def find_inspector(source: SourceText) -> DraftOrganisation:
    """The inspecting body the text names most often (first mention breaks ties)."""
    text = _whole(source)
    names = Counter(_tidy(m.group(0)) for m in INSPECTORATE.finditer(text))
    names.update(name for name in _long_forms(text) if name not in names)
    names = Counter({name: count for name, count in names.items() if name})
    short_names = {_short_name(name, text) for name in names}
    names = Counter({name: count for name, count in names.items() if name not in short_names})
    if not names:
        names = Counter(_tidy(m.group(0)) for m in CHIEF_INSPECTOR.finditer(text))
    if not names:
        return _described(text)
    scored = {name: count + _short_name_uses(name, text) for name, count in names.items()}
    best = max(scored, key=lambda name: (scored[name], -_position(name, text)))
    return DraftOrganisation(
        Guess(best, f"named {plural_times(scored[best])} in the text"), _short_name(best, text))


def _long_forms(text: str) -> list[str]:
    """The capitalised names just before an inspectorate's abbreviation in brackets."""
    found = []
    for match in re.finditer(rf"\(({_ABBREVIATIONS})\)", text):
        before = re.search(rf"({NAME})\s*$", text[:match.start()])
        if before and _initials(_tidy(before.group(1))) == match.group(1):
            found.append(_tidy(before.group(1)))
    return found


def _described(text: str) -> DraftOrganisation:
    """The description of the body a text that names none gives most ("the watchdog")."""
    described = Counter(re.sub(r"^an?\s", "the ", m.group(0).lower())
                        for m in DESCRIBED.finditer(text))
    if not described:
        return DraftOrganisation(Guess(PLACEHOLDER, "the text names no inspecting body"))
    best = max(described, key=lambda d: (described[d], -_position(d, text.lower())))
    return DraftOrganisation(Guess(best, (
        f"the text names the body only as \"{best}\": write its name")))


def find_subject(source: SourceText, inspector: DraftOrganisation) -> DraftOrganisation:
    """The organisation inspected: named, preferably as what was inspected; else inferred."""
    text = _whole(source)
    inspector_names = [n for n in (inspector.name.value, inspector.short_name) if n]
    scores: Counter[str] = Counter()
    for match in SUBJECT.finditer(text):
        if any(_inside(name, text, match) for name in inspector_names):
            continue
        name = _without_inspector(_tidy(match.group(1)), inspector_names)
        name += f"’s{match.group(2)}" if match.group(2) else ""
        if len(name.split()) < 2 or name in inspector_names or INSPECTORATE.fullmatch(name):
            continue
        name = _same_apostrophes(name, match.group(0))
        scores[name] += 3 if INSPECTED.search(text[max(0, match.start() - 30):match.start()]) else 1
    for match in SERVICES_AT.finditer(text):
        scores[match.group(0)] += 4
    for match in INSPECTED_UNIT.finditer(text):
        scores[_tidy(match.group(1))] += 3
    for match in RATING_OF.finditer(text):
        name = _without_inspector(_tidy(match.group(1)), inspector_names)
        if len(name.split()) >= 2 and not INSPECTORATE.search(name):
            scores[name] += 3
    for match in RATED.finditer(text):
        name = _without_inspector(_tidy(match.group(1)), inspector_names)
        if len(name.split()) >= 2 and not INSPECTORATE.search(name):
            scores[name] += 2
    if scores:
        scored = {name: count + _short_name_uses(name, text) for name, count in scores.items()}
        best = max(scored, key=lambda name: (scored[name], -_position(name.split("’s")[0], text)))
        return DraftOrganisation(Guess(best, "named in the text as the organisation inspected"))
    return _inferred_subject(text, inspector_names)


def _inferred_subject(text: str, inspector_names: list[str]) -> DraftOrganisation:
    """A subject the text gives only by description: initials in brackets, "police in X"."""
    for match in BRACKETED.finditer(text):
        letters = match.group(1)
        words = text[:match.start()].split()[-len(letters):]
        phrase = " ".join(words)
        if letters not in inspector_names and len(words) == len(letters) \
                and "".join(w[0] for w in words) == letters.lower():
            return DraftOrganisation(Guess(phrase, (
                f"the text names it \"{phrase} {match.group(0)}\" and names no organisation as"
                " inspected")), match.group(0)[1:-1])
    police = POLICE_IN.search(text)
    if police:
        return DraftOrganisation(Guess(f"{police.group(1)} Police", (
            f"inferred from \"{police.group(0)}\": the text does not give the force's name")))
    return DraftOrganisation(Guess(PLACEHOLDER, "the text names no organisation as inspected"))


def _without_inspector(name: str, inspector_names: list[str]) -> str:
    """"Ofsted and Leeds City Council" is Leeds City Council: the inspector and the subject."""
    for inspector in inspector_names:
        name = re.sub(rf"^.*\b{re.escape(inspector)}\b\s*(?:(?:and|&)\s+)?", "", name)
    return name


def plural_times(count: int) -> str:
    return "once" if count == 1 else f"{count} times"


def _whole(source: SourceText) -> str:
    """The paragraphs, spaces single, each ending in " ¶": no name runs on into the next."""
    return "\n".join(" ".join(paragraph.text.split()) + " ¶" for paragraph in source.paragraphs)


def _position(name: str, text: str) -> int:
    """Where `name` is first mentioned; after the end if the text writes it otherwise."""
    found = text.find(name)
    return found if found >= 0 else len(text)


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
