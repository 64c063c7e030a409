"""A briefing folder's inputs as one hash: what the caches know a briefing's content by.

In: a briefing folder. Out: a hash of its name and of the bytes of briefing.yml,
source.txt and source.lock as they are on disk now (a missing file counts as such),
so any edit to any of them gives another hash.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .folders import LOCK_FILE, METADATA_FILE, SOURCE_FILE

INPUT_FILES = (METADATA_FILE, SOURCE_FILE, LOCK_FILE)


def fingerprint(folder: Path) -> str:
    digest = hashlib.blake2b(folder.name.encode("utf-8"), digest_size=16)
    for name in INPUT_FILES:
        try:
            content = (folder / name).read_bytes()
        except OSError:  # missing, or unreadable: the load says which
            content = b"\0absent"
        digest.update(len(content).to_bytes(8, "big"))
        digest.update(content)
    return digest.hexdigest()
