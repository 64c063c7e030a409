"""The pipeline in one place: load -> check -> model. Render and write are MkDocs' part.

In: the docs folder. Out: the `Briefing`s to publish, newest first, or
`CheckFailed` listing every problem of every briefing. `build.py check`, the
build and the MkDocs plugin all go through `load_site`, so they can never
disagree about what is wrong.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from .check import Locations, check_briefing
from .errors import CheckFailed, Problem
from .load import (
    METADATA_FILE,
    SOURCE_FILE,
    LoadedBriefing,
    find_briefing_folders,
    load_briefing,
)
from .model import Briefing, build_briefing
from .safefiles import DEFAULT_MAX_MB, unsafe_entries
from .workers import can_fork, cores, fork_pool

PARALLEL_FROM = 200
"""Briefings; below this, starting processes costs more than it saves."""


def load_site(docs_dir: Path, max_file_mb: float = DEFAULT_MAX_MB, *, parallel: bool = False
              ) -> list[Briefing]:
    """Load, check and model every briefing below `docs_dir`; raise `CheckFailed` on any problem.

    On a large site each briefing is modelled here as soon as a worker has checked it, while
    the workers check the rest."""
    briefings = [build_briefing(b, locations) for b, locations in
                 _checked(docs_dir, max_file_mb, parallel=parallel, then=_to_model)]
    return sorted(briefings, key=lambda b: b.sort_key, reverse=True)


def _to_model(briefing: LoadedBriefing, locations: Locations
              ) -> tuple[LoadedBriefing, Locations]:
    """What the model needs of a checked briefing: not the line of every YAML value, which
    only messages need, and which is a quarter of what a worker would send back."""
    return dataclasses.replace(briefing, yaml=None), locations


def check_site(docs_dir: Path, max_file_mb: float = DEFAULT_MAX_MB, *, parallel: bool = False,
               then: Callable[[LoadedBriefing, Locations], Any] | None = None) -> list:
    """Load and check every briefing (no model: `build.py check` needs no more): a
    (briefing, where its quotes stand) pair for each, or what `then` makes of the pair.

    With `parallel`, a large site is read and checked by one process per core, as long
    as this process runs no other thread (forking a threaded process is unsafe); `then`
    runs there too, and only its result comes back.
    """
    return list(_checked(docs_dir, max_file_mb, parallel=parallel, then=then))


def _checked(docs_dir: Path, max_file_mb: float, *, parallel: bool, then=None) -> Iterator:
    """`check_site`'s results one by one, as they come; `CheckFailed` once all have come, if
    any briefing has a problem."""
    problems = [Problem(path, why)
                for path, why in unsafe_entries(docs_dir, {METADATA_FILE, SOURCE_FILE})]
    folders = find_briefing_folders(docs_dir)
    task = functools.partial(_load_and_check, docs_dir=docs_dir,
                             max_bytes=int(max_file_mb * 1_000_000), then=then)
    check_problems = []
    for result, _, load_problems, found in _map(task, folders, parallel):
        problems.extend(load_problems)
        check_problems.extend(found)
        if result is not None and not problems and not check_problems:
            yield result
    # Files that cannot be read come first, then what is wrong in the ones that can.
    problems.extend(check_problems)
    if problems:
        raise CheckFailed(relative_to_project(problems, docs_dir.parent))


def _load_and_check(folder: Path, docs_dir: Path, max_bytes: int, then=None):
    """((briefing, where its quotes stand), or what `then` makes of them, or None if it has
    problems; where its quotes stand; problems loading it; problems checking it)."""
    briefing, problems = load_briefing(folder, docs_dir, max_bytes)
    if briefing.metadata is None or briefing.source is None:
        return None, None, problems, []
    found, locations = check_briefing(briefing)
    if found:
        return None, locations, problems, found
    return (then(briefing, locations) if then else (briefing, locations)), locations, problems, found


def _map(task, items: list, parallel: bool) -> Iterator:
    """`map`, over processes when it pays: for hundreds of briefings, on more than one core;
    each result as soon as it is there."""
    if not parallel or len(items) < PARALLEL_FROM or not can_fork():
        yield from (task(item) for item in items)
        return
    with fork_pool() as pool:
        yield from pool.map(task, items, chunksize=max(1, len(items) // (8 * cores())))


def relative_to_project(problems: list[Problem], root: Path) -> list[Problem]:
    """Name files relative to the project, as the user would type them."""
    def shorten(path: Path) -> Path:
        # The path as reached, not where a link leads: the message is about the link.
        for candidate, base in ((path.absolute(), root.absolute()),
                                (path.parent.resolve() / path.name, root.resolve())):
            if candidate.is_relative_to(base):
                return candidate.relative_to(base)
        return path
    return [Problem(shorten(p.file), p.message, p.line, p.item) for p in problems]
