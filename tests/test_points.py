"""Findings, concerns, boilerplate and organisations: each drafting rule on a small literal
input (issue 13). The texts are made up for these tests, in the shapes news reports of
inspections take; none is a text of the samples corpus."""

from __future__ import annotations

import pytest

from briefing.draft import draft_briefing
from briefing.draft.cues import polarity
from briefing.draft.excluded import not_a_point
from briefing.draft.organisations import find_inspector, find_subject
from briefing.draft.quoted import quoted_passages
from briefing.inputs.source import parse_source
from briefing.language.boilerplate import boilerplate_reason


def points_of(text: str) -> list[tuple[str, str]]:
    """("f" or "c", text) of every drafted point, findings first."""
    draft = draft_briefing(parse_source(text))
    return [("f", p.text) for p in draft.findings] + [("c", p.text) for p in draft.concerns]


# --- Polarity: what the sentence says ------------------------------------------------------

@pytest.mark.parametrize("text, kind", [
    ("The school was rated outstanding.", "findings"),
    ("The home achieved 6 out of 6 in every section.", "findings"),
    ("The practice scored 1 out of 6 for leadership.", "concerns"),
    ("The trust was placed in special measures.", "concerns"),
    ("The nursery was given the lowest overall rating.", "concerns"),
    ("The prison dropped from good to inadequate.", "concerns"),
    ("The council moved out of 'inadequate' after two years.", "findings"),
    ("Teaching was not yet securely good across the school.", "concerns"),
    ("Inspectors decided not to award the school a ‘good’ rating.", "concerns"),
    ("Staff failed to use the new system effectively.", "concerns"),
    ("The force must improve how it records crime.", "concerns"),
    ("More work is needed before services are consistently good.", "concerns"),
    ("Violence had increased sharply on the wings.", "concerns"),
    ("Inspectors found no concerns about medicines.", "findings"),
    ("The response was too slow and too reactive.", "concerns"),
    ("Staff reported burnout, well-being issues and low morale.", "concerns"),
    ("The department was operating well beyond its capacity.", "concerns"),
    ("Leaders have simply not grasped the problem.", "concerns"),
    ("That view is not supported by the findings of this inspection.", "findings"),
    ("The inspection was carried out in March.", None),
])
def test_polarity_is_read_from_what_the_sentence_says(text, kind):
    assert polarity(text).kind == kind


def test_a_concession_is_a_statement_of_its_own():
    assert points_of("Although the initial response was good, planning was often poor.\n") == [
        ("f", "the initial response was good"), ("c", "planning was often poor")]
    assert points_of("Inspectors found the wards were dirty, although staff were kind.\n") == [
        ("f", "staff were kind"), ("c", "the wards were dirty")]


def test_a_mixed_sentence_is_cut_where_it_lists_its_parts():
    text = ("Of ten ratings, there are nine good ratings and one which requires "
            "improvement.\n\nThe unit was rated ‘good’ for care, with safety judged as "
            "‘inadequate’.\n")
    assert points_of(text) == [
        ("f", "Of ten ratings, there are nine good ratings"),
        ("f", "The unit was rated ‘good’ for care"),
        ("c", "one which requires improvement"),
        ("c", "with safety judged as ‘inadequate’")]


def test_not_only_but_also_is_one_statement():
    text = ("The surgery was not only failing on safety but also on whether it is well led.\n")
    assert points_of(text) == [
        ("c", "The surgery was not only failing on safety but also on whether it is well led")]


# --- Whose words: the inspection's, quoted or narrated --------------------------------------

def test_the_inspections_quoted_words_give_points():
    text = ("The Care Quality Commission rated the ward inadequate.\n\n"
            "The report said: “Staff were kind and caring. Records were not kept up to date.\n\n"
            "“Patients waited too long for their medicines.”\n\n"
            "Chief inspector Ann Lee said: “The way the ward manages risk is much improved.”\n")
    assert points_of(text) == [
        ("f", "Staff were kind and caring"),
        ("f", "The way the ward manages risk is much improved"),
        ("c", "The Care Quality Commission rated the ward inadequate"),
        ("c", "Records were not kept up to date"),
        ("c", "Patients waited too long for their medicines")]


def test_the_inspected_bodys_words_and_third_parties_give_no_points():
    text = ("Ofsted rated Northfield Academy inadequate.\n\n"
            "Principal Sarah Jones said: “Our staff are committed and the school is "
            "improving.”\n\n"
            "“We are confident our good work will be recognised,” she added.\n\n"
            "A parents’ charity is calling for an urgent review of the poor results.\n\n"
            "The academy said it would publish an action plan.\n")
    assert points_of(text) == [("c", "Ofsted rated Northfield Academy inadequate")]


