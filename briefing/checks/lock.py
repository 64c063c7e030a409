"""The source lock: what each citation and quote rested on when the briefing last passed.

A citation names its paragraph by number, and numbers shift when a paragraph is added
to or taken from `source.txt`: every later citation would then point at the wrong
paragraph and still pass. `docs/<slug>/source.lock` records, for every paragraph number
briefing.yml relies on, a hash of that paragraph's text, so a check can tell a paragraph
that moved (its text now stands under another number) from one that changed.

The file is text, one line per citation or quote, in the order of the metadata reference
(`summary_cites`, `source.cut_short`, `findings`, `concerns`, `commitments`,
`recommendations`, `reactions`), LF, UTF-8:

    # source.lock: ... (a few lines saying what the file is; lines starting with # are ignored)
    findings[commitment].cites[0] 15 d497d09583b9 A clear commitment to improving…
    reactions[commissioner-response].quotes[0] 31 9f7a116c5c61 Peter McCall. Peter…

(first words shortened here: the file gives up to 60 characters of them).

Each line: the item's identity, the paragraph number it rested on (for a quote without
`paragraph:`, the one its words stood in), the first 12 hex digits of the SHA-256 of that
paragraph's text (`Paragraph.text`: its lines joined, nothing else changed), and its first
words, so that a person reading a diff sees what it was.

The identity names a finding, concern or reaction by its `id`, not by its place in
briefing.yml: analysts add, delete and reorder items every day, and an entry keyed by
place would then speak for another item (its drift unreported, or compared with another
item's citation). Only the citation's or quote's place in its own list is a position
(`cites[1]`); `summary_cites[0]` and `source.cut_short` have no id to give. Messages name
an item by where it stands now (`findings[1].cites[0]`, with its line), as every check does:
an `Anchor` carries both, a `LockEntry` only the identity.

In: a `WholeBriefing` with its lock's text, the checker's problems and where each quote
stands. Out: the problems with the lock's (`held_to_lock`); and the lock a briefing that
passed should have (`lock_text`). Writing it is the command's business, not a check's.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from ..errors import Problem
from ..inputs.folders import LOCK_FILE, SOURCE_FILE, WholeBriefing
from ..inputs.schema import ID_PATTERN, BriefingMetadata
from ..inputs.source import SourceText
from ..inputs.yamlfile import item_path
from .passages import PassageMatch

HEADER = (
    f"# {LOCK_FILE}: the paragraph of {SOURCE_FILE} each citation and quote in briefing.yml\n"
    "# rests on, as it stood when `python build.py check` last passed. Commit it with\n"
    "# briefing.yml; do not edit it: `python build.py check --update-lock` rewrites it.\n"
    "# item (a finding, concern or reaction by its id), paragraph, hash of the paragraph's\n"
    "# text (SHA-256, 12 digits), its first words\n")
DIGEST_LENGTH = 12
"""Hex digits: a chance in 10^14 that two paragraphs of one source share a hash."""
EXCERPT_LENGTH = 60
"""Characters of a paragraph's first words: enough to recognise it, short enough for a line."""
UPDATE = "python build.py check --update-lock"
_ID = ID_PATTERN.removeprefix("^").removesuffix("$")
_IDENTITY = (r"summary_cites\[\d+\]|source\.cut_short"
             rf"|(?:findings|concerns|commitments|recommendations)\[{_ID}\]\.cites\[\d+\]"
             rf"|reactions\[{_ID}\]\.quotes\[\d+\]")
"""An item's identity, read by where each part stands: after `findings`, `concerns`,
`commitments`, `recommendations` or `reactions` an id (`2021` is one), after `cites`, `quotes` or `summary_cites` an index. It is
compared as written, never turned into a position: an old lock's `findings[0].cites[0]`
names the finding whose id is `0`, in practice none, so it is ignored (see `drifts`)."""
_ENTRY = re.compile(rf"({_IDENTITY}) ([1-9]\d*) ([0-9a-f]{{{DIGEST_LENGTH}}}) (\S.*)")
"""A line of the lock: item identity, paragraph number, digest, first words."""


@dataclass(frozen=True)
class Anchor:
    """A place in briefing.yml that relies on a paragraph number of the source."""

    identity: str
    """What the lock knows it by, wherever it stands: `findings[commitment].cites[1]`."""
    path: tuple
    """Where it stands now, for messages, lines and edits: `("findings", 0, "cites", 1)`."""
    number: int | None
    """The paragraph number written there; None for a quote that names none."""
    key: str
    """The key the number is written under, in a mapping: `paragraph`."""
    kind: str
    """`citation`, `quote` or `cut`: what the messages call it."""

    @property
    def number_path(self) -> tuple:
        return self.path + (self.key,)


