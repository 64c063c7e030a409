"""Briefing: a report's source text and curated metadata in, a checked static site out.

The folders are the stages, in the order a build runs them:

- `inputs/`: read a briefing folder safely: its files, YAML with lines, the schema, the source;
- `checks/`: hold the metadata to the source: ids, citations, quotes word for word, coverage;
- `model/`: the briefing as its pages show it, and the collection of every briefing;
- `site/`: the pages to generate, the data files, search index, archive and link check;
- `mkdocs/`: the adapter that runs all of it at MkDocs' events (the only stage importing MkDocs);
- `parallel/`: every worker process, behind one small interface the stages call.

Beside them: `pipeline` (the build, top to bottom, in one function), `draft/` (the `new`
command's drafting), `language/` (word lists and the reading of speech that drafting and
coverage share), `commands/` (one module per verb of `build.py`), `cli` and `project`.
"""
