"""Benchmark: score what `build.py new` drafts against the labelled samples corpus.

Run from the project folder:
    python benchmarks/drafting.py  [--details] [--save] [--json FILE] [--corpus DIR]

Every folder of `../shared/samples/` (see its CORPUS.md) holds `source.txt`, `about.txt` and
`expected.yml`, a careful human reading of the text. Each text is drafted in process exactly
as `new` drafts it (`read_source`, `parse_source`, `draft_briefing`), the draft is written
out with `render_draft` and loaded back with `load_site` from a scratch docs folder (the
check `new` runs before it writes anything), and the draft is scored against `expected.yml`.
A text whose drafting raises is a crash: reported with the exception, scored as an empty
draft (so its expected items count as missed), and the run goes on.

All text is compared *normalised*: folded as quotations are checked
(`briefing.checks.passages.fold`: one kind of quote mark, dash and space), lower-cased,
apostrophes and quote marks dropped, and cut into words (letters and digits), so that
punctuation never decides a match and a phrase contains another only at word boundaries.
*Content words* are those words less the words that say nothing of a point
(`briefing.language.words.EMPTY_IN_AN_ID`) and words under three letters.

The measures, each a count over a count (totals add the counts: micro-averaged):

- quotes found: expected quotes (`{speaker, starts}`) for which some drafted quote's text
  contains `starts`, over expected quotes.
- right speaker: of those found, the ones a drafted quote containing them gives to the right
  speaker. An expected speaker that is the surname of an expected person is a person: the
  drafted speaker's name must hold that surname. Any other is a body ("the report",
  "Ofsted"): the body must match (as organisations do, below) the drafted speaker's name,
  role or organisation; or, when the body is the inspectorate's voice (it matches the
  expected inspector, or names the report, the inspection or the inspectors), the drafted
  speaker may be the inspectorate itself: named as the draft's inspector (name or short
  name), or named for its report or inspectors and speaking for the inspector.
- quote precision: drafted quotes containing some expected `starts`, over drafted quotes.
  A drafted quote under six words (a scare-quoted fragment, a rating) is never in
  `expected.yml`; it counts as unmatched all the same, and is listed.
- findings, concerns: expected phrases of that kind covered by a drafted point of the same
  kind, over expected phrases. A point covers a phrase when one contains the other, or when
  their content words overlap by at least 60% of the smaller set; except that an oversized
  point (over `OVERSIZED_POINT_WORDS` words: a paragraph or a whole article drafted as one
  point) covers nothing, or a text whose paragraphs the drafter fails to split would score
  full recall from one point holding all of it.
- polarity errors: drafted findings covering an expected concern, and drafted concerns
  covering an expected finding, but none of their own kind (a point covering both is mixed,
  not reversed), over drafted points.
- false points: drafted points covering no expected finding or concern, over drafted
  points; `not_points` is how many of those cover a `not_points` phrase. oversized points:
  those too long to count (above), over drafted points; they are not also false points.
- subject, inspector: right when the drafted and expected names, normalised and without
  "the" (and "&" read as "and"), contain one another or have the same content words
  ("Devon and Cornwall Police" and "POLICE in Devon and Cornwall"); or when the expected
  name is an abbreviation (one word, two or more capitals) and the draft gives it as the
  short name. An expected inspector written as a description (no capitalised word: "the
  government watchdog", used where the text never names the body) is also right when the
  drafted name or short name stands in `source.txt` and in `about.txt`'s title or notes,
  which name the body; otherwise it is wrong. A placeholder is never right.
  `partial` counts the right ones where the drafted name is only a part of the expected
  one ("Middle School" for "West Park CE First and Middle School"): right by the rule,
  shown so that nobody mistakes them for exact.
- roles: expected people with a role for whom a drafted person with the same surname has a
  role or organisation containing the expected role, or holding 60% of its content words;
  over expected people with a role.
- speaks_for: of expected people with a drafted namesake, those whose `speaks_for` agrees.
- people missing: expected people with no drafted person of the same surname, over expected
  people. people invented: drafted individuals whose surname is no expected person's, over
  drafted individuals (the entries the draft marks as a body quoted, "a body, not a person",
  are neither).
- check fails: drafts that `load_site` rejects, over drafts written; crashes: texts whose
  drafting, writing or loading raised something other than a failed check, over texts.

The corpus is split, once and by hand, into a development part and a held-out part (see
`HELD_OUT`). The held-out texts have since been read while rules were fixed, so they no
longer say how the rules carry to new texts; `--corpus DIR` scores another corpus in the
same format, labelled apart from the project, as "unseen": that figure does. `--save` writes what is printed to benchmarks/drafting-results.md; `--json`
writes every figure and detail, for a test or a later run to compare.
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from briefing.checks.passages import fold
from briefing.draft import draft_briefing
from briefing.draft.items import (
    PLACEHOLDER,
    Draft,
    DraftOrganisation,
    DraftPerson,
    DraftPoint,
    Guess,
)
from briefing.draft.writer import render_draft
from briefing.errors import CheckFailed
from briefing.inputs.folders import METADATA_FILE, SOURCE_FILE
from briefing.inputs.intake import Intake, read_source
from briefing.inputs.source import parse_source
from briefing.language.words import EMPTY_IN_AN_ID, without_accents
from briefing.pipeline import load_site
from briefing.project import Project

PROJECT = Path(__file__).resolve().parents[1]
SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"
RESULTS = PROJECT / "benchmarks" / "drafting-results.md"

HELD_OUT = (
    "glangwili-ed-hiw-western-telegraph-2023",  # no quotes at all; prose-only points
    "gloucestershire-send-ofsted-cqc-cypnow-2024",  # trade-press round-up; joint inspectorates
    "hmp-rochester-hmip-bbc",  # BBC: single line breaks; "..., he said."; a minister
    "humberside-police-hmicfrs-police-federation",  # a staff association's page; ratings list
    "probation-service-national-hmi-probation-press-release",  # inspectorate press release
    "robert-douglas-home-care-inspectorate-courier-2024",  # report extracts; no concerns
    "st-josephs-cathedral-primary-estyn-school-letter",  # a letter; quotes after a comma
)
"""The held-out third of the corpus, chosen by hand for variety of kind (the comments say
what each brings). The three texts that predate the corpus (devon-cornwall-police-2016,
kent-police-2021, wiltshire-ofsted-2012) are test fixtures the drafter was written
against, so they are always in development. Slugs are configuration: change the split
only with a note in the results, or held-out figures lose their meaning."""

QUOTE_WORDS_MIN = 6
"""CORPUS.md lists no quotation shorter than this; a shorter drafted quote is a fragment."""
OVERLAP_SHARE = 0.6
"""Share of the smaller set of content words two phrases must share to make one point."""
OVERSIZED_POINT_WORDS = 80
"""Longer than this, a drafted point is a paragraph or more, not a point: the longest
finding or concern in the corpus is 23 words, the longest other drafted point 52."""
INSPECTORATE_VOICE = frozenset({"report", "inspection", "inspector", "inspectors",
                                "inspectorate"})
"""Words by which a text gives the inspecting body's words without naming it."""

