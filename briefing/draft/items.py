"""What a draft holds: the suggestions `build.py new` writes into `briefing.yml`.

In: nothing; the drafting modules build these. Out: plain frozen dataclasses,
each item carrying `basis`, the reason it was drafted, which the writer turns
into a YAML comment so the analyst sees why each suggestion is there.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..language.marks import PLACEHOLDER

__all__ = ["PLACEHOLDER", "Draft", "DraftOrganisation", "DraftPerson", "DraftPoint",
           "DraftQuote", "DraftReaction", "Guess"]


@dataclass(frozen=True)
class Guess:
    """A value for a field, and how it was found (or that it is a placeholder)."""

    value: str
    basis: str

    @property
    def is_placeholder(self) -> bool:
        return self.value == PLACEHOLDER


@dataclass(frozen=True)
class DraftOrganisation:
    name: Guess
    short_name: str | None = None


@dataclass(frozen=True)
class DraftPoint:
    """A finding or a concern: source words and the paragraph that says them."""

    id: str
    text: str
    """The source's own words, lightly trimmed."""
    paragraph: int
    passage: str | None
    """`text` again when it is only part of the paragraph, so the check finds and marks it."""
    also: tuple[int, ...]
    """Paragraphs that only summarise the same point (a lede, a lead-in)."""
    basis: str


@dataclass(frozen=True)
class DraftPerson:
    id: str
    name: str
    role: str | None
    organisation: str | None
    speaks_for: str
    """`inspector`, `subject` or `other`."""
    basis: str


@dataclass(frozen=True)
class DraftQuote:
    text: str
    """The words between the quotation marks, exactly as in the source."""
    paragraph: int
    needs_paragraph: bool
    """True when the same words stand in another paragraph too, so the number must be given."""


@dataclass(frozen=True)
class DraftReaction:
    id: str
    person: str
    speaks_for: str
    quotes: tuple[DraftQuote, ...]


@dataclass(frozen=True)
class Draft:
    """Everything drafted for one briefing."""

    title: Guess
    summary: Guess
    subject: DraftOrganisation
    inspector: DraftOrganisation
    outlet: Guess
    headline: str | None = None
    url: str | None = None
    published: str | None = None
    findings: tuple[DraftPoint, ...] = ()
    concerns: tuple[DraftPoint, ...] = ()
    people: tuple[DraftPerson, ...] = ()
    reactions: tuple[DraftReaction, ...] = ()
    skipped: tuple[str, ...] = field(default=())
    """Paragraphs left out as boilerplate, for the header comment: "3 (READ MORE link)"."""

    @property
    def placeholders(self) -> tuple[str, ...]:
        """The fields holding a placeholder, as paths into the YAML: `source.outlet`."""
        fields = {"title": self.title, "summary": self.summary, "subject.name": self.subject.name,
                  "inspector.name": self.inspector.name, "source.outlet": self.outlet}
        return tuple(path for path, guess in fields.items() if guess.is_placeholder)
