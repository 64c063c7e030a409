"""The coverage benchmark (benchmarks/coverage.py): its scoring on a made-up coverage, and
the whole run on the shared samples corpus, where present, held to its target: coverage
reports every quote and every quoted person a draft with no reactions leaves out."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import coverage as benchmark
from benchmarks import drafting
from briefing.checks.coverage import UNCLEAR_SPEAKER, Coverage

SOURCE = ("Jane Smith, the chief inspector, said: “Care was good on every ward we saw.”\n\n"
          "“Staff were kind and patients felt safe at night.”\n\n"
          "Some text about something else.\n")
EXPECTED = {"people": [{"name": "Jane Smith", "role": "chief inspector"}],
            "quotes": [{"speaker": "Smith", "starts": "Care was good on every ward"},
                       {"speaker": "Smith", "starts": "Staff were kind and patients felt"}]}


def coverage(unquoted: tuple, unlisted: tuple = ()) -> Coverage:
    return Coverage("x", 3, (), unquoted, unlisted, (), (), True)


def sample() -> drafting.Sample:
    return drafting.Sample("x", Path("x"), EXPECTED, {})


def test_a_quote_counts_when_its_paragraph_is_reported_with_or_without_a_speaker():
    row = benchmark.score(sample(), coverage(((1, "Jane Smith"), (2, UNCLEAR_SPEAKER)),
                                             ("Jane Smith",)), SOURCE)
    assert row.tallies["quotes"] == drafting.Tally(2, 2)
    assert row.tallies["with_speaker"] == drafting.Tally(1, 2)
    assert row.tallies["people"] == drafting.Tally(1, 1)


def test_what_coverage_leaves_out_is_listed():
    row = benchmark.score(sample(), coverage(((1, "Jane Smith"),)), SOURCE)
    assert row.tallies["quotes"] == drafting.Tally(1, 2)
    assert row.missed == [
        'quote not reported: Smith: "Staff were kind and patients felt" (paragraph 2)',
        "quoted person not reported: Jane Smith"]


@pytest.mark.skipif(not drafting.SAMPLES.is_dir(),
                    reason=f"no samples corpus at {drafting.SAMPLES}")
def test_every_expected_quote_and_quoted_person_is_reported_on_the_corpus():
    rows = benchmark.run(drafting.read_samples())
    assert [row.crash for row in rows if row.crash] == []
    assert [note for row in rows for note in row.missed] == []
    assert "| quotes reported |" in benchmark.report(rows, details=True, provenance="test")
