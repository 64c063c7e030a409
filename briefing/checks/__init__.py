"""Stage 2, check: the promises a briefing makes, held to its source (unique ids, citations that
exist, quotes that stand word for word), and what it still misses of the source (coverage)."""
