"""Quotations and their speakers (`briefing.language.speech`), one attribution pattern of
British news and inspectorate releases at a time, on small literal texts; then how a
draft lists a body that speaks, and what coverage reports of speech left out."""

from __future__ import annotations

import pytest

from briefing.draft import draft_briefing
from briefing.inputs.source import parse_source
from briefing.language.quotemarks import quote_spans
from briefing.language.speakers import Cast
from briefing.language.speech import find_speech, read_speech


def speech(text: str) -> list[tuple[int, str, str]]:
    """(paragraph, speaker's name, quoted words) of every quote found."""
    _, quotes = find_speech(parse_source(text), set())
    return [(q.paragraph.number, q.speaker.name, q.text) for q in quotes]


def speakers(text: str) -> list[str]:
    return [name for _, name, _ in speech(text)]


# --- Both orders -------------------------------------------------------------------------

CARE = "Care was good in every ward we saw"


@pytest.mark.parametrize("text", [
    f"Jane Smith said: “{CARE}.”",
    f"Jane Smith told the BBC: “{CARE}.”",
    f"Jane Smith said in a statement: “{CARE}.”",
    f"Jane Smith said “{CARE}.”",
    f"“{CARE},” said Jane Smith.",
    f"“{CARE},” Jane Smith said.",
    f"“{CARE},” said Jane Smith, chief inspector of hospitals, in the CQC’s northern region.",
])
def test_the_speaker_is_named_before_or_after_the_quote(text):
    assert speech(text + "\n") == [(1, "Jane Smith", CARE + ("." if ".”" in text else ""))]


def test_a_lead_inspector_who_wrote_it_keeps_the_role_the_text_gives():
    cast, quotes = find_speech(parse_source(
        "“Pupils are safe and happy here,” wrote Ofsted's lead inspector John Paddick.\n"),
        set())
    assert [(q.speaker.name, q.text) for q in quotes] == [
        ("John Paddick", "Pupils are safe and happy here")]
    assert cast.people[0].role == "Ofsted's lead inspector"


def test_an_inspectorate_that_states_in_its_report_is_a_body():
    cast, quotes = find_speech(parse_source(
        "\"Services for children have improved significantly,\" states Ofsted in its "
        "inspection report following the visit.\n"), set())
    assert [(q.speaker.name, q.text) for q in quotes] == [
        ("Ofsted", "Services for children have improved significantly")]
    assert quotes[0].speaker.body is not None and quotes[0].speaker.body.channel == "report"
    assert cast.people == []


def test_a_second_stretch_after_the_attribution_is_the_same_speakers():
    text = ("“We will act on every point,” she said. Jane Smith said: “We accept the "
            "findings,” adding: “The work has already started across the trust.”\n")
    assert speech(text)[-1] == (1, "Jane Smith", "We accept the findings ... The work has "
                                                 "already started across the trust.")


def test_a_short_phrase_inside_the_sentence_is_not_what_the_attribution_names():
    assert speech("The jail is ‘squalid and rat-infested’, inspectors say.\n") == []
    assert speakers("‘Why were we not rated good?’ asks Jane Smith\n") == ["Jane Smith"]


# --- Pronouns ------------------------------------------------------------------------------

def test_he_she_and_but_he_added_mean_the_last_person_named():
    text = ("Peter Neale, the head teacher, said the result was unfair.\n\n"
            "He said: “We have strong evidence that teaching is good.”\n\n"
            "But he added: “We will keep working on those points.”\n\n"
            "“It has been a hard year for everyone,” he said.\n")
    assert speakers(text) == ["Peter Neale"] * 3


def test_he_means_the_subject_of_the_latest_sentence_naming_someone():
    text = ("Prisons minister Lord Smith said it was a deeply concerning report. Jo Bloggs, HM "
            "Chief Inspector of Prisons, has written to Justice Secretary Ann Jones about the "
            "jail. He said it had seen a decade of decline. “The prison has been a concern for "
            "many years,” he said.\n\n"
            "Peter Clarke visited the jail in May.\n\n"
            "He said: “It was the worst I have seen in a decade of inspections.”\n")
    assert speakers(text) == ["Jo Bloggs", "Peter Clarke"]


