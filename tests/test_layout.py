"""The package's layout is its architecture: these tests keep it so.

The folders of `briefing/` are the stages in the order a build runs them; a stage may
use an earlier one, never a later one, nor a tool (`draft/`, `commands/`, the pipeline
that runs them all). MkDocs is imported by its adapter and the project loader only, so
the commands that build nothing start without it. Modules stay short.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "briefing"
LAYERS = ["language.words", "language.marks", "inputs", "language", "checks", "model", "site"]
"""The stages in build order. The word lists and the review marks come before everything (the
source's paragraph kinds and the reading of briefing.yml use them); the reading of speech in
`language/` needs the source's paragraphs."""
TOOLS = {"draft", "commands", "pipeline", "cli", "project"}
ADAPTER = "mkdocs"
"""Runs the pipeline at MkDocs' events: it may use any stage and the pipeline, no other tool."""
SEAM = "parallel"
"""Runs the stages' work on other cores: called by any stage, and calling them."""
MAY_IMPORT_MKDOCS = {"mkdocs", "project", "commands.build", "commands.serve"}
MAX_MODULE_LINES = 300
MAX_CLASS_LINES = 150


def modules() -> dict[str, Path]:
    """Every module of the package, by its name within it: `inputs.source`."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def imports_of(name: str, path: Path) -> set[str]:
    """The package's own modules `name` imports (relative imports resolved), and `mkdocs`
    for any import of MkDocs."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[:len(package) - node.level + 1]
            target = ".".join(base + ([node.module] if node.module else []))
            found.update(f"{target}.{alias.name}".strip(".") if not node.module else target
                         for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "mkdocs":
            found.add("MkDocs")
        elif isinstance(node, ast.Import):
            found.update("MkDocs" for alias in node.names if alias.name.split(".")[0] == "mkdocs")
    return found


def layer_of(name: str) -> int | None:
    """Where `name` stands in `LAYERS` (the most specific layer that holds it)."""
    matches = [i for i, layer in enumerate(LAYERS) if name == layer or name.startswith(layer + ".")]
    return max(matches, key=lambda i: len(LAYERS[i])) if matches else None


def test_no_stage_imports_a_later_stage_or_a_tool():
    wrong = []
    for name, path in modules().items():
        own = layer_of(name)
        if own is None:
            continue
        for target in imports_of(name, path) - {"MkDocs"}:
            later = layer_of(target)
            if target.split(".")[0] in TOOLS or (later is not None and later > own):
                wrong.append(f"{name} imports {target}")
    assert not wrong, "\n".join(wrong)


def test_the_mkdocs_adapter_uses_no_tool_but_the_pipeline():
    wrong = [f"{name} imports {target}" for name, path in modules().items()
             if name.startswith(ADAPTER + ".")
             for target in imports_of(name, path)
             if target.split(".")[0] in TOOLS - {"pipeline", "project"}]
    assert not wrong, "\n".join(wrong)


def test_only_the_mkdocs_adapter_and_the_project_loader_import_mkdocs():
    importing = {name for name, path in modules().items() if "MkDocs" in imports_of(name, path)}
    allowed = {name for name in importing
               if any(name == a or name.startswith(a + ".") for a in MAY_IMPORT_MKDOCS)}
    assert importing - allowed == set()


NOT_LOADED = {"new": ("mkdocs", "briefing.mkdocs"), "schema": ("mkdocs", "briefing.mkdocs"),
              "check": ("mkdocs.commands", "briefing.mkdocs", "briefing.draft")}
"""What each command that builds nothing must not load: `new` and `schema` read mkdocs.yml
without MkDocs; `check` needs MkDocs' configuration only, and is no tool of drafting."""


@pytest.mark.parametrize("command", sorted(NOT_LOADED))
def test_commands_that_build_nothing_load_neither_builder_nor_tools(command):
    code = f"import sys, briefing.commands.{command}; print(*sys.modules)"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, cwd=ROOT).stdout.split()
    unwanted = NOT_LOADED[command]
    assert [m for m in loaded if m in unwanted or m.startswith(tuple(f"{u}." for u in unwanted))
            ] == []


def test_modules_and_classes_stay_short():
    long = []
    for name, path in modules().items():
        source = path.read_text(encoding="utf-8")
        if (lines := source.count("\n")) > MAX_MODULE_LINES:
            long.append(f"{name}: {lines} lines")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.ClassDef) and (
                    size := node.end_lineno - node.lineno + 1) > MAX_CLASS_LINES:
                long.append(f"{name}.{node.name}: {size} lines")
    assert not long, "\n".join(long)


def test_the_browser_drops_the_words_the_index_leaves_out():
    """search.js keeps its own copy of the common words; it must be the index's."""
    from briefing.language.words import COMMON_WORDS

    script = (ROOT / "templates" / "assets" / "search.js").read_text(encoding="utf-8")
    listed = script.split("var STOP_WORDS = new Set((", 1)[1].split(").split(", 1)[0]
    words = "".join(part.strip().strip('"') for part in listed.split("+")).split()
    assert sorted(words) == sorted(COMMON_WORDS)


def test_the_package_type_checks():
    """mypy at its default settings: no errors."""
    result = subprocess.run([sys.executable, "-m", "mypy", "briefing"], capture_output=True,
                            text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
