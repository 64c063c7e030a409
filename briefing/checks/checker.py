"""Check a loaded briefing against its source: the promises a briefing makes.

In: a `WholeBriefing` (its metadata and source both loaded). Out: the list of
`Problem`s (empty when the briefing is sound) and, for the model stage, where
every quote and cited passage stands in the source (`Locations`).

Checked: ids are unique; every cited paragraph exists and every named passage
stands in it; every quote stands in the source word for word (see `quotes`),
in exactly one paragraph or the one it names; every person and every item a
reaction refers to exists; and, if the briefing has a `source.lock`, that every
paragraph it relies on is still the one it was (see `lock`).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from ..errors import Problem
from ..inputs.folders import SOURCE_FILE, WholeBriefing
from ..inputs.schema import BriefingMetadata, Citation, Quote
from ..inputs.source import SourceText
from ..inputs.yamlfile import item_path
from .lock import held_to_lock
from .closest import closest_passage, word_differences
from .passages import PassageMatch, find_passage

Path = tuple


@dataclass
class Locations:
    """Where each checked citation and quote stands, keyed by its item path."""

    matches: dict[Path, PassageMatch] = field(default_factory=dict)


def check_briefing(briefing: WholeBriefing) -> tuple[list[Problem], Locations]:
    """All problems of one briefing, and the locations of what was found."""
    checker = _Checker(briefing)
    checker.run()
    return held_to_lock(briefing, checker.problems, checker.locations.matches), checker.locations


class _Checker:
    def __init__(self, briefing: WholeBriefing):
        self.briefing = briefing
        self.metadata: BriefingMetadata = briefing.metadata
        self.source: SourceText = briefing.source
        self.problems: list[Problem] = []
        self.locations = Locations()

    def run(self) -> None:
        self.check_unique_ids()
        for section in ("findings", "concerns", "commitments", "recommendations"):
            for i, point in enumerate(getattr(self.metadata, section)):
                for j, citation in enumerate(point.cites):
                    self.check_citation(citation, (section, i, "cites", j))
        for j, citation in enumerate(self.metadata.summary_cites):
            self.check_citation(citation, ("summary_cites", j))
        self.check_cut_short()
        point_ids = {p.id for p in self.metadata.findings + self.metadata.concerns}
        person_ids = {p.id for p in self.metadata.people}
        for i, reaction in enumerate(self.metadata.reactions):
            if reaction.person not in person_ids:
                self.report(("reactions", i, "person"), (
                    f"no person with id '{reaction.person}'. "
                    f"{_suggest(reaction.person, person_ids)} "
                    "Otherwise, add them under 'people:'."))
            for j, target in enumerate(reaction.responds_to):
                if target not in point_ids:
                    self.report(("reactions", i, "responds_to", j), (
                        f"no finding or concern with id '{target}'. "
                        f"{_suggest(target, point_ids)}"))
            for j, quote in enumerate(reaction.quotes):
                self.check_quote(quote, ("reactions", i, "quotes", j))

    def report(self, path: Path, message: str) -> None:
        item = item_path(path)
        self.problems.append(Problem(
            self.briefing.metadata_path, message, self.briefing.line_of(path), item))

    def check_cut_short(self) -> None:
        """A cut must fall inside the copy, and a reaction cut off needs the copy to be."""
        cut = self.metadata.source.cut_short
        if cut is not None and self.source.paragraph(cut.after_paragraph) is None:
            self.report(("source", "cut_short"), (
                f"paragraph {cut.after_paragraph} does not exist: {SOURCE_FILE} has "
                f"{len(self.source)} paragraphs. Give the last paragraph before the cut."))
        for i, reaction in enumerate(self.metadata.reactions):
            if reaction.cut_off and cut is None:
                self.report(("reactions", i, "cut_off"), (
                    "the reaction is cut off, but the source is not marked as cut short. Add "
                    "cut_short: N under source:, N being the copy's last paragraph before the "
                    "cut."))

    def check_unique_ids(self) -> None:
        first_seen: dict[str, Path] = {}
        for section in ("findings", "concerns", "people", "reactions", "commitments",
                        "recommendations"):
            for i, item in enumerate(getattr(self.metadata, section)):
                path = (section, i, "id")
                if item.id in first_seen:
                    earlier = first_seen[item.id]
                    self.report(path, (
                        f"id '{item.id}' is already used by {item_path(earlier[:2])} (line "
                        f"{self.briefing.line_of(earlier)}). Ids must be unique in a briefing."))
                else:
                    first_seen[item.id] = path

    def check_citation(self, citation: Citation, path: Path) -> None:
        paragraph = self.source.paragraph(citation.paragraph)
        if paragraph is None:
            self.report(path + ("paragraph",), (
                f"paragraph {citation.paragraph} does not exist: {SOURCE_FILE} has "
                f"{len(self.source)} paragraphs. See the numbers on the Source page."))
            return
        if citation.passage is None:
            return
        found = find_passage(citation.passage, self.source)
        matches = [m for m in found if m.paragraph.number == citation.paragraph]
        if matches:
            self.locations.matches[path] = matches[0]
        else:
            self.report(path + ("passage",), self.not_found(
                citation.passage, f"paragraph {citation.paragraph}", found))

    def check_quote(self, quote: Quote, path: Path) -> None:
        matches = find_passage(quote.text, self.source)
        if quote.paragraph is not None:
            named = [m for m in matches if m.paragraph.number == quote.paragraph]
            if not named:
                where = f"paragraph {quote.paragraph}"
                self.report(path, self.not_found(quote.text, where, matches))
                return
            matches = named
        if not matches:
            self.report(path, self.not_found(quote.text, SOURCE_FILE))
        elif len(matches) > 1:
            numbers = ", ".join(str(m.paragraph.number) for m in matches)
            self.report(path, (
                f"these words stand in paragraphs {numbers}. Say which is meant: write the "
                "quote as 'text: ...' with 'paragraph: N'."))
        else:
            self.locations.matches[path] = matches[0]

    def not_found(self, passage: str, where: str, elsewhere=()) -> str:
        message = f"not found in {where}, word for word."
        if elsewhere:
            numbers = ", ".join(str(m.paragraph.number) for m in elsewhere)
            return f"{message} It stands in paragraph {numbers}: correct the paragraph number."
        closest = closest_passage(passage, self.source)
        if closest is not None:
            message += (f" Closest passage (paragraph {closest.paragraph.number}): "
                        f"\"{closest.text}\".")
            differences = word_differences(passage, closest.text)
            if differences:
                message += " Where they differ (source -> yours): " + "; ".join(
                    f"{_shown(theirs)} -> {_shown(ours)}" for theirs, ours in differences) + "."
        return message + " Check the wording, or mark a cut with \"...\"."


def _shown(words: str) -> str:
    return f"\"{words}\"" if words else "(nothing)"


def _suggest(wrong: str, ids: set[str]) -> str:
    """"Did you mean 'x'?" when one id is close, else the ids there are."""
    close = difflib.get_close_matches(wrong, sorted(ids), n=1)
    if close:
        return f"Did you mean '{close[0]}'?"
    return f"Use one of: {', '.join(sorted(ids))}." if ids else "None are defined yet."
