"""What `briefing.json` and `briefings.json` say of a briefing's place in time.

In: a `Briefing` and the collection's `Series`. Out: plain data: the register's identity of
its organisations (so tools join a renamed body's briefings), the briefings before and after
it, how its points compare with the ones they continue, its commitments and
recommendations with their status as of the build's date, and its corrections' newest date.
"""

from __future__ import annotations

from typing import Any

from ..model.briefing import Briefing
from ..model.series import Series


def organisations_record(b: Briefing, series: Series) -> dict[str, Any]:
    """The identity (register id and the name pages show) of its subject and inspector."""
    return {role: {"id": identity.id, "name": identity.name}
            for role, identity in (("subject", series.identity(b.metadata.subject)),
                                   ("inspector", series.identity(b.metadata.inspector)))}


def series_record(b: Briefing, series: Series) -> dict[str, Any]:
    before, after = series.previous(b), series.next(b)
    return {
        "organisations": organisations_record(b, series),
        "updated": b.updated,
        "previous": before.slug if before else None,
        "next": after.slug if after else None,
        "compared": [{
            "id": c.point.id, "kind": c.point.kind, "status": c.status,
            "briefing": c.earlier.slug if c.earlier else None,
            "previous": c.previous.id if c.previous else None,
            "previous_kind": c.previous.kind if c.previous else None,
        } for c in series.compared(b)],
        "next_steps": [{
            "id": step.id, "kind": step.kind, "text": step.text, "who": step.who,
            "by": step.by.date if step.by else None, "status": series.status(step),
            "cites": [c.paragraph.number for c in step.citations],
        } for step in b.next_steps],
        "status_as_of": series.as_of.isoformat() if series.as_of else None,
    }
