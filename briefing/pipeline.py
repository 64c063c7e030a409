"""The build, top to bottom: load -> check -> model -> group -> plan; MkDocs renders and writes
every page; then the data files, the downloads, the zip and the check of every link.

`build_site` is the whole of it, in one function. MkDocs runs its render loop in the
middle, so the function is a context manager: the MkDocs adapter (`mkdocs.plugin`)
enters it when MkDocs has listed the docs folder (`on_files`), and leaves it when MkDocs
has written every page (`on_post_build`), or with the error that stopped the build.
With a cache, each page is keyed by what it shows (`site.pagekeys`) and only the pages
the cache lacks are rendered (`parallel.cache`). `load_site` and `check_site` are the
first stages alone, for `build.py check`, `new` and `export`: every command goes
through them, so none can disagree about what is wrong.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup

from .checks.checker import Locations, check_briefing
from .checks.series import check_links, links_of
from .errors import BriefingError, CheckFailed, Problem
from .inputs.files import DEFAULT_MAX_MB, unsafe_entries
from .inputs.fingerprint import fingerprint
from .inputs.folders import (
    LOCK_FILE,
    METADATA_FILE,
    SOURCE_FILE,
    WholeBriefing,
    find_briefing_folders,
    load_briefing,
)
from .inputs.organisations import load_organisations
from .model.briefing import Briefing, build_briefing
from .model.collection import build_collection
from .parallel.cache import RenderCache
from .parallel.workers import Workers
from .site.context import TemplateContexts
from .site.output import SiteOutput
from .site.pagekeys import page_keys
from .site.pages import SitePlan, plan_site
from .site.reproducible import pinned_build_time, pinned_date


class BrokenLinks(BriefingError):
    """The built site links to a page, file or anchor it does not have."""


@dataclass(frozen=True)
class BuildSettings:
    """What one build is asked to do, from mkdocs.yml and the command."""

    docs_dir: Path
    site_dir: Path
    stylesheet: Markup
    """The site's stylesheet as published, which a single-file download inlines."""
    archive_name: str
    archive: bool
    max_file_mb: float = DEFAULT_MAX_MB
    previewing: bool = False
    """Under `mkdocs serve`: pages allow its live-reload script, and nothing forks."""
    loaded: list[Briefing] | None = None
    """The briefings, if already loaded and checked (`mkdocs build` checks them before MkDocs
    empties the site folder, so that a failure leaves the previous site)."""
    cache_dir: Path | None = None
    """Where the pages of earlier builds are kept, to render only what changed; None: none."""
    site_wide: str = ""
    """A digest of what every page shares (code, templates, configuration): part of each key."""


@dataclass(frozen=True)
class SiteBuild:
    """A build under way, as MkDocs' render loop needs it."""

    plan: SitePlan
    contexts: TemplateContexts
    output: SiteOutput


@contextmanager
def build_site(settings: BuildSettings) -> Iterator[SiteBuild]:
    """Build the site, MkDocs rendering and writing the pages at the `yield`; raise
    `CheckFailed` before it if a briefing has problems, `BrokenLinks` after it."""
    cache = RenderCache(settings.cache_dir) if settings.cache_dir is not None else None
    # Under serve, each rebuild loads afresh only the briefings whose files changed.
    workers = Workers(may_fork=not settings.previewing, cache=cache,
                      remember=settings.previewing)
    with closing(workers):
        # Loading a large site makes millions of objects, all kept: collect less often.
        workers.hold_collector()
        briefings = settings.loaded if settings.loaded is not None else load_site(
            settings.docs_dir, settings.max_file_mb, workers)  # load, check, model
        workers.hold_collector()  # and leave what was loaded out of every collection
        with pinned_build_time(briefings):
            organisations, _ = load_organisations(settings.docs_dir)  # checked by load_site
            collection = build_collection(briefings, organisations, pinned_date())  # group
            plan = plan_site(collection, settings.archive_name, archive=settings.archive)
            keys = page_keys(plan, settings.docs_dir, settings.site_wide) if cache else {}
            output = SiteOutput(plan, settings.docs_dir, settings.site_dir, workers, keys)
            yield SiteBuild(plan, TemplateContexts(plan, settings.stylesheet,
                                                   previewing=settings.previewing), output)
            # MkDocs has read, rendered and written every page (`output.render_pages`,
            # `output.page_written`); the rest of the site now.
            broken = output.finish()
    if broken:
        raise BrokenLinks("Broken links in the built site:\n" + "\n".join(broken))


