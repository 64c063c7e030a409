"""`build.py check`: verify every briefing and report all problems at once."""

from __future__ import annotations

from ..filters import plural
from ..project import Project


def run_check(project: Project) -> str:
    """Check every briefing; return a one-line summary, or raise `CheckFailed`."""
    checked = [loaded.metadata for loaded, _ in project.check_site()]
    briefings = [metadata for metadata in checked if metadata is not None]
    quotes = sum(len(r.quotes) for b in briefings for r in b.reactions)
    citations = sum(len(p.cites) for b in briefings for p in b.findings + b.concerns)
    return (f"OK: {plural(len(briefings), 'briefing')} checked; "
            f"{plural(quotes, 'quote')} found word for word in their sources, "
            f"{plural(citations, 'citation')} resolved.")
