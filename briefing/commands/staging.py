"""Where `build.py build` builds before the site is swapped in, and one build at a time there.

A build writes into a staging folder (`.site-XXXXXXXX`) beside the site and swaps it in
by two renames (the old site goes to `.site-old-XXXXXXXX` for a moment). A build killed
outright cannot remove its staging folder, so the next build does: it holds a lock on
the folder the site is in (`fcntl.flock` on the folder itself, so no lock file is left
either) for its whole length, and any staging folder it finds there is a dead build's.
A second build started meanwhile waits for the first, saying so, rather than racing it
for the same renames.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # not on Windows: builds there are not serialised
    fcntl = None  # type: ignore[assignment]

STAGING_PREFIX = ".site-"
OLD_PREFIX = ".site-old-"
LEFTOVER = re.compile(r"^\.site-(?:old-)?[A-Za-z0-9_]{8}$")
"""A staging folder's name as `tempfile.mkdtemp` makes it with our prefixes."""


@contextmanager
def one_build_at_a_time(parent: Path) -> Iterator[None]:
    """Hold the lock on `parent` (the site's folder) until the block ends, waiting for a
    build that holds it; remove what dead builds left there once it is ours."""
    descriptor = os.open(parent, os.O_RDONLY)
    try:
        if fcntl is not None:
            _lock(descriptor, parent)
        remove_leftovers(parent)
        yield
    finally:
        os.close(descriptor)  # and with it the lock


def _lock(descriptor: int, parent: Path) -> None:
    assert fcntl is not None
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        print(f"Another build into {parent} is running; waiting for it to finish "
              "(Ctrl-C to stop waiting).", file=sys.stderr, flush=True)
        fcntl.flock(descriptor, fcntl.LOCK_EX)


def remove_leftovers(parent: Path) -> None:
    """Every staging folder in `parent`: with the lock held, none is a live build's."""
    for entry in sorted(parent.iterdir()):
        if LEFTOVER.match(entry.name) and entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)


def staging_folder(parent: Path) -> Path:
    """A new, empty staging folder in `parent`, readable as any folder is."""
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=parent))
    # mkdtemp makes a private (0700) folder; the site must be readable as any folder is.
    umask = os.umask(0)
    os.umask(umask)
    staging.chmod(0o777 & ~umask)
    return staging


def swap_into_place(staging: Path, target: Path) -> None:
    """Swap `staging` in for `target` by two renames: the old site stays until the new one is in."""
    previous = None
    if target.exists():
        previous = Path(tempfile.mkdtemp(prefix=OLD_PREFIX, dir=target.parent))
        previous.rmdir()
        target.rename(previous)
    staging.rename(target)
    if previous is not None:
        shutil.rmtree(previous, ignore_errors=True)
