"""Shared paths and the one helper several test modules need: a project configuration
that builds a docs folder kept somewhere other than the project's own `docs/`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from briefing.commands.schema import SCHEMA_FILE, schema_text
from shared_texts import CORPUS

ROOT = Path(__file__).resolve().parents[1]
"""The project: mkdocs.yml, build.py, docs/, templates/."""
DEFAULT_DOCS = ROOT / "tests" / "fixtures" / "default-docs"
"""The default briefing as the project ships it in docs/, kept for the tests: they never read
the user's docs/, which grows and changes with the user's own briefings."""
CUMBRIA = "cumbria-child-protection"
DEFAULT_BRIEFING = DEFAULT_DOCS / CUMBRIA
KENT = "kent-police-2021"


def default_project(folder: Path) -> Path:
    """A project in `folder` as a fresh clone has it: docs/ holding the default briefing, and
    mkdocs.yml (returned)."""
    shutil.copytree(DEFAULT_DOCS, folder / "docs")
    (folder / "docs" / SCHEMA_FILE).write_text(schema_text(), encoding="utf-8", newline="\n")
    return write_config(folder, folder / "docs", folder / "site")


def curated_docs(docs: Path) -> Path:
    """`docs` holding the two curated briefings: the default one and Kent's (its metadata in
    tests/fixtures/briefings, its text from ../shared/samples)."""
    for slug, origin, source in (
            (CUMBRIA, DEFAULT_BRIEFING, DEFAULT_BRIEFING / "source.txt"),
            (KENT, ROOT / "tests" / "fixtures" / "briefings" / KENT, CORPUS / KENT / "source.txt")):
        (docs / slug).mkdir(parents=True)
        shutil.copy(origin / "briefing.yml", docs / slug)
        shutil.copy(source, docs / slug / "source.txt")
    return docs


def write_config(folder: Path, docs_dir: Path, site_dir: Path) -> Path:
    """Write `folder/mkdocs.yml`: the project's settings, with every path made absolute."""
    settings = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    settings["docs_dir"] = str(docs_dir.resolve())
    settings["site_dir"] = str(site_dir.resolve())
    settings["theme"]["custom_dir"] = str((ROOT / settings["theme"]["custom_dir"]).resolve())
    settings["watch"] = [str((ROOT / path).resolve()) for path in settings.get("watch", [])]
    config = folder / "mkdocs.yml"
    config.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    return config


@pytest.fixture(scope="session")
def config_for():
    """`config_for(folder, docs_dir, site_dir)` -> path of a mkdocs.yml for that docs folder."""
    return write_config


def read_tree(folder: Path) -> dict[str, bytes]:
    """Every file below `folder`, by relative path, with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="session")
def tree_of():
    """`tree_of(folder)` -> {relative path: bytes} for every file below `folder`."""
    return read_tree
