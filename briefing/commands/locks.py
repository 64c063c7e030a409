"""`build.py check`'s writing: each briefing's source.lock, and re-anchored numbers.

The checks only read a lock (`checks.lock`); `check` is the one command that writes
it: for a briefing that passed and has no lock, or whose lock no longer says what its
citations rest on now (citations added, or given another number by hand; or a lock
written before entries named items by id, whose entries the checks ignore). With
`--update-lock` each briefing is first re-anchored in memory (`checks.reanchor`) and
checked as it would be; only when every briefing passes is anything written, its
briefing.yml first and its lock last (a lock ahead of briefing.yml would vouch for
numbers not yet rewritten). A build never writes into the docs folder.

Every file is written whole beside itself and renamed into place, so an interruption
leaves the old file or the new one, never half of either; a briefing.yml edited while
the check ran is not overwritten.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import stat
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..checks.checker import Locations
from ..checks.lock import HEADER, lock_text
from ..checks.reanchor import Move, Reanchored, reanchored
from ..errors import BriefingError
from ..inputs.folders import WholeBriefing
from ..language.words import plural
from ..parallel.workers import Workers
from ..pipeline import check_site
from ..project import Project, max_file_mb

LOCK_LINES_MAX = 10
"""Beyond this many locks written, one line says so rather than one line each."""


@dataclass(frozen=True)
class LockUpdate:
    """What one checked briefing's files should become."""

    metadata_path: Path
    metadata_read: str | None
    """briefing.yml as the check read it: it must be so still when rewritten."""
    metadata: str | None
    """briefing.yml with its numbers re-anchored, or None to leave it."""
    lock_path: Path
    lock_read: str | None
    lock: str
    moves: tuple[Move, ...] = ()
    accepted: tuple[Move, ...] = ()

    @property
    def entries(self) -> int:
        return self.lock.count("\n") - HEADER.count("\n")


def checked_with_locks(project: Project, then: Callable[[WholeBriefing, Locations], Any], *,
                       update: bool, accept_changed: bool = False
                       ) -> list[tuple[Any, LockUpdate]]:
    """Check every briefing (`CheckFailed` on problems): for each, what `then` makes of it
    and what its files should become; re-anchored first if `update`."""
    config = project.load_config()
    prepare = functools.partial(reanchored, accept_changed=accept_changed) if update else None
    return check_site(Path(config.docs_dir), max_file_mb(config), Workers(may_fork=True),
                      then=functools.partial(_with_lock, then), prepare=prepare)


def _with_lock(then: Callable[[WholeBriefing, Locations], Any], briefing: WholeBriefing,
               locations: Locations) -> tuple[Any, LockUpdate]:
    """In the worker that checked the briefing: `then`'s result and the briefing's files."""
    update = LockUpdate(briefing.metadata_path, None, None, briefing.lock_path,
                        briefing.lock_text, lock_text(briefing, locations.matches))
    if isinstance(briefing, Reanchored):
        # The lock as read, not the one re-anchoring left: that one never reaches the disk.
        update = dataclasses.replace(
            update, metadata_read=briefing.metadata_as_read, lock_read=briefing.lock_as_read,
            metadata=briefing.metadata_text if briefing.moves else None,
            moves=briefing.moves, accepted=briefing.accepted)
    return then(briefing, locations), update


def write_locks(updates: list[LockUpdate], root: Path, *, update: bool) -> list[str]:
    """Write what changed; say what was written: each number rewritten, and each lock (on a
    large site, the locks in a line)."""
    for u in updates:
        if u.metadata is not None and _current(u.metadata_path) != u.metadata_read:
            raise BriefingError(f"{_shown(u.metadata_path, root)} changed while it was checked; "
                                "nothing was written. Run the command again.")
    lines: list[str] = []
    locks: list[LockUpdate] = []
    for u in updates:
        shown = _shown(u.metadata_path, root)
        lines.extend(f"{shown}:{m.line}: {m.item}: paragraph {m.old} → {m.new} (\"{m.excerpt}\")"
                     for m in u.moves)
        lines.extend(f"{shown}:{m.line}: {m.item}: paragraph {m.old} accepted as it now reads "
                     f"(it began \"{m.excerpt}\")" for m in u.accepted)
        if u.metadata is not None:
            _replace(u.metadata_path, _with_mark(u.metadata_path, u.metadata), shown)
            lines.append(f"Rewrote {plural(len(u.moves), 'paragraph number')} in {shown}.")
        if u.lock != u.lock_read:
            _replace(u.lock_path, u.lock.encode("utf-8"), _shown(u.lock_path, root))
            locks.append(u)
    if len(locks) > LOCK_LINES_MAX:
        lines.append(f"Wrote or updated the source.lock of {plural(len(locks), 'briefing')}; "
                     "commit each with its briefing.yml.")
    else:
        lines.extend(f"{'Updated' if u.lock_read is not None else 'Wrote'} "
                     f"{_shown(u.lock_path, root)}: what "
                     f"{plural(u.entries, 'citation and quote', 'citations and quotes')} rest on; "
                     "commit it with briefing.yml." for u in locks)
    if update and not lines:
        lines.append("Every source.lock is up to date; nothing was re-anchored.")
    return lines


def _current(path: Path) -> str | None:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None


def _with_mark(path: Path, text: str) -> bytes:
    """`text` encoded as the file is: with the byte-order mark it had, if it had one."""
    mark = path.read_bytes().startswith(b"\xef\xbb\xbf")
    return (b"\xef\xbb\xbf" if mark else b"") + text.encode("utf-8")


def _replace(path: Path, data: bytes, shown: str) -> None:
    """Write `data` to a file beside `path` (the file a link leads to), then rename it over;
    an error leaves the old file as it was, and no temporary file."""
    try:
        _write_beside(path.resolve() if path.is_symlink() else path, data)
    except OSError as error:
        raise BriefingError(f"cannot write {shown}: {error.strerror or error}. Nothing of it was "
                            "changed; check the folder can be written to, then run the command "
                            "again.") from None


def _write_beside(target: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                         dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _mode_for(path: Path) -> int:
    """The file's own permissions, or a new file's (mkstemp's are private to the user)."""
    if path.exists():
        return stat.S_IMODE(path.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _shown(path: Path, root: Path) -> str:
    """As the user would type it: relative to the project, where it is inside."""
    try:
        return path.absolute().relative_to(root.absolute()).as_posix()
    except ValueError:
        return str(path)