MEASURES = (
    ("quotes_found", "quotes found"),
    ("right_speaker", "right speaker"),
    ("quote_precision", "quote precision"),
    ("findings", "findings"),
    ("concerns", "concerns"),
    ("polarity_errors", "polarity errors"),
    ("false_points", "false points"),
    ("not_points", "of them not_points"),
    ("oversized_points", "oversized points"),
    ("subject", "subject"),
    ("subject_partial", "subject, partial"),
    ("inspector", "inspector"),
    ("inspector_partial", "inspector, partial"),
    ("roles", "roles"),
    ("speaks_for", "speaks_for"),
    ("people_missing", "people missing"),
    ("people_invented", "people invented"),
    ("check_fails", "check fails"),
    ("crashes", "crashes"),
)
"""Every figure, in the order shown: (key in the JSON, label in the tables)."""

LOWER_IS_BETTER = frozenset({"polarity_errors", "false_points", "not_points", "oversized_points",
                             "people_missing",
                             "people_invented", "check_fails", "crashes", "subject_partial",
                             "inspector_partial"})


# --- Counting -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Tally:
    """A count over a count: `found` of `of`. Tallies add, so totals are micro-averages."""

    found: int = 0
    of: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.found + other.found, self.of + other.of)

    def share(self) -> str:
        return f"{self.found / self.of:.0%}" if self.of else "–"

    def cell(self) -> str:
        """`3/4` for one text."""
        return f"{self.found}/{self.of}"

    def total_cell(self) -> str:
        """`18/24 75%` for a total."""
        return f"{self.found}/{self.of} {self.share()}"


def tally(hits: Iterable[bool]) -> Tally:
    """How many of `hits` are true, of how many."""
    values = list(hits)
    return Tally(sum(values), len(values))


# --- Normalising text ---------------------------------------------------------------------------

