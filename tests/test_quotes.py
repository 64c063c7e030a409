"""quotes: a passage as the briefing writes it -> where it stands in the source, word for word."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.checks.passages import closest_passage, elided_parts, find_passage, fold
from briefing.inputs.source import parse_source
from shared_texts import CORPUS

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = CORPUS


def load(path: Path):
    return parse_source(path.read_text(encoding="utf-8"))


DEFAULT = load(ROOT / "docs" / "cumbria-child-protection" / "source.txt")
DEVON = load(SAMPLES / "devon-cornwall-police-2016" / "source.txt")
KENT = load(SAMPLES / "kent-police-2021" / "source.txt")
WILTSHIRE = load(SAMPLES / "wiltshire-ofsted-2012" / "source.txt")

SMALL = parse_source(
    "The chief said: “We’re proud of the force’s work – and of our staff.”\n"
    "\n"
    "She added: \"There is more to do, and we will do it.\"\n"
    "\n"
    "Inspectors found the response was quick and thorough in most cases.\n"
)


def paragraphs_of(passage: str, source=SMALL) -> list[int]:
    return [match.paragraph.number for match in find_passage(passage, source)]


def matched_text(passage: str, source=SMALL) -> list[str]:
    """The source's own words for each part of the one match of `passage`."""
    (match,) = find_passage(passage, source)
    return [match.paragraph.text[start:end] for start, end in match.spans]


# --- Tolerated: differences that change no word --------------------------------------

@pytest.mark.parametrize("passage", [
    "We're proud of the force's work",                 # straight apostrophes
    "We’re proud of the force’s work",                 # as in the source
    "\"We’re proud of the force’s work",               # a straight opening quote mark
    "“We're proud of the force's work – and of our staff.”",
])
def test_straight_and_typographic_quotes_and_apostrophes_match(passage):
    assert paragraphs_of(passage) == [1]


def test_typographic_quotes_in_the_passage_match_straight_ones_in_the_source():
    assert paragraphs_of("There is more to do, and we will do it.”") == [2]
    assert paragraphs_of("She added: “There is more to do") == [2]
    assert matched_text("She added: “There is more to do") == ["She added: \"There is more to do"]


@pytest.mark.parametrize("passage", [
    "the force’s work – and of our staff",              # en dash, as in the source
    "the force’s work — and of our staff",              # em dash
    "the force’s work - and of our staff",              # hyphen
    "the force’s work—and of our staff",                # no spaces around the dash
    "the force’s work -and of our staff",
    "the force’s work ‒ and of our staff",              # figure dash
])
def test_dash_kinds_and_spaces_around_dashes_match(passage):
    assert paragraphs_of(passage) == [1]
    assert matched_text(passage) == ["the force’s work – and of our staff"]


@pytest.mark.parametrize("passage", [
    "the response was   quick and thorough",
    "the response was\nquick and\tthorough",
    "  the response was quick and thorough  ",
    "the re\u00adsponse was quick and\u200b thorough",  # soft hyphen, zero-width space
])
def test_white_space_line_breaks_and_invisible_characters_match(passage):
    assert matched_text(passage) == ["the response was quick and thorough"]


@pytest.mark.parametrize("passage", [
    "Inspectors found ... in most cases.",
    "Inspectors found … in most cases.",
    "Inspectors found…in most cases.",
    "Inspectors found [...] in most cases.",
    "Inspectors found […] in most cases.",
])
def test_elisions_match_parts_in_order(passage):
    assert matched_text(passage) == ["Inspectors found", "in most cases."]


def test_several_elisions_in_one_passage():
    assert matched_text("Inspectors ... the response ... thorough") == [
        "Inspectors", "the response", "thorough"]


def test_elided_parts_strip_enclosing_quote_marks_and_keep_inner_ones():
    assert elided_parts("“We’re proud … of our staff.”") == ["We’re proud", "of our staff."]
    assert elided_parts("...we will do it") == ["we will do it"]


def test_fold_unifies_quotes_dashes_and_spaces():
    assert fold("“It’s  done — now”\n") == "\"It's done-now\""


def test_four_dot_ellipsis_after_a_full_stop_matches():
    """A cut after the end of a sentence is commonly written with four dots: the full stop, then
    the ellipsis. The full stop belongs to the first part; the second part starts at the next word."""
    source = parse_source("She said: “It is not about blaming managers at all. The system of "
                          "quality assurances did not work.")
    assert [m.paragraph.number for m in find_passage(
        "It is not about blaming managers at all.... did not work.", source)] == [1]


# --- Rejected: anything that changes a word ------------------------------------------

