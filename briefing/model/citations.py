"""Where a briefing's items stand in its source, and what cites each source paragraph.

In: the cited paragraphs and the spans of them that were matched (`checks.passages`).
Out: `Citation`s, which give a quotation exactly as the source has it (with its cuts, and an
editor's insertions marked) and the whole of what a cut quotation was cut from; and, for the
Source page, each paragraph cut into `Segment`s that know what cites them, so templates can
mark quoted passages without any HTML being built here.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..inputs.source import Paragraph, SourceText
from ..language.sentences import sentence_spans


@dataclass(frozen=True)
class Citation:
    """A paragraph an item rests on, and the spans of it the item quotes (if any)."""

    paragraph: Paragraph
    spans: tuple[tuple[int, int], ...] = ()
    gaps: tuple[tuple[str, ...], ...] = ()
    """An editor's insertions around and between the spans (`PassageMatch.gaps`), if any."""

    @property
    def pieces(self) -> tuple[tuple[str, str], ...]:
        """The quotation as shown, in order: ("source", words exactly as the source has them),
        ("cut", "…") between spans, ("editorial", "[words]") for an editor's insertion."""
        gaps = self.gaps or ((),) * (len(self.spans) + 1)
        pieces: list[tuple[str, str]] = []
        for i, (start, end) in enumerate(self.spans):
            marks = [m for m in gaps[i] if m != "…"] if i == 0 else list(gaps[i]) or ["…"]
            pieces.extend(("cut" if m == "…" else "editorial", m) for m in marks)
            pieces.append(("source", self.paragraph.text[start:end]))
        pieces.extend(("editorial", m) for m in gaps[-1] if m != "…")
        return tuple(pieces)

    @property
    def quoted(self) -> str:
        """The quotation as text: the source's words, cuts shown as " … ", insertions in their
        square brackets."""
        return " ".join(text for _, text in self.pieces)

    @property
    def is_cut(self) -> bool:
        """Words of the source are left out or replaced between the first word and the last."""
        return len(self.spans) > 1 or any(self.gaps)

    @property
    def uncut(self) -> str:
        """The source's whole sentence(s) the quotation was cut from, for the reader to compare."""
        first, last = self.spans[0][0], self.spans[-1][1]
        sentences = sentence_spans(self.paragraph.text)
        start = max((s for s, _ in sentences if s <= first), default=0)
        end = min((e for _, e in sentences if e >= last), default=len(self.paragraph.text))
        return self.paragraph.text[start:end]


@dataclass(frozen=True, eq=False)
class Reference:
    """Something in the briefing that cites a source paragraph: the way back from the source."""

    kind: str
    """`summary`, `finding`, `concern` or `quote`: how the Source page marks what it cites."""
    number: int
    """Its position among the briefing's items of its kind (`Point.number`, `Quote.position`);
    0 for the summary, of which there is one."""
    section: str
    anchor: str
    text: str
    speaker: str = ""
    """Who said it, for a quote."""


KIND_ORDER = ("quote", "concern", "finding", "summary")
"""Which kind a passage is marked as when several cite it: a quote's words first."""


@dataclass(frozen=True)
class Segment:
    """A run of a paragraph's text; `references` is non-empty where the run is quoted or cited."""

    text: str
    references: tuple[Reference, ...] = ()

    @property
    def kind(self) -> str:
        """The kind this run is marked as (`KIND_ORDER`), or "" where nothing cites it."""
        kinds = {ref.kind for ref in self.references}
        return next((kind for kind in KIND_ORDER if kind in kinds), "")


@dataclass(frozen=True)
class SourceParagraph:
    """A source paragraph with what cites it."""

    paragraph: Paragraph
    segments: tuple[Segment, ...]
    cited_by: tuple[Reference, ...]


def source_paragraphs(source: SourceText, points, reactions, summary: tuple[Citation, ...],
                       summary_text: str) -> tuple[SourceParagraph, ...]:
    cited_by: dict[int, list[tuple[Reference, Citation]]] = {}
    reference = Reference("summary", 0, "index", "summary", summary_text)
    for citation in summary:
        cited_by.setdefault(citation.paragraph.number, []).append((reference, citation))
    for point in points:
        reference = Reference(point.kind, point.number, point.section, point.anchor, point.text)
        for citation in point.citations:
            cited_by.setdefault(citation.paragraph.number, []).append((reference, citation))
    for reaction in reactions:
        for quote in reaction.quotes:
            reference = Reference("quote", quote.position, "reactions", quote.anchor,
                                  quote.text, reaction.person.name)
            number = quote.citation.paragraph.number
            cited_by.setdefault(number, []).append((reference, quote.citation))
    return tuple(
        SourceParagraph(p, _segments(p.text, cited_by.get(p.number, [])),
                        _unique(ref for ref, _ in cited_by.get(p.number, [])))
        for p in source.paragraphs
    )


def marked_kinds(paragraphs: tuple[SourceParagraph, ...]) -> tuple[str, ...]:
    """The kinds of mark the Source page shows, in `KIND_ORDER`: what its key explains."""
    kinds = {seg.kind for p in paragraphs for seg in p.segments}
    return tuple(kind for kind in KIND_ORDER if kind in kinds)


def _segments(text: str, citations: list[tuple[Reference, Citation]]) -> tuple[Segment, ...]:
    """Cut `text` at every span boundary; each run knows which references cover it."""
    if not any(citation.spans for _, citation in citations):
        return (Segment(text),)
    cuts = {0, len(text)}
    for _, citation in citations:
        for start, end in citation.spans:
            cuts.update((start, end))
    bounds = sorted(cuts)
    segments = []
    for start, end in zip(bounds, bounds[1:]):
        covering = _unique(ref for ref, c in citations
                           if any(s <= start and end <= e for s, e in c.spans))
        segments.append(Segment(text[start:end], covering))
    return tuple(segments)


def _unique(references) -> tuple[Reference, ...]:
    return tuple(dict.fromkeys(references))