@dataclass(frozen=True)
class LockEntry:
    """One line of a lock: what the item known as `identity` rested on."""

    identity: str
    paragraph: int
    digest: str
    excerpt: str

    def line(self) -> str:
        return f"{self.identity} {self.paragraph} {self.digest} {self.excerpt}"


@dataclass(frozen=True)
class Drift:
    """A locked item whose paragraph is no longer what it was at its number."""

    entry: LockEntry
    anchor: Anchor
    now_at: tuple[int, ...]
    """Where the paragraph's old text stands now: one number if it moved."""

    @property
    def moved_to(self) -> int | None:
        return self.now_at[0] if len(self.now_at) == 1 and self.anchor.number else None


def anchors(metadata: BriefingMetadata) -> Iterator[Anchor]:
    """Every citation, quote and cut of the metadata, in the order of the reference."""
    for j, citation in enumerate(metadata.summary_cites):
        yield Anchor(f"summary_cites[{j}]", ("summary_cites", j), citation.paragraph,
                     "paragraph", "citation")
    if (cut := metadata.source.cut_short) is not None:
        yield Anchor("source.cut_short", ("source", "cut_short"), cut.after_paragraph,
                     "after_paragraph", "cut")
    for section in ("findings", "concerns", "commitments", "recommendations"):
        for i, point in enumerate(getattr(metadata, section)):
            for j, citation in enumerate(point.cites):
                yield Anchor(f"{section}[{point.id}].cites[{j}]", (section, i, "cites", j),
                             citation.paragraph, "paragraph", "citation")
    for i, reaction in enumerate(metadata.reactions):
        for j, quote in enumerate(reaction.quotes):
            yield Anchor(f"reactions[{reaction.id}].quotes[{j}]", ("reactions", i, "quotes", j),
                         quote.paragraph, "paragraph", "quote")


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:DIGEST_LENGTH]


