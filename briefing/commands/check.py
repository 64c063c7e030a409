"""`build.py check`: verify every briefing, report all problems at once, then coverage.

Problems (a misquote, a dangling reference) stop everything. Coverage (what the
briefing still misses of its source) is reported as warnings, and fails the
check only with `--strict`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..coverage import Coverage, coverage_of
from ..errors import Problem
from ..filters import plural
from ..pipeline import relative_to_project
from ..project import Project

SUMMARY_LINES_MAX = 50
"""Beyond this many briefings, only those with warnings get a coverage line."""


@dataclass(frozen=True)
class CheckReport:
    summary: str
    coverage: tuple[Coverage, ...]
    warnings: tuple[Problem, ...]


def run_check(project: Project) -> CheckReport:
    """Check every briefing (raising `CheckFailed` on problems), then measure coverage."""
    checked = project.check_site()
    metadata = [loaded.metadata for loaded, _ in checked]
    quotes = sum(len(r.quotes) for m in metadata for r in m.reactions)
    citations = sum(len(p.cites) for m in metadata for p in m.findings + m.concerns)
    coverage, warnings = [], []
    for loaded, locations in checked:
        measured = coverage_of(loaded, locations)
        coverage.append(measured)
        warnings.extend(measured.warnings(loaded))
    summary = (f"OK: {plural(len(checked), 'briefing')} checked; "
               f"{plural(quotes, 'quote')} found word for word in their sources, "
               f"{plural(citations, 'citation')} resolved.")
    return CheckReport(summary, tuple(coverage), tuple(relative_to_project(warnings, project.root)))


def coverage_lines(report: CheckReport) -> list[str]:
    """One line per briefing (or per briefing with warnings, on a large site)."""
    shown = [c for c in report.coverage
             if len(report.coverage) <= SUMMARY_LINES_MAX or _has_gaps(c)]
    lines = []
    for c in shown:
        cited = c.paragraphs - len(c.uncited)
        gaps = f" (not cited: {', '.join(map(str, c.uncited))})" if c.uncited else ""
        lines.append(
            f"  {c.slug}: {cited} of {c.paragraphs} paragraphs cited{gaps}; "
            f"unquoted speech: {len(c.unquoted_speech) or 'none'}; "
            f"people missing: {len(c.unlisted_people) or 'none'}; "
            f"DRAFT marks: {len(c.draft_lines) or 'none'}; "
            f"organisation inspected heard: {'yes' if c.subject_heard else 'no'}")
    hidden = len(report.coverage) - len(shown)
    if hidden:
        lines.append(f"  ... and {plural(hidden, 'briefing')} with nothing missing.")
    return lines


def _has_gaps(c: Coverage) -> bool:
    return bool(c.unquoted_speech or c.unlisted_people or c.draft_lines or not c.subject_heard)
