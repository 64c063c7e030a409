"""The preview while a briefing has problems: one page of them, served at every address.

Under `serve` (`build.py serve` or `mkdocs serve`), a build whose checks fail must not
fail: MkDocs' live-reload server would then hold every request until a build succeeds
(the browser hangs) and show the problems in the terminal only. Instead the plugin hands
MkDocs these files in place of the site: `index.html` and `404.html` (which MkDocs'
server answers any missing address with), both the page of problems, rendered from
`templates/preview-error.html`. It reloads itself, so it gives way to the site as soon
as a save fixes the last problem.
"""

from __future__ import annotations

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from ..errors import CheckFailed

TEMPLATE = "preview-error.html"
ADDRESSES = ("index.html", "404.html")
RELOAD_SECONDS = 2
"""How often the page asks again: soon enough to feel live, rarely enough to read in peace."""


def problem_files(config: MkDocsConfig, failure: CheckFailed) -> Files:
    """The files of a preview that shows `failure`'s problems at every address."""
    html = render_problems(config, failure)
    return Files([File.generated(config, address, content=html) for address in ADDRESSES])


def render_problems(config: MkDocsConfig, failure: CheckFailed) -> str:
    env = config.theme.get_env()
    env.autoescape = True
    env.undefined = jinja2.StrictUndefined
    problems = [{"where": f"{p.file}:{p.line}" if p.line else str(p.file), "item": p.item,
                 "message": p.message} for p in failure.problems]
    return env.get_template(TEMPLATE).render(
        problems=problems, site_name=config.site_name, reload_seconds=RELOAD_SECONDS,
        language=config.theme.locale.language if config.theme.locale else "en")
