"""The marks `build.py new` leaves for the analyst to deal with, and how to find them again.

The draft writer puts a `# DRAFT (...)` (or `# FILL IN (...)`) comment on every item it
drafted and a placeholder value in every required field the text does not give; the
analyst deletes each mark once the item is reviewed. `check` lists what is left, and a
site built while any is left says on every page of the briefing that it is unreviewed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

PLACEHOLDER = "UNKNOWN – fill in"
"""The value of a required field the source does not give; `build.py new` lists each one."""
PLACEHOLDER_VALUE = re.compile(r"\bUNKNOWN\b.*\bfill in\b|\bFILL IN\b")
"""A value still holding a placeholder: the draft's own, or one the analyst wrote so."""
REVIEW_MARK = re.compile(r"#\s*(?:DRAFT|FILL IN)\s*[(:]")
"""A comment marking an item to review: `# DRAFT (...)`, `# DRAFT: ...`, `# FILL IN (...)`."""


def review_marks(text: str) -> tuple[int, ...]:
    """The lines of a briefing.yml that still mark an item to review; the comment block that
    heads the file (which explains the marks) does not count."""
    lines = text.splitlines()
    header = next((n for n, line in enumerate(lines) if not line.lstrip().startswith("#")),
                  len(lines))
    return tuple(n for n, line in enumerate(lines, start=1)
                 if n > header and REVIEW_MARK.search(line))


def placeholders(data: object, path: tuple = ()) -> Iterator[tuple]:
    """The path of every text value in `data` (plain data, as YAML reads it) that still holds a
    placeholder: `("source", "outlet")`."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from placeholders(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from placeholders(value, path + (index,))
    elif isinstance(data, str) and PLACEHOLDER_VALUE.search(data):
        yield path
