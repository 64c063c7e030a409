"""The project's register of organisations: one identity for each, whatever it was called.

In: the docs folder, which may hold `organisations.yml`: each organisation's id, its names
over time (a body renamed keeps its id) and the other names the sources use for it. Out:
an `Organisations` register that gives every organisation a briefing names its `Identity`
(by the id the briefing gives, or else by any of its names or aliases), and the `Problem`s
of the file, located by line. Without the file, each name is an identity of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import Field, ValidationError

from ..errors import Problem
from ..language.words import ascii_only
from .files import DEFAULT_MAX_MB, UnsafeFile, read_input_file
from .values import DateFact, Id, Model, Text
from .yamlfile import YamlSyntaxError, item_path, load_yaml

ORGANISATIONS_FILE = "organisations.yml"


class NameInUse(Model):
    """One name an organisation went by, and when."""

    name: Text
    """The name in full: `HM Inspectorate of Constabulary`."""
    short_name: str | None = None
    """Its abbreviation: `HMIC`."""
    since: DateFact | None = None
    """When it took this name."""


class OrganisationRecord(Model):
    """One organisation, under every name it has had."""

    id: Id
    """Short unique name that briefings refer to: `hmicfrs`."""
    names: list[NameInUse] = Field(min_length=1)
    """Its names, oldest first; the last is the one pages show."""
    aliases: list[Text] = []
    """Other names the sources use for it: `Cumbria Police`."""


class OrganisationsFile(Model):
    """What `docs/organisations.yml` holds."""

    organisations: list[OrganisationRecord] = []


@dataclass(frozen=True)
class Identity:
    """One organisation, however a briefing names it."""

    id: str
    name: str
    """The name pages show: its newest."""
    names: tuple[NameInUse, ...] = ()
    """Its names over time, oldest first (one only for an organisation not registered)."""

    @property
    def renamed(self) -> bool:
        return len(self.names) > 1


@dataclass(frozen=True)
class Organisations:
    """The register: every name, abbreviation and alias, folded, to the identity it means."""

    by_id: dict[str, Identity]
    by_name: dict[str, Identity]

    def identity(self, name: str, id: str | None = None) -> Identity:
        """The identity of the organisation a briefing names `name` (and gives `id`, if any)."""
        if id is not None and id in self.by_id:
            return self.by_id[id]
        found = self.by_name.get(_folded(name))
        return found or Identity(_slug(name), name, (NameInUse(name=name),))


def load_organisations(docs_dir: Path, max_bytes: int = int(DEFAULT_MAX_MB * 1_000_000)
                       ) -> tuple[Organisations, list[Problem]]:
    """The register in `docs_dir/organisations.yml` (empty without the file), and its problems."""
    path = docs_dir / ORGANISATIONS_FILE
    if not path.exists():
        return Organisations({}, {}), []
    try:
        text = read_input_file(path, max_bytes, inside=docs_dir).decode("utf-8-sig")
        document = load_yaml(text)
        records = OrganisationsFile.model_validate(document.data or {}).organisations
    except UnsafeFile as refusal:
        return Organisations({}, {}), [Problem(path, refusal.message)]
    except (OSError, UnicodeDecodeError) as error:
        return Organisations({}, {}), [Problem(path, f"cannot be read as UTF-8 text: {error}.")]
    except YamlSyntaxError as error:
        return Organisations({}, {}), [Problem(path, error.message, error.line)]
    except ValidationError as error:
        return Organisations({}, {}), [
            Problem(path, detail["msg"] + ". See 'Organisations' in README.md.",
                    document.line_of(tuple(detail["loc"])), item_path(tuple(detail["loc"])))
            for detail in error.errors()]
    return _register(path, records, document.line_of)


def _register(path: Path, records: list[OrganisationRecord], line_of
              ) -> tuple[Organisations, list[Problem]]:
    by_id: dict[str, Identity] = {}
    by_name: dict[str, Identity] = {}
    problems = []
    for i, record in enumerate(records):
        identity = Identity(record.id, record.names[-1].name, tuple(record.names))
        if record.id in by_id:
            problems.append(Problem(path, f"id '{record.id}' is used twice; give each "
                            "organisation its own.", line_of(("organisations", i, "id"))))
        by_id[record.id] = identity
        written = [n.name for n in record.names] + [n.short_name for n in record.names
                                                    if n.short_name] + record.aliases
        for name in written:
            other = by_name.get(_folded(name))
            if other is not None and other.id != record.id:
                problems.append(Problem(path, (
                    f"'{name}' is listed for both '{other.id}' and '{record.id}'; a name "
                    "can stand for one organisation only."), line_of(("organisations", i))))
            by_name[_folded(name)] = identity
    return Organisations(by_id, by_name), problems


def _folded(name: str) -> str:
    """Names as the register compares them: case, accents, `&`/`and` and spacing aside."""
    return " ".join(ascii_only(name).casefold().replace("&", " and ").split())


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", ascii_only(name).lower()).strip("-") or "unnamed"
