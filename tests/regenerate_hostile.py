#!/usr/bin/env python3
"""Rewrite tests/hostile/<case>/expected.txt from what a build reports today.

Run it explicitly, after changing a message on purpose:

    python tests/regenerate_hostile.py                 # every case with an expected.txt
    python tests/regenerate_hostile.py url-javascript  # named cases only

then review the change with `git diff tests/hostile`. Only refused cases are rewritten:
expected-safe.txt says where each payload must show and is written by hand. A case that
builds, crashes or hangs instead of being refused keeps its expected.txt and is named on
stderr, so a bug is never written down as the expected behaviour.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_hostile import CASES, REFUSED, build_case, outside_placeholder, prepare


def main(names: list[str]) -> int:
    unknown = set(names) - set(REFUSED)
    if unknown:
        print(f"not refused cases of {CASES}: {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    failed = 0
    for case in [name for name in REFUSED if not names or name in names]:
        with tempfile.TemporaryDirectory() as workspace:
            root = prepare(case, Path(workspace))
            outcome = build_case(case, root)
            lines = outside_placeholder(root, outcome.lines)
        if outcome.kind != "refused":
            failed += 1
            print(f"{case}: {outcome}; expected.txt left as it was", file=sys.stderr)
            continue
        text = "".join(line + "\n" for line in lines)
        (CASES / case / "expected.txt").write_text(text, encoding="utf-8", newline="\n")
        print(f"{case}: {len(lines)} problem(s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
