#!/usr/bin/env python3
"""Build the briefing site: `python build.py` (see `python build.py --help`).

Thin on purpose: the pipeline lives in the `briefing` package.
"""

from pathlib import Path

from briefing.cli import run

if __name__ == "__main__":
    run(default_config=Path(__file__).resolve().parent / "mkdocs.yml")