_WORD = re.compile(r"\w+")
_APOSTROPHE_OR_QUOTE = re.compile(r"""['"]""")


def words_of(text: str) -> list[str]:
    """`text` as compared: folded like quotations, lower-cased, no quote marks or apostrophes
    ("force’s" is "forces" on both sides), cut into words so punctuation never decides."""
    return _WORD.findall(_APOSTROPHE_OR_QUOTE.sub("", without_accents(fold(text)).lower()))


def content_words(text: str) -> set[str]:
    """The words of `text` that say what it is about: no empty words, none under 3 letters."""
    return {word for word in words_of(text) if word not in EMPTY_IN_AN_ID and len(word) >= 3}


def contains_words(outer: Sequence[str], inner: Sequence[str]) -> bool:
    """Whether the word sequence `inner` stands in `outer` (at word boundaries)."""
    if not inner:
        return False
    return f" {' '.join(inner)} " in f" {' '.join(outer)} "


def either_contains(a: Sequence[str], b: Sequence[str]) -> bool:
    return contains_words(a, b) or contains_words(b, a)


def overlapping(a: set[str], b: set[str]) -> bool:
    """Whether two sets of content words share at least `OVERLAP_SHARE` of the smaller."""
    smaller = min(len(a), len(b))
    return smaller > 0 and len(a & b) >= OVERLAP_SHARE * smaller


# --- Quotes -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SpokenQuote:
    """A drafted quote with the person the draft gives it to (None: no such person)."""

    text: str
    paragraph: int
    speaker: DraftPerson | None


def drafted_quotes(draft: Draft) -> list[SpokenQuote]:
    """Every drafted quote, in the draft's order, with its speaker looked up by id."""
    people = {person.id: person for person in draft.people}
    return [SpokenQuote(quote.text, quote.paragraph, people.get(reaction.person))
            for reaction in draft.reactions for quote in reaction.quotes]


def quote_holds(quote: SpokenQuote, starts: str) -> bool:
    """Whether a drafted quote holds the expected quote whose first words are `starts`."""
    return contains_words(words_of(quote.text), words_of(starts))


def surname(name: str) -> str:
    """The last word of a name, compared as words are."""
    parts = words_of(name)
    return parts[-1] if parts else ""


def speaker_is_right(expected_speaker: str, speaker: DraftPerson | None, draft: Draft,
                     expected: dict) -> bool:
    """Whether the draft gives a quote to whom `expected.yml` does (see the module's rule)."""
    if speaker is None:
        return False
    surnames = {surname(person["name"]) for person in expected.get("people") or []}
    wanted = words_of(expected_speaker)
    if len(wanted) == 1 and wanted[0] in surnames:
        return wanted[0] in words_of(speaker.name)
    if any(names_match(expected_speaker, value)
           for value in (speaker.name, speaker.role, speaker.organisation) if value):
        return True
    return (is_inspectorate_voice(expected_speaker, expected.get("inspector") or "")
            and speaks_as_inspectorate(speaker, draft.inspector))


def is_inspectorate_voice(body: str, expected_inspector: str) -> bool:
    """Whether an expected speaker that is a body is the inspecting body: named as the
    expected inspector, or as its report, its inspection or its inspectors."""
    return names_match(body, expected_inspector) or bool(set(words_of(body)) & INSPECTORATE_VOICE)


def speaks_as_inspectorate(speaker: DraftPerson, inspector: DraftOrganisation) -> bool:
    """Whether a drafted speaker is the inspecting body itself rather than a person in it."""
    names = [inspector.short_name or ""]
    if not inspector.name.is_placeholder:
        names.append(inspector.name.value)
    if any(names_match(speaker.name, name) for name in names if name):
        return True
    return speaker.speaks_for == "inspector" and bool(set(words_of(speaker.name))
                                                      & INSPECTORATE_VOICE)


@dataclass
class Score:
    """The tallies of one text, and what lies behind them, to show and to act on."""

    tallies: dict[str, Tally] = field(default_factory=dict)
    details: dict[str, list[str]] = field(default_factory=dict)

    def add(self, key: str, value: Tally, details: Iterable[str] = ()) -> None:
        self.tallies[key] = value
        listed = list(details)
        if listed:
            self.details[key] = listed


