"""The drafting benchmark (benchmarks/drafting.py): its scorer on small made-up drafts, and
the whole run on the shared samples corpus, where present. No target figure is asserted:
the benchmark measures the drafter, it does not hold it to anything yet."""

from __future__ import annotations

import json

import pytest

from benchmarks import drafting
from benchmarks.drafting import Drafter, Tally, organisation_verdict, score_draft
from briefing.draft.items import (
    Draft,
    DraftOrganisation,
    DraftPerson,
    DraftPoint,
    DraftQuote,
    DraftReaction,
    Guess,
)


def organisation(name: str, short_name: str | None = None) -> DraftOrganisation:
    return DraftOrganisation(Guess(name, "test"), short_name)


def point(text: str, paragraph: int = 1) -> DraftPoint:
    return DraftPoint(text, text, paragraph, None, (), "test")


def draft_of(**items) -> Draft:
    nothing = Guess("x", "test")
    defaults = {"title": nothing, "summary": nothing,
                "subject": organisation("Northfield Council"),
                "inspector": organisation("Care Quality Commission", "CQC"), "outlet": nothing}
    return Draft(**{**defaults, **items})


EXPECTED = {
    "subject": "Northfield Council",
    "inspector": "Care Quality Commission",
    "people": [{"name": "Ann Lee", "role": "chief inspector", "speaks_for": "inspector"}],
    "quotes": [{"speaker": "Lee", "starts": "We found a service that listens to"},
               {"speaker": "the report", "starts": "Staff were kind and patients felt safe"}],
    "findings": ["staff were kind and patients felt safe"],
    "concerns": ["medicines were not always stored securely"],
    "not_points": ["The ward has 20 beds"],
}


def test_a_quote_is_found_and_given_to_the_right_speaker():
    lee = DraftPerson("ann-lee", "Ann Lee", "Chief Inspector", "CQC", "inspector", "test")
    said = DraftReaction("lee", "ann-lee", "inspector", (
        DraftQuote("We found a service that listens to its patients.", 4, False),
        DraftQuote("good", 5, False)))
    score = score_draft(draft_of(people=(lee,), reactions=(said,)), EXPECTED)
    assert score.tallies["quotes_found"] == Tally(1, 2)
    assert score.tallies["right_speaker"] == Tally(1, 1)
    assert score.tallies["quote_precision"] == Tally(1, 2)
    assert "fragment under six words" in score.details["quote_precision"][0]
    assert score.tallies["roles"] == Tally(1, 1)
    assert score.tallies["speaks_for"] == Tally(1, 1)
    assert score.tallies["people_missing"] == Tally(0, 1)


def test_the_report_as_speaker_is_the_inspectorate_not_a_person_in_it():
    lee = DraftPerson("ann-lee", "Ann Lee", None, None, "inspector", "test")
    body = DraftPerson("cqc", "CQC", None, None, "inspector", "test")
    quote = DraftQuote("Staff were kind and patients felt safe on every ward.", 6, False)
    by_lee = draft_of(people=(lee,), reactions=(DraftReaction("r", "ann-lee", "inspector",
                                                              (quote,)),))
    by_body = draft_of(people=(body,), reactions=(DraftReaction("r", "cqc", "inspector",
                                                                (quote,)),))
    assert score_draft(by_lee, EXPECTED).tallies["right_speaker"] == Tally(0, 1)
    assert score_draft(by_body, EXPECTED).tallies["right_speaker"] == Tally(1, 1)


def test_a_finding_drafted_as_a_concern_is_a_polarity_error_and_a_stray_point_is_false():
    drafted = draft_of(
        findings=(point("Medicines were not always stored securely", 3),),
        concerns=(point("The ward has 20 beds", 2), point("Parking was expensive", 7)))
    score = score_draft(drafted, EXPECTED)
    assert score.tallies["findings"] == Tally(0, 1)
    assert score.tallies["concerns"] == Tally(0, 1)
    assert score.tallies["polarity_errors"] == Tally(1, 3)
    assert score.tallies["false_points"] == Tally(2, 3)
    assert score.tallies["not_points"] == Tally(1, 3)


