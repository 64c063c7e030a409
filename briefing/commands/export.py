"""`build.py export`: single-file briefings (and the site zip) to email, archive or carry.

The export is the site's own `downloads/` output, the same bytes, after the same checks
of every briefing as any build. A briefing named is rendered on its own
(`mkdocs.alone`), not the whole site; `--all` builds the site in a temporary folder
and copies its downloads and zip out. Nothing existing is overwritten unless asked
(`--force`), and each file appears whole or not at all.
"""

from __future__ import annotations

import difflib
import shutil
import tempfile
from pathlib import Path

from ..errors import BriefingError, UsageError
from ..mkdocs.alone import downloads_alone
from ..mkdocs.plugin import briefing_plugin
from ..project import Project
from .build import run_build


def run_export(project: Project, slugs: list[str], output_dir: Path, *, everything: bool,
               force: bool) -> list[Path]:
    """Write `<slug>.html` for each slug (every briefing with `everything`, plus the site zip)."""
    if not everything:
        return _export_alone(project, slugs, output_dir, force=force)
    config = project.load_config()
    briefings = {b.slug: b for b in project.load_site(config)}
    wanted = list(briefings) if everything else slugs
    for slug in wanted:
        if slug not in briefings:
            raise UsageError(_unknown(slug, list(briefings)))
    archive = briefing_plugin(config).archive_path if everything else None
    sources = [briefings[slug].export_path for slug in wanted] + ([archive] if archive else [])
    targets = [output_dir / Path(source).name for source in sources]
    _refuse_existing(targets, force=force)
    with tempfile.TemporaryDirectory(prefix="briefing-export-") as staging:
        site = Path(staging) / "site"
        run_build(project, site)
        output_dir.mkdir(parents=True, exist_ok=True)
        for source, target in zip(sources, targets):
            partial = target.with_name(target.name + ".partial")
            shutil.copyfile(site / source, partial)
            partial.replace(target)
    return targets


def _export_alone(project: Project, slugs: list[str], output_dir: Path, *, force: bool
                  ) -> list[Path]:
    """Each briefing of `slugs` rendered on its own into `output_dir`."""
    with downloads_alone(project.load_config()) as (briefings, render):
        known = {b.slug: b for b in briefings}
        for slug in slugs:
            if slug not in known:
                raise UsageError(_unknown(slug, list(known)))
        sources = [known[slug].export_path for slug in slugs]
        targets = [output_dir / Path(source).name for source in sources]
        _refuse_existing(targets, force=force)
        contents = [render(source) for source in sources]
    output_dir.mkdir(parents=True, exist_ok=True)
    for target, content in zip(targets, contents):
        partial = target.with_name(target.name + ".partial")
        partial.write_bytes(content)
        partial.replace(target)
    return targets


def _refuse_existing(targets: list[Path], *, force: bool) -> None:
    existing = [str(t) for t in targets if t.exists()]
    if existing and not force:
        raise BriefingError(f"{', '.join(existing)} already exists; nothing was written. "
                            "Use --force to replace, or --output-dir to write elsewhere.")


def _unknown(slug: str, known: list[str]) -> str:
    close = difflib.get_close_matches(slug, known, n=1)
    hint = f"Did you mean '{close[0]}'?" if close else f"Briefings: {', '.join(known) or 'none'}."
    return f"no briefing '{slug}' in the docs folder. {hint}"