def score_quotes(draft: Draft, expected: dict, score: Score) -> None:
    """Quotes found, given to the right speaker, and drafted quotes that match none."""
    quotes = drafted_quotes(draft)
    wanted = expected.get("quotes") or []
    found, right, missed, wrong = [], [], [], []
    for item in wanted:
        holding = [quote for quote in quotes if quote_holds(quote, item["starts"])]
        found.append(bool(holding))
        if not holding:
            missed.append(f'{item["speaker"]}: "{item["starts"]}"')
            continue
        is_right = any(speaker_is_right(item["speaker"], q.speaker, draft, expected)
                       for q in holding)
        right.append(is_right)
        if not is_right:
            given = holding[0].speaker.name if holding[0].speaker else "no one"
            wrong.append(f'"{item["starts"]}": expected {item["speaker"]}, drafted {given}')
    matching = [any(quote_holds(q, item["starts"]) for item in wanted) for q in quotes]
    unmatched = [q for q, hit in zip(quotes, matching) if not hit]
    score.add("quotes_found", tally(found), missed)
    score.add("right_speaker", tally(right), wrong)
    score.add("quote_precision", tally(matching),
              [_quote_note(q) for q in unmatched])


def _quote_note(quote: SpokenQuote) -> str:
    """A drafted quote that matches none, marked when it is a fragment CORPUS.md leaves out."""
    fragment = " (fragment under six words: not in expected.yml by design)" \
        if len(words_of(quote.text)) < QUOTE_WORDS_MIN else ""
    speaker = quote.speaker.name if quote.speaker else "no one"
    return f'{speaker}, paragraph {quote.paragraph}: "{_short(quote.text)}"{fragment}'


# --- Findings and concerns ---------------------------------------------------------------------

def covers(point: str, phrase: str) -> bool:
    """Whether a drafted point says an expected phrase: one holds the other, or they share
    most of their content words (drafts trim and split sentences differently from people).
    An oversized point says nothing: holding a whole article, it would "cover" every phrase."""
    if is_oversized(point):
        return False
    return (either_contains(words_of(point), words_of(phrase))
            or overlapping(content_words(point), content_words(phrase)))


def is_oversized(point: str) -> bool:
    return len(words_of(point)) > OVERSIZED_POINT_WORDS


def score_points(draft: Draft, expected: dict, score: Score) -> None:
    """Recall of each kind, points of the wrong kind, and points the text does not make."""
    findings = list(expected.get("findings") or [])
    concerns = list(expected.get("concerns") or [])
    not_points = list(expected.get("not_points") or [])
    for key, drafted, wanted in (("findings", draft.findings, findings),
                                 ("concerns", draft.concerns, concerns)):
        hits = [any(covers(p.text, phrase) for p in drafted) for phrase in wanted]
        score.add(key, tally(hits), [f'missed: "{phrase}"' for phrase, hit in zip(wanted, hits)
                                     if not hit])
    kinds = [(point, "finding", findings, concerns) for point in draft.findings]
    kinds += [(point, "concern", concerns, findings) for point in draft.concerns]
    reversed_, false, not_point, oversized = [], [], [], []
    for point, kind, own, other in kinds:
        covers_own = any(covers(point.text, phrase) for phrase in own)
        covers_other = any(covers(point.text, phrase) for phrase in other)
        oversized.append(is_oversized(point.text))
        reversed_.append(covers_other and not covers_own)
        false.append(not covers_own and not covers_other and not oversized[-1])
        not_point.append(false[-1] and any(covers(point.text, phrase) for phrase in not_points))
    score.add("polarity_errors", tally(reversed_),
              [_point_note(k[0], k[1]) for k, hit in zip(kinds, reversed_) if hit])
    score.add("false_points", tally(false),
              [_point_note(k[0], k[1]) + (" (a not_points phrase)" if np else "")
               for k, hit, np in zip(kinds, false, not_point) if hit])
    score.add("not_points", Tally(sum(not_point), len(kinds)))
    score.add("oversized_points", tally(oversized),
              [_point_note(k[0], k[1]) + f" ({len(words_of(k[0].text))} words)"
               for k, hit in zip(kinds, oversized) if hit])


def _point_note(point: DraftPoint, kind: str) -> str:
    return f'drafted {kind}, paragraph {point.paragraph}: "{_short(point.text)}"'


# --- Organisations ------------------------------------------------------------------------------

def name_words(name: str) -> list[str]:
    """A name's words, "&" read as "and", without "the": "the Care Quality Commission" and
    "Care Quality Commission" are one name."""
    return [word for word in words_of(name.replace("&", " and ")) if word != "the"]


def names_match(a: str, b: str) -> bool:
    """Whether two names name one body: one holds the other, or the same content words."""
    words_a, words_b = name_words(a), name_words(b)
    if either_contains(words_a, words_b):
        return True
    content_a, content_b = content_words(" ".join(words_a)), content_words(" ".join(words_b))
    return bool(content_a) and content_a == content_b