def test_what_someone_else_reports_of_the_inspection_still_counts():
    text = ("Ofsted rated Northfield Academy as requiring improvement.\n\n"
            "The head teacher expressed surprise at Ofsted’s decision not to rate the school "
            "good.\n\n"
            "Mr Smith said: “Although the report acknowledges strong leadership, they still "
            "feel improvements are needed.”\n")
    assert points_of(text) == [
        ("f", "the report acknowledges strong leadership"),
        ("c", "Ofsted rated Northfield Academy as requiring improvement"),
        ("c", "Ofsted’s decision not to rate the school good"),
        ("c", "they still feel improvements are needed")]


def test_he_and_she_mean_the_last_person_named():
    text = ("Inspector Jane Moss described the leadership as inadequate.\n\n"
            "She rated the teaching as requiring improvement.\n\n"
            "The manager, Tom Price, said he was disappointed. He said the report was poor.\n")
    assert points_of(text) == [
        ("c", "Inspector Jane Moss described the leadership as inadequate"),
        ("c", "She rated the teaching as requiring improvement")]


def test_a_quotation_is_given_to_whoever_the_text_names_beside_it():
    text = ("“Leaders were slow to act,” stated the report. Ofsted said: ‘Pupils were "
            "safe.’ The board was ‘weak and slow’.")
    who = [(text[q.open + 1:q.close], q.who) for q in quoted_passages(text)]
    assert who == [("Leaders were slow to act,", "the report"), ("Pupils were safe.", "Ofsted"),
                   ("weak and slow", None)]


def test_a_quotation_within_a_sentence_stays_in_the_sentence():
    text = ("The report said staff failed to use risk assessments properly to “keep children "
            "safe in the baby room”.\n")
    assert points_of(text) == [("c", ("The report said staff failed to use risk assessments "
                                     "properly to “keep children safe in the baby room”"))]


# --- Not points: earlier inspections, plans, actions, methods ------------------------------

@pytest.mark.parametrize("text, reason", [
    ("It had previously been rated good", "an earlier inspection"),
    ("It follows on from an initial report last July, which found failings",
     "an earlier inspection"),
    ("problems highlighted during its last inspection in 2015", "an earlier inspection"),
    ("we will continue to work closely with the trust", "a commitment or a plan"),
    ("I am hopeful the practice will take the necessary action", "a commitment or a plan"),
    ("The CQC is demanding a long list of actions", "an action required"),
    ("The board must take action to improve training", "an action required"),
    ("Inspectors made five recommendations", "an action required"),
    ("Inspectors observed 20 lessons and spoke to parents", "how the inspection was done"),
    ("Services have improved since the last inspection", None),
    ("It was rated inadequate, down from good at the last inspection", None),
    ("The force must improve how it records crime", None),
])
def test_what_is_not_a_finding_or_a_concern(text, reason):
    assert not_a_point(text) == reason


def test_a_verdict_of_an_earlier_inspection_is_left_out():
    text = ("Services have improved significantly since the last inspection in 2019, which "
            "judged them inadequate.\n")
    assert points_of(text) == [
        ("f", "Services have improved significantly since the last inspection in 2019")]


# --- Boilerplate ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, reason", [
    ("MORE NEWS: Town hall fire", "a link to other articles"),
    ("Related topics:", "a link to other articles"),
    ("By Jo Bloggs", "a byline"),
    ("By EIN", "a byline"),
    ("Tuesday, September 5, 2017", "a dateline"),
    ("Published 3 hours ago", "a dateline"),
    ("Date of Publication:", "a dateline"),
    ("Hide Ad", "an advert placeholder"),
    ("We use cookies to improve your experience. Accept all cookies", "a cookie notice"),
    ("Skip to main content", "the site's furniture"),
    ("Image caption, The ward was closed in May", "a photo caption"),
    ("Staff praised by inspectors Staff praised by inspectors", "a photo caption"),
    ("By the end of the visit, inspectors had seen 40 cases.", None),
])
def test_page_furniture_is_boilerplate(text, reason):
    assert boilerplate_reason(parse_source(text).paragraphs[0]) == reason


def test_a_caption_printed_as_two_paragraphs_is_boilerplate():
    source = parse_source("Inspectors praised the staff\n\nInspectors praised the staff\n")
    first, second = source.paragraphs
    assert boilerplate_reason(second, first) == "a photo caption"
    assert boilerplate_reason(first, None, second) == "a photo caption"


# --- Subject and inspector -----------------------------------------------------------------

