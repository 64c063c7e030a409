"""The briefing as the pages show it: metadata joined to its source.

In: a checked `WholeBriefing` and its `Locations`. Out: a `Briefing` in which
every finding, concern, quote and the summary hold the source paragraphs they come
from (`citations`), every source paragraph what cites it, and the briefing what
is left to review of its draft.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..checks.checker import Locations
from ..inputs.folders import WholeBriefing
from ..inputs.schema import BriefingMetadata, Compared, Person
from ..inputs.schema import Citation as CitationMetadata
from ..inputs.schema import Point as PointMetadata
from ..inputs.source import SourceText
from ..inputs.yamlfile import item_path
from .citations import Citation, SourceParagraph, marked_kinds, source_paragraphs
from .nextsteps import NextStep


@dataclass(frozen=True)
class Section:
    """One page of a briefing."""

    name: str
    """File name without extension: `findings`; the overview is `index`."""
    title: str
    count: int | None = None
    """Number of items on the page, shown in the navigation; None for pages without items."""


@dataclass(frozen=True)
class Point:
    """A finding or a concern."""

    kind: str
    """`finding` or `concern`."""
    id: str
    text: str
    citations: tuple[Citation, ...]
    number: int = 0
    """1-based position among the briefing's points of its kind: Finding 2, shown as F2."""
    compared: Compared | None = None
    """How it stands against the briefing this one follows (`model.series` pairs them)."""

    @property
    def anchor(self) -> str:
        return f"{self.kind}-{self.id}"

    @property
    def section(self) -> str:
        return f"{self.kind}s"


@dataclass(frozen=True)
class Quote:
    """Words of one reaction that stand in one source paragraph."""

    reaction_id: str
    number: int
    """1-based position within its reaction."""
    citation: Citation
    """Where the words stand. The model keeps no other record of them, so every page shows the
    source's characters (`didn’t`), never briefing.yml's wording of them (`didn't`)."""
    position: int = 0
    """1-based position among all the briefing's quotes, in reaction order: Quote 3, or Q3."""

    @property
    def text(self) -> str:
        """The source's words exactly as it has them, cuts shown as " … " and an editor's
        insertions in their square brackets (`Citation.quoted`)."""
        return self.citation.quoted

    @property
    def anchor(self) -> str:
        return f"quote-{self.reaction_id}-{self.number}"

    section = "reactions"


@dataclass(frozen=True)
class Reaction:
    """What one person said."""

    id: str
    person: Person
    speaks_for: str
    quotes: tuple[Quote, ...]
    responds_to: tuple[Point, ...]
    cut_off: bool = False
    """The copy of the source stops before the speaker does."""

    @property
    def anchor(self) -> str:
        return f"reaction-{self.id}"


@dataclass(frozen=True)
class Review:
    """What the analyst has yet to review of a draft: the marks `build.py new` left."""

    marks: int = 0
    """Items still marked `# DRAFT`."""
    placeholders: tuple[str, ...] = ()
    """Fields still holding a placeholder: `source.outlet`."""

    @property
    def done(self) -> bool:
        return not self.marks and not self.placeholders


@dataclass(frozen=True)
class Briefing:
    """Everything the pages of one briefing show."""

    slug: str
    metadata: BriefingMetadata
    source: SourceText
    findings: tuple[Point, ...]
    concerns: tuple[Point, ...]
    reactions: tuple[Reaction, ...]
    people: tuple[Person, ...]
    source_paragraphs: tuple[SourceParagraph, ...]
    summary_citations: tuple[Citation, ...] = ()
    """The paragraphs the summary rests on, if the analyst cited any."""
    review: Review = Review()
    next_steps: tuple[NextStep, ...] = ()
    """Its commitments, then its recommendations."""

    @property
    def cut_short_after(self) -> int | None:
        """The copy's last paragraph before it is cut short, if it is."""
        cut = self.metadata.source.cut_short
        return cut.after_paragraph if cut else None

    @property
    def marked_kinds(self) -> tuple[str, ...]:
        """The kinds of passage the Source page marks (`citations.marked_kinds`)."""
        return marked_kinds(self.source_paragraphs)

    @property
    def sections(self) -> tuple[Section, ...]:
        return (
            Section("index", "Overview"),
            Section("findings", "Findings", len(self.findings)),
            Section("concerns", "Concerns", len(self.concerns)),
            Section("reactions", "Reactions", len(self.reactions)),
            Section("source", "Source", len(self.source)),
            Section("people", "People", len(self.people)),
        )

    def path(self, section: str) -> str:
        """The site path of one of this briefing's pages: `cumbria/findings.html`."""
        return f"{self.slug}/{section}.html"

    @property
    def export_path(self) -> str:
        """The whole briefing as one self-contained page, to print or save: `downloads/x.html`."""
        return f"downloads/{self.slug}.html"

    @property
    def summary_path(self) -> str:
        """The briefing on one page, to read at a glance or print on one sheet: `x/summary.html`."""
        return self.path("summary")

    @property
    def key_quotes(self) -> tuple[tuple[Reaction, Quote], ...]:
        """The inspectorate's voice, then the inspected organisation's: the first quote of the
        first reaction that speaks for each, since a report of an inspection leads each side
        with the words it chose to stand for it. A side that is not quoted is left out."""
        chosen = []
        for side in ("inspector", "subject"):
            reaction = next((r for r in self.reactions if r.speaks_for == side and r.quotes), None)
            if reaction is not None:
                chosen.append((reaction, reaction.quotes[0]))
        return tuple(chosen)

    def reactions_by(self, person: Person) -> tuple[Reaction, ...]:
        return tuple(r for r in self.reactions if r.person.id == person.id)

    def reactions_to(self, point: Point) -> tuple[Reaction, ...]:
        return tuple(r for r in self.reactions if point in r.responds_to)

    @property
    def updated(self) -> str | None:
        """When it last changed: its newest correction's date, else its source's publication."""
        dates = [c.date for c in self.metadata.corrections]
        published = self.metadata.source.published
        return max(dates) if dates else (published.date if published else None)

    @property
    def sort_key(self) -> tuple[str, str, str]:
        """Newest first on the home page, by the source's publication date, then title, then
        folder name: a total order, so no list depends on the order folders are listed in."""
        published = self.metadata.source.published
        return (published.date if published else "", self.metadata.title, self.slug)