def test_a_point_holding_a_whole_article_covers_nothing():
    article = " ".join(["Staff were kind and patients felt safe."] * 12)
    score = score_draft(draft_of(findings=(point(article),)), EXPECTED)
    assert score.tallies["findings"] == Tally(0, 1)
    assert score.tallies["oversized_points"] == Tally(1, 1)
    assert score.tallies["false_points"] == Tally(0, 1)


def test_a_point_covers_a_phrase_by_containment_or_most_content_words():
    assert drafting.covers("Inspectors said staff were kind and patients felt safe",
                           "staff were kind and patients felt safe")
    assert drafting.covers("patients felt safe because staff were kind",
                           "staff were kind and patients felt safe")
    assert not drafting.covers("staff were kind", "staff were unkind and rushed")


def test_organisations_match_by_words_abbreviation_and_never_by_placeholder():
    assert organisation_verdict("POLICE in Devon and Cornwall",
                                organisation("Devon and Cornwall Police")) == (True, False)
    assert organisation_verdict("HMCPSI", organisation("HM Crown Prosecution Service "
                                                       "Inspectorate", "HMCPSI"))[0]
    assert organisation_verdict("West Park First and Middle School",
                                organisation("Middle School")) == (True, True)
    assert not organisation_verdict("Ofsted", organisation("UNKNOWN – fill in"))[0]
    described = organisation("HMICFRS")
    about = {"notes": "The inspectorate (HMICFRS) is never named in the text."}
    assert not organisation_verdict("the government watchdog", described, "the watchdog", about)[0]
    assert organisation_verdict("the government watchdog", described, "HMICFRS said", about)[0]


SAMPLES_MISSING = not drafting.SAMPLES.is_dir()


@pytest.mark.skipif(SAMPLES_MISSING, reason=f"no samples corpus at {drafting.SAMPLES}")
def test_the_whole_benchmark_reports_one_row_per_sample_and_every_crash(tmp_path):
    samples = drafting.read_samples()
    rows = drafting.run_benchmark(samples)
    assert [row.sample.slug for row in rows] == sorted(
        folder.name for folder in drafting.SAMPLES.iterdir() if folder.is_dir())
    assert set(drafting.HELD_OUT) <= {row.sample.slug for row in rows}
    text = drafting.report(rows, details=True, provenance="test")
    for row in rows:
        assert f"| {row.sample.slug} |" in text
        if row.crash:
            assert row.crash in text
    crashing = Drafter.for_project()
    crashing = Drafter(crashing.max_bytes, crashing.templates_dir, draft=_crash)
    crashed = drafting.run_benchmark(samples[:2], crashing)
    assert [row.crash for row in crashed] == ["RuntimeError: the drafter broke"] * 2
    assert "crashed: RuntimeError: the drafter broke" in drafting.report(
        crashed, details=False, provenance="test")
    figures = drafting.as_json(crashed, "test")["totals"]["all"]
    assert figures["crashes"] == {"found": 2, "of": 2}
    json.dumps(drafting.as_json(rows, "test"))


@pytest.mark.skipif(SAMPLES_MISSING, reason=f"no samples corpus at {drafting.SAMPLES}")
def test_a_draft_that_misquotes_fails_the_check():
    sample = drafting.read_samples()[0]
    drafter = Drafter.for_project()
    intake, draft = drafter.intake_and_draft(sample.folder / "source.txt")
    person = DraftPerson("someone", "Some One", None, None, "other", "test")
    wrong = DraftReaction("r", "someone", "other", (DraftQuote("Words nobody wrote.", 1, False),))
    bad = Draft(**{**draft.__dict__, "people": (person,), "reactions": (wrong,)})
    assert drafter.check_problems(sample.slug, intake, draft) == []
    assert any("not found" in problem for problem in drafter.check_problems(
        sample.slug, intake, bad))


def _crash(source, page):
    raise RuntimeError("the drafter broke")