def is_abbreviation(name: str) -> bool:
    """One word with two or more capitals: "HMCPSI", "HMIe", "OFSTED"."""
    return len(name.split()) == 1 and sum(char.isupper() for char in name) >= 2


def is_description(name: str) -> bool:
    """A body described, not named: no word written with a capital ("the government
    watchdog")."""
    return not any(word[:1].isupper() for word in _WORD.findall(name))


def organisation_verdict(expected_name: str, drafted: DraftOrganisation, source_text: str = "",
                         about: dict[str, str] | None = None) -> tuple[bool, bool]:
    """(right, partial) for a drafted subject or inspector; see the module's rule. Without
    `about` (the subject: CORPUS.md gives it in the text's words), no description is read."""
    if drafted.name.is_placeholder or not expected_name:
        return False, False
    name = drafted.name.value
    if names_match(expected_name, name):
        partial = (contains_words(name_words(expected_name), name_words(name))
                   and name_words(expected_name) != name_words(name)
                   and content_words(expected_name) != content_words(name))
        return True, partial
    short = drafted.short_name or ""
    if is_abbreviation(expected_name) and short.lower() == expected_name.lower():
        return True, False
    if about is not None and is_description(expected_name):
        return _named_in_source_and_about([name, short], source_text, about), False
    return False, False


def _named_in_source_and_about(names: list[str], source_text: str,
                               about: dict[str, str]) -> bool:
    """Whether a drafted name stands both in the text and in what `about.txt` says of the
    body the text only describes."""
    about_words = words_of(about.get("title", "") + " " + about.get("notes", ""))
    source_words = words_of(source_text)
    return any(contains_words(source_words, words_of(name))
               and contains_words(about_words, words_of(name)) for name in names if name)


def score_organisations(draft: Draft, expected: dict, source_text: str, about: dict[str, str],
                        score: Score) -> None:
    for key, drafted, described in (("subject", draft.subject, None),
                                    ("inspector", draft.inspector, about)):
        wanted = expected.get(key) or ""
        right, partial = organisation_verdict(wanted, drafted, source_text, described)
        note = f'expected "{wanted}", drafted "{drafted.name.value}"' + (
            f" ({drafted.short_name})" if drafted.short_name else "")
        score.add(key, Tally(int(right), 1), [] if right and not partial else [note])
        score.add(f"{key}_partial", Tally(int(partial), int(right)))


# --- People -------------------------------------------------------------------------------------

def role_matches(expected_role: str, person: DraftPerson) -> bool:
    """Whether a drafted person's role or organisation says the expected role."""
    have = " ".join(value for value in (person.role, person.organisation) if value)
    if contains_words(words_of(have), words_of(expected_role)):
        return True
    wanted = content_words(expected_role)
    return bool(wanted) and len(wanted & content_words(have)) >= OVERLAP_SHARE * len(wanted)


BODY_BASIS = "a body, not a person"
"""How the draft marks the entry it makes for a body quoted ("the report said"): the schema
knows only people, and a report's words are its body's. `expected.yml` lists individuals
only, so such an entry is neither a person found nor one invented."""


def score_people(draft: Draft, expected: dict, score: Score) -> None:
    """Roles and sides of the people expected, and people missing or invented."""
    wanted = list(expected.get("people") or [])
    by_surname: dict[str, DraftPerson] = {}
    for person in draft.people:
        by_surname.setdefault(surname(person.name), person)
    roles, sides, missing = [], [], []
    role_notes, side_notes = [], []
    for person in wanted:
        drafted = by_surname.get(surname(person["name"]))
        missing.append(drafted is None)
        if drafted is None:
            roles += [False] if person.get("role") else []
            continue
        if person.get("role"):
            roles.append(role_matches(person["role"], drafted))
            if not roles[-1]:
                role_notes.append(f'{person["name"]}: expected "{person["role"]}", drafted '
                                  f'role "{drafted.role}", organisation "{drafted.organisation}"')
        side = person.get("speaks_for", "other")
        sides.append(drafted.speaks_for == side)
        if not sides[-1]:
            side_notes.append(f'{person["name"]}: expected {side}, drafted {drafted.speaks_for}')
    surnames = {surname(person["name"]) for person in wanted}
    individuals = [person for person in draft.people if not person.basis.startswith(BODY_BASIS)]
    invented = [person for person in individuals if surname(person.name) not in surnames]
    score.add("roles", tally(roles), role_notes)
    score.add("speaks_for", tally(sides), side_notes)
    score.add("people_missing", tally(missing),
              [person["name"] for person, gone in zip(wanted, missing) if gone])
    score.add("people_invented", Tally(len(invented), len(individuals)),
              [f"{p.name} ({p.role or p.organisation or 'no role'})" for p in invented])


