"""Stage 1, load: a briefing folder read from disk (files refused unless safe, YAML with the line
of every value, the metadata validated against the schema, the source split into paragraphs),
and the article `build.py new` starts from (`intake`)."""
