"""Progress of a long build: a bar on a terminal, a plain line now and then in a CI log.

Small sites build in a second and say nothing here; a build of more than
`QUIET_BELOW` pages reports as it goes, on standard error so that output stays
clean to pipe.
"""

from __future__ import annotations

import sys
from typing import TextIO

QUIET_BELOW = 300
"""Pages; fewer build too fast for progress to help."""
BAR_WIDTH = 30
LOG_STEP = 10
"""Per cent between two lines in a log."""


class Progress:
    def __init__(self, total: int, stream: TextIO | None = None):
        self.total = total
        self.done = 0
        self.stream = stream or sys.stderr
        self.on_terminal = self.stream.isatty()
        self.active = total >= QUIET_BELOW
        self.last_logged = -LOG_STEP

    def advance(self) -> None:
        self.done += 1
        if not self.active:
            return
        percent = 100 * self.done // self.total
        if self.on_terminal:
            filled = BAR_WIDTH * self.done // self.total
            bar = "#" * filled + "-" * (BAR_WIDTH - filled)
            self.stream.write(f"\rBuilding pages [{bar}] {percent:3d}% "
                              f"{self.done:,}/{self.total:,}")
            self.stream.flush()
        elif percent >= self.last_logged + LOG_STEP:
            self.last_logged = percent - percent % LOG_STEP
            self.stream.write(f"Building pages: {self.done:,} of {self.total:,} ({percent}%)\n")
            self.stream.flush()

    def finish(self) -> None:
        if self.active and self.on_terminal:
            self.stream.write("\n")
            self.stream.flush()
