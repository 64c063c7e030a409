"""Benchmark: does `check`'s coverage catch every quote a briefing leaves out?

Run from the project folder:
    python benchmarks/coverage.py  [--details] [--save] [--corpus DIR]

Each text of `../shared/samples/` (see its CORPUS.md) is drafted as `build.py new` drafts
it (`benchmarks/drafting.py`'s `Drafter`); then every reaction and every person is taken
out of the draft, as if the drafter had missed them all, and so is every passage its
findings and concerns name (each then cites its paragraph whole: coverage counts quoted
words a point names as a passage as heard, so a point drawn from a quotation would hide
it); the draft is written and checked from a scratch docs folder as `check` does, and
its coverage is read (`briefing.checks.coverage.coverage_of`, through
`briefing.pipeline.check_site`). A text whose drafting or checking raises is a crash,
reported, and counted as reporting nothing.

The measures, each a count over a count (totals add the counts):

- quotes reported: expected quotes (`expected.yml` `quotes`) whose paragraph, the one
  holding the quote's `starts` (compared as `drafting.words_of` compares text), coverage
  lists under "speech no reaction quotes" (with its speaker, or as "speaker not clear"),
  over expected quotes.
- of them with a speaker: those whose paragraph coverage lists with a speaker it could
  name, over the quotes reported.
- people reported: expected people who are quoted (a quote's `speaker` is their surname)
  whose surname is that of someone coverage lists under "quoted in the source but not
  under people", over expected quoted people.

The target: every expected quote reported. `--save` writes what is printed to
benchmarks/coverage-results.md.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

if __package__ in (None, ""):  # run as a script: let `benchmarks.drafting` import
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.drafting import (
    SAMPLES,
    Drafter,
    Sample,
    Tally,
    contains_words,
    parts,
    provenance_text,
    read_samples,
    surname,
    words_of,
)
from briefing.checks.coverage import UNCLEAR_SPEAKER, Coverage, coverage_of
from briefing.draft.writer import render_draft
from briefing.inputs.folders import METADATA_FILE, SOURCE_FILE
from briefing.inputs.source import parse_source
from briefing.pipeline import check_site

PROJECT = Path(__file__).resolve().parents[1]
RESULTS = PROJECT / "benchmarks" / "coverage-results.md"
MEASURES = (("quotes", "quotes reported"), ("with_speaker", "of them with a speaker"),
            ("people", "people reported"))


@dataclasses.dataclass
class Row:
    """What coverage reported of one sample with its reactions and people taken out."""

    sample: Sample
    tallies: dict[str, Tally]
    missed: list[str]
    crash: str | None = None


def coverage_without_reactions(sample: Sample, drafter: Drafter) -> tuple[Coverage, str]:
    """The coverage `check` reports of the sample's draft stripped of reactions, people and
    named passages, and the source text as taken in."""
    intake, draft = drafter.intake_and_draft(sample.folder / "source.txt")
    bare = dataclasses.replace(
        draft, reactions=(), people=(),
        findings=tuple(dataclasses.replace(point, passage=None) for point in draft.findings),
        concerns=tuple(dataclasses.replace(point, passage=None) for point in draft.concerns))
    metadata = render_draft(bare, intake, SOURCE_FILE, drafter.templates_dir)
    with tempfile.TemporaryDirectory(prefix="coverage-benchmark-") as scratch:
        folder = Path(scratch) / sample.slug
        folder.mkdir()
        (folder / SOURCE_FILE).write_text(intake.text, encoding="utf-8", newline="\n")
        (folder / METADATA_FILE).write_text(metadata, encoding="utf-8", newline="\n")
        [coverage] = check_site(Path(scratch), drafter.max_bytes / 1_000_000,
                                then=coverage_of)
    return coverage, intake.text


def paragraph_of(starts: str, source_text: str) -> int | None:
    """The number of the paragraph holding an expected quote's first words."""
    wanted = words_of(starts)
    for paragraph in parse_source(source_text).paragraphs:
        if contains_words(words_of(paragraph.text), wanted):
            return paragraph.number
    return None


