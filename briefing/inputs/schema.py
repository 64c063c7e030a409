"""What a user writes in `briefing.yml`: the curated metadata, validated on load.

In: plain data from `yamlfile.load_yaml`. Out: a frozen `BriefingMetadata`, or
pydantic's `ValidationError` (turned into located `Problem`s by `load`).

Field docstrings are the metadata reference: the README's table and the
published JSON Schema (`briefing.schema.json`) are both generated from them.
Shorthands keep hand-written YAML short (`cites: [18]`, a quote as a plain
string, a fact as a plain value); they are expanded here, so the rest of the
code sees one shape only.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, StrictBool, StrictInt, model_validator

from .followup import Commitment, Compared, Correction, Recommendation
from .values import (
    CONTROL_CHARACTERS,
    DATE_JSON_SCHEMA,
    ID_PATTERN,
    WEB_ADDRESS,
    Citation,
    DateFact,
    Id,
    IsoDate,
    Model,
    Text,
    Url,
    _shorthand,
)

# Re-exported: the rest of the code knows these as the schema's.
__all__ = ["CONTROL_CHARACTERS", "DATE_JSON_SCHEMA", "ID_PATTERN", "WEB_ADDRESS", "Citation",
           "Commitment", "Compared", "Correction", "DateFact", "IsoDate", "Recommendation"]


class Fact(Model):
    """A value with its provenance; written as a plain value when it is simply stated."""

    value: Text
    """The value itself."""
    inferred: StrictBool = False
    """True when the value is not stated by the source but inferred; shown as "inferred"."""
    basis: str | None = None
    """How the value is known (where it was seen, or the reasoning behind an inference)."""

    _expand, __get_pydantic_json_schema__ = _shorthand("value", {"type": "string"})


class Organisation(Model):
    """An organisation: the one inspected, or the one inspecting."""

    name: Text
    """Full name, as a reader should see it: `Cumbria Constabulary`."""
    short_name: str | None = None
    """Abbreviation the source uses, if any: `HMIC`."""
    url: Url | None = None
    """The organisation's website."""
    id: Id | None = None
    """Its `id` in `docs/organisations.yml`, when that file does not list this name."""


class Report(Model):
    """The inspection report the source is about."""

    title: Fact
    """The report's title."""
    url: Url | None = None
    """Where the report or its press release is published."""
    fieldwork: DateFact | None = None
    """When the inspection was carried out."""
    published: DateFact | None = None
    """When the report was published."""
    pages: StrictInt | None = Field(default=None, ge=1)
    """Length of the report in pages."""
    rating: str | None = None
    """The overall judgment the report gives, if any: `requires improvement`."""


class CutShort(Model):
    """Where the copy in `source.txt` stops before the text as published does."""

    after_paragraph: StrictInt = Field(ge=1)
    """The last paragraph of the copy before the cut (usually its last)."""
    basis: str | None = None
    """How you know: "ends mid-sentence", "the outlet's page goes on", ..."""

    _expand, __get_pydantic_json_schema__ = _shorthand(
        "after_paragraph", {"type": "integer", "minimum": 1}
    )


class Source(Model):
    """The text in `source.txt`: where it was published and when."""

    kind: Text = "news report"
    """What the text is: `news report`, `press release`, `report summary`, ..."""
    outlet: Text
    """Who published it: `North West Evening Mail`."""
    headline: Fact | None = None
    """The headline as published."""
    url: Url | None = None
    """Where the text was published."""
    published: DateFact | None = None
    """When the text was published."""
    notes: str | None = None
    """Anything a reader should know about the copy: captions fused, a table left out, ..."""
    cut_short: CutShort | None = None
    """Set when the copy stops before the text does: the paragraph after which it is cut."""


class Point(Model):
    """A finding or a concern: the curated wording and where the source says it."""

    id: Id
    """Short unique name, lower case with hyphens: `missing-children`. Used in links."""
    text: Text
    """The point in the briefing's own words."""
    cites: list[Citation] = Field(min_length=1)
    """The source paragraph(s) the point rests on."""
    compared: Compared | None = None
    """How it stands against the briefing this one follows: `persisted`, `resolved`, ..."""


class Person(Model):
    """Someone the source names and quotes."""

    id: Id
    """Short unique name: `mike-cunningham`. Reactions refer to people by it."""
    name: Text
    """Name as the source gives it."""
    role: str | None = None
    """Role as the source gives it: `HM inspector of constabulary`."""
    organisation: str | None = None
    """Organisation the person speaks for, if the source says so."""


class Quote(Model):
    """Words the source quotes; written as a plain string when no paragraph is needed."""

    text: Text
    """The words, exactly as in the source; mark a cut with `...`."""
    paragraph: StrictInt | None = Field(default=None, ge=1)
    """The paragraph it stands in, needed only when the words stand in more than one."""

    _expand, __get_pydantic_json_schema__ = _shorthand("text", {"type": "string"})


class Reaction(Model):
    """What one person said, in the source's words."""

    id: Id
    """Short unique name: `commissioner-response`."""
    person: Id
    """The `id` of the person speaking (see `people`)."""
    speaks_for: Literal["inspector", "subject", "other"] = "other"
    """Whose voice this is: the inspecting body, the organisation inspected, or another party."""
    quotes: list[Quote] = []
    """The quoted words, one entry per source paragraph (none only with `cut_off: true`)."""
    responds_to: list[Id] = []
    """Ids of the findings or concerns this reaction answers."""
    cut_off: StrictBool = False
    """True when the copy cuts this reaction short: the speaker goes on (see `source.cut_short`)."""

    @model_validator(mode="after")
    def _has_words(self) -> Reaction:
        """A reaction is what someone said; with no words, only a copy cut off excuses it."""
        if not self.quotes and not self.cut_off:
            raise ValueError("a reaction needs at least one quote under quotes: (or cut_off: "
                             "true, when the copy of the source stops before the words)")
        return self


class BriefingMetadata(Model):
    """The curated metadata of one briefing (`docs/<slug>/briefing.yml`)."""

    title: Text
    """The briefing's title: what happened, in a line."""
    summary: Text
    """Two or three sentences a busy reader can stop after. Blank lines separate paragraphs."""
    summary_cites: list[Citation] = []
    """The source paragraph(s) the summary rests on, shown with it, as a point's are."""
    subject: Organisation
    """The organisation inspected."""
    inspector: Organisation
    """The inspecting body."""
    source: Source
    """Where `source.txt` comes from."""
    report: Report | None = None
    """The inspection report the source is about."""
    tags: list[Text] = []
    """Topics, for grouping briefings: `child protection`, `policing`."""
    findings: list[Point] = []
    """What the inspection found to be good."""
    concerns: list[Point] = []
    """What the inspection found wanting."""
    people: list[Person] = []
    """Everyone quoted."""
    reactions: list[Reaction] = []
    """Who said what, in the source's words: the inspector's statement and the responses."""
    no_subject_response: StrictBool = False
    """True when the source says the organisation inspected gave no response (rather than
    the briefing leaving it out); `check` then stops asking for one."""
    follows: Id | None = None
    """The folder name of the briefing on the previous inspection of the same organisation."""
    commitments: list[Commitment] = []
    """What people promised to do, with when by, where the source says so."""
    recommendations: list[Recommendation] = []
    """What the inspectors recommended."""
    corrections: list[Correction] = []
    """Changes made after publication, dated; shown on every page and in the feed."""


def json_schema() -> dict[str, Any]:
    """The JSON Schema of `briefing.yml`, for editors (yaml-language-server) and other tools."""
    schema = BriefingMetadata.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
