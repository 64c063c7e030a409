"""The whole site as one zip, for reading offline from a USB stick or a shared drive.

In: the built site folder. Out: `<site>/downloads/<name>.zip` holding every file
of the site under one top folder, so unzipping never spills files. A zip cannot
hold itself, so the copy inside has the offline wording of the downloads page
(`OFFLINE_PAGE`, which links to no zip) in place of the online one. The archive
is reproducible: entries sorted, timestamps from SOURCE_DATE_EPOCH, fixed
permissions, so the same site always gives the same bytes.
"""

from __future__ import annotations

import os
import time
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

ZIP_EPOCH_MIN = 315532800
"""1980-01-01, the earliest time a zip entry can carry."""
DOWNLOADS_PAGE = "downloads/index.html"
OFFLINE_PAGE = "downloads/offline.html"


def write_site_archive(site_dir: Path, archive: Path, top_folder: str, *,
                       last: Sequence[str] = (), before_last: Callable[[], None] = lambda: None
                       ) -> Path:
    """Zip every file of `site_dir` (but the archive itself) into `archive`, sorted, but the
    site paths `last` at the end, once `before_last()` returns: they may still be being
    written when the archive starts (the single-file downloads, on a large site)."""
    archive.parent.mkdir(parents=True, exist_ok=True)
    stamp = time.gmtime(max(ZIP_EPOCH_MIN, int(os.environ.get("SOURCE_DATE_EPOCH", "0"))))[:6]
    offline = site_dir / OFFLINE_PAGE
    later = {site_dir / path for path in last}
    files = sorted(p for p in site_dir.rglob("*")
                   if p not in later and p.is_file() and p not in (archive, offline))
    partial = archive.with_suffix(".zip.partial")
    # Level 1: HTML still shrinks about fourfold, at a third of the default level's time.
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as bundle:
        for path in files:
            _add(bundle, site_dir, path, top_folder, stamp, offline)
        before_last()
        for path in sorted(later):
            _add(bundle, site_dir, path, top_folder, stamp, offline)
    partial.replace(archive)
    return archive


def _add(bundle: zipfile.ZipFile, site_dir: Path, path: Path, top_folder: str, stamp,
         offline: Path) -> None:
    info = zipfile.ZipInfo(f"{top_folder}/{path.relative_to(site_dir).as_posix()}", stamp)
    info.external_attr = 0o644 << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    is_downloads_page = path.relative_to(site_dir).as_posix() == DOWNLOADS_PAGE
    content = (offline if is_downloads_page and offline.is_file() else path).read_bytes()
    bundle.writestr(info, content, compresslevel=1)
