"""`build.py schema`: write the JSON Schema and the README's reference from the metadata model.

The schema is published with the site (it lives in docs/) and referenced from
each briefing.yml, so editors with the YAML language server autocomplete
fields and flag mistakes. The README's field-by-field reference is rewritten
from the same model. A test fails when either committed file is stale.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..inputs.reference import update_readme
from ..inputs.schema import json_schema

SCHEMA_FILE = "briefing.schema.json"


def schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def run_schema(docs_dir: Path, readme: Path, templates_dir: Path) -> list[Path]:
    """Write `docs/briefing.schema.json` and the README's reference; return the paths written."""
    path = docs_dir / SCHEMA_FILE
    path.write_text(schema_text(), encoding="utf-8", newline="\n")
    update_readme(readme, templates_dir)
    return [path, readme]
