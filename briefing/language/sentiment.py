"""A general English reading of praise and criticism, for sentences our own cues miss.

The cues of `draft.cues` are the vocabulary of inspection reporting. Many findings are
written in plain evaluative English instead ("warm interactions", "rising violence"):
for those, VADER's lexicon of some 7,500 rated words (vaderSentiment, MIT licence),
which knows nothing of our texts, gives the side. It is a fallback, never the first
reader: its own judgement of a sentence is trusted only when it is clear.
"""

from __future__ import annotations

from functools import lru_cache

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

THRESHOLD = 0.7
"""How clear VADER's compound score (-1 to 1) must be. Chosen on the development texts:
at 0.5 it found no more points there and drafted twice the false ones."""


@lru_cache(maxsize=1)
def _analyser() -> SentimentIntensityAnalyzer:
    """Loaded once, on first use: reading its lexicon takes a tenth of a second, which
    `check` and the build never pay."""
    return SentimentIntensityAnalyzer()


def general_side(text: str) -> tuple[str | None, float]:
    """`findings` for clear praise, `concerns` for clear criticism, else None; and the score."""
    score = _analyser().polarity_scores(text)["compound"]
    if score >= THRESHOLD:
        return "findings", score
    if score <= -THRESHOLD:
        return "concerns", score
    return None, score
