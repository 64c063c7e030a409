"""source: the text of source.txt -> numbered paragraphs, each of a kind."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.inputs.source import ParagraphKind, parse_source
from shared_texts import CORPUS

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = CORPUS
DEFAULT_SOURCE = ROOT / "docs" / "cumbria-child-protection" / "source.txt"

HEADING, LIST_ITEM, QUOTATION, ASIDE, TEXT = (
    ParagraphKind.HEADING, ParagraphKind.LIST_ITEM, ParagraphKind.QUOTATION,
    ParagraphKind.ASIDE, ParagraphKind.TEXT)


def texts(source_text: str) -> list[str]:
    return [p.text for p in parse_source(source_text).paragraphs]


def kinds(source_text: str) -> list[ParagraphKind]:
    return [p.kind for p in parse_source(source_text).paragraphs]


# --- Splitting and numbering ---------------------------------------------------------

def test_blank_lines_separate_paragraphs_and_lines_within_are_joined():
    source = parse_source("First line\nof the first.\n\nThe second one.\n")
    assert [(p.number, p.text, p.first_line) for p in source.paragraphs] == [
        (1, "First line of the first.", 1),
        (2, "The second one.", 4),
    ]


def test_several_blank_lines_count_as_one_separator():
    assert texts("One.\n\n\n\n\nTwo.") == ["One.", "Two."]


def test_leading_and_trailing_blank_lines_make_no_paragraph():
    source = parse_source("\n\n\nOnly this.\n\n\n")
    assert texts("\n\n\nOnly this.\n\n\n") == ["Only this."]
    assert source.paragraphs[0].first_line == 4


def test_lines_of_only_spaces_and_tabs_are_blank():
    assert texts("One.\n   \t \nTwo.") == ["One.", "Two."]


def test_list_items_on_consecutive_lines_are_each_a_paragraph():
    source = parse_source("Inspectors found:\n\n- one thing;\n- another;\n* a third\n• a fourth")
    assert [(p.text, p.kind, p.first_line) for p in source.paragraphs] == [
        ("Inspectors found:", TEXT, 1),
        ("one thing;", LIST_ITEM, 3),
        ("another;", LIST_ITEM, 4),
        ("a third", LIST_ITEM, 5),
        ("a fourth", LIST_ITEM, 6),
    ]


def test_numbered_list_items_are_split_too():
    assert texts("1. first point\n2) second point\n10. tenth point") == [
        "first point", "second point", "tenth point"]


def test_a_list_item_wrapped_onto_a_second_line_stays_one_paragraph():
    source = parse_source("- an item that\ncontinues here\n- the next item")
    assert [(p.text, p.first_line) for p in source.paragraphs] == [
        ("an item that continues here", 1),
        ("the next item", 3),
    ]


def test_a_line_before_the_first_marker_is_a_paragraph_of_its_own():
    assert texts("They were concerned to find:\n- delays\n- gaps") == [
        "They were concerned to find:", "delays", "gaps"]


def test_a_hyphen_inside_a_line_is_not_a_list_marker():
    assert texts("A well-known force - said the report - was praised.") == [
        "A well-known force - said the report - was praised."]


def test_paragraph_lookup_by_number_is_one_based_and_bounded():
    source = parse_source("One.\n\nTwo.")
    assert len(source) == 2
    assert source.paragraph(1).text == "One."
    assert source.paragraph(2).text == "Two."
    assert source.paragraph(0) is None
    assert source.paragraph(3) is None
    assert source.paragraph(2).anchor == "p2"


def test_empty_or_blank_text_has_no_paragraphs():
    assert len(parse_source("")) == 0
    assert len(parse_source("\n \r\n\t\n")) == 0


# --- Stability: line endings and trailing white space never shift a number ----------

STABILITY_TEXT = "Heading\n\nFirst paragraph,\nwrapped.\n\n- item one\n- item two\n\nLast one."


@pytest.mark.parametrize("variant", [
    pytest.param(STABILITY_TEXT.replace("\n", "\r\n"), id="crlf"),
    pytest.param(STABILITY_TEXT.replace("\n", "\r"), id="cr"),
    pytest.param(STABILITY_TEXT.replace("\n", "  \t\n"), id="trailing-whitespace"),
    pytest.param(STABILITY_TEXT.replace("\n\n", "\n \n") + "\n\n\n", id="space-only-lines"),
    pytest.param(STABILITY_TEXT.replace("\n", "\r\n").replace("\r\n\r\n", "\r\n \t\r\n"),
                 id="crlf-and-blank-whitespace"),
])
def test_line_endings_and_trailing_whitespace_change_nothing(variant):
    expected = parse_source(STABILITY_TEXT).paragraphs
    assert parse_source(variant).paragraphs == expected
    assert [p.first_line for p in expected] == [1, 3, 6, 7, 9]


def test_the_default_source_with_crlf_endings_has_the_same_paragraphs():
    text = DEFAULT_SOURCE.read_text(encoding="utf-8")
    assert parse_source(text.replace("\n", "\r\n")) == parse_source(text)


# --- Kinds ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, kind", [
    ("Main findings", HEADING),
    ("Reaction", HEADING),
    ("Ofsted’s criticisms", HEADING),
    ("READ MORE: Cumbria police child protection measures under scrutiny", ASIDE),
    ("Read more: another story", ASIDE),
    ("Related: a story", ASIDE),
    ("See also: a story", ASIDE),
    ('"There is also clear evidence of strategic leadership and direction.', QUOTATION),
    ("“We found delays to child protection investigations.", QUOTATION),
    ("‘Single quotes too,’ she said.", QUOTATION),
    ('HM inspector Mike Cunningham said: "Inspectors found some good examples.', QUOTATION),
    ("Carolyn Godfrey said: “We were extremely disappointed.”", QUOTATION),
    ("The chief constable told the Gazette: “We accept the findings.”", QUOTATION),
    ("A plain sentence of reporting.", TEXT),
    ("Inspectors say they were pleased to find in Cumbria:", TEXT),
    ("The inspectorate also said that investigations are well conducted.", TEXT),
    ("Short, with a comma", TEXT),
    ("- A clear commitment to improving services;", LIST_ITEM),
])
def test_kind_of_a_one_line_paragraph(text, kind):
    (paragraph,) = parse_source(text).paragraphs
    assert paragraph.kind == kind


def test_a_short_block_of_two_lines_is_text_not_a_heading():
    assert kinds("Two short\nlines") == [TEXT]


def test_a_heading_needs_few_words():
    assert kinds("One two three four five six seven eight") == [HEADING]
    assert kinds("One two three four five six seven eight nine") == [TEXT]


def test_a_list_item_loses_its_marker_but_keeps_its_words():
    (item,) = parse_source("- “Quoted” words in a list").paragraphs
    assert (item.kind, item.text) == (LIST_ITEM, "“Quoted” words in a list")


# --- Real texts -----------------------------------------------------------------------

def test_default_source_paragraphs():
    source = parse_source(DEFAULT_SOURCE.read_text(encoding="utf-8"))
    assert len(source) == 33
    assert source.paragraph(3).kind == ASIDE
    assert source.paragraph(13).text == "Main findings"
    assert source.paragraph(13).kind == HEADING
    assert [source.paragraph(n).kind for n in range(15, 20)] == [LIST_ITEM] * 5
    assert source.paragraph(15).text == (
        "A clear commitment to improving services for children in need of protection;")
    assert source.paragraph(26).kind == HEADING
    assert source.paragraph(27).text.startswith("Andrew Slattery. Detective chief superintendent")
    assert source.paragraph(27).kind == QUOTATION
    assert source.paragraph(27).first_line == 54
    assert source.paragraph(33).kind == ASIDE


def test_sample_with_list_items_on_consecutive_lines():
    source = parse_source((SAMPLES / "wiltshire-ofsted-2012" / "source.txt").read_text("utf-8"))
    assert len(source) == 14
    assert source.paragraph(9).text == "Ofsted’s criticisms"
    assert source.paragraph(9).kind == HEADING
    assert [(p.kind, p.first_line) for p in source.paragraphs[9:]] == [
        (LIST_ITEM, line) for line in range(19, 24)]
    assert source.paragraph(14).text == (
        "Children were left inadequately protected after failures to identify risk")


def test_sample_with_a_list_between_blank_lines_and_a_cut_short_end():
    source = parse_source(
        (SAMPLES / "devon-cornwall-police-2016" / "source.txt").read_text("utf-8"))
    assert len(source) == 14
    assert [p.kind for p in source.paragraphs[6:9]] == [LIST_ITEM] * 3
    assert source.paragraph(8).text.startswith("in some cases the risk")
    assert source.paragraph(12).kind == QUOTATION
    assert source.paragraph(14).text.endswith("in order to prevent children being")


def test_sample_truncated_mid_word_keeps_its_last_paragraph():
    source = parse_source((SAMPLES / "kent-police-2021" / "source.txt").read_text("utf-8"))
    assert len(source) == 12
    assert source.paragraph(8).kind == QUOTATION
    assert source.paragraph(12).text.endswith("said offi")
    assert source.paragraph(12).kind == TEXT