def score_draft(draft: Draft, expected: dict, source_text: str = "",
                about: dict[str, str] | None = None) -> Score:
    """Every measure but the check and the crash, for one draft against its expected.yml."""
    score = Score()
    score_quotes(draft, expected, score)
    score_points(draft, expected, score)
    score_organisations(draft, expected, source_text, about or {}, score)
    score_people(draft, expected, score)
    return score


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


# --- Drafting each sample -------------------------------------------------------------------

@dataclass(frozen=True)
class Sample:
    """One folder of the corpus."""

    slug: str
    folder: Path
    expected: dict
    about: dict[str, str]
    unseen: bool = False
    """From a corpus given with `--corpus`: texts labelled apart from this project, which no
    rule was written on or looked at."""

    @property
    def held_out(self) -> bool:
        return self.slug in HELD_OUT and not self.unseen

    @property
    def part(self) -> str:
        return "unseen" if self.unseen else "held-out" if self.held_out else "development"


@dataclass
class Row:
    """What the benchmark found for one sample."""

    sample: Sample
    score: Score
    crash: str | None = None
    """"TypeError: ..." when drafting, writing or loading the draft raised."""
    check_problems: list[str] | None = None
    """What `load_site` said of the written draft; None when it was not written (a crash)."""


def read_samples(samples_dir: Path = SAMPLES, *, unseen: bool = False) -> list[Sample]:
    """Every sample folder, sorted by slug (so the output is the same on every run)."""
    return [Sample(folder.name, folder, _read_yaml(folder / "expected.yml"),
                   read_about(folder / "about.txt"), unseen)
            for folder in sorted(samples_dir.iterdir())
            if folder.is_dir() and (folder / "expected.yml").is_file()]


def _read_yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def read_about(path: Path) -> dict[str, str]:
    """`about.txt`'s `key: value` lines."""
    if not path.is_file():
        return {}
    pairs = (line.split(":", 1) for line in path.read_text(encoding="utf-8").splitlines()
             if ":" in line)
    return {key.strip(): value.strip() for key, value in pairs}


def empty_draft() -> Draft:
    """What a crash leaves: nothing drafted, so every expected item counts as missed."""
    nothing = Guess(PLACEHOLDER, "the drafter crashed")
    return Draft(title=nothing, summary=nothing, subject=DraftOrganisation(nothing),
                 inspector=DraftOrganisation(nothing), outlet=nothing)


@dataclass(frozen=True)
class Drafter:
    """How `build.py new` drafts, with the project's settings (`commands/new.py`)."""

    max_bytes: int
    templates_dir: Path
    draft: Callable = draft_briefing

    @classmethod
    def for_project(cls, project_dir: Path = PROJECT) -> Drafter:
        folders = Project(project_dir / "mkdocs.yml").folders()
        return cls(int(folders.max_file_mb * 1_000_000), folders.templates_dir)

    def intake_and_draft(self, source: Path) -> tuple[Intake, Draft]:
        intake = read_source(source, self.max_bytes)
        return intake, self.draft(parse_source(intake.text), intake.page)

    def check_problems(self, slug: str, intake: Intake, draft: Draft) -> list[str]:
        """What `check` says of the draft as `new` would write it (none: it would pass)."""
        metadata = render_draft(draft, intake, SOURCE_FILE, self.templates_dir)
        with tempfile.TemporaryDirectory(prefix="drafting-benchmark-") as scratch:
            folder = Path(scratch) / slug
            folder.mkdir()
            (folder / SOURCE_FILE).write_text(intake.text, encoding="utf-8", newline="\n")
            (folder / METADATA_FILE).write_text(metadata, encoding="utf-8", newline="\n")
            try:
                load_site(Path(scratch), self.max_bytes / 1_000_000)
            except CheckFailed as failure:
                return [str(problem).replace(scratch + "/", "") for problem in failure.problems]
        return []


