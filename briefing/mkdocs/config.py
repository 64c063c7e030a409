"""The briefing plugin's options in mkdocs.yml (`plugins: - briefing: {...}`)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from ..inputs.files import DEFAULT_MAX_MB


class BriefingConfig(base.Config):
    archive = c.Type(bool, default=True)
    """Offer the whole site as a zip in downloads/ (one more copy of the site's bytes)."""
    archive_name = c.Type(str, default="briefings")
    """File name of the zip, without `.zip`; also the folder its files unpack into."""
    max_file_mb = c.Type((int, float), default=DEFAULT_MAX_MB)
    """Largest source.txt or briefing.yml accepted, in megabytes; larger files are refused."""
    cache = c.Type(bool, default=True)
    """Keep each page built in .cache/briefing/ beside mkdocs.yml, so that the next build
    renders only the pages whose content changed (the output is the same either way)."""