@pytest.mark.parametrize("text, name, short", [
    ("HMCPSI found the CPS had improved. HMCPSI said more was needed.", "HMCPSI", None),
    ("The Independent Monitoring Board (IMB) reported. The IMB said detention was too long.",
     "Independent Monitoring Board", "IMB"),
    ("The Regulation & Quality Improvement Authority (RQIA) inspected the ward. RQIA said so.",
     "Regulation & Quality Improvement Authority", "RQIA"),
    ("Healthcare Inspectorate Wales (HIW) visited the hospital.", "Healthcare Inspectorate Wales",
     "HIW"),
    ("An HMIe report praised the school.", "HMIe", None),
    ("OFSTED rated the school good. OFSTED praised its leaders.", "OFSTED", None),
    ("HM Chief Inspector of Prisons Jane Moss said the jail was unsafe.",
     "HM Chief Inspector of Prisons", None),
    ("Fire chiefs welcomed the report. The government watchdog says the service is good.",
     "the government watchdog", None),
])
def test_the_inspector_by_its_shape_abbreviation_or_description(text, name, short):
    found = find_inspector(parse_source(text))
    assert (found.name.value, found.short_name) == (name, short)


@pytest.mark.parametrize("text, subject", [
    ("Ofsted inspected Ashby CE First and Middle School. Ofsted said it was good.",
     "Ashby CE First and Middle School"),
    ("HM Inspectorate of Prisons found HMP Long Marsh unsafe. HMP Long Marsh holds 300 men.",
     "HMP Long Marsh"),
    ("The CQC rated Elm Surgery and Oak Surgery inadequate.", "Elm Surgery and Oak Surgery"),
    ("Ofsted inspected children's services at Northshire County Council.",
     "children's services at Northshire County Council"),
    ("The CQC’s inspection of Maple ward found it dirty.", "Maple ward"),
    ("The IMB raised concerns about immigration removal centres (IRCs).",
     "immigration removal centres"),
    ("Ofsted and Eastbridge Borough Council met. Ofsted rated the council inadequate.",
     "Eastbridge Borough Council"),
    ("Oakwood House in Dunmore has been awarded top grades by the Care Inspectorate.",
     "Oakwood House"),
])
def test_the_subject_by_its_full_name(text, subject):
    source = parse_source(text)
    assert find_subject(source, find_inspector(source)).name.value == subject


# --- More rules of reading -------------------------------------------------------------------

def test_a_claim_the_inspection_rejects_is_not_a_concern():
    text = ("The key findings were:\n\n"
            "- There have been concerns that the service only took easy cases. That view is "
            "not supported by the findings of this inspection.\n")
    assert points_of(text) == [
        ("f", "That view is not supported by the findings of this inspection")]


def test_a_sentence_saying_what_followed_takes_the_side_of_the_one_before():
    text = ("The report said: “The ward was operating beyond its capacity.\n\n"
            "“This was the result of patients staying longer than they needed to.”\n")
    assert points_of(text) == [
        ("c", "The ward was operating beyond its capacity"),
        ("c", "This was the result of patients staying longer than they needed to")]


def test_a_feeling_is_the_reaction_of_whoever_has_it():
    text = ("Hospital bosses are delighted with the very positive report.\n\n"
            "Inspectors were pleased to find that staff were kind.\n")
    assert points_of(text) == [("f", "Inspectors were pleased to find that staff were kind")]


def test_the_organisations_names_are_no_cues():
    text = ("The Regulation & Quality Improvement Authority (RQIA) published its report on the "
            "Royal Hospital.\n\nRQIA found that the wards were overcrowded.\n")
    assert points_of(text) == [("c", "the wards were overcrowded")]


def test_what_happened_since_the_inspection_is_not_a_point():
    assert not_a_point("Since the inspection, the trust has recruited more nurses") == \
        "a commitment or a plan"


# --- Plain English, beyond the inspection vocabulary ------------------------------------

@pytest.mark.parametrize("text, kind", [
    ("The wards needed urgent improvement.", "concerns"),
    ("Inmates faced rising violence on every landing.", "concerns"),
    ("The unit had squalid showers and crumbling walls.", "concerns"),
    ("Protection plans were reviewed on time in just 40 per cent of cases.", "concerns"),
    ("The centre received top marks for its care.", "findings"),
    ("Children flourish in the reception class.", "findings"),
    ("There was sufficient cover on the night shift.", "findings"),
    ("The service was not adequately prepared for winter.", "concerns"),
])
def test_general_words_of_praise_and_criticism_are_cues(text, kind):
    assert polarity(text).kind == kind