def run_sample(sample: Sample, drafter: Drafter) -> Row:
    """Draft, check and score one sample; a crash is recorded, never raised."""
    source = sample.folder / "source.txt"
    source_text = source.read_text(encoding="utf-8") if source.is_file() else ""
    try:
        intake, draft = drafter.intake_and_draft(source)
    except Exception as error:  # noqa: BLE001 - a crash is a result here
        return Row(sample, score_draft(empty_draft(), sample.expected, source_text,
                                       sample.about), crash=_describe(error))
    score = score_draft(draft, sample.expected, source_text, sample.about)
    try:
        problems = drafter.check_problems(sample.slug, intake, draft)
    except Exception as error:  # noqa: BLE001
        return Row(sample, score, crash=f"writing or checking the draft: {_describe(error)}")
    return Row(sample, score, check_problems=problems)


def _describe(error: BaseException) -> str:
    message = " ".join(str(error).split())
    return f"{type(error).__name__}: {_short(message, 300)}" if message else type(error).__name__


def run_benchmark(samples: list[Sample], drafter: Drafter | None = None) -> list[Row]:
    drafter = drafter or Drafter.for_project()
    return [run_sample(sample, drafter) for sample in samples]


def row_tallies(row: Row) -> dict[str, Tally]:
    """All of a row's figures, the check and the crash included."""
    tallies = dict(row.score.tallies)
    checked = row.check_problems is not None
    tallies["check_fails"] = Tally(int(bool(row.check_problems)), int(checked))
    tallies["crashes"] = Tally(int(row.crash is not None), 1)
    return tallies


def totals(rows: Iterable[Row]) -> dict[str, Tally]:
    """Each measure's counts summed over `rows`."""
    summed = {key: Tally() for key, _ in MEASURES}
    for row in rows:
        for key, value in row_tallies(row).items():
            summed[key] = summed[key] + value
    return summed


def parts(rows: list[Row]) -> dict[str, list[Row]]:
    """The rows of each part of the corpus, and all of them."""
    grouped = {name: [row for row in rows if row.sample.part == name]
               for name in ("development", "held-out", "unseen")}
    return {name: group for name, group in grouped.items() if group or name != "unseen"} \
        | {"all": rows}


# --- Output -------------------------------------------------------------------------------------

ROW_COLUMNS = (
    ("quotes", "quotes_found"), ("speaker", "right_speaker"), ("q. prec.", "quote_precision"),
    ("findings", "findings"), ("concerns", "concerns"), ("polarity", "polarity_errors"),
    ("false", "false_points"), ("not_pts", "not_points"), ("oversized", "oversized_points"),
    ("roles", "roles"),
    ("sides", "speaks_for"), ("missing", "people_missing"), ("invented", "people_invented"),
)
"""Per-text columns holding counts; subject, inspector and the check are shown as words."""


