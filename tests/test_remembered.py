"""Under serve, a rebuild loads and checks afresh only the briefings whose files changed.

`load_site` with workers that remember (as `mkdocs serve`'s are) is run on a project,
then again after one briefing's files change: only that briefing is loaded and checked
again, and the briefings hold all that those of a load from nothing hold (their records,
as each briefing.json publishes them).
"""

from __future__ import annotations

import yaml

from benchmarks.synthetic import write_synthetic_briefings
from briefing import pipeline
from briefing.parallel.workers import Workers
from briefing.site.published import briefing_record


def test_a_rebuild_loads_only_the_briefing_that_changed(tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    write_synthetic_briefings(docs, 5)
    loaded = []
    load_and_check = pipeline._load_and_check

    def counting(folder, *args, **kwargs):
        loaded.append(folder.name)
        return load_and_check(folder, *args, **kwargs)
    monkeypatch.setattr(pipeline, "_load_and_check", counting)

    def serve_build():
        return pipeline.load_site(docs, workers=Workers(may_fork=False, remember=True))

    serve_build()
    assert len(loaded) == 5
    loaded.clear()
    assert serve_build() and loaded == [], "nothing changed, yet briefings were loaded again"
    path = docs / "briefing-00002" / "briefing.yml"
    metadata = yaml.safe_load(path.read_text(encoding="utf-8"))
    metadata["title"] = "Changed while previewing"
    path.write_text(yaml.safe_dump(metadata, sort_keys=False), encoding="utf-8")
    remembered = serve_build()
    assert loaded == ["briefing-00002"]
    afresh = pipeline.load_site(docs, workers=Workers(may_fork=False))
    assert [briefing_record(b) for b in remembered] == [briefing_record(b) for b in afresh]
    assert "Changed while previewing" in [b.metadata.title for b in remembered]
