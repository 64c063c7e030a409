"""`build.py new SLUG --source FILE`: start a briefing from a text, with its metadata drafted.

In: the project, the new briefing's folder name, the text (plain text in any
common encoding, or a saved web page). Out: `docs/<slug>/` holding
`source.txt` (the text, cleaned: see `intake`) and `briefing.yml` (drafted:
see `draft`), which passes every check a build runs; and a `NewResult` saying
what was done and what the analyst must fill in.

Nothing is half-written: the folder is put together under a hidden temporary
name inside the docs folder, checked with `load_site`, then renamed into place.
An existing briefing is never overwritten; with `force` it is first moved aside
to a hidden backup folder (`docs/.<slug>.backup-1/`), which builds ignore.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..draft import Draft, draft_briefing
from ..draft.ids import slug as slug_of
from ..draft.writer import render_draft
from ..errors import BriefingError, CheckFailed
from ..inputs.folders import METADATA_FILE, RESERVED_SLUGS, SLUG, SOURCE_FILE
from ..inputs.intake import read_source
from ..inputs.source import parse_source
from ..pipeline import load_site
from ..project import Project


class NewBriefingError(BriefingError):
    """The briefing cannot be created as asked; nothing was written."""


@dataclass(frozen=True)
class DraftCounts:
    """How many items of each kind the draft holds."""

    findings: int
    concerns: int
    people: int
    reactions: int
    quotes: int


@dataclass(frozen=True)
class NewResult:
    """What `run_new` wrote, and what the analyst should look at first."""

    folder: Path
    """The briefing folder written: `docs/<slug>`."""
    encoding: str
    """The encoding the source file was read in."""
    notes: tuple[str, ...]
    """Each change made to the text on the way in ("replaced 3 non-breaking spaces ...")."""
    counts: DraftCounts
    placeholders: tuple[str, ...]
    """Fields holding a placeholder to fill in, as paths: `source.outlet`."""
    backup: Path | None = None
    """Where the folder that was there before went (only with `force`)."""


def run_new(project: Project, slug: str, source: Path, *, force: bool) -> NewResult:
    """Create `docs/<slug>/` from the text in `source`, with a drafted `briefing.yml`."""
    folders = project.folders()
    docs_dir = folders.docs_dir
    _check_slug(slug)
    target = docs_dir / slug
    if _exists(target) and not force:
        raise NewBriefingError(
            f"{target} already exists; nothing was written. Choose another name, or use "
            f"--force to move the existing folder aside (to {docs_dir / f'.{slug}.backup-N'}) "
            "and write a new draft.")
    intake = read_source(source, int(folders.max_file_mb * 1_000_000))
    draft = draft_briefing(parse_source(intake.text), intake.page)
    metadata = render_draft(draft, intake, source.name, folders.templates_dir)
    backup = _write(docs_dir, slug, intake.text, metadata)
    return NewResult(target, intake.encoding, intake.notes, _counts(draft), draft.placeholders,
                     backup)


def _check_slug(slug: str) -> None:
    suggestion = slug_of(slug, max_words=8, keep_stopwords=True)
    if not SLUG.fullmatch(slug):
        hint = f" Did you mean '{suggestion}'?" if suggestion != "item" else ""
        raise NewBriefingError(
            f"'{slug}' is not a usable briefing name: it becomes a folder and a web address, "
            "so use lower-case letters, digits and single hyphens, e.g. "
            f"'kent-police-2021'.{hint}")
    if slug in RESERVED_SLUGS:
        raise NewBriefingError(
            f"'{slug}' is reserved for the site's own files; choose another name, e.g. "
            f"'{slug}-briefing'.")


def _write(docs_dir: Path, slug: str, source_text: str, metadata: str) -> Path | None:
    """Write the folder under a temporary name, check it, then move it into place."""
    staging = Path(tempfile.mkdtemp(prefix=f".new-{slug}-", dir=docs_dir))
    try:
        folder = staging / slug
        folder.mkdir()
        (folder / SOURCE_FILE).write_text(source_text, encoding="utf-8", newline="\n")
        (folder / METADATA_FILE).write_text(metadata, encoding="utf-8", newline="\n")
        _verify(staging)
        return _move_in(folder, docs_dir / slug)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _verify(staging: Path) -> None:
    """The draft must pass the checks a build runs; if not, that is a bug in the drafting."""
    try:
        load_site(staging)
    except CheckFailed as failure:
        raise NewBriefingError(
            "the drafted briefing.yml does not pass the checks, which is a bug in `new`; "
            "nothing was written. Please report it with the source file. The problems:\n"
            + "\n".join(str(problem) for problem in failure.problems)) from None


def _move_in(folder: Path, target: Path) -> Path | None:
    """Rename `folder` to `target`, moving an existing `target` aside first (returned)."""
    backup = None
    if _exists(target):
        backup = _free_backup_name(target)
        target.rename(backup)
    try:
        folder.rename(target)
    except OSError:
        if backup is not None:
            backup.rename(target)
        raise
    return backup


def _free_backup_name(target: Path) -> Path:
    number = 1
    while _exists(candidate := target.with_name(f".{target.name}.backup-{number}")):
        number += 1
    return candidate


def _exists(path: Path) -> bool:
    return path.exists() or path.is_symlink()


def _counts(draft: Draft) -> DraftCounts:
    return DraftCounts(len(draft.findings), len(draft.concerns), len(draft.people),
                       len(draft.reactions), sum(len(r.quotes) for r in draft.reactions))