@pytest.mark.parametrize("passage", [
    pytest.param("Inspectors found the response was fast and thorough", id="changed-word"),
    pytest.param("inspectors found the response was quick", id="changed-case"),
    pytest.param("Inspectors found the response was quick and thorough in all cases",
                 id="changed-last-word"),
    pytest.param("Inspectors found the response was quick, and thorough", id="added-comma"),
    pytest.param("in most cases ... Inspectors found", id="parts-out-of-order"),
    pytest.param("quick and thorough ... the response", id="parts-out-of-order-mid"),
    pytest.param("nspectors found the response", id="starts-inside-a-word"),
    pytest.param("Inspectors found the respon", id="ends-inside-a-word"),
    pytest.param("more to do ... quick and thorough", id="parts-in-two-paragraphs"),
    pytest.param("we will do it. Inspectors found", id="spans-two-paragraphs"),
    pytest.param("...", id="only-an-elision"),
    pytest.param("", id="empty"),
])
def test_passages_that_are_not_word_for_word_are_rejected(passage):
    assert find_passage(passage, SMALL) == []


def test_a_passage_in_several_paragraphs_is_found_in_each():
    source = parse_source("We will act.\n\nAs promised, we will act.\n\nNothing here.")
    assert [m.paragraph.number for m in find_passage("we will act.", source)] == [2]
    assert [m.paragraph.number for m in find_passage("will act.", source)] == [1, 2]


# --- Closest passage, for the message when a passage is not found ----------------------

def test_closest_passage_for_a_changed_word():
    closest = closest_passage("Inspectors found the response was fast and thorough", SMALL)
    assert closest.paragraph.number == 3
    assert closest.text == "Inspectors found the response was quick and thorough"
    assert 0.8 < closest.similarity < 1


def test_closest_passage_is_shown_in_the_source_s_own_wording():
    closest = closest_passage("We're proud of the forces work", SMALL)
    assert closest.paragraph.number == 1
    assert closest.text == "We’re proud of the force’s work"


def test_closest_passage_of_an_empty_source_is_none():
    assert closest_passage("anything", parse_source("")) is None


# --- The real texts ----------------------------------------------------------------------

def test_default_source_straight_apostrophe_matches_typographic_one():
    (match,) = find_passage(
        "Despite this commitment, I was concerned to find that children didn't receive "
        "a consistent service.", DEFAULT)
    assert match.paragraph.number == 8


def test_default_source_quote_opened_by_the_reporter_s_quote_mark():
    (match,) = find_passage(
        "\"We welcome the findings of HMIC's inspection into the constabulary's child "
        "protection measures", DEFAULT)
    assert match.paragraph.number == 27


def test_default_source_words_in_several_paragraphs():
    assert [m.paragraph.number for m in find_passage("The constabulary", DEFAULT)] == [
        9, 21, 32]


def test_default_source_closest_passage_for_a_misremembered_quote():
    closest = closest_passage(
        "There is also strong evidence of strategic leadership and direction.", DEFAULT)
    assert closest.paragraph.number == 7
    assert closest.text == "There is also clear evidence of strategic leadership and direction."


def test_devon_hyphen_for_en_dash_and_straight_apostrophe():
    (dash,) = find_passage("not always responded to quickly enough - some children were "
                           "still being reported missing", DEVON)
    assert dash.paragraph.number == 8
    (apostrophe,) = find_passage("the force's arrangements for dealing with children in "
                                 "custody still requires improvement", DEVON)
    assert apostrophe.paragraph.number == 9


def test_devon_elided_quote_opened_with_a_typographic_mark():
    (match,) = find_passage("We found delays to child protection investigations ... where "
                            "children were at risk of sexual exploitation.", DEVON)
    assert match.paragraph.number == 12
    assert len(match.spans) == 2


def test_kent_em_dash_for_a_spaced_hyphen():
    (match,) = find_passage("still more work to do to provide better outcomes for vulnerable "
                            "children in Kent—from police officers speaking directly to "
                            "children", KENT)
    assert match.paragraph.number == 10


def test_kent_rejects_a_changed_word_and_shows_the_source_wording():
    passage = "Kent Police have made some good progress since we last inspected"
    assert find_passage(passage, KENT) == []
    closest = closest_passage(passage, KENT)
    assert closest.paragraph.number == 8
    assert closest.text == "Kent Police has made some good progress since we last inspected"


def test_kent_rejects_changed_case_and_parts_out_of_order():
    assert find_passage("kent police has made some good progress", KENT) == []
    assert find_passage("is much improved ... the way the force manages its control room",
                        KENT) == []
    assert len(find_passage("the way the force manages its control room ... is much improved",
                            KENT)) == 1


def test_wiltshire_straight_quotes_for_typographic_ones():
    (match,) = find_passage("\"We were extremely disappointed with the outcome and I would have "
                            "anticipated a better result.\"", WILTSHIRE)
    assert match.paragraph.number == 4


def test_wiltshire_quote_running_over_two_paragraphs_is_not_found():
    passage = "The system of quality assurances did not work. We all take the blame for that"
    assert find_passage(passage, WILTSHIRE) == []
    assert find_passage("The system of quality assurances did not work ... We all take the "
                        "blame for that", WILTSHIRE) == []
    assert closest_passage(passage, WILTSHIRE).paragraph.number in (6, 7)


def test_wiltshire_list_item_found_without_its_marker():
    (match,) = find_passage("Poor management failed their committed front line social workers",
                            WILTSHIRE)
    assert match.paragraph.number == 12
    assert match.spans == ((0, len(match.paragraph.text)),)
