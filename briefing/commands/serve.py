"""`build.py serve`: MkDocs' live-reloading server, after the same checks as a build."""

from __future__ import annotations

import logging

from mkdocs.commands.serve import serve as mkdocs_serve

from ..project import Project


def run_serve(project: Project, dev_addr: str | None = None) -> None:
    """Check once (refusing to start on errors), then serve and rebuild on every edit."""
    project.load_site()
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    mkdocs_serve(config_file=str(project.config_file), dev_addr=dev_addr)
