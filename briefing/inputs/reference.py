"""The metadata reference in the README, generated from the model.

In: the pydantic models of `schema`. Out: a list of `ModelReference`s (one per
model, in the order a reader meets them) that `templates/reference.md` turns
into Markdown tables. `build.py schema` writes it between the README's
reference markers, so the documentation cannot drift from the code.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from pathlib import Path

import jinja2
from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from .schema import BriefingMetadata

START = "<!-- metadata-reference:start -->"
END = "<!-- metadata-reference:end -->"
SHORTHANDS = {
    "Fact": "a plain value: `headline: Police need to improve ...`",
    "DateFact": "a plain date: `published: 2017-01-26`",
    "Citation": "a paragraph number: `cites: [15, 4]`",
    "Quote": "a plain string: `- We welcome the findings ...`",
    "CutShort": "a paragraph number: `cut_short: 33`",
}


@dataclass(frozen=True)
class FieldReference:
    name: str
    type: str
    required: bool
    default: str
    description: str


@dataclass(frozen=True)
class ModelReference:
    name: str
    description: str
    shorthand: str | None
    fields: tuple[FieldReference, ...]


def model_references(root: type[BaseModel] = BriefingMetadata) -> list[ModelReference]:
    """Every model reachable from `root`, breadth first, each once."""
    seen: list[type[BaseModel]] = [root]
    for model in seen:
        for field in model.model_fields.values():
            for inner in _models_in(field.annotation):
                if inner not in seen:
                    seen.append(inner)
    return [_describe(model) for model in seen]


def render_reference(templates_dir: Path) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(templates_dir),
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    return env.get_template("reference.md").render(models=model_references())


def update_readme(readme: Path, templates_dir: Path) -> None:
    """Replace the text between the README's reference markers with the current reference."""
    text = readme.read_text(encoding="utf-8")
    if START not in text or END not in text:
        raise ValueError(f"{readme} has no {START} ... {END} markers")
    before, rest = text.split(START, 1)
    _, after = rest.split(END, 1)
    body = render_reference(templates_dir)
    readme.write_text(f"{before}{START}\n{body}{END}{after}", encoding="utf-8", newline="\n")


def _describe(model: type[BaseModel]) -> ModelReference:
    fields = tuple(
        FieldReference(
            name=name,
            type=_type_name(field.annotation),
            required=field.is_required(),
            default="" if field.default in (PydanticUndefined, None) or field.default == []
            else repr(field.default).strip("'"),
            description=field.description or "",
        )
        for name, field in model.model_fields.items()
    )
    return ModelReference(model.__name__, (model.__doc__ or "").strip(),
                          SHORTHANDS.get(model.__name__), fields)


def _models_in(annotation) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models_in(arg)]


def _type_name(annotation) -> str:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return _type_name(args[0])
    if origin in (typing.Union, types.UnionType):
        return " or ".join(_type_name(a) for a in args if a is not type(None))
    if origin is list:
        return f"list of {_type_name(args[0])}"
    if origin is typing.Literal:
        return "one of " + ", ".join(f"`{a}`" for a in args)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"[{annotation.__name__}](#{annotation.__name__.lower()})"
    return {str: "text", int: "number", bool: "true/false"}.get(annotation, str(annotation))
