"""Read a user's input file only if it is what it claims to be.

A briefing folder may hold a link to a file outside the project, a device or
pipe that would block or never end, or a file far larger than any article.
Each is refused with a message before a byte is read. In: a path, the folder
it must stay inside, a size limit. Out: the file's bytes, or `UnsafeFile`.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

DEFAULT_MAX_MB = 5
"""A long report summary is 100 KB; 5 MB leaves room and still refuses a mistake."""


class UnsafeFile(Exception):
    """The file is not read; `message` says why and what to do."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


RAISE_THE_LIMIT = "Check it is the right file, or raise max_file_mb for the briefing plugin in "\
    "mkdocs.yml."
"""What to do about a briefing's file over the size limit."""


def read_input_file(path: Path, max_bytes: int, *, inside: Path | None = None,
                    if_too_large: str = RAISE_THE_LIMIT) -> bytes:
    """The bytes of `path`, which must be a regular file of at most `max_bytes` (and, given
    `inside`, no link out of that folder); checked before a byte is read. `OSError` if it
    cannot be read at all (`FileNotFoundError` if it is not there)."""
    if inside is not None and path.is_symlink():
        target = path.resolve()
        if not target.is_relative_to(inside.resolve()):
            raise UnsafeFile(f"is a link to {target}, outside the project; copy the file in "
                             "instead of linking to it.")
    info = os.stat(path)
    if stat.S_ISDIR(info.st_mode):
        raise UnsafeFile("is a folder; give the text file itself.")
    if not stat.S_ISREG(info.st_mode):
        raise UnsafeFile("is not a regular file (a device, pipe or folder?); "
                         "use a plain text file.")
    if info.st_size > max_bytes:
        raise UnsafeFile(
            f"is {info.st_size / 1e6:.1f} MB, over the limit of {max_bytes / 1e6:g} MB. "
            + if_too_large)
    with open(path, "rb") as handle:
        return handle.read(max_bytes + 1)


def unsafe_entries(docs_dir: Path, checked_by_reader: set[str],
                   read_beside: frozenset[str] = frozenset()) -> list[tuple[Path, str]]:
    """(path, why) for every entry of the docs folder MkDocs would read or publish but should
    not: a link leading out of it (to a file or a folder), or a device or pipe (which would
    block the build). Files named in `checked_by_reader` are left to `read_input_file`; so
    are those named in `read_beside`, but only beside one of the first (elsewhere nothing
    reads them, so they are checked here like any other file)."""
    inside = docs_dir.resolve()
    found = []
    for root, dirs, files in os.walk(docs_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        left = checked_by_reader | (read_beside if checked_by_reader & set(files) else set())
        for name in dirs + sorted(files):
            path = Path(root) / name
            if name.startswith(".") or (name in left and name in files):
                continue
            if path.is_symlink() and not path.resolve().is_relative_to(inside):
                kind = "folder" if name in dirs else "file"
                found.append((path, f"is a link to {path.resolve()}, outside the project; "
                                    f"copy the {kind} in instead of linking to it."))
            elif name in files and not stat.S_ISREG(os.stat(path).st_mode):
                found.append((path, "is not a regular file (a device, pipe or folder?); "
                                    "use a plain text file."))
    return found