def load_site(docs_dir: Path, max_file_mb: float = DEFAULT_MAX_MB,
              workers: Workers | None = None) -> list[Briefing]:
    """Load, check and model every briefing below `docs_dir`, newest first; raise
    `CheckFailed` on any problem. Each briefing is modelled here as soon as it is checked,
    while the workers (on a large site) check the rest."""
    remember_by = functools.partial(_inputs_of, docs_dir=docs_dir, max_file_mb=max_file_mb)
    briefings = [build_briefing(b, locations) for b, locations in
                 _checked(docs_dir, max_file_mb, workers, then=_to_model,
                          remember_by=remember_by)]
    return sorted(briefings, key=lambda b: b.sort_key, reverse=True)


def _inputs_of(folder: Path, docs_dir: Path, max_file_mb: float) -> tuple[str, float, str]:
    """All a briefing's checked load depends on: its folder, the size limit, its files."""
    return str(folder.relative_to(docs_dir)), max_file_mb, fingerprint(folder)


def _to_model(briefing: WholeBriefing, locations: Locations
              ) -> tuple[WholeBriefing, Locations]:
    """What the model needs of a checked briefing: not the line of every YAML value, which
    only messages need, and which is a quarter of what a worker would send back; nor the
    texts of briefing.yml and source.lock, which only `check` needs."""
    return (dataclasses.replace(briefing, yaml=None, metadata_text=None, lock_text=None),
            locations)


def check_site(docs_dir: Path, max_file_mb: float = DEFAULT_MAX_MB,
               workers: Workers | None = None,
               then: Callable[[WholeBriefing, Locations], Any] | None = None,
               prepare: Prepare | None = None) -> list:
    """Load and check every briefing (no model: `build.py check` needs no more): a
    (briefing, where its quotes stand) pair for each, or what `then` makes of the pair
    (in the worker that checked it, so only its result comes back). `prepare` changes each
    briefing before it is checked (`check --update-lock` re-anchors its citations)."""
    return list(_checked(docs_dir, max_file_mb, workers, then=then, prepare=prepare))


Prepare = Callable[[WholeBriefing], tuple[WholeBriefing, list[Problem]]]
"""A change to a loaded briefing, in memory, and the problems that stopped any of it."""


def _checked(docs_dir: Path, max_file_mb: float, workers: Workers | None,
             then: Callable[[WholeBriefing, Locations], Any] | None,
             prepare: Prepare | None = None, remember_by: Callable | None = None) -> Iterator:
    """`check_site`'s results one by one, as they come; `CheckFailed` once all have come, if
    any briefing has a problem."""
    problems = [Problem(path, why) for path, why in unsafe_entries(
        docs_dir, {METADATA_FILE, SOURCE_FILE}, read_beside=frozenset({LOCK_FILE}))]
    folders = find_briefing_folders(docs_dir)
    task = functools.partial(_load_and_check, docs_dir=docs_dir,
                             max_bytes=int(max_file_mb * 1_000_000), then=then,
                             prepare=prepare)
    check_problems = []
    organisations, register_problems = load_organisations(docs_dir, int(max_file_mb * 1_000_000))
    problems.extend(register_problems)
    every_links = []
    results = (workers or Workers(may_fork=False)).map(task, folders, remember_by=remember_by)
    for result, load_problems, found, links in results:
        problems.extend(load_problems)
        check_problems.extend(found)
        every_links.extend(links)
        if result is not None and not problems and not check_problems:
            yield result
    # Files that cannot be read come first, then what is wrong in the ones that can, then
    # what briefings say of each other.
    problems.extend(check_problems)
    if not problems:
        problems.extend(check_links(every_links, organisations, docs_dir))
    if problems:
        raise CheckFailed(relative_to_project(problems, docs_dir.parent))


def _load_and_check(folder: Path, docs_dir: Path, max_bytes: int, then=None, prepare=None):
    """(the checked briefing with where its quotes stand, or what `then` makes of them, or
    None if it has problems; problems loading it; problems checking it; what it says of
    other briefings, for `check_links`, as a list of none or one)."""
    loaded, problems = load_briefing(folder, docs_dir, max_bytes)
    briefing = loaded.whole()
    if briefing is None:
        return None, problems, [], []
    if prepare is not None:
        briefing, refused = prepare(briefing)
        problems = problems + refused
    found, locations = check_briefing(briefing)
    links = [links_of(briefing)]
    if found:
        return None, problems, found, links
    return ((then(briefing, locations) if then else (briefing, locations)), problems, found,
            links)


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
