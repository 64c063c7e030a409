"""What a briefing still misses: the source read against the curated metadata.

In: a checked `WholeBriefing` and where its quotes stand (`Locations`). Out: a
`Coverage` naming the source paragraphs no item cites, speech in the source no
reaction quotes, people the source quotes who have no entry, items still
marked DRAFT, and whether the organisation inspected has its say. These are
warnings for the analyst (errors under `check --strict`), not mistakes.

Speech and speakers are found by the same rules that draft a briefing
(`language.speech.read_speech`), so `new` and `check` agree on what the text says.
Speech counts as heard when a reaction quotes its paragraph, or when a finding or
concern names a passage holding its words (the analyst used them as a point); quoted
passages of six words or more whose speaker the rules cannot tell are reported too,
as "speaker not clear", so that nothing quoted goes unseen.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import Problem
from ..inputs.folders import WholeBriefing
from ..inputs.source import ParagraphKind
from ..inputs.yamlfile import item_path
from ..language.boilerplate import boilerplate_reason
from ..language.speech import Speech, read_speech
from .checker import Locations
from .cuts import RiskyCut, risky_cuts

NEED_NO_CITATION = {ParagraphKind.HEADING, ParagraphKind.ASIDE}
UNCLEAR_SPEAKER = "speaker not clear"


@dataclass(frozen=True)
class Coverage:
    slug: str
    paragraphs: int
    uncited: tuple[int, ...]
    """Source paragraphs (headings and asides aside) that no finding, concern or quote cites."""
    unquoted_speech: tuple[tuple[int, str], ...]
    """(paragraph, speaker) for speech in the source that no reaction quotes, in reading order;
    the speaker is `UNCLEAR_SPEAKER` where the rules cannot tell who speaks."""
    unlisted_people: tuple[str, ...]
    """People the source quotes who are not under `people:`."""
    draft_lines: tuple[int, ...]
    """Lines of briefing.yml still carrying a `# DRAFT` (or `# FILL IN`) mark."""
    placeholders: tuple[str, ...]
    """Fields still holding a placeholder to fill in: `source.outlet`."""
    subject_heard: bool
    """The organisation inspected has a reaction, or the briefing says it gave none."""
    subject_cut_off: bool = False
    """Its response is heard but incomplete: the copy of the source cuts it off."""
    risky_cuts: tuple[RiskyCut, ...] = ()
    """Cuts in quotes and passages that leave out words that may change the meaning."""

    def warnings(self, loaded: WholeBriefing) -> list[Problem]:
        """One located warning per kind of gap."""
        path, subject = loaded.metadata_path, loaded.metadata.subject.name
        found = []
        if self.unquoted_speech:
            where = ", ".join(f"paragraph {n} ({who})" for n, who in self.unquoted_speech)
            found.append(Problem(path, f"speech in the source that no reaction quotes: {where}. "
                                       "Quote it under reactions:, or leave it out knowingly.",
                                 loaded.line_of(("reactions",)), "reactions"))
        if self.unlisted_people:
            found.append(Problem(path, "quoted in the source but not under people: "
                                       f"{', '.join(self.unlisted_people)}.",
                                 loaded.line_of(("people",)), "people"))
        if self.draft_lines:
            lines = ", ".join(str(n) for n in self.draft_lines)
            found.append(Problem(path, f"{len(self.draft_lines)} items are still marked DRAFT "
                                       f"(lines {lines}). Review each, then delete its mark."))
        for cut in self.risky_cuts:
            found.append(Problem(path, f"this cut may change the meaning: it {cut.reason} "
                                       f"(\"{_shortened(cut.left_out)}\"). Quote those words too, "
                                       "or make sure the cut keeps the source's sense.",
                                 loaded.line_of(cut.path), item_path(cut.path)))
        for field, at in zip(self.placeholders, loaded.placeholders):
            found.append(Problem(path, "still holds a placeholder. Write what the source says "
                                       "(or what you know, marked inferred: true with its "
                                       "basis).", loaded.line_of(at), field))
        if not self.subject_heard:
            found.append(Problem(path, f"no reaction speaks for {subject}. Add its response "
                                       "(speaks_for: subject), or set no_subject_response: true "
                                       "if the source says it gave none.",
                                 loaded.line_of(("reactions",)), "reactions"))
        return found


def coverage_of(loaded: WholeBriefing, locations: Locations) -> Coverage:
    metadata, source = loaded.metadata, loaded.source
    cited = {c.paragraph for p in metadata.findings + metadata.concerns for c in p.cites}
    quoted = {match.paragraph.number for path, match in locations.matches.items()
              if path[0] == "reactions"}
    boilerplate = {p.number for p in source.paragraphs if boilerplate_reason(p)}
    speech = read_speech(source, boilerplate)
    cast = speech.cast
    names = {p.name.casefold() for p in metadata.people}
    surnames = {p.name.split()[-1].casefold() for p in metadata.people if p.name.split()}
    return Coverage(
        slug=loaded.slug,
        paragraphs=len(source),
        uncited=tuple(p.number for p in source.paragraphs
                      if p.number not in cited | quoted and p.kind not in NEED_NO_CITATION
                      and p.number not in boilerplate),
        unquoted_speech=_unquoted(speech, quoted, _passages(locations)),
        unlisted_people=tuple(dict.fromkeys(
            s.name for s in cast.people if s.quoted and s.name.casefold() not in names
            and s.surname.casefold() not in surnames)),
        draft_lines=loaded.review_lines,
        placeholders=tuple(item_path(path) for path in loaded.placeholders),
        subject_heard=metadata.no_subject_response
        or any(r.speaks_for == "subject" for r in metadata.reactions),
        subject_cut_off=any(r.speaks_for == "subject" and r.cut_off for r in metadata.reactions),
        risky_cuts=tuple(risky_cuts(locations)),
    )


def _passages(locations: Locations) -> dict[int, list[tuple[int, int]]]:
    """The spans each paragraph's named passages (of findings and concerns) cover."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for path, match in locations.matches.items():
        if path[0] in ("findings", "concerns"):
            spans.setdefault(match.paragraph.number, []).append(
                (match.spans[0][0], match.spans[-1][1]))
    return spans


def _unquoted(speech: Speech, quoted: set[int],
              passages: dict[int, list[tuple[int, int]]]) -> tuple[tuple[int, str], ...]:
    """(paragraph, speaker) of the speech no reaction quotes and no passage holds."""
    def heard(number: int, stretches) -> bool:
        return number in quoted or all(
            any(start <= a and b <= end for start, end in passages.get(number, ()))
            for a, b in stretches)

    found = [(q.paragraph.number, q.speaker.name) for q in speech.quotes
             if not heard(q.paragraph.number, q.spans)]
    found += [(p.paragraph.number, UNCLEAR_SPEAKER) for p in speech.unattributed
              if not heard(p.paragraph.number, [p.span])]
    return tuple(dict.fromkeys(sorted(found, key=lambda item: item[0])))


def _shortened(words: str, limit: int = 80) -> str:
    return words if len(words) <= limit else words[:limit].rsplit(" ", 1)[0] + " …"