def table_lines(rows: list[Row]) -> list[str]:
    """The per-text table, as Markdown."""
    head = ["text", "part"] + [label for label, _ in ROW_COLUMNS] + ["subject", "inspector",
                                                                     "check"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in rows:
        tallies = row_tallies(row)
        cells = [row.sample.slug, "dev" if row.sample.part == "development" else row.sample.part]
        cells += [tallies[key].cell() for _, key in ROW_COLUMNS]
        cells += [_organisation_cell(tallies, "subject"), _organisation_cell(tallies, "inspector"),
                  _check_cell(row)]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _organisation_cell(tallies: dict[str, Tally], key: str) -> str:
    if not tallies[key].found:
        return "no"
    return "partial" if tallies[f"{key}_partial"].found else "yes"


def _check_cell(row: Row) -> str:
    if row.crash is not None:
        return "CRASH"
    return f"fails ({len(row.check_problems or [])})" if row.check_problems else "passes"


def totals_lines(rows: list[Row]) -> list[str]:
    """Each measure for the development part, the held-out part and all texts."""
    by_part = {name: (len(part), totals(part)) for name, part in parts(rows).items()}
    head = ["measure"] + [f"{name} ({count} texts)" for name, (count, _) in by_part.items()]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for key, label in MEASURES:
        arrow = " (lower is better)" if key in LOWER_IS_BETTER else ""
        cells = [summed[key].total_cell() for _, summed in by_part.values()]
        lines.append("| " + " | ".join([label + arrow, *cells]) + " |")
    return lines


def notes_lines(rows: list[Row]) -> list[str]:
    """Crashes, check failures, oversized points and fragment quotes: what a table cannot
    say."""
    lines = []
    for row in rows:
        slug = row.sample.slug
        if row.crash:
            lines.append(f"- **{slug}** crashed: {row.crash}")
        for problem in (row.check_problems or [])[:3]:
            lines.append(f"- **{slug}** fails `check`: {_short(problem, 240)}")
        for note in row.score.details.get("oversized_points", []):
            lines.append(f"- **{slug}** oversized point, counted as covering nothing: {note}")
        for note in row.score.details.get("quote_precision", []):
            if "fragment" in note:
                lines.append(f"- **{slug}** drafted quote counted unmatched: {note}")
    nothing = "- No crash; every draft passes `check`; no oversized point or fragment quote."
    return lines or [nothing]


def details_lines(rows: list[Row]) -> list[str]:
    """Per text, every miss behind the figures: what was expected and what was drafted."""
    labels = dict(MEASURES)
    lines = []
    for row in rows:
        if not row.score.details:
            continue
        lines += ["", f"### {row.sample.slug}"
                  + ("" if row.sample.part == "development" else f" ({row.sample.part})")]
        for key, _ in MEASURES:
            for note in row.score.details.get(key, []):
                lines.append(f"- {labels[key]}: {note}")
    return lines


def report(rows: list[Row], *, details: bool, provenance: str) -> str:
    """Everything printed (and saved), as Markdown."""
    lines = ["# Drafting benchmark: `build.py new` against the samples corpus", "",
             provenance, "",
             ("Each text of `../shared/samples/` drafted as `new` drafts it and scored against "
              "its `expected.yml`; the measures are defined in the docstring of "
              "`benchmarks/drafting.py`. Counts are found/of; totals add the counts."), "",
             "## Per text", ""]
    lines += table_lines(rows)
    lines += ["", "## Totals", ""] + totals_lines(rows)
    lines += ["", "## Crashes, failed checks, oversized points, fragment quotes", ""] + notes_lines(rows)
    if details:
        lines += ["", "## Details"] + details_lines(rows)
    return "\n".join(lines) + "\n"


def provenance_text(flags: str, script: str = "drafting.py") -> str:
    """When and from what the figures come, and how to get them again (`script` with `flags`)."""
    date = _git("log", "-1", "--format=%cs") or datetime.date.today().isoformat()
    commit = _git("rev-parse", "--short", "HEAD") or "unknown"
    dirty = _git("status", "--porcelain", "--", "briefing", "templates")
    state = " plus uncommitted changes under briefing/ or templates/" if dirty else ""
    return (f"Date: {date} (last commit). Commit: {commit}{state}. "
            f"Re-run from the project folder: `.venv/bin/python benchmarks/{script}{flags}`.")


def _git(*args: str) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=PROJECT, capture_output=True, text=True,
                              check=True)
    except (OSError, subprocess.CalledProcessError):
        return ""
    return done.stdout.strip()


def as_json(rows: list[Row], provenance: str) -> dict:
    """Every figure and detail, for a later run or a test to compare."""
    def figures(tallies: dict[str, Tally]) -> dict:
        return {key: {"found": t.found, "of": t.of} for key, t in tallies.items()}
    return {
        "provenance": provenance,
        "held_out": list(HELD_OUT),
        "samples": [{"slug": row.sample.slug,
                     "part": row.sample.part,
                     "crash": row.crash, "check_problems": row.check_problems,
                     "figures": figures(row_tallies(row)), "details": row.score.details}
                    for row in rows],
        "totals": {name: figures(totals(part)) for name, part in parts(rows).items()},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true",
                        help="also list every miss behind the figures, per text")
    parser.add_argument("--save", action="store_true", help=f"write the output to {RESULTS}")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write every figure as JSON")
    parser.add_argument("--corpus", type=Path, metavar="DIR",
                        help="also score the texts of another labelled corpus in the same format, "
                             "as unseen texts")
    args = parser.parse_args(argv)
    if not SAMPLES.is_dir():
        print(f"No samples corpus at {SAMPLES}: this benchmark needs the shared samples "
              "folder (../shared/samples beside the project).", file=sys.stderr)
        return 2
    samples = read_samples() + (read_samples(args.corpus, unseen=True) if args.corpus else [])
    rows = run_benchmark(samples)
    flags = " --details" * args.details + " --save" * args.save \
        + (f" --corpus {args.corpus}" if args.corpus else "")
    provenance = provenance_text(flags)
    text = report(rows, details=args.details, provenance=provenance)
    print(text, end="")
    if args.save:
        RESULTS.write_text(text, encoding="utf-8", newline="\n")
    if args.json:
        args.json.write_text(json.dumps(as_json(rows, provenance), indent=2, ensure_ascii=False,
                                        sort_keys=True) + "\n", encoding="utf-8", newline="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
