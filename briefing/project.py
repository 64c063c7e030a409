"""Where a project's files are: the MkDocs configuration and what it names.

`build.py` and every command start from a `Project`, so they agree on which
`mkdocs.yml`, docs folder and site folder they mean, whichever folder the user
runs them from. The commands that build nothing (`new`, `schema`) need only
three of its settings (`Project.folders`), read without loading MkDocs.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from .errors import BriefingError
from .inputs.files import DEFAULT_MAX_MB
from .model.briefing import Briefing
from .parallel.workers import Workers
from .pipeline import check_site, load_site

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

PLUGIN = "briefing"


class ConfigError(BriefingError):
    """mkdocs.yml is missing or invalid."""


@dataclass(frozen=True)
class ProjectFolders:
    """What the commands that build nothing need of mkdocs.yml."""

    docs_dir: Path
    templates_dir: Path
    """The theme's folder (`theme.custom_dir`), which holds the command line's templates too."""
    max_file_mb: float
    """The size limit for input files set under the briefing plugin."""


@dataclass(frozen=True)
class Project:
    """A Briefing project: the folder holding `mkdocs.yml`."""

    config_file: Path

    @property
    def root(self) -> Path:
        return self.config_file.parent

    def load_config(self, **overrides: Any) -> MkDocsConfig:
        """Read and validate `mkdocs.yml`; raise `ConfigError` with MkDocs' own reason."""
        from mkdocs.config import load_config
        from mkdocs.exceptions import Abort, ConfigurationError

        self._require_config_file()
        _quiet_mkdocs()
        try:
            return load_config(str(self.config_file), **overrides)
        except (ConfigurationError, Abort) as error:
            raise ConfigError(f"{self.config_file}: {error}") from None

    def folders(self) -> ProjectFolders:
        """The docs folder, the theme's folder and the size limit, as MkDocs would read them
        from mkdocs.yml, without importing MkDocs (a third of a second, and all of its
        validation, for three settings). A configuration that inherits from another
        (`INHERIT`) is read by MkDocs after all."""
        self._require_config_file()
        try:
            data = yaml.load(self.config_file.read_text(encoding="utf-8-sig"), _LenientLoader)
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
            raise ConfigError(f"{self.config_file}: {error}") from None
        if not isinstance(data, dict) or "INHERIT" in data:
            config = self.load_config()
            return ProjectFolders(Path(config.docs_dir),
                                  Path(config.theme.custom_dir or self.root / "templates"),
                                  max_file_mb(config))
        theme = data.get("theme")
        custom_dir = theme.get("custom_dir") if isinstance(theme, dict) else None
        return ProjectFolders(self.root / str(data.get("docs_dir") or "docs"),
                              self.root / str(custom_dir or "templates"),
                              _plugin_options(data.get("plugins")).get("max_file_mb",
                                                                       DEFAULT_MAX_MB))

    def _require_config_file(self) -> None:
        if not self.config_file.is_file():
            raise ConfigError(
                f"{self.config_file}: no such file. Run from a Briefing project, or name the "
                "configuration with --config.")

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
    plugin = config.plugins.get(PLUGIN)
    return plugin.config.max_file_mb if plugin else DEFAULT_MAX_MB


def _plugin_options(plugins: object) -> dict:
    """The briefing plugin's options, from a `plugins:` list (`- briefing`, `- briefing: {...}`)
    or mapping, as MkDocs accepts both."""
    if isinstance(plugins, dict):
        entries = list(plugins.items())
    elif isinstance(plugins, list):
        entries = [next(iter(p.items())) if isinstance(p, dict) and p else (p, None)
                   for p in plugins]
    else:
        entries = []
    for name, options in entries:
        if name == PLUGIN:
            return options if isinstance(options, dict) else {}
    return {}


class _LenientLoader(yaml.SafeLoader):
    """YAML as MkDocs reads mkdocs.yml: `!ENV` tags resolved, other tags (Python names that
    only other plugins read) taken as plain values."""


def _environment_value(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    """`!ENV NAME` or `!ENV [NAME, OTHER, default]`: the first variable set, else the default."""
    names = (loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode)
             else [loader.construct_scalar(node)] if isinstance(node, yaml.ScalarNode) else [])
    *variables, default = names if len(names) > 1 else (*names, None)
    return next((os.environ[v] for v in variables if str(v) in os.environ), default)


def _plain_value(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> object:
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_scalar(node) if isinstance(node, yaml.ScalarNode) else None


_LenientLoader.add_constructor("!ENV", _environment_value)
_LenientLoader.add_multi_constructor("", _plain_value)


def _quiet_mkdocs() -> None:
    """MkDocs logs configuration details at INFO; our commands say what matters themselves."""
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
