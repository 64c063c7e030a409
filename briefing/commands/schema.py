"""`build.py schema`: write the JSON Schema of briefing.yml from the metadata model.

The schema is published with the site (it lives in docs/) and referenced from
each briefing.yml, so editors with the YAML language server autocomplete
fields and flag mistakes. A test fails when the committed file is stale.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..schema import json_schema

SCHEMA_FILE = "briefing.schema.json"


def schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def run_schema(docs_dir: Path) -> Path:
    """Write `docs/briefing.schema.json`; return its path."""
    path = docs_dir / SCHEMA_FILE
    path.write_text(schema_text(), encoding="utf-8", newline="\n")
    return path
