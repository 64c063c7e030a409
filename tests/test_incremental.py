"""A rebuild renders only what changed, and its site is byte for byte a cold build's.

One project is built, then changed step by step (a finding edited, a paragraph of a
source edited, a title changed, a briefing added, one deleted, one moved to another
subject) and rebuilt each time with the cache of the builds before; after every step
a cold build of the same docs, in a folder with no cache, must give the same bytes in
every file. Every other step renders in worker processes, as a large site does, so the
pages from the cache meet both ways of rendering the rest. Which pages a build rendered
shows in the cache: a page it rendered is the same file (inode) as its cache entry; a
page it took from the cache is a new copy.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from benchmarks.synthetic import write_synthetic_briefings
from briefing.commands.build import run_build
from briefing.parallel import workers
from briefing.mkdocs.cachekey import docs_cache_name
from briefing.parallel.cache import CACHE_FOLDER, PAGES
from briefing.project import Project

BRIEFINGS = 30
"""More than a home page holds (25), so the home page is paged; all share one inspector."""


def _edit(docs: Path, i: int, change: Callable[[dict], None]) -> None:
    path = docs / f"briefing-{i:05d}" / "briefing.yml"
    metadata = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(metadata)
    path.write_text(yaml.safe_dump(metadata, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")


def edit_a_finding(docs: Path) -> None:
    _edit(docs, 5, lambda m: m["findings"][0].update(text="A finding worded afresh."))


def edit_an_uncited_paragraph(docs: Path) -> None:
    source = docs / "briefing-00012" / "source.txt"
    paragraphs = source.read_text(encoding="utf-8").split("\n\n")
    paragraphs[1] = paragraphs[1].replace("has today published", "published today")
    source.write_text("\n\n".join(paragraphs), encoding="utf-8")


def change_a_title(docs: Path) -> None:
    _edit(docs, 7, lambda m: m.update(title="A title others list as related"))


def add_a_briefing(docs: Path) -> None:
    extra = docs.parent / "extra"
    write_synthetic_briefings(extra, BRIEFINGS + 1)
    shutil.copytree(extra / f"briefing-{BRIEFINGS:05d}", docs / f"briefing-{BRIEFINGS:05d}")
    shutil.rmtree(extra)


def delete_a_briefing(docs: Path) -> None:
    shutil.rmtree(docs / "briefing-00003")


def move_to_another_subject(docs: Path) -> None:
    _edit(docs, 9, lambda m: m["subject"].update(name="A Force Of Its Own"))


def nothing(docs: Path) -> None:
    """A rebuild with nothing changed."""


ONLY_ITS_OWN = {edit_a_finding: "briefing-00005", edit_an_uncited_paragraph: "briefing-00012"}
"""Steps after which no other briefing's pages may be rendered again."""


def rendered_by_last_build(site: Path, cache: Path) -> set[str]:
    """The pages of `site` that its build rendered, not took from the cache."""
    cached = {blob.stat().st_ino for blob in (cache / PAGES).rglob("*") if blob.is_file()}
    return {page.relative_to(site).as_posix() for page in site.rglob("*.html")
            if page.stat().st_ino in cached}


def briefing_of(page: str) -> str | None:
    """The briefing a page belongs to (its folder, or its download), if any."""
    folder, _, name = page.rpartition("/")
    if folder == "downloads" and name.startswith("briefing-"):
        return name.removesuffix(".html")
    return folder if folder.startswith("briefing-") else None


@pytest.fixture
def project(tmp_path, config_for) -> Path:
    folder = tmp_path / "project"
    write_synthetic_briefings(folder / "docs", BRIEFINGS)
    config_for(folder, folder / "docs", folder / "site")
    return folder


def test_each_rebuild_is_a_cold_build_byte_for_byte(project, tmp_path, config_for, tree_of,
                                                    monkeypatch):
    site = project / "site"
    cache = project / CACHE_FOLDER / "site" / docs_cache_name(project / "docs")
    run_build(Project(project / "mkdocs.yml"))
    pages = len(list(site.rglob("*.html")))
    assert rendered_by_last_build(site, cache), "the first build filled no cache"
    steps = [nothing, edit_a_finding, edit_an_uncited_paragraph, change_a_title,
             add_a_briefing, delete_a_briefing, move_to_another_subject]
    for number, step in enumerate(steps):
        monkeypatch.setattr(workers, "RENDER_IN_WORKERS_FROM", 50 if number % 2 else 10**9)
        step(project / "docs")
        run_build(Project(project / "mkdocs.yml"))
        rendered = rendered_by_last_build(site, cache)
        cold = tmp_path / f"cold-{number}"
        cold.mkdir()
        run_build(Project(config_for(cold, project / "docs", cold / "site")))
        incremental, expected = tree_of(site), tree_of(cold / "site")
        assert sorted(incremental) == sorted(expected), step.__name__
        assert [p for p in expected if incremental[p] != expected[p]] == [], step.__name__
        if step is nothing:
            assert rendered == set(), "nothing changed, yet pages were rendered again"
        if step in ONLY_ITS_OWN:
            changed = ONLY_ITS_OWN[step]
            assert {p for p in rendered if briefing_of(p) == changed} == {
                p for p in expected if p.endswith(".html") and briefing_of(p) == changed}
            assert {briefing_of(p) for p in rendered} <= {changed, None}, step.__name__
            assert len(rendered) < pages / 10, step.__name__