def test_they_added_that_means_the_last_body():
    text = ("Inspectors said the area had a shared vision.\n\n"
            "They added that: “Too many children wait too long for an assessment.”\n")
    assert speech(text) == [(2, "Inspectors",
                             "Too many children wait too long for an assessment.")]


def test_it_said_means_the_last_body():
    text = ("The watchdog published its findings today.\n\n"
            "The watchdog said the trust had improved. It said: “Staff were kind and "
            "patients felt safe on every ward.”\n")
    assert speakers(text) == ["the watchdog"]


# --- One person however named -------------------------------------------------------------

def test_a_title_and_surname_is_the_full_name_given_earlier():
    text = ("Peter Clarke visited the prison in May.\n\n"
            "Mr Clarke, HM Chief Inspector of Prisons, said: “Conditions were squalid and "
            "the leadership was weak.”\n")
    cast, quotes = find_speech(parse_source(text), set())
    assert [q.speaker.name for q in quotes] == ["Peter Clarke"]
    assert len(cast.people) == 1


def test_a_title_and_surname_met_first_takes_the_full_name_given_later():
    text = ("Mr Neale said: “We were surprised by the judgement of the inspectors.”\n\n"
            "Peter Neale, of West Park School, said he would appeal.\n")
    cast, quotes = find_speech(parse_source(text), set())
    assert [p.name for p in cast.people] == ["Peter Neale"]
    assert quotes[0].speaker is cast.people[0]


def test_a_kept_title_with_the_surname_alone_is_the_same_person():
    cast = Cast()
    baker = cast.resolve("Prof Ted Baker, chief inspector of hospitals,", 1)
    assert cast.resolve("Prof Baker", 2) is baker
    assert len(cast.people) == 1


def test_a_first_name_alone_is_the_person_named_earlier():
    text = ("Helen Collier, the federation’s secretary, welcomed the report.\n\n"
            "“Our members have worked incredibly hard this year,” says Helen.\n")
    assert speakers(text) == ["Helen Collier"]


def test_a_role_alone_is_the_person_known_in_that_role():
    text = ("Chief inspector Jane Smith visited the ward.\n\n"
            "“We saw patients waiting on trolleys for hours,” said the chief inspector.\n")
    assert speakers(text) == ["Jane Smith"]


def test_a_headline_quote_given_to_a_role_goes_to_the_person_the_article_names():
    text = ("‘Why were we not rated good?’ asks surprised head\n\n"
            "Peter Neale, of West Park School, said he was disappointed.\n")
    assert speakers(text) == ["Peter Neale"]


def test_a_role_between_commas_after_a_title_and_surname():
    text = ("Martin Jones visited the region.\n\n"
            "Mr Jones, Chief Inspector of Probation, said: “Work to keep people safe "
            "remains a significant cause for concern.”\n")
    cast, quotes = find_speech(parse_source(text), set())
    assert [q.speaker.name for q in quotes] == ["Martin Jones"]
    assert cast.people[0].role == "Chief Inspector of Probation"


# --- Quotation marks ----------------------------------------------------------------------

def test_single_quoted_speech_with_an_apostrophe_and_a_plural_possessive():
    text = ("Charlie Taylor said: ‘The women’s prison was unsafe and the inspectors’ "
            "findings were stark.’\n\n"
            "John Smith said: 'It's a matter for the governor to explain.'\n")
    assert speech(text) == [
        (1, "Charlie Taylor",
         "The women’s prison was unsafe and the inspectors’ findings were stark."),
        (2, "John Smith", "It's a matter for the governor to explain."),
    ]


def test_an_unbalanced_opening_mark_starts_a_second_quotation():
    text = ("Deborah Coles, the director of Inquest, called the prison ‘a dangerous and "
            "harmful place for women. ‘Horrendous rates of self-harm. This is unjust.’\n")
    words = ("a dangerous and harmful place for women. ... "
             "Horrendous rates of self-harm. This is unjust.")
    assert speech(text) == [(1, "Deborah Coles", words)]


