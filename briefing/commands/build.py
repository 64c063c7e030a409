"""`build.py build`: check and build the site with MkDocs into a fresh folder, then swap it in.

The site is built into a temporary folder beside the target; only a build that
succeeded replaces the previous site, so a failed build never leaves a
half-written `site/` behind. One build at a time builds beside a site, and each
removes what killed ones left there (`staging`).
"""

from __future__ import annotations

import logging
import shutil
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

import jinja2
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.exceptions import Abort

from ..errors import BriefingError
from ..mkdocs.plugin import briefing_plugin
from ..project import Project
from .staging import one_build_at_a_time, staging_folder, swap_into_place

KEPT = "The build stopped; the previous site was left as it was."
SITE_MARK = "briefings.json"
"""Every site Briefing builds has this catalogue at its root; a folder without it is not ours."""


class BuildFailed(BriefingError):
    """MkDocs reported errors (broken links, template errors); nothing was replaced."""


@dataclass(frozen=True)
class BuildResult:
    site_dir: Path
    briefings: int
    pages: int
    seconds: float
    warnings: int = 0
    """MkDocs warnings that did not stop the build (strict mode stops on any)."""


def run_build(project: Project, site_dir: Path | None = None) -> BuildResult:
    """Check every briefing, then build the whole site into `site_dir` (default: mkdocs.yml's)."""
    started = time.perf_counter()
    config = project.load_config()
    target = Path(site_dir or config.site_dir).resolve()
    _refuse_unsafe_target(target, project.root.resolve(), Path(config.docs_dir).resolve(),
                          asked_explicitly=site_dir is not None)
    target.parent.mkdir(parents=True, exist_ok=True)
    with one_build_at_a_time(target.parent):
        staging = staging_folder(target.parent)
        try:
            briefings, warnings = _mkdocs_build(project, staging)
            swap_into_place(staging, target)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    pages = sum(1 for _ in target.rglob("*.html"))
    return BuildResult(target, briefings, pages, time.perf_counter() - started, warnings)


def _refuse_unsafe_target(target: Path, root: Path, docs_dir: Path, *,
                          asked_explicitly: bool) -> None:
    """The site folder is replaced whole: never let that be the user's own files."""
    if target == root or target in root.parents:
        raise BriefingError(f"site_dir {target} would replace the project itself; "
                            "use a folder of its own such as 'site'.")
    if target == docs_dir or docs_dir in target.parents or target in docs_dir.parents:
        raise BriefingError(f"site_dir {target} overlaps the docs folder {docs_dir}; "
                            "use a folder of its own such as 'site'.")
    if not asked_explicitly and root not in target.parents:
        raise BriefingError(f"site_dir {target} (from mkdocs.yml) is outside the project {root}. "
                            "To build there, say so: python build.py build --site-dir "
                            f"{target}")
    if target.is_dir() and any(target.iterdir()) and not (target / SITE_MARK).is_file():
        raise BriefingError(f"{target} holds files that are not a site built by Briefing; "
                            "they would be replaced. Choose a new or empty folder, or move "
                            "them away first.")


def _mkdocs_build(project: Project, staging: Path) -> tuple[int, int]:
    """Build into `staging`; return the numbers of briefings and of warnings. The plugin
    runs the checks."""
    errors = _ErrorCollector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(errors)
    config = project.load_config(site_dir=str(staging))
    plugin = briefing_plugin(config)
    plugin.staged = True  # a fresh folder: nothing to keep, so no check before MkDocs cleans it
    try:
        mkdocs_build(config)
        return len(plugin.briefings), len(errors.messages)
    except Abort as abort:
        if plugin.failure is not None:
            raise plugin.failure from None
        detail = "\n".join(errors.messages) or str(abort)
        raise BuildFailed(f"{detail}\n{KEPT}") from None
    except jinja2.TemplateError as error:
        raise BuildFailed(f"{_template_location(error)}: template error: {error.message}\n"
                          f"{KEPT}") from None
    finally:
        plugin.end_build()
        logger.removeHandler(errors)


def _template_location(error: jinja2.TemplateError) -> str:
    """Where in the theme the error is: a syntax error knows; else the innermost template frame."""
    if isinstance(error, jinja2.TemplateSyntaxError) and error.filename:
        return f"{error.filename}:{error.lineno}"
    location = "templates"
    for frame, line in traceback.walk_tb(error.__traceback__):
        filename = frame.f_code.co_filename
        if filename.endswith((".html", ".xml", ".md")):
            location = f"{filename}:{line}"
    return location


class _ErrorCollector(logging.Handler):
    """Keeps MkDocs' warnings and errors, to show them if the build fails."""

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        prefix = "" if record.levelno >= logging.ERROR else f"{record.levelname.lower()}: "
        self.messages.append(prefix + record.getMessage())
