"""What `briefing.yml` says about a briefing's place in time: how its points compare with
the briefing it follows, what was promised and recommended, and what has been corrected.

In: plain data from `yamlfile.load_yaml`, as part of `schema.BriefingMetadata`. Out: frozen
models. Whether a reference to another briefing holds is for `checks.series` to say: one
briefing's file cannot know the others.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, StrictBool, model_validator

from .values import Citation, DateFact, Id, IsoDate, Model, Text, _shorthand

Change = Literal["persisted", "resolved", "new", "worse"]
"""How a point stands against the last inspection."""


class Compared(Model):
    """How a finding or concern stands against the briefing this one follows; written as
    the status alone for a point that is `new`."""

    status: Change
    """`persisted`, `resolved`, `new` or `worse` than last time."""
    previous: Id | None = None
    """The `id` of the finding or concern of the earlier briefing it continues (not for `new`)."""
    briefing: Id | None = None
    """The earlier briefing's folder name, when it is not the one `follows` names."""
    inferred: StrictBool = False
    """True when the sources do not say so in as many words, and you judged it."""
    basis: str | None = None
    """How it is known: the words that say so, or the reasoning behind your judgment."""

    _expand, __get_pydantic_json_schema__ = _shorthand(
        "status", {"enum": ["persisted", "resolved", "new", "worse"]})

    @model_validator(mode="after")
    def _continues_something(self) -> Compared:
        """Only a new point stands alone; the others say which earlier point they continue."""
        if self.status != "new" and self.previous is None:
            raise ValueError(f"a point that is '{self.status}' names the earlier point it "
                             "continues: add previous: <its id in the earlier briefing>")
        return self


class NextStep(Model):
    """What the part of a briefing that looks ahead shares: a promise or a recommendation."""

    id: Id
    """Short unique name: `update-in-six-weeks`."""
    by: DateFact | None = None
    """When it is due, as precise as known: `2017-03`."""
    cites: list[Citation] = Field(min_length=1)
    """The source paragraph(s) that say it."""
    status: Literal["open", "done"] = "open"
    """`done` once you know it was; an open item past its date shows as overdue."""
    status_basis: str | None = None
    """How the status is known: where you saw it done, or that nothing says so."""


class Commitment(NextStep):
    """What someone promised to do."""

    who: Text
    """Who promised: the `id` of someone under `people`, or an organisation's name."""
    what: Text
    """What they promised, in the briefing's own words."""


class Recommendation(NextStep):
    """What the inspectors recommended."""

    text: Text
    """The recommendation in the briefing's own words."""


class Correction(Model):
    """A change made to the briefing after it was published."""

    date: IsoDate
    """When it was corrected: `2017-02-01`."""
    text: Text
    """What was wrong and what it now says."""
