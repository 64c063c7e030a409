"""What the last build in this process loaded, by each briefing's inputs: for `serve`.

`mkdocs serve` rebuilds the whole site in one process on every save, and loading and
checking every briefing is the largest part of that (on a large site, most of it).
A briefing's checked load depends only on its own files, so each result is kept here
by the hash of its inputs (`inputs.fingerprint`) until the next build in this process,
which loads and checks afresh only the briefings whose files changed, and keeps only
its own results (never more than one site's worth).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Sequence
from typing import Any

_last: dict[Hashable, Any] = {}


def remembered_map(map_items: Callable[[Callable, Sequence], Iterator], task: Callable,
                   items: Sequence, key_of: Callable[[Any], Hashable]) -> Iterator:
    """`map_items(task, items)` in order, taking from the last build what it had for the same
    key, and keeping this build's results for the next."""
    global _last
    keys = [key_of(item) for item in items]
    known = _last
    fresh = map_items(task, [item for item, key in zip(items, keys) if key not in known])
    kept = {}
    for key in keys:
        kept[key] = result = known[key] if key in known else next(fresh)
        yield result
    _last = kept
