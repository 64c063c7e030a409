"""Python's garbage collector, held back while a site builds.

The loaded site (every briefing, page and index) lives until the build ends,
yet the collector would walk all of it again and again: at 1,000 briefings,
about a tenth of the build's time, and it doubled the time to model the
briefings as they were loaded. So from the start of the build what is made is
collected in larger batches, and once the site is loaded it is frozen out of
the collector's sight (`gc.freeze`; `hold` again). When the build ends (or fails)
both are undone, so `mkdocs serve` and a test session running build after
build free each build's site as usual.

A process about to exit is another matter (`before_exit`): the interpreter's
last act is a full collection, which at 1,000 briefings takes a second and a
half to find nothing the operating system would not free at once.
"""

from __future__ import annotations

import gc

BUILD_THRESHOLDS = (50_000, 50, 100)
"""New objects before a young collection (default 700), and how often older ones follow."""


class BuildCollector:
    def __init__(self):
        self._saved: tuple[int, int, int] | None = None

    def hold(self) -> None:
        """Freeze what exists (the site, once loaded), and collect what follows less often."""
        if self._saved is None:
            self._saved = gc.get_threshold()
        gc.freeze()
        gc.set_threshold(*BUILD_THRESHOLDS)

    def release(self) -> None:
        """The build is over: everything may be collected again, as often as before."""
        if self._saved is not None:
            gc.set_threshold(*self._saved)
            self._saved = None
        gc.unfreeze()


def before_exit() -> None:
    """The command line's work is done and the process ends next: spare it the final full
    collection (the objects are still freed; only the search for cycles is skipped)."""
    gc.freeze()
