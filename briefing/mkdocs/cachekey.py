"""What every generated page shares, as one digest, and where the build's cache is kept.

A page's key (`site.pagekeys`) covers what the page itself shows; this covers what
all pages share: the code that renders them, the libraries it renders with and the
engine running it, the theme's files, the configuration (mkdocs.yml as written and as loaded), the site's
stylesheet, whether it is a preview, and the user's own Markdown pages (the theme
may list them). Change any of it and every page is rendered afresh.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from ..inputs.fingerprint import fingerprint
from ..inputs.folders import METADATA_FILE
from ..inputs.organisations import ORGANISATIONS_FILE
from ..parallel.cache import CACHE_FOLDER, code_version, files_digest

SERIES_FIELD = re.compile(r"^\s*-?\s*(?:follows|compared)\s*:", re.MULTILINE)
"""A briefing.yml that links to another briefing."""
SHOWN_SETTINGS = ("site_name", "site_url", "site_description", "site_author", "copyright",
                  "use_directory_urls", "repo_url", "repo_name", "edit_uri", "extra_css",
                  "extra_javascript", "extra", "theme", "markdown_extensions",
                  "mdx_configs")
"""Settings a page may show, as loaded (an environment variable may set one)."""


def cache_folder(config: MkDocsConfig, *, previewing: bool) -> Path:
    """`.cache/briefing/site/` beside mkdocs.yml, or `preview/` for `serve`: a preview's pages
    differ from the site's (they allow the live-reload script), and each build keeps only
    its own pages, so sharing one folder would leave neither what it needs."""
    folder = Path(config.config_file_path or ".").resolve().parent / CACHE_FOLDER
    # One cache per docs folder: two projects sharing a mkdocs.yml's folder (tests, CI
    # matrices) build at once into caches of their own, never into one another's.
    return folder / ("preview" if previewing else "site") / docs_cache_name(Path(config.docs_dir))


def docs_cache_name(docs_dir: Path) -> str:
    """The name of the cache of the site built from `docs_dir`."""
    return hashlib.blake2b(str(docs_dir.resolve()).encode(), digest_size=6).hexdigest()


def site_wide_digest(config: MkDocsConfig, files: Files, stylesheet: Markup, *,
                     previewing: bool) -> str:
    """The digest of what every page shares (see above)."""
    settings = repr([(name, _plain(config.get(name))) for name in SHOWN_SETTINGS])
    written = Path(config.config_file_path).read_text(encoding="utf-8", errors="replace") \
        if config.config_file_path else ""
    pages = "\n".join(sorted(f.src_uri for f in files.documentation_pages()))
    # The engine running the plugin (MkDocs, or ProperDocs with its own configuration class).
    engine = f"{type(config).__module__}.{type(config).__qualname__}"
    return files_digest([Path(folder) for folder in config.theme.dirs], code_version(), engine,
                        written, settings, str(stylesheet), f"previewing={previewing}", pages,
                        _across_briefings(Path(config.docs_dir)))


def _across_briefings(docs: Path) -> str:
    """Briefings that speak of each other (a series, comparisons, the organisations register)
    show on each page what the others say, which no page's own key holds: while any does,
    every briefing's inputs are part of every key, so a change to one renders all again.
    Correct first; a key per series would be faster, and is not written yet."""
    folders = sorted(p.parent for p in docs.glob(f"*/{METADATA_FILE}"))
    linked = (docs / ORGANISATIONS_FILE).is_file() or any(
        SERIES_FIELD.search((folder / METADATA_FILE).read_text(encoding="utf-8", errors="replace"))
        for folder in folders)
    return "\n".join(f"{f.name} {fingerprint(f)}" for f in folders) if linked else ""


def _plain(value) -> object:
    """A setting as plain data for `repr`: the theme as its name and options."""
    if hasattr(value, "items"):
        return sorted((str(k), _plain(v)) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value if isinstance(value, (str, int, float, bool, type(None))) else str(value)