def test_a_curly_opening_mark_may_close_with_a_straight_one():
    assert speech("Lord Timpson said: “It is yet another example of the dire state\" of "
                  "prisons.\n") == [(1, "Lord Timpson",
                                     "It is yet another example of the dire state")]


def test_quote_marks_of_the_other_kind_inside_a_quotation_are_left_inside():
    text = "Jane Smith said: “Residents told us ‘the staff are like family’ to them.”\n"
    assert speech(text) == [(1, "Jane Smith",
                             "Residents told us ‘the staff are like family’ to them.")]
    assert len(quote_spans(parse_source(text).paragraphs[0].text)) == 1


# --- Several paragraphs -------------------------------------------------------------------

def test_a_quote_over_several_paragraphs_and_one_that_reopens_after_a_close():
    text = ("The government watchdog says: “The service is good at keeping people safe.\n\n"
            "“It is good at looking after its people.”\n\n"
            "“It requires improvement at how it understands risk.”\n")
    assert [number for number, _, _ in speech(text)] == [1, 2, 3]
    assert set(speakers(text)) == {"the government watchdog"}


def test_the_attribution_after_the_first_paragraph_of_a_long_quote():
    text = ("“We were told this area would be for one gender only,” stated the report.\n\n"
            "“We found examples where this was not the case in the last six months.\n\n"
            "“This meant service users could access each other's bedrooms.”\n")
    assert speakers(text) == ["the report"] * 3


def test_a_whole_article_in_one_paragraph_keeps_each_speaker_apart():
    text = ("A jail needs urgent action, a report has found. The chief inspector of prisons, "
            "Jo Bloggs, said the jail had seen “a decade of successively poor and declining "
            "inspections\". “This prison has been a source of concern for many years,” he said. "
            "'Dire state' Prisons minister Lord Smith said the report was “yet another example "
            "of the dire state of our prisons\". He added: \"We will act on every point.\"\n")
    assert [(name, words.split()[:4]) for _, name, words in speech(text)] == [
        ("Jo Bloggs", ["a", "decade", "of", "successively"]),
        ("Lord Smith", ["yet", "another", "example", "of"])]
    assert "This prison has been a source of concern for many years" in speech(text)[0][2]
    assert speech(text)[1][2].endswith("We will act on every point.")


def test_a_paragraph_that_ends_by_introducing_a_quote_hands_it_to_the_next():
    text = ("The report said:\n\n“Meal times were a sociable experience for people.”\n\n"
            "The report continued:\n\n“Staff knew people well and worked as a team.”\n\n"
            "Mr Jones continued:\n")
    assert speech(text) == [(2, "the report", "Meal times were a sociable experience for people."),
                            (4, "the report", "Staff knew people well and worked as a team.")]


def test_a_quote_introduced_by_a_comma_after_as_they_stated():
    text = ("The inspectors spent a week at the school. As they stated, “During their time "
            "here, most pupils flourish and make strong progress.”\n")
    assert speakers(text) == ["the inspectors"]


# --- Bodies ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, name, channel", [
    ("The report said: “Inspectors found the service did not comply.”", "the report", "report"),
    ("The report states: \"Processes to safeguard people were ineffective.\"", "the report",
     "report"),
    ("Ofsted said: “The provider does not meet the requirement to provide space.”", "Ofsted",
     None),
    (("Explorers Day Nursery said in a statement: “Immediate action was taken to address "
      "the issues.”"), "Explorers Day Nursery", "statement"),
    (("The aim is “to hold local areas to account for the services they run”, according to "
      "the organisations."), "the organisations", None),
    ("The IMB's report says: “Too many people remained detained for months.”", "the IMB's report",
     "report"),
])
def test_a_document_or_a_body_speaks_as_a_body(text, name, channel):
    cast, quotes = find_speech(parse_source(text + "\n"), set())
    assert [q.speaker.name for q in quotes] == [name]
    assert quotes[0].speaker.body is not None and quotes[0].speaker.role == channel
    assert cast.people == []


def test_a_sentence_with_a_speech_verb_that_ends_in_a_colon_introduces_the_quote():
    text = ("The inspectors’ report says when they visited there were visits overdue: "
            "“Out of date risk information could slow down rescue operations.”\n")
    assert speakers(text) == ["the inspectors’ report"]


