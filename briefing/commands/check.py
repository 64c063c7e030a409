"""`build.py check`: verify every briefing, report all problems at once, then coverage.

Problems (a misquote, a dangling reference, a cited paragraph that moved) stop
everything. Coverage (what the briefing still misses of its source) is reported
as warnings, and fails the check only with `--strict`. A briefing that passes
gets a source.lock, or has it brought up to date (`locks`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from ..checks.checker import Locations
from ..checks.consistency import consistency_warnings
from ..checks.coverage import Coverage, coverage_of
from ..errors import CheckFailed, Problem
from ..inputs.dates import build_date
from ..inputs.folders import WholeBriefing
from ..language.words import plural
from ..pipeline import relative_to_project
from ..project import Project
from .locks import checked_with_locks, write_locks

SUMMARY_LINES_MAX = 50
"""Beyond this many briefings, only those with warnings get a coverage line."""


@dataclass(frozen=True)
class CheckReport:
    summary: str
    """What was checked, with its counts (the verdict, OK or not, is the caller's to give)."""
    coverage: tuple[Coverage, ...]
    warnings: tuple[Problem, ...]
    written: tuple[str, ...] = ()
    """What was written to the docs folder (source.lock, re-anchored numbers), a line each."""


def run_check(project: Project, update_lock: bool = False,
              accept_changed: bool = False) -> CheckReport:
    """Check every briefing (raising `CheckFailed` on problems), then measure coverage and
    write the source.lock of each that needs one (see `locks`); with `update_lock`, after
    re-anchoring the citations whose paragraph moved."""
    try:
        checked = checked_with_locks(project, _measure, update=update_lock,
                                     accept_changed=accept_changed)
    except CheckFailed as failure:
        if update_lock:
            raise CheckFailed(failure.problems, "nothing was re-anchored or written") from None
        raise
    measured: list[_Measured] = [m for m, _ in checked]
    written = write_locks([lock for _, lock in checked], project.root, update=update_lock)
    summary = (f"{plural(len(measured), 'briefing')} checked; "
               f"{plural(sum(m.quotes for m in measured), 'quote')} found word for word in "
               f"their sources, {plural(sum(m.citations for m in measured), 'citation')} "
               "resolved.")
    warnings = [w for m in measured for w in m.warnings]
    return CheckReport(summary, tuple(m.coverage for m in measured),
                       tuple(relative_to_project(warnings, project.root)), tuple(written))


class _Measured(NamedTuple):
    coverage: Coverage
    warnings: list[Problem]
    quotes: int
    citations: int


def _measure(loaded: WholeBriefing, locations: Locations) -> _Measured:
    """One checked briefing's coverage, its warnings and its counts of quotes and citations:
    worked out where it was checked, so that only these come back from a worker."""
    metadata = loaded.metadata
    coverage = coverage_of(loaded, locations)
    warnings = coverage.warnings(loaded) + consistency_warnings(loaded, build_date())
    return _Measured(coverage, warnings,
                     sum(len(r.quotes) for r in metadata.reactions),
                     sum(len(p.cites) for p in metadata.findings + metadata.concerns))


def warning_count(project: Project) -> int:
    """How many warnings `check` gives (coverage and consistency), for a build's summary: the
    briefings checked again, as `check` does, without writing any source.lock."""
    return sum(project.check_site(then=_warnings_of))


def _warnings_of(loaded: WholeBriefing, locations: Locations) -> int:
    return len(_measure(loaded, locations).warnings)


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
            f"placeholders: {len(c.placeholders) or 'none'}; "
            f"cuts to check: {len(c.risky_cuts) or 'none'}; "
            f"organisation inspected heard: {_heard(c)}")
    hidden = len(report.coverage) - len(shown)
    if hidden:
        lines.append(f"  ... and {plural(hidden, 'briefing')} with nothing missing.")
    return lines


def _heard(c: Coverage) -> str:
    if not c.subject_heard:
        return "no"
    return "yes, but cut off in this copy" if c.subject_cut_off else "yes"


def _has_gaps(c: Coverage) -> bool:
    return bool(c.unquoted_speech or c.unlisted_people or c.draft_lines or c.placeholders
                or c.risky_cuts or not c.subject_heard)