def build_briefing(loaded: WholeBriefing, locations: Locations) -> Briefing:
    """Join checked metadata to its source."""
    metadata, source = loaded.metadata, loaded.source
    findings = _points("finding", metadata.findings, locations, source)
    concerns = _points("concern", metadata.concerns, locations, source)
    by_id = {p.id: p for p in findings + concerns}
    people = {p.id: p for p in metadata.people}
    before = [sum(len(r.quotes) for r in metadata.reactions[:i])
              for i in range(len(metadata.reactions))]
    reactions = tuple(
        Reaction(
            id=r.id,
            person=people[r.person],
            speaks_for=r.speaks_for,
            quotes=tuple(
                Quote(r.id, j + 1, _citation(locations, ("reactions", i, "quotes", j)),
                      before[i] + j + 1)
                for j in range(len(r.quotes))
            ),
            responds_to=tuple(by_id[target] for target in r.responds_to),
            cut_off=r.cut_off,
        )
        for i, r in enumerate(metadata.reactions)
    )
    summary = _citations(metadata.summary_cites, ("summary_cites",), locations, source)
    paragraphs = source_paragraphs(source, findings + concerns, reactions, summary,
                                    metadata.summary)
    review = Review(len(loaded.review_lines), tuple(item_path(p) for p in loaded.placeholders))
    return Briefing(loaded.slug, metadata, source, findings, concerns, reactions,
                    tuple(metadata.people), paragraphs, summary, review,
                    _next_steps(metadata, locations, source))


def _next_steps(metadata: BriefingMetadata, locations: Locations, source: SourceText
                ) -> tuple[NextStep, ...]:
    """Commitments, then recommendations; a commitment's `who` is a person's name when it is
    the id of one of the briefing's people."""
    people = {p.id: p for p in metadata.people}
    steps = []
    for i, promise in enumerate(metadata.commitments):
        person = people.get(promise.who)
        steps.append(NextStep("commitment", promise.id, promise.what,
                              _citations(promise.cites, ("commitments", i, "cites"), locations,
                                         source),
                              person.name if person else promise.who, person, promise.by,
                              promise.status, promise.status_basis))
    for i, advice in enumerate(metadata.recommendations):
        steps.append(NextStep("recommendation", advice.id, advice.text,
                              _citations(advice.cites, ("recommendations", i, "cites"),
                                         locations, source),
                              by=advice.by, recorded_status=advice.status,
                              status_basis=advice.status_basis))
    return tuple(steps)


def _citation(locations: Locations, path: tuple) -> Citation:
    match = locations.matches[path]
    return Citation(match.paragraph, match.spans, match.gaps)


def _points(kind, points: list[PointMetadata], locations: Locations, source: SourceText):
    return tuple(Point(kind, point.id, point.text,
                       _citations(point.cites, (f"{kind}s", i, "cites"), locations, source),
                       number=i + 1, compared=point.compared)
                 for i, point in enumerate(points))


def _citations(cites: list[CitationMetadata], path: tuple, locations: Locations,
               source: SourceText) -> tuple[Citation, ...]:
    """The cited paragraphs, each with the spans of its named passage (checked, so found)."""
    citations = []
    for j, cited in enumerate(cites):
        match = locations.matches.get(path + (j,))
        paragraph = source.paragraph(cited.paragraph)
        assert paragraph is not None, "the checks refuse a paragraph the source does not have"
        citations.append(Citation(paragraph, match.spans, match.gaps) if match
                         else Citation(paragraph))
    return tuple(citations)
