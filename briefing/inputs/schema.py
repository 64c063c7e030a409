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

import datetime
import re
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    field_validator,
    model_validator,
)
from pydantic.json_schema import GetJsonSchemaHandler, WithJsonSchema
from pydantic_core import CoreSchema, PydanticCustomError

from .dates import DATE_PATTERN, first_day

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Id = Annotated[str, Field(pattern=ID_PATTERN, max_length=80)]
WEB_ADDRESS = r"^https?://\S+$"
"""What a URL field holds: an http(s) address, nothing else (no javascript:, no file:)."""
Url = Annotated[str, Field(pattern=WEB_ADDRESS, max_length=2000)]
DATE_JSON_SCHEMA = {"anyOf": [{"type": "string", "pattern": DATE_PATTERN},
                              {"type": "integer", "minimum": 1000, "maximum": 9999}]}
"""A date as an editor should accept it: text, or a year that YAML reads as a number."""
IsoDate = Annotated[str, Field(pattern=DATE_PATTERN), WithJsonSchema(DATE_JSON_SCHEMA)]
Text = Annotated[str, Field(min_length=1)]


CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
"""Characters no web page or feed can carry (XML forbids them); tab and line breaks are fine."""


class Model(BaseModel):
    """Base for every part of the metadata: unknown keys are mistakes, values never change."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, use_attribute_docstrings=True, str_strip_whitespace=True
    )

    @field_validator("*")
    @classmethod
    def _printable(cls, value: Any) -> Any:
        """YAML escapes ("\\e", "\\0") can smuggle in characters that break pages and feeds."""
        for text in (value if isinstance(value, list) else [value]):
            if isinstance(text, str) and (found := CONTROL_CHARACTERS.search(text)):
                raise PydanticCustomError(
                    "control_character", "contains the control character U+{code}, which a web "
                    "page or feed cannot carry; remove it.", {"code": f"{ord(found.group()):04X}"})
        return value


def _shorthand(field: str, json_type: dict[str, Any]):
    """Let a plain value stand for a mapping whose main field is `field`."""

    def expand(cls: type[Model], value: Any) -> Any:
        if isinstance(value, (str, int, datetime.date)) and not isinstance(value, bool):
            return {field: value}
        return value

    def schema(cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler) -> dict[str, Any]:
        return {"anyOf": [json_type, handler(core_schema)]}

    # pydantic makes `expand` a class method, as its first argument is `cls`.
    return model_validator(mode="before")(expand), classmethod(schema)


class Fact(Model):
    """A value with its provenance; written as a plain value when it is simply stated."""

    value: Text
    """The value itself."""
    inferred: StrictBool = False
    """True when the value is not stated by the source but inferred; shown as "inferred"."""
    basis: str | None = None
    """How the value is known (where it was seen, or the reasoning behind an inference)."""

    _expand, __get_pydantic_json_schema__ = _shorthand("value", {"type": "string"})


class DateFact(Model):
    """A date (YYYY, YYYY-MM or YYYY-MM-DD) with its provenance."""

    date: IsoDate
    """The date, as precise as it is known: `2017`, `2017-01` or `2017-01-26`."""
    inferred: StrictBool = False
    """True when the date is not stated by the source but inferred."""
    basis: str | None = None
    """How the date is known."""

    _expand, __get_pydantic_json_schema__ = _shorthand(
        "date", DATE_JSON_SCHEMA
    )

    @field_validator("date", mode="before")
    @classmethod
    def _year_as_text(cls, value: Any) -> Any:
        """YAML reads an unquoted 2017 as a number; it is the year."""
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value

    @field_validator("date")
    @classmethod
    def _exists(cls, value: str) -> str:
        """The pattern admits 2017-13-45; the calendar does not."""
        try:
            first_day(value)
        except ValueError:
            raise ValueError(f"{value} is not a date in the calendar") from None
        return value


class Organisation(Model):
    """An organisation: the one inspected, or the one inspecting."""

    name: Text
    """Full name, as a reader should see it: `Cumbria Constabulary`."""
    short_name: str | None = None
    """Abbreviation the source uses, if any: `HMIC`."""
    url: Url | None = None
    """The organisation's website."""


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


class Citation(Model):
    """A source paragraph an item rests on; written as its number alone if no passage is named."""

    paragraph: StrictInt = Field(ge=1)
    """Paragraph number, as shown on the Source page."""
    passage: str | None = None
    """The exact words of that paragraph the item rests on (checked; highlighted in the source)."""

    _expand, __get_pydantic_json_schema__ = _shorthand(
        "paragraph", {"type": "integer", "minimum": 1}
    )


class Point(Model):
    """A finding or a concern: the curated wording and where the source says it."""

    id: Id
    """Short unique name, lower case with hyphens: `missing-children`. Used in links."""
    text: Text
    """The point in the briefing's own words."""
    cites: list[Citation] = Field(min_length=1)
    """The source paragraph(s) the point rests on."""


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


def json_schema() -> dict[str, Any]:
    """The JSON Schema of `briefing.yml`, for editors (yaml-language-server) and other tools."""
    schema = BriefingMetadata.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