# --- Quotations inside a reporter's sentence ----------------------------------------------

def test_six_words_or_more_inside_a_sentence_are_the_subjects_words():
    text = ("With regards to workforce, inspectors found \"staff burnout, well-being issues "
            "and low morale\".\n\n"
            "RQIA report finds hospital ED 'operating beyond its core purpose and capacity'\n")
    assert speech(text) == [
        (1, "inspectors", "staff burnout, well-being issues and low morale"),
        (2, "RQIA report", "operating beyond its core purpose and capacity"),
    ]


def test_six_words_inside_a_sentence_without_a_subject_are_the_last_speakers():
    text = ("However, HMICFRS said it still had some concerns.\n\n"
            "These include delays and \"poor focus on the voice of the child\".\n")
    assert speech(text) == [(2, "HMICFRS", "poor focus on the voice of the child")]


def test_a_quoted_title_is_not_speech():
    text = ("The council published “Getting It Right For Every Child In Scotland” in May, "
            "after the inspection.\n")
    found = read_speech(parse_source(text), set())
    assert found.quotes == [] and found.unattributed == []


def test_shorter_fragments_scare_quotes_and_ratings_are_not_speech():
    text = ("The school was rated ‘good’ in two areas and ‘requires improvement’ in two.\n\n"
            "Ofsted said teaching was ‘not yet securely good’ across the school.\n\n"
            "Inspectors have removed the council's \"inadequate\" rating.\n")
    assert speech(text) == []


# --- Roles ------------------------------------------------------------------------------------

def test_a_quoted_section_label_is_not_part_of_the_role():
    cast, quotes = find_speech(parse_source(
        "'Struggle' Chief inspector of probation Martin Jones said: 'Staff are working "
        "hard but the service is not meeting needs.'\n"), set())
    assert [q.speaker.name for q in quotes] == ["Martin Jones"]
    assert cast.people[0].role == "Chief inspector of probation"


def test_a_name_followed_by_of_an_organisation_and_saying():
    cast, quotes = find_speech(parse_source(
        "Emily Evison of the Prison Reform Trust criticised the strategy, saying: ‘Women’s "
        "prisons are expected to solve problems made worse by custody.’\n"), set())
    assert [q.speaker.name for q in quotes] == ["Emily Evison"]
    assert cast.people[0].organisation == "Prison Reform Trust"


def test_people_named_with_a_role_are_drafted_though_not_quoted():
    text = ("Inspector Elaine Douglas described the leadership as inadequate, but the manager "
            "Kim Pearson decided to keep the rooms as they were. By Lev Lourie. The nursery "
            "is in Northern Ireland.\n")
    cast, _ = find_speech(parse_source(text), set())
    assert [(p.name, p.role) for p in cast.named] == [("Elaine Douglas", "Inspector"),
                                                      ("Kim Pearson", "manager")]
    assert cast.people == []


# --- Drafts and coverage -------------------------------------------------------------------

REPORT_TEXT = (
    "Oakfield Care Home has been rated good by the Care Inspectorate.\n\n"
    "The report said: “Staff knew people well and worked as a team.”\n\n"
    "“People received compassionate care that met their needs.”\n\n"
    "Oakfield Care Home said in a statement: “We are proud of every member of our team.”\n")


def test_a_body_is_drafted_as_an_entry_named_for_it_with_how_it_spoke():
    draft = draft_briefing(parse_source(REPORT_TEXT))
    people = {p.id: p for p in draft.people}
    said = {(people[r.person].name, people[r.person].role, r.speaks_for): len(r.quotes)
            for r in draft.reactions}
    assert said == {("Care Inspectorate", "report", "inspector"): 2,
                    ("Oakfield Care Home", "statement", "subject"): 1}


def test_speech_whose_speaker_is_not_clear_is_kept_for_coverage():
    found = read_speech(parse_source(
        "“We found delays in every case we looked at,” the page says, citing nobody.\n\n"
        "“Nobody knows who said these seven words here.”\n"), set())
    assert found.quotes == []
    assert [p.text for p in found.unattributed] == [
        "We found delays in every case we looked at",
        "Nobody knows who said these seven words here."]
