"""Where the tests find real texts: beside the project, in ../shared, never copied into it.

`../shared/samples/<slug>/source.txt` is the labelled corpus (CORPUS.md there) and
`../shared/seeds/` the default briefing's source as found; CI has ../shared beside the
clone. `tests/fixtures/draft_samples/` holds only texts written for the tests.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "samples"
SEED = SHARED / "seeds" / "000_5641af0d9e8ff4e9.txt"
WRITTEN_FOR_TESTS = ROOT / "tests" / "fixtures" / "draft_samples"
DEFAULT_BRIEFING = "cumbria-child-protection"


def source_path(name: str) -> Path:
    """The text of a drafting test case: the seed, a text written for the tests, or a sample."""
    if name == DEFAULT_BRIEFING:
        return SEED
    written = WRITTEN_FOR_TESTS / name / "source.txt"
    return written if written.is_file() else CORPUS / name / "source.txt"
