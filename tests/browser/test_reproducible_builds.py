"""The same input builds to the same bytes: in another folder, at another time, with another
hash seed; and SOURCE_DATE_EPOCH, when the user sets it, is the date the site carries.

The project built is the two-briefing one with site_url set, so that the sitemap lists every
page with a date: without site_url MkDocs writes an empty sitemap, and a build time leaking
into it would go unseen.
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import time
import xml.etree.ElementTree as ElementTree
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest

from briefing.commands.build import run_build
from briefing.project import Project

from .support import ROOT, SITE_URL, two_briefing_docs, write_config

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
USER_EPOCH = 1_700_000_000
"""2023-11-14 22:13:20 UTC: newer than any date of the briefings, so it cannot come from them."""


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("reproducible")
    return write_config(folder, two_briefing_docs(folder), site_url=SITE_URL)


def build_in_subprocess(config: Path, site: Path, **env) -> None:
    environment = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"} | env
    done = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "--config", str(config), "build",
         "--site-dir", str(site)],
        capture_output=True, text=True, env=environment, cwd=site.parent)
    assert done.returncode == 0, done.stderr


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_builds_are_byte_identical_anywhere_anytime_any_hash_seed(project, tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = tmp_path / "first" / "site"
    run_build(Project(project), first)
    time.sleep(1.1)
    second = tmp_path / "elsewhere" / "deeper" / "out"
    second.parent.mkdir(parents=True)
    build_in_subprocess(project, second, PYTHONHASHSEED="1")
    third = tmp_path / "third"
    build_in_subprocess(project, third, PYTHONHASHSEED="4242")

    expected = tree(first)
    assert any(name.endswith(".zip") for name in expected), sorted(expected)
    assert "sitemap.xml.gz" in expected
    for other in (second, third):
        got = tree(other)
        assert sorted(got) == sorted(expected), (
            f"only in {first}: {sorted(set(expected) - set(got))}; "
            f"only in {other}: {sorted(set(got) - set(expected))}")
        differ = [name for name in expected if got[name] != expected[name]]
        assert not differ, f"{other} differs from {first} in: {differ}"


def test_a_user_set_source_date_epoch_dates_the_site(project, tmp_path):
    site = tmp_path / "site"
    build_in_subprocess(project, site, SOURCE_DATE_EPOCH=str(USER_EPOCH))
    day = datetime.fromtimestamp(USER_EPOCH, timezone.utc).strftime("%Y-%m-%d")

    sitemap = ElementTree.parse(site / "sitemap.xml").getroot()
    dates = {lastmod.text.strip() for lastmod in sitemap.iter(f"{SITEMAP}lastmod")}
    assert dates == {day}
    with gzip.open(site / "sitemap.xml.gz") as packed:
        assert packed.read() == (site / "sitemap.xml").read_bytes()
    # MkDocs stamps the gzip copy with midnight of the pages' date.
    gzip_time = int.from_bytes((site / "sitemap.xml.gz").read_bytes()[4:8], "little")
    assert datetime.fromtimestamp(gzip_time, timezone.utc).strftime("%Y-%m-%d") == day

    stamp = datetime.fromtimestamp(USER_EPOCH, timezone.utc).timetuple()[:5]
    for archive in (site / "downloads").glob("*.zip"):
        with zipfile.ZipFile(archive) as bundle:
            wrong = [i.filename for i in bundle.infolist() if i.date_time[:5] != stamp]
        assert not wrong, f"{archive.name}: entries not dated {day}: {wrong[:5]}"
