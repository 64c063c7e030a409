#!/usr/bin/env python3
"""Rewrite tests/bad_input/<case>/expected.txt from what the checks report today.

Run it explicitly, after changing a message on purpose:

    python tests/regenerate_expected.py            # every case
    python tests/regenerate_expected.py bad-id     # named cases only

then review the change with `git diff tests/bad_input`: the diff is the review of every
message a user will see. A case whose briefings all pass gets an empty expected.txt.
A case that crashes instead of reporting problems is left as it is and named on stderr.
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path

from briefing.errors import CheckFailed
from briefing.pipeline import load_site

CASES = Path(__file__).resolve().parent / "bad_input"
EXPECTED = "expected.txt"


def case_folders() -> list[Path]:
    """Every case: a folder of bad_input/ holding a docs/ folder."""
    return sorted(p for p in CASES.iterdir() if (p / "docs").is_dir())


def reported(case: Path) -> list[str]:
    """The problem lines `load_site` reports for the case, in order; none if it passes."""
    try:
        load_site(case / "docs")
    except CheckFailed as failure:
        return [str(problem) for problem in failure.problems]
    return []


def main(names: list[str]) -> int:
    cases = [p for p in case_folders() if not names or p.name in names]
    crashed = 0
    for case in cases:
        try:
            lines = reported(case)
        except Exception:
            crashed += 1
            print(f"{case.name}: crashed; expected.txt left as it was:", file=sys.stderr)
            traceback.print_exc()
            continue
        text = "".join(line + "\n" for line in lines)
        (case / EXPECTED).write_text(text, encoding="utf-8", newline="\n")
        print(f"{case.name}: {len(lines)} problem(s)")
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
