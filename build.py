#!/usr/bin/env python3
"""Build the briefing site: `python build.py` (see `python build.py --help`).

Thin on purpose: the pipeline lives in the `briefing` package.
"""

import sys
from pathlib import Path

from briefing.cli import main

if __name__ == "__main__":
    sys.exit(main(default_config=Path(__file__).resolve().parent / "mkdocs.yml"))
