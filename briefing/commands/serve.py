"""`build.py serve`: MkDocs' live-reloading server, running the same checks as a build.

While a briefing has problems, every address shows them (the plugin's `preview`), and the
terminal lists them; the site comes back by itself once they are fixed.
"""

from __future__ import annotations

import logging

from mkdocs.commands.serve import serve as mkdocs_serve

from ..project import Project


def run_serve(project: Project, dev_addr: str | None = None) -> None:
    """Serve and rebuild on every edit (a mistake in mkdocs.yml stops it first)."""
    project.load_config()
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    mkdocs_serve(config_file=str(project.config_file), dev_addr=dev_addr)