def score(sample: Sample, coverage: Coverage, source_text: str) -> Row:
    expected = sample.expected
    reported = {}
    for number, speaker in coverage.unquoted_speech:
        if reported.get(number) in (None, UNCLEAR_SPEAKER):
            reported[number] = speaker
    quotes, named, missed = [], [], []
    for quote in expected.get("quotes") or []:
        number = paragraph_of(quote["starts"], source_text)
        found = number in reported
        quotes.append(found)
        if found:
            named.append(reported[number] != UNCLEAR_SPEAKER)
        else:
            missed.append(f'quote not reported: {quote["speaker"]}: "{quote["starts"]}" '
                          f"(paragraph {number})")
    speakers = {words_of(q["speaker"])[0] for q in expected.get("quotes") or []
                if len(words_of(q["speaker"])) == 1}
    listed = {surname(name) for name in coverage.unlisted_people}
    people = []
    for person in expected.get("people") or []:
        if surname(person["name"]) in speakers:
            people.append(surname(person["name"]) in listed)
            if not people[-1]:
                missed.append(f"quoted person not reported: {person['name']}")
    return Row(sample, {"quotes": _tally(quotes), "with_speaker": _tally(named),
                        "people": _tally(people)}, missed)


def _tally(hits: Iterable[bool]) -> Tally:
    values = list(hits)
    return Tally(sum(values), len(values))


def run(samples: list[Sample], drafter: Drafter | None = None) -> list[Row]:
    drafter = drafter or Drafter.for_project()
    rows = []
    for sample in samples:
        try:
            coverage, text = coverage_without_reactions(sample, drafter)
        except Exception as error:  # noqa: BLE001 - a crash is a result here
            quotes = len(sample.expected.get("quotes") or [])
            rows.append(Row(sample, {"quotes": Tally(0, quotes), "with_speaker": Tally(),
                                     "people": Tally()}, [],
                            crash=f"{type(error).__name__}: {error}"))
            continue
        rows.append(score(sample, coverage, text))
    return rows


def report(rows: list[Row], details: bool, provenance: str) -> str:
    lines = ["# Coverage benchmark: what `check` reports of a draft with no reactions", "",
             provenance, "",
             ("Each text of `../shared/samples/` drafted as `new` drafts it, every reaction, "
              "person and named passage taken out, and checked; the measures are defined in "
              "the docstring of `benchmarks/coverage.py`. Counts are found/of; totals add the "
              "counts."), "",
             "## Per text", "",
             "| text | part | " + " | ".join(label for _, label in MEASURES) + " |",
             "|---|---|" + "---|" * len(MEASURES)]
    for row in rows:
        part = "dev" if row.sample.part == "development" else row.sample.part
        cells = [row.tallies[key].cell() for key, _ in MEASURES]
        crash = " (CRASH)" if row.crash else ""
        lines.append(f"| {row.sample.slug}{crash} | {part} | " + " | ".join(cells) + " |")
    split = parts(rows)  # type: ignore[arg-type]  # rows of either kind hold a sample
    lines += ["", "## Totals", "",
              "| measure | " + " | ".join(f"{name} ({len(part)} texts)"
                                         for name, part in split.items()) + " |",
              "|---|" + "---|" * len(split)]
    for key, label in MEASURES:
        cells = [sum((row.tallies[key] for row in part), Tally()).total_cell()
                 for part in split.values()]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    crashes = [f"- **{row.sample.slug}** crashed: {row.crash}" for row in rows if row.crash]
    lines += ["", "## Crashes", ""] + (crashes or ["- None."])
    if details:
        lines += ["", "## Details"]
        for row in rows:
            if row.missed:
                lines += ["", f"### {row.sample.slug}"
                          + ("" if row.sample.part == "development" else f" ({row.sample.part})")]
                lines += [f"- {note}" for note in row.missed]
        if not any(row.missed for row in rows):
            lines += ["", "- Every expected quote and quoted person is reported."]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="list every quote not reported")
    parser.add_argument("--save", action="store_true", help=f"write the output to {RESULTS}")
    parser.add_argument("--corpus", type=Path, metavar="DIR",
                        help="also run the texts of another labelled corpus, as unseen texts")
    args = parser.parse_args(argv)
    if not SAMPLES.is_dir():
        print(f"No samples corpus at {SAMPLES}.", file=sys.stderr)
        return 2
    rows = run(read_samples() + (read_samples(args.corpus, unseen=True) if args.corpus else []))
    flags = " --details" * args.details + " --save" * args.save \
        + (f" --corpus {args.corpus}" if args.corpus else "")
    text = report(rows, args.details, provenance_text(flags, "coverage.py"))
    print(text, end="")
    if args.save:
        RESULTS.write_text(text, encoding="utf-8", newline="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
