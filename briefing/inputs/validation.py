"""What a value of the wrong shape in `briefing.yml` means, in the writer's terms.

In: the errors pydantic reports when validating the metadata (`schema`), and the YAML
document's line map. Out: one located `Problem` per error, saying what was expected,
what was found (the value itself where it is short: `found 'inspectorate'`), and how
to write it; never the validator's own vocabulary ("dictionary", "instance", "string").
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from ..errors import Problem
from .reference import SHORTHANDS
from .schema import BriefingMetadata
from .yamlfile import YamlDocument, item_path

SHOWN_MAX = 60
"""Longer values are shortened in a message: the line number finds the rest."""
ITEM_NAMES = {"findings": "finding", "concerns": "concern", "people": "person",
              "reactions": "reaction", "quotes": "quote", "cites": "citation",
              "summary_cites": "citation"}
EXPECTED = {"string_type": "text", "int_type": "a whole number", "int_parsing": "a whole number",
            "int_from_float": "a whole number", "bool_type": "true or false",
            "bool_parsing": "true or false", "list_type": "a list (written [a, b] or as lines "
            "starting with '- ')", "dict_type": "fields (name: value, each on its own line)"}


def validation_problems(path: Path, document: YamlDocument,
                        error: ValidationError) -> Iterator[Problem]:
    for detail in error.errors():
        loc = tuple(detail["loc"])
        yield Problem(path, explain(detail, loc), document.line_of(loc), item_path(loc))


def explain(detail: ErrorDetails, loc: tuple) -> str:
    """The message for one validation error at `loc`."""
    kind, field = detail["type"], loc[-1] if loc else ""
    given, ctx = detail.get("input"), detail.get("ctx") or {}
    if kind == "control_character":
        return detail["msg"]
    if kind == "value_error":
        reason = detail["msg"].removeprefix("Value error, ")
        return _with_help(f"{reason}.", loc)
    if kind == "missing":
        return _with_help(f"missing required field '{field}'.", loc)
    if kind == "extra_forbidden":
        known = known_fields(loc[:-1])
        close = difflib.get_close_matches(str(field), known, n=1)
        hint = f"Did you mean '{close[0]}'?" if close else f"Known fields: {', '.join(known)}."
        return f"unknown field '{field}'. {hint}"
    if kind == "literal_error":
        return _choice(given, ctx, loc)
    if kind == "model_type":
        return _with_help(_not_fields(given, loc, ctx.get("class_name", "")), loc)
    if kind == "string_pattern_mismatch":
        return _pattern(given, loc)
    if kind in ("string_too_short", "too_short"):
        return _with_help("is empty: write what it should hold.", loc)
    if kind in ("string_too_long", "too_long"):
        return _with_help(f"is too long (at most {ctx.get('max_length')}).", loc)
    if kind in ("greater_than_equal", "greater_than"):
        least = ctx.get("ge", ctx.get("gt"))
        return _with_help(f"must be {least} or more; found {shown_value(given)}.", loc)
    expected = EXPECTED.get(kind, "another kind of value")
    return _with_help(f"expected {expected}, found {shown_value(given)}.{_quote_tip(kind, given)}",
                      loc)


def _choice(given, ctx: dict, loc: tuple) -> str:
    choices = [c.strip(" '") for c in ctx.get("expected", "").replace(" or ", ",").split(",")]
    choices = [c for c in choices if c]
    close = difflib.get_close_matches(str(given), choices, n=1, cutoff=0.5)
    hint = f" Did you mean '{close[0]}'?" if close else ""
    return _with_help(f"write one of {', '.join(choices[:-1])} or {choices[-1]}; found "
                      f"{shown_value(given)}.{hint}", loc)


def _not_fields(given, loc: tuple, class_name: str) -> str:
    """A value where a group of fields belongs: a finding written as a plain line, say."""
    model = model_at(loc)
    in_list = len(loc) > 1 and isinstance(loc[-1], int)
    what = (ITEM_NAMES.get(str(loc[-2])) if in_list else None) or class_name.lower() or "item"
    required = [name for name, f in model.model_fields.items() if f.is_required()] if model \
        else []
    article = "an" if what[0] in "aeiou" else "a"
    message = f"expected {article} {what} written as its fields"
    if required:
        layout = " under its '- '" if in_list else ""
        message += f" ({', '.join(name + ':' for name in required)} each on its own line{layout})"
    if (shorthand := SHORTHANDS.get(class_name)):
        message += f", or as {shorthand.split(':', 1)[0]}"
    return f"{message}; found {shown_value(given)}."


def _pattern(given, loc: tuple) -> str:
    if loc and (loc[-1] == "id" or "person" in loc or "responds_to" in loc):
        return (f"{shown_value(given)} is not a valid id: use lower-case letters, digits "
                "and hyphens, e.g. 'missing-children'.")
    if "date" in loc:
        return (f"{shown_value(given)} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD, "
                "e.g. 2017-01-26.")
    return f"{shown_value(given)} is not a web address starting with http:// or https://."


def _quote_tip(kind: str, given) -> str:
    """Text that YAML read as fields: usually ': ' inside it, unquoted."""
    if kind == "string_type" and isinstance(given, dict):
        return " If the text holds ': ', put it in quotes: 'Police: an update'."
    return ""


def shown_value(value) -> str:
    """The value as a message shows it: `'inspectorate'`, `3`, `a list`, `nothing`."""
    if isinstance(value, str):
        return repr(value if len(value) <= SHOWN_MAX
                    else value[:SHOWN_MAX].rsplit(" ", 1)[0] + " …")
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "fields (name: value)"
    return type(value).__name__


def _with_help(message: str, loc: tuple) -> str:
    model = model_at(loc[:-1])
    field = model.model_fields.get(str(loc[-1])) if model and loc else None
    return f"{message} It is: {field.description}" if field and field.description else message


def model_at(loc: tuple) -> type[BaseModel] | None:
    """The metadata model that describes the mapping at `loc`."""
    model: type[BaseModel] | None = BriefingMetadata
    for part in loc:
        if isinstance(part, int) or model is None:
            continue
        field = model.model_fields.get(str(part))
        model = _inner_model(field.annotation) if field else None
    return model


def _inner_model(annotation) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        if (found := _inner_model(arg)) is not None:
            return found
    return None


def known_fields(loc: tuple) -> list[str]:
    model = model_at(loc)
    return list(model.model_fields) if model else []
