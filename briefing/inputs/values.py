"""The building blocks of the metadata: its base model, shorthands and value types.

In: nothing. Out: `Model` (unknown keys are mistakes, values never change, no control
characters), `_shorthand` (a plain value standing for a mapping), the patterns of ids,
web addresses and dates, and `Citation`, which every cited item shares. `schema` and
`followup` build the metadata from them.
"""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Any

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


class Citation(Model):
    """A source paragraph an item rests on; written as its number alone if no passage is named."""

    paragraph: StrictInt = Field(ge=1)
    """Paragraph number, as shown on the Source page."""
    passage: str | None = None
    """The exact words of that paragraph the item rests on (checked; highlighted in the source)."""

    _expand, __get_pydantic_json_schema__ = _shorthand(
        "paragraph", {"type": "integer", "minimum": 1}
    )


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
