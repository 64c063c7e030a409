"""Errors that carry a message for a person, not a traceback.

Every problem found in a briefing is a `Problem`: where it is (file and line),
which item it concerns, what is wrong and what to do. Stages collect problems
instead of stopping at the first, so that the user sees everything at once;
`CheckFailed` carries the whole list out of the pipeline.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class BriefingError(Exception):
    """A mistake in the user's input or request; shown as a message, never a traceback."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one briefing, located as precisely as we can."""

    file: Path
    """The file the problem is in (as the user would type it, relative where possible)."""
    message: str
    """What is wrong, and what to do about it."""
    line: int | None = None
    """1-based line in `file`, where known."""
    item: str = ""
    """The item the problem concerns, as a path into the YAML: `reactions[1].quotes[0]`."""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else f"{self.file}"
        item = f" {self.item}:" if self.item else ""
        return f"{where}:{item} {self.message}"


class UsageError(BriefingError):
    """The command named something that does not exist; exit code 2."""


class CheckFailed(BriefingError):
    """One or more briefings have problems; nothing may be written."""

    def __init__(self, problems: list[Problem], outcome: str = "nothing was built"):
        self.problems = problems
        count = len(problems)
        noun = "problem" if count == 1 else "problems"
        lines = [str(problem) for problem in problems]
        super().__init__("\n".join(lines + [f"{count} {noun} found; {outcome}."]))