def test_a_sentence_without_cues_is_read_by_the_general_lexicon():
    """No cue of ours, but plainly good or bad English: VADER's lexicon decides, when clear."""
    assert points_of("Inspectors saw lovely, cheerful moments between carers and residents.\n") \
        == [("f", "Inspectors saw lovely, cheerful moments between carers and residents")]
    assert points_of("Residents described the food as horrible and disgusting.\n") \
        == [("c", "Residents described the food as horrible and disgusting")]
    assert points_of("The visit took place over three days in May.\n") == []


def test_the_writers_own_feelings_are_no_finding():
    assert points_of("I am so grateful and proud of everyone, and thrilled for them.\n") == []


def test_a_line_without_a_full_stop_is_a_title_not_a_point():
    text = ("Inspectors praised the warm and caring staff.\n\n"
            "Pupils enjoy a happy and caring school\n\n"
            "They said pupils were happy.\n")
    assert [kind for kind, _ in points_of(text)] == ["f", "f"]
    assert all("enjoy a happy" not in point for _, point in points_of(text))


def test_an_inspection_examining_how_is_its_method_and_a_sentence_ending_noted_introduces():
    assert not_a_point("A national review has examined how effectively councils support carers") \
        == "how the inspection was done"
    assert not_a_point("As well as enjoying lessons, the inspectors also noted") \
        == "introduces what follows"


@pytest.mark.parametrize("text, kind", [
    ("How safe and effective the service is has dropped from good to requires improvement.",
     "concerns"),
    ("The ratings for how caring the home is were downgraded from requires improvement to "
     "inadequate.", "concerns"),
    ("Inspectors graded the school's current performance as unsatisfactory.", "concerns"),
    ("Exclusion rates were very high.", "concerns"),
    ("Pupils show how creative they are in their music.", "findings"),
])
def test_ratings_and_dimensions_named_with_how(text, kind):
    assert polarity(text).kind == kind


def test_what_a_body_needed_to_do_is_an_action_not_a_finding():
    assert not_a_point("The trust needed to ensure it had enough skilled staff") \
        == "an action required"


def test_a_list_after_a_lead_in_of_actions_or_the_writers_own_news_gives_nothing():
    text = ("The following actions have already been taken to improve the service:\n\n"
            "- We have recruited more experienced social workers.\n"
            "- New laptops help staff keep good records.\n")
    assert points_of(text) == []
    assert points_of("We have opened a bright new ward with kind and caring nurses.\n") == []
    assert points_of("We found that staff were kind and caring.\n") \
        == [("f", "staff were kind and caring")]


def test_the_subject_is_what_a_rating_was_given_to():
    source = parse_source("The regulator has downgraded the rating of Elmtree Lodge in "
                          "Northshire from good to inadequate.\n")
    inspector = find_inspector(source)
    assert find_subject(source, inspector).name.value == "Elmtree Lodge"


@pytest.mark.parametrize("text, kind", [
    ("The report found the trust needs to do more to improve its discharge planning.",
     "concerns"),
    ("Not enough is being done to create a positive culture on the wards.", "concerns"),
    ("More work is needed to make services consistently good.", "concerns"),
    ("The school continues to improve.", "findings"),
    ("Medicines records should be better maintained.", "concerns"),
    ("Wards needed to have their equipment checked and maintained better.", "concerns"),
])
def test_what_a_criticism_asks_for_is_no_praise(text, kind):
    assert polarity(text).kind == kind


@pytest.mark.parametrize("text, kind", [
    ("Attainment is above the national average in reading.", "findings"),
    ("Attainment was below the council average.", "concerns"),
    ("Practice was well below standard in most cases.", "concerns"),
    ("Teachers make high-quality assessments of pupils' work.", "findings"),
])
def test_against_an_average_or_a_standard(text, kind):
    assert polarity(text).kind == kind


def test_a_relative_clause_between_speaker_and_verb_is_not_the_speaker():
    from briefing.language.attribution import before
    assert before("The report, which was submitted to the Assembly, said: ")[0].strip() \
        == "The report"


def test_what_must_wait_until_care_improves_and_notices_issued_are_actions():
    assert polarity("The provider must not admit residents until care has improved.").kind \
        is None
    assert not_a_point("We have issued an improvement notice to the trust") \
        == "an action required"


def test_a_subject_named_with_a_plural_noun():
    source = parse_source("Northshire Youth Justice Services – Poor Practice Found\n\n"
                          "Inspectors said Northshire Youth Justice Services had deteriorated.\n")
    assert find_subject(source, find_inspector(source)).name.value \
        == "Northshire Youth Justice Services"


