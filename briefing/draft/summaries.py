"""Rule 4 of `points`: a sentence that repeats a list item is cited with it, not drafted.

In: the points drafted from sentences and from list items, and the `SourceText`. Out:
the sentences' points that say something no item says; each of the others is added to
the `also` of the item it repeats. Two texts say the same when they share most of the
words that are rare in the text (`_overlap`).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import TYPE_CHECKING

from ..inputs.source import SourceText
from ..language.words import EMPTY_IN_AN_ID

if TYPE_CHECKING:
    from .points import Candidate

SAME_POINT = 0.6
"""Share of the telling words a sentence must have in common with a list item to be cited
with it rather than drafted: it then says little the item does not."""


def merge_summaries(narrated: list[Candidate], listed: list[Candidate],
                    source: SourceText) -> list[Candidate]:
    """Narrated points that repeat a list item become citations of it."""
    weights = _rarity(source)
    kept = []
    for point in narrated:
        same_side = [item for item in listed if item.kind == point.kind]
        best = max(same_side, key=lambda item: _overlap(point.text, item.text, weights),
                   default=None)
        if best is not None and _overlap(point.text, best.text, weights) >= SAME_POINT:
            if point.paragraph.number not in best.also:
                best.also.append(point.paragraph.number)
            best.also.extend(n for n in point.also if n not in best.also)
        else:
            kept.append(point)
    return kept


def _stems(text: str) -> set[str]:
    """Words as the overlap measure sees them: lower case, first five letters, no stop words."""
    return {word[:5] for word in re.findall(r"[a-z]+", text.lower())
            if len(word) > 3 and word not in EMPTY_IN_AN_ID}


def _rarity(source: SourceText) -> dict[str, float]:
    """How telling each word is in this text: rare words say what a point is about."""
    counts = Counter(stem for p in source.paragraphs for stem in _stems(p.text))
    total = len(source.paragraphs) + 1
    return {stem: math.log(total / count) for stem, count in counts.items()}


def _overlap(a: str, b: str, weights: dict[str, float]) -> float:
    """Shared words' weight over the smaller text's weight: 1 when one says all the other does."""
    stems_a, stems_b = _stems(a), _stems(b)
    smaller = min(_weight(stems_a, weights), _weight(stems_b, weights))
    return _weight(stems_a & stems_b, weights) / smaller if smaller else 0.0


def _weight(stems: set[str], weights: dict[str, float]) -> float:
    return sum(weights.get(stem, 0.0) for stem in stems)