def excerpt(text: str) -> str:
    """The paragraph's first words, cut at a space, on one line."""
    words = " ".join(text.split())
    if len(words) <= EXCERPT_LENGTH:
        return words or "…"
    cut = words[:EXCERPT_LENGTH]
    space = cut.rfind(" ")
    return (cut[:space] if space > EXCERPT_LENGTH // 2 else cut).rstrip() + "…"


def lock_text(briefing: WholeBriefing, matches: Mapping[tuple, PassageMatch]) -> str:
    """The lock of a briefing that passed its checks: what each item rests on now."""
    lines = []
    for anchor in anchors(briefing.metadata):
        number = anchor.number or matches[anchor.path].paragraph.number
        paragraph = briefing.source.paragraphs[number - 1]
        lines.append(LockEntry(anchor.identity, number, digest(paragraph.text),
                               excerpt(paragraph.text)).line() + "\n")
    return HEADER + "".join(lines)


def read_lock(briefing: WholeBriefing) -> tuple[list[LockEntry], list[Problem]]:
    """The entries of the briefing's lock (none if it has none), and a problem for each line
    that is not one."""
    entries: dict[str, LockEntry] = {}
    problems = []
    for number, line in enumerate((briefing.lock_text or "").split("\n"), start=1):
        line = line.rstrip("\r")
        if not line.strip() or line.startswith("#"):
            continue
        if (found := _ENTRY.fullmatch(line)) is None or found[1] in entries:
            problems.append(Problem(briefing.lock_path, (
                "not a line check wrote (item, paragraph, hash, first words), or an item "
                "given twice. Restore the file from version control, or delete it: the next "
                "check that passes writes it anew."), number))
            continue
        entries[found[1]] = LockEntry(found[1], int(found[2]), found[3], found[4])
    return list(entries.values()), problems


def drifts(entries: list[LockEntry], briefing: WholeBriefing) -> Iterator[Drift]:
    """The locked items whose paragraph is not what it was. Entries are matched to the items
    by identity, so items added, deleted or reordered leave the others' entries theirs. An
    entry no item answers to is unknown and ignored: its item is gone, or the lock predates
    identities (`findings[0].cites[0]`, keyed by position, which no longer says which item it
    was); the next check that passes rewrites the lock. An item given another number since
    was changed by hand: the lock no longer speaks for it. A quote that names no paragraph
    stands wherever its words do; only a change to the paragraph they stood in counts."""
    source = briefing.source
    where: dict[str, list[int]] = {}
    for paragraph in source.paragraphs:
        where.setdefault(digest(paragraph.text), []).append(paragraph.number)
    current = _by_identity(anchors(briefing.metadata))
    for entry in entries:
        anchor = current.get(entry.identity)
        if anchor is None or anchor.number not in (None, entry.paragraph):
            continue
        now_at = tuple(where.get(entry.digest, ()))
        still = bool(now_at) if anchor.number is None else entry.paragraph in now_at
        if not still:
            yield Drift(entry, anchor, now_at)


def _by_identity(found: Iterator[Anchor]) -> dict[str, Anchor]:
    """The anchors by identity, but for an id given twice: the checker reports it, and the
    lock cannot tell which of the two items it spoke for."""
    by_identity: dict[str, Anchor] = {}
    twice = set()
    for anchor in found:
        if anchor.identity in by_identity:
            twice.add(anchor.identity)
        by_identity[anchor.identity] = anchor
    return {identity: a for identity, a in by_identity.items() if identity not in twice}


def held_to_lock(briefing: WholeBriefing, problems: list[Problem],
                 matches: Mapping[tuple, PassageMatch]) -> list[Problem]:
    """`problems` (the checker's) with what the lock finds. A citation or cut that drifted is
    reported once, by the lock, which knows why its words or its number no longer fit; a
    quote is checked word for word, so the lock speaks of it only if that check passed."""
    if briefing.lock_text is None:
        return problems
    entries, unreadable = read_lock(briefing)
    if unreadable:
        return problems + unreadable
    found = []
    for drift in drifts(entries, briefing):
        item = item_path(drift.anchor.path)
        own = [p for p in problems if p.item == item or p.item.startswith(item + ".")]
        if drift.anchor.kind == "quote" and own:
            continue
        problems = [p for p in problems if p not in own]
        found.append(Problem(briefing.metadata_path, _message(drift, briefing.source, matches),
                             briefing.line_of(drift.anchor.number_path), item))
    return problems + found


def _message(drift: Drift, source: SourceText, matches: Mapping[tuple, PassageMatch]) -> str:
    entry, anchor = drift.entry, drift.anchor
    was = f"paragraph {entry.paragraph} (\"{entry.excerpt}\")"
    if drift.moved_to is not None:
        return (f"{was} has moved to paragraph {drift.moved_to} of {SOURCE_FILE}. To re-anchor "
                f"the {anchor.kind}, run: {UPDATE}")
    if anchor.number is None:
        stands = matches[anchor.path].paragraph
        return (f"the paragraph this quote stood in, {was}, has changed since {LOCK_FILE} was "
                f"written; it stands in paragraph {stands.number} now "
                f"(\"{excerpt(stands.text)}\"). "
                "Check that the words are still the speaker's, then run: "
                f"{UPDATE} --accept-changed")
    number = entry.paragraph
    paragraph = source.paragraph(number)
    if paragraph is None:
        now = f"{SOURCE_FILE} has {len(source)} paragraphs now"
    elif excerpt(paragraph.text) == entry.excerpt:
        now = f"paragraph {number} begins with the same words, but the rest differs"
    else:
        now = f"paragraph {number} now reads \"{excerpt(paragraph.text)}\""
    return (f"{was} is not in {SOURCE_FILE} as it was when {LOCK_FILE} was written (deleted, "
            f"or its words changed): {now}.{_elsewhere(drift, source)} {_FIX[anchor.kind]}, "
            f"then run: {UPDATE} (or, if paragraph {number} is still right: {UPDATE} "
            "--accept-changed)")


def _elsewhere(drift: Drift, source: SourceText) -> str:
    """Where the paragraph may be now: its old text, twice or more; or its first words."""
    if drift.now_at:
        return f" Its old text stands in paragraphs {', '.join(map(str, drift.now_at))}."
    alike = [str(p.number) for p in source.paragraphs
             if p.number != drift.entry.paragraph and excerpt(p.text) == drift.entry.excerpt]
    if not alike:
        return ""
    numbers = ", ".join(alike)
    return (f" Paragraph {numbers} begins with the same words." if len(alike) == 1
            else f" Paragraphs {numbers} begin with the same words.")


_FIX = {"citation": "Cite the paragraph that says it now",
        "quote": "Name the paragraph the words stand in now",
        "cut": "Give the last paragraph before the cut"}