@pytest.mark.parametrize("text, kind", [
    ("Pupils make insufficient progress in most lessons.", "concerns"),
    ("Low expectations limit the progress that pupils make.", "concerns"),
    ("Inspectors identified issues that needed urgent attention.", "concerns"),
    ("Some problems related to the storage of medicines.", "concerns"),
    ("Residents were left unattended for hours.", "concerns"),
    ("Inspectors found no problems with medicines.", "findings"),
])
def test_a_criticism_of_what_would_be_praise(text, kind):
    assert polarity(text).kind == kind


@pytest.mark.parametrize("text, kind", [
    ("The trust is rated requires improvement for being safe, effective and responsive.",
     "concerns"),
    ("The overall rating was downgraded from outstanding, given in 2019, to good.", "concerns"),
    ("The home was judged to have fallen short in most areas.", "concerns"),
    ("Recruiting enough staff remains a challenge.", "concerns"),
    ("Take-up of training remained low.", "concerns"),
    ("Casework needs to continue to improve.", "concerns"),
    ("The service could do more to support carers.", "concerns"),
    ("There is still work to do.", "concerns"),
    ("The accommodation was unsuitable and records were illegible.", "concerns"),
    ("Anti-bullying arrangements were in their early stages.", "concerns"),
])
def test_more_ways_of_saying_what_falls_short(text, kind):
    assert polarity(text).kind == kind


def test_a_chief_inspector_written_in_lower_case_and_a_yoi():
    source = parse_source("Cookham Wood YOI opened too soon, said the chief inspector of "
                          "prisons.\n\nInspectors said the wings were unsafe.\n")
    inspector = find_inspector(source)
    assert inspector.name.value.lower() == "chief inspector of prisons"
    assert find_subject(source, inspector).name.value == "Cookham Wood YOI"


def test_she_with_nobody_named_is_someone_to_fill_in_not_the_last_body():
    text = ("Inspectors said the surgery was unsafe, the regulator said.\n\n"
            "A former receptionist, who asked not to be named, also raised concerns.\n\n"
            "She said: “I know patients are not safe there and it worries me every day.”\n")
    draft = draft_briefing(parse_source(text))
    names = {person.id: person.name for person in draft.people}
    speakers = {names[reaction.person] for reaction in draft.reactions
                for quote in reaction.quotes if "patients are not safe" in quote.text}
    assert speakers == {"UNKNOWN – fill in"}


def test_paywall_words_are_the_sites_furniture():
    from briefing.inputs.source import Paragraph, ParagraphKind
    for text in ("Register Now to Continue Reading",
                 "Thank you for visiting our archive of features. Why not register today and "
                 "enjoy the following great benefits:"):
        assert boilerplate_reason(Paragraph(1, text, ParagraphKind.TEXT, 1)) \
            == "the site's furniture"


def test_a_committee_is_no_commitment_and_unimplemented_is_a_concern():
    assert polarity("The Committee received a report on the inspection.").kind is None
    assert polarity("The safeguarding policy remained largely unimplemented.").kind \
        == "concerns"


@pytest.mark.parametrize("text", [
    "On ten days there were fewer staff than the provider had assessed as necessary.",
    "The unit was often short-staffed at night.",
])
def test_too_few_staff_is_a_concern(text):
    assert polarity(text).kind == "concerns"


def test_how_ratings_work_is_no_finding():
    assert not_a_point("The other three grades are 'outstanding', 'good' and 'requires "
                       "improvement'") == "how ratings work"
    assert not_a_point("The regulator uses a six-point evaluation scale") == "how ratings work"
    assert not_a_point("The home was rated good in two areas, requires improvement in one and "
                       "inadequate in another") is None


def test_an_inspector_named_before_their_inspectorate_speaks_for_it():
    text = ("Northshire Nursery has been rated outstanding by Ofsted.\n\n"
            "Jane Doe Ofsted inspector gave special praise to the caring staff.\n\n"
            "She said in the report: “Children make rapid progress and are very happy here.”\n")
    draft = draft_briefing(parse_source(text))
    people = {person.name: person for person in draft.people}
    assert people["Jane Doe"].role == "Ofsted inspector"
    assert people["Jane Doe"].speaks_for == "inspector"
    assert any("rated outstanding" in point.text for point in draft.findings)


def test_quotes_inside_a_sentence_whose_subject_is_observed_or_in_response():
    from briefing.language.speech import find_speech
    text = ("Inspectors could not be assured that the “safety of patients was being actively "
            "promoted and protected”.\n\n"
            "In response the health board said it is “building a programme of improvement to "
            "enhance its services”.\n")
    _, quotes = find_speech(parse_source(text), set())
    assert [q.speaker.name for q in quotes] == ["Inspectors", "the health board"]
