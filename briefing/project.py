"""Where a project's files are: the MkDocs configuration and what it names.

`build.py` and every command start from a `Project`, so they agree on which
`mkdocs.yml`, docs folder and site folder they mean, whichever folder the user
runs them from.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError

from .errors import BriefingError
from .inputs.files import DEFAULT_MAX_MB
from .model.briefing import Briefing
from .parallel.workers import Workers
from .pipeline import check_site, load_site


class ConfigError(BriefingError):
    """mkdocs.yml is missing or invalid."""


@dataclass(frozen=True)
class Project:
    """A Briefing project: the folder holding `mkdocs.yml`."""

    config_file: Path

    @property
    def root(self) -> Path:
        return self.config_file.parent

    def load_config(self, **overrides) -> MkDocsConfig:
        """Read and validate `mkdocs.yml`; raise `ConfigError` with MkDocs' own reason."""
        if not self.config_file.is_file():
            raise ConfigError(
                f"{self.config_file}: no such file. Run from a Briefing project, or name the "
                "configuration with --config.")
        _quiet_mkdocs()
        try:
            return load_config(str(self.config_file), **overrides)
        except (ConfigurationError, Abort) as error:
            raise ConfigError(f"{self.config_file}: {error}") from None

    def docs_dir(self) -> Path:
        return Path(self.load_config().docs_dir)

    def load_site(self, config: MkDocsConfig | None = None) -> list[Briefing]:
        """Load, check and model every briefing, with the limits set in mkdocs.yml."""
        config = config or self.load_config()
        return load_site(Path(config.docs_dir), max_file_mb(config))

    def check_site(self, then=None) -> list:
        """Load and check every briefing, with the limits set in mkdocs.yml
        (`pipeline.check_site`: `then` runs in the worker processes of a large site)."""
        config = self.load_config()
        return check_site(Path(config.docs_dir), max_file_mb(config), Workers(may_fork=True),
                          then=then)


def max_file_mb(config: MkDocsConfig) -> float:
    """The size limit for input files set under the briefing plugin in mkdocs.yml."""
    plugin = config.plugins.get("briefing")
    return plugin.config.max_file_mb if plugin else DEFAULT_MAX_MB


def _quiet_mkdocs() -> None:
    """MkDocs logs configuration details at INFO; our commands say what matters themselves."""
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
