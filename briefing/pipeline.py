"""The pipeline in one place: load -> check -> model. Render and write are MkDocs' part.

In: the docs folder. Out: the `Briefing`s to publish, newest first, or
`CheckFailed` listing every problem of every briefing. `build.py check`, the
build and the MkDocs plugin all go through `load_site`, so they can never
disagree about what is wrong.
"""

from __future__ import annotations

from pathlib import Path

from .check import Locations, check_briefing
from .errors import CheckFailed, Problem
from .load import LoadedBriefing, load_briefings
from .model import Briefing, build_briefing
from .safefiles import DEFAULT_MAX_MB


def load_site(docs_dir: Path, max_file_mb: float = DEFAULT_MAX_MB) -> list[Briefing]:
    """Load, check and model every briefing below `docs_dir`; raise `CheckFailed` on any problem."""
    briefings = [build_briefing(b, locations) for b, locations in check_site(docs_dir, max_file_mb)]
    return sorted(briefings, key=lambda b: b.sort_key, reverse=True)


def check_site(docs_dir: Path, max_file_mb: float = DEFAULT_MAX_MB
               ) -> list[tuple[LoadedBriefing, Locations]]:
    """Load and check every briefing (no model: `build.py check` needs no more)."""
    loaded, problems = load_briefings(docs_dir, max_file_mb)
    checked = []
    for briefing in loaded:
        if briefing.metadata is None or briefing.source is None:
            continue
        found, locations = check_briefing(briefing)
        problems.extend(found)
        checked.append((briefing, locations))
    if problems:
        raise CheckFailed(_relative(problems, docs_dir.parent))
    return checked


def _relative(problems: list[Problem], root: Path) -> list[Problem]:
    """Name files relative to the project, as the user would type them."""
    def shorten(path: Path) -> Path:
        # The path as reached, not where a link leads: the message is about the link.
        for candidate, base in ((path.absolute(), root.absolute()),
                                (path.parent.resolve() / path.name, root.resolve())):
            if candidate.is_relative_to(base):
                return candidate.relative_to(base)
        return path
    return [Problem(shorten(p.file), p.message, p.line, p.item) for p in problems]
