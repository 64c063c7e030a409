"""Re-anchor moved citations: `check --update-lock` rewrites their numbers in briefing.yml.

When a paragraph's text now stands under another number (see `lock`), the item that
cited it should cite the new number. Only the digits change: the file is edited where
each number is written (`cites: [15, 4]`, `- 15`, `paragraph: 15`, `cut_short: 12`), so
comments, quoting and layout stay as the user wrote them; re-dumping the YAML would
lose them. The edited text is checked like any briefing.yml before anything is written.

In: a `WholeBriefing` with its lock. Out: a `Reanchored` briefing (the edited text
loaded, what moved, and, if asked, the lock without the entries of paragraphs whose
words changed, so that the check accepts them as they stand now), and a problem for
each number that cannot be rewritten safely (written as `0x0f`, or through an alias).
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from ..errors import Problem
from ..inputs.folders import WholeBriefing, with_metadata_text
from ..inputs.yamlfile import item_path
from .lock import HEADER, Drift, drifts, read_lock


@dataclass(frozen=True)
class Move:
    """A number rewritten: the item, the line it is written on, from and to."""

    item: str
    line: int | None
    old: int
    new: int
    excerpt: str


@dataclass
class Reanchored(WholeBriefing):
    """A briefing as `check --update-lock` leaves it, before its files are written."""

    metadata_as_read: str | None = None
    """briefing.yml as read from disk, before its numbers were rewritten."""
    lock_as_read: str | None = None
    """source.lock as read from disk, before any entry was accepted as changed."""
    moves: tuple[Move, ...] = ()
    accepted: tuple[Move, ...] = ()
    """Items whose paragraph changed, accepted as they stand (`--accept-changed`)."""


def reanchored(briefing: WholeBriefing, accept_changed: bool = False
               ) -> tuple[WholeBriefing, list[Problem]]:
    """`briefing` with every moved number rewritten in its briefing.yml (in memory)."""
    entries, unreadable = read_lock(briefing)
    if briefing.lock_text is None or unreadable or briefing.metadata_text is None:
        return briefing, []   # nothing to re-anchor; the check says what is wrong with a lock
    moved = [d for d in drifts(entries, briefing) if d.moved_to is not None]
    edits, problems = _edits(briefing, moved)
    changed = (with_metadata_text(briefing, _applied(briefing.metadata_text, edits))
               if edits else briefing)
    if changed is None:   # digits for digits cannot break the YAML; if they did, say so
        return briefing, problems + [Problem(
            briefing.metadata_path, "--update-lock could not rewrite the paragraph numbers "
            "that moved; change them by hand, as the messages below say.")]
    moves = tuple(_move(briefing, d, edits[d.anchor.path][2]) for d in moved
                  if d.anchor.path in edits)
    accepted: tuple[Move, ...] = ()
    lock_text = changed.lock_text
    if accept_changed:
        still = [d for d in drifts(entries, changed) if d.moved_to is None]
        accepted = tuple(_move(briefing, d, d.entry.paragraph) for d in still)
        gone = {d.entry.identity for d in still}
        lock_text = HEADER + "".join(e.line() + "\n" for e in entries if e.identity not in gone)
    fields = {**vars(changed), "lock_text": lock_text}
    return Reanchored(**fields, metadata_as_read=briefing.metadata_text,
                      lock_as_read=briefing.lock_text, moves=moves, accepted=accepted), problems


def _move(briefing: WholeBriefing, drift: Drift, new: int | str) -> Move:
    return Move(item_path(drift.anchor.path), briefing.line_of(drift.anchor.number_path),
                drift.entry.paragraph, int(new), drift.entry.excerpt)


Edits = dict[tuple, tuple[int, int, str]]
"""By the item's path now (not its identity: the text is edited where the item stands):
(start, end) offsets of a number in briefing.yml and its new digits."""


def _edits(briefing: WholeBriefing, moved: list[Drift]) -> tuple[Edits, list[Problem]]:
    """Where each moved number is written, or a problem saying to change it by hand."""
    text = briefing.metadata_text or ""
    if not moved:
        return {}, []
    try:
        # The Python parser, for its marks: offsets into the text as it was decoded.
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        root = None
    edits: Edits = {}
    problems = []
    taken: set[int] = set()
    for drift in moved:
        node = _node_at(root, drift.anchor.path)
        if isinstance(node, yaml.MappingNode):
            node = _node_at(node, (drift.anchor.key,))
        start, end = (node.start_mark.index, node.end_mark.index) if node else (0, 0)
        if node is None or text[start:end] != str(drift.entry.paragraph) or start in taken:
            # Written as 0x0f, 1_5 or through an alias: another item may share the digits.
            problems.append(Problem(
                briefing.metadata_path,
                f"paragraph {drift.entry.paragraph} moved to {drift.moved_to}, but is not "
                "written as plain digits of its own, which --update-lock rewrites. Write "
                f"{drift.moved_to} there by hand.",
                briefing.line_of(drift.anchor.number_path), item_path(drift.anchor.path)))
            continue
        taken.add(start)
        edits[drift.anchor.path] = (start, end, str(drift.moved_to))
    return edits, problems


def _node_at(node: yaml.Node | None, path: tuple) -> yaml.Node | None:
    """The composed node at `path` (keys and list indexes), or None."""
    for step in path:
        if isinstance(node, yaml.MappingNode):
            node = next((value for key, value in node.value if key.value == step), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
            node = node.value[step] if step < len(node.value) else None
        else:
            return None
    return node


def _applied(text: str, edits: Edits) -> str:
    """`text` with each edit made, from the last to the first so offsets stay true."""
    for start, end, digits in sorted(edits.values(), reverse=True):
        text = text[:start] + digits + text[end:]
    return text
