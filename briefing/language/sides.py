"""Whom a person speaks for: the inspecting body, the organisation inspected, or neither.

In: a `Speaker` (a person) with the role and organisation the text gives them, and the
names of the subject and the inspector as drafted. Out: `inspector`, `subject` or
`other`, from what the role and organisation say: the inspector's name or an
inspector's role ("HM Inspector of Constabulary", "Ofsted's lead inspector"), the
subject's name or a rank within a subject of its kind (a detective in a police force,
a headteacher in a school).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .speakers import Speaker

RANKS = {
    r"\b(?:Police|Constabulary)\b":
        r"\b(?:constable|superintendent|sergeant|detective|commander)\b",
    r"\bCouncil\b":
        r"\b(?:councillor|cllr|cabinet member|council leader|leader of the council"
        r"|director of (?:children|adult)\w*['’]?s? (?:social )?services)\b",
    r"\b(?:School|Academy|College)\b":
        r"\b(?:principal|headteacher|head teacher|headmaster|headmistress|head of school"
        r"|executive head|chair of governors)\b",
    r"\b(?:Trust|Hospitals?)\b":
        r"\b(?:chief executive|medical director|director of nursing|chief nurse)\b",
}
"""For a subject of each kind, the roles within it: a detective speaks for a police force."""
INSPECTOR_ROLE = re.compile(
    r"\b(?:HM|Her Majesty['’]s|His Majesty['’]s)\b.*\binspector\b|\bchief inspector\b"
    r"|\binspector of\b|\binspectorate\b", re.IGNORECASE)
INSPECTOR_RANK = re.compile(r"\binspector\b", re.IGNORECASE)
POLICE = re.compile(r"\b(?:Police|Constabulary|Force)\b", re.IGNORECASE)
"""An inspector is the inspectorate's, unless the subject is a police force, where it is
also a rank ("Detective Inspector")."""


def speaks_for(person: Speaker, subject: str, subject_short: str | None, inspector: str,
               inspector_short: str | None, inspecting: tuple[str, ...] = ()) -> str:
    """`inspector`, `subject` or `other`, from what the text says of the person's role and body.
    `inspecting` names more bodies that speak for the inspector ("RQIA" of "RQIA report")."""
    said = " ".join(filter(None, [person.role, person.organisation]))
    if (_mentions(said, inspector, inspector_short) or INSPECTOR_ROLE.search(person.role or "")
            or any(_mentions(said, name, None) for name in inspecting)
            or (INSPECTOR_RANK.search(person.role or "") and not POLICE.search(subject))):
        return "inspector"
    if _mentions(said, _core(subject), subject_short) or _is_kind_of(person.organisation, subject):
        return "subject"
    for kind, roles in RANKS.items():
        if re.search(kind, subject) and re.search(roles, f"{person.name} {person.role or ''}",
                                                  re.IGNORECASE):
            return "subject"
    return "other"


def _is_kind_of(organisation: str | None, subject: str) -> bool:
    """True for "the trust" when the subject is a trust, "the force" when it is a police force."""
    if not organisation or not subject.split():
        return False
    kind = subject.split()[-1].lower()
    generic = organisation.lower().removeprefix("the ")
    return generic == kind or (generic == "force" and kind in ("police", "constabulary"))


def _core(subject: str) -> str:
    """The organisation itself: "Wiltshire Council" of "Wiltshire Council's children's services"."""
    return re.split(r"['’]s\s", subject)[0]


def _mentions(text: str, name: str, short: str | None) -> bool:
    folded = text.replace("’", "'")
    names_ = [n.replace("’", "'") for n in (name, short) if n]
    return any(re.search(rf"\b{re.escape(n)}\b", folded) for n in names_)
