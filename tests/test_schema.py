"""schema: plain data from briefing.yml -> frozen metadata, shorthands expanded; and its JSON Schema."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from pydantic import BaseModel, ValidationError

from briefing.commands.schema import SCHEMA_FILE, schema_text
from briefing.inputs.reference import model_references, update_readme
from briefing.inputs.schema import (BriefingMetadata, Citation, DateFact, Fact, Organisation, Point,
                             Quote, Reaction, Report, Source)
from briefing.inputs.yamlfile import YamlSyntaxError, load_yaml
from conftest import DEFAULT_BRIEFING

ROOT = Path(__file__).resolve().parents[1]

MINIMAL = {
    "title": "A title",
    "summary": "A summary.",
    "subject": {"name": "Northshire Police"},
    "inspector": {"name": "HM Inspectorate of Constabulary"},
    "source": {"outlet": "Northshire Gazette"},
}


def error_types(model: type[BaseModel], data) -> list[tuple[tuple, str]]:
    with pytest.raises(ValidationError) as raised:
        model.model_validate(data)
    return [(tuple(e["loc"]), e["type"]) for e in raised.value.errors()]


# --- Shorthands ----------------------------------------------------------------------

def test_a_citation_written_as_a_number():
    point = Point.model_validate({"id": "a", "text": "T", "cites": [18, {"paragraph": 4}]})
    assert point.cites == [Citation(paragraph=18), Citation(paragraph=4)]
    assert point.cites[0].passage is None


def test_a_citation_with_its_passage():
    citation = Citation.model_validate({"paragraph": 15, "passage": "A clear commitment"})
    assert (citation.paragraph, citation.passage) == (15, "A clear commitment")


def test_a_quote_written_as_a_plain_string():
    reaction = Reaction.model_validate({
        "id": "r", "person": "p",
        "quotes": ["Words.", {"text": "More words.", "paragraph": 7}]})
    assert reaction.quotes == [Quote(text="Words."), Quote(text="More words.", paragraph=7)]
    assert reaction.speaks_for == "other" and reaction.responds_to == []


def test_a_fact_written_as_a_plain_value():
    report = Report.model_validate({"title": "Cumbria – National child protection inspection"})
    assert report.title == Fact(value="Cumbria – National child protection inspection")
    assert report.title.inferred is False and report.title.basis is None


@pytest.mark.parametrize("written, stored", [
    ("published: 2017-01-26", "2017-01-26"),      # unquoted: a YAML timestamp
    ("published: '2017-01-26'", "2017-01-26"),
    ("published: 2016-07", "2016-07"),
    ("published: {date: 2017-01-26, inferred: true}", "2017-01-26"),
])
def test_a_date_written_as_yaml_writes_it(written, stored):
    source = Source.model_validate({"outlet": "O", **load_yaml(written).data})
    assert source.published.date == stored


def test_a_year_written_without_quotes_is_a_date():
    """The field reference offers `2017` as a date; YAML reads an unquoted 2017 as a number,
    which must be taken as the year it is, not refused as "not a valid string"."""
    source = Source.model_validate({"outlet": "O", **load_yaml("published: 2017").data})
    assert source.published.date == "2017"


def test_defaults_and_stripped_white_space():
    metadata = BriefingMetadata.model_validate({**MINIMAL, "title": "  Padded title \n"})
    assert metadata.title == "Padded title"
    assert metadata.source.kind == "news report"
    assert (metadata.findings, metadata.concerns, metadata.people, metadata.reactions) == (
        [], [], [], [])
    assert metadata.report is None and metadata.tags == []


def test_metadata_is_frozen():
    metadata = BriefingMetadata.model_validate(MINIMAL)
    with pytest.raises(ValidationError):
        metadata.title = "Changed"


def test_the_default_briefing_validates_with_its_shorthands_expanded():
    text = (DEFAULT_BRIEFING / "briefing.yml").read_text("utf-8")
    metadata = BriefingMetadata.model_validate(load_yaml(text).data)
    assert [len(metadata.findings), len(metadata.concerns), len(metadata.people),
            len(metadata.reactions)] == [5, 5, 3, 3]
    assert metadata.findings[0].cites == [
        Citation(paragraph=15,
                 passage="A clear commitment to improving services for children in need of "
                         "protection"),
        Citation(paragraph=4)]
    assert metadata.findings[1].cites == [Citation(paragraph=16), Citation(paragraph=4)]
    assert all(isinstance(q, Quote) for r in metadata.reactions for q in r.quotes)
    assert metadata.source.published == DateFact(
        date="2017-01-26", inferred=True, basis=metadata.source.published.basis)


# --- What is refused -------------------------------------------------------------------

def test_required_fields():
    assert error_types(BriefingMetadata, {}) == [
        ((name,), "missing") for name in ("title", "summary", "subject", "inspector", "source")]


def test_unknown_fields_are_refused():
    assert error_types(Organisation, {"name": "N", "website": "https://x.org"}) == [
        (("website",), "extra_forbidden")]


@pytest.mark.parametrize("value", ["a", "missing-children", "r2", "2017-report"])
def test_good_ids(value):
    assert Point.model_validate({"id": value, "text": "T", "cites": [1]}).id == value


@pytest.mark.parametrize("value, kind", [
    *[(value, "string_pattern_mismatch") for value in (
        "Missing-children", "missing children", "missing_children", "-a", "a-", "a--b", "")],
    ("a" * 81, "string_too_long"),
])
def test_bad_ids(value, kind):
    assert error_types(Point, {"id": value, "text": "T", "cites": [1]}) == [(("id",), kind)]


@pytest.mark.parametrize("value", ["", "   "])
def test_empty_text_is_refused_even_after_stripping(value):
    assert error_types(Point, {"id": "a", "text": value, "cites": [1]}) == [
        (("text",), "string_too_short")]


def test_a_point_needs_at_least_one_citation_numbered_from_one():
    assert error_types(Point, {"id": "a", "text": "T", "cites": []}) == [
        (("cites",), "too_short")]
    assert error_types(Point, {"id": "a", "text": "T", "cites": [0]}) == [
        (("cites", 0, "paragraph"), "greater_than_equal")]


@pytest.mark.parametrize("value", ["http://example.org", "https://example.org/a?b=c#d"])
def test_good_urls(value):
    assert Organisation.model_validate({"name": "N", "url": value}).url == value


@pytest.mark.parametrize("value", [
    "www.example.org", "ftp://example.org", "https://exa mple.org", "javascript:alert(1)",
])
def test_bad_urls(value):
    assert error_types(Organisation, {"name": "N", "url": value}) == [
        (("url",), "string_pattern_mismatch")]


@pytest.mark.parametrize("value", ["2017", "2017-01", "2017-01-26"])
def test_good_dates(value):
    assert DateFact.model_validate(value).date == value


@pytest.mark.parametrize("value", ["26/01/2017", "2017-1-26", "January 2017", "17", "2017-01-26x"])
def test_badly_written_dates(value):
    assert error_types(DateFact, value) == [(("date",), "string_pattern_mismatch")]


@pytest.mark.parametrize("value", ["2017-13", "2017-02-30"])
def test_impossible_dates_are_refused(value):
    """The pattern alone lets these through; the pages then fail to render them."""
    with pytest.raises(ValidationError):
        DateFact.model_validate(value)


def test_speaks_for_is_one_of_three_voices():
    assert error_types(Reaction, {"id": "r", "person": "p", "speaks_for": "press",
                                  "quotes": ["x"]}) == [(("speaks_for",), "literal_error")]


# --- The JSON Schema ---------------------------------------------------------------------

def test_the_committed_json_schema_is_current():
    """If this fails, run `python build.py schema` and commit docs/briefing.schema.json."""
    committed = (ROOT / "docs" / SCHEMA_FILE).read_text(encoding="utf-8")
    assert committed == schema_text()


def test_the_readme_metadata_reference_is_current(tmp_path):
    """If this fails, run `python build.py schema` and commit README.md."""
    readme = tmp_path / "README.md"
    shutil.copy(ROOT / "README.md", readme)
    update_readme(readme, ROOT / "templates")
    assert readme.read_text(encoding="utf-8") == (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_readme_reference_lists_every_model_and_field():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for model in model_references():
        assert f"#### {model.name}\n" in readme
        for field in model.fields:
            assert f"| `{field.name}` |" in readme, f"{model.name}.{field.name}"


def test_the_json_schema_describes_every_model_and_field_as_the_readme_does():
    """Editors show these descriptions on hover: every field, in the README reference's words."""
    schema = json.loads(schema_text())
    models = {schema["title"]: schema, **schema["$defs"]}
    references = model_references()
    assert set(models) == {model.name for model in references}
    for model in references:
        variants = models[model.name].get("anyOf", [models[model.name]])
        (mapping,) = [v for v in variants if v.get("type") == "object"]
        described = {name: spec.get("description") for name, spec in mapping["properties"].items()}
        assert described == {field.name: field.description for field in model.fields}, model.name
        assert all(described.values()), f"{model.name} has a field with no description"


# --- The JSON Schema and the model agree ---------------------------------------------------
# Editors check briefing.yml against the committed docs/briefing.schema.json; the loader checks it
# against the model. Both are given the same documents, read by load_yaml, and must agree.

CORPUS = ROOT / "tests"
OK_MINIMAL = CORPUS / "bad_input" / "ok-minimal" / "docs" / "northshire" / "briefing.yml"
BEYOND_THE_SCHEMA = {"control_character", "value_error"}
"""What only the model checks (no JSON Schema can): characters no page can carry, and dates the
pattern admits but the calendar lacks (2017-02-30)."""


@pytest.fixture(scope="module")
def editor():
    """What an editor checks briefing.yml with: the committed schema, under the draft it names."""
    schema = json.loads((ROOT / "docs" / SCHEMA_FILE).read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)
    validator.check_schema(schema)
    return validator(schema)


def model_refusals(data) -> list[tuple[tuple, str]]:
    """(location, error type) for each thing the model refuses in `data`; [] when it accepts it."""
    try:
        BriefingMetadata.model_validate(data)
    except ValidationError as error:
        return [(tuple(e["loc"]), e["type"]) for e in error.errors()]
    return []


def schema_refusals(editor, data) -> set[tuple]:
    """Every place the schema refuses `data`, including within each alternative of an anyOf."""
    def walk(errors):
        for error in errors:
            yield tuple(error.absolute_path)
            yield from walk(error.context)
    return set(walk(editor.iter_errors(data)))


def refused_by_the_model_alone(editor, data) -> list[tuple]:
    """Where the model refuses `data` and the schema does not, at that item or the mapping that
    holds it (the schema names the mapping for a key missing or unknown, and a shorthand for
    the field it stands for)."""
    refused = schema_refusals(editor, data)
    return [where for where, kind in model_refusals(data)
            if kind not in BEYOND_THE_SCHEMA and where not in refused and where[:-1] not in refused]


def read_corpus() -> dict[str, object]:
    """Every briefing.yml under tests/ that reads as YAML, by path: the data both checks are given.
    A file refused before that (not UTF-8, YAML we do not accept) is no case for the schema."""
    documents = {}
    for path in sorted(CORPUS.rglob("briefing.yml")):
        if path.is_symlink() or not path.is_file():
            continue
        try:
            data = load_yaml(path.read_text(encoding="utf-8")).data
        except (UnicodeDecodeError, YamlSyntaxError):
            continue
        documents[path.relative_to(CORPUS).as_posix()] = data
    return documents


DOCUMENTS = read_corpus()
ACCEPTED = [name for name, data in DOCUMENTS.items() if not model_refusals(data)]
REFUSED = [name for name, data in DOCUMENTS.items()
           if any(kind not in BEYOND_THE_SCHEMA for _, kind in model_refusals(data))]


def test_the_corpus_holds_briefings_the_model_accepts_and_refuses():
    """Guards the two tests below against a glob that finds nothing, or loses the cases that
    matter most to an editor: a bad id, a bad date, an unknown field, a voice not offered."""
    assert {f"bad_input/{case}/docs/northshire/briefing.yml" for case in (
        "ok-minimal", "ok-elided-quote", "ok-typographic-quotes", "ok-dash-variant",
        "ok-quote-paragraph-settles-ambiguity")} <= set(ACCEPTED)
    assert "fixtures/briefings/kent-police-2021/briefing.yml" in ACCEPTED
    assert {f"bad_input/{case}/docs/northshire/briefing.yml" for case in (
        "bad-id", "bad-date", "unknown-field-no-match", "bad-choice")} <= set(REFUSED)


@pytest.mark.parametrize("name", ACCEPTED)
def test_the_json_schema_accepts_every_briefing_the_model_accepts(name, editor):
    """Else an editor would mark a good briefing.yml as wrong."""
    assert [error.message for error in editor.iter_errors(DOCUMENTS[name])] == []


@pytest.mark.parametrize("name", REFUSED)
def test_the_json_schema_refuses_each_briefing_the_model_refuses_and_where(name, editor):
    """Else an editor would pass a briefing.yml that `check` then refuses."""
    assert schema_refusals(editor, DOCUMENTS[name])
    assert refused_by_the_model_alone(editor, DOCUMENTS[name]) == []


def edited(where: tuple, written: str | None):
    """ok-minimal's data with the value at `where` read from YAML `written` (None: removed)."""
    data = load_yaml(OK_MINIMAL.read_text(encoding="utf-8")).data
    *parents, last = where
    holder = data
    for key in parents:
        holder = holder[key]
    if written is None:
        del holder[last]
    else:
        holder[last] = load_yaml(f"value: {written}").data["value"]
    return data


@pytest.mark.parametrize("where, written", [
    pytest.param(("concerns", 0, "cites"), "[3, {paragraph: 3, passage: Records}]",
                 id="citation-as-a-number-or-a-mapping"),
    pytest.param(("reactions", 1, "quotes"), "[We accept., {text: We accept., paragraph: 6}]",
                 id="quote-as-a-string-or-a-mapping"),
    pytest.param(("source", "headline"), "Police praised", id="fact-as-a-plain-value"),
    pytest.param(("source", "headline"), "{value: Police praised, inferred: true, basis: title}",
                 id="fact-as-a-mapping"),
    pytest.param(("source", "published"), "'2021'", id="date-a-year"),
    pytest.param(("source", "published"), "2021-03", id="date-a-month"),
    pytest.param(("source", "published"), "{date: 2021-03-04, inferred: true}",
                 id="date-as-a-mapping"),
    pytest.param(("report",), "{title: Child protection, pages: 40, published: 2021-03}",
                 id="a-report"),
    pytest.param(("reactions", 0, "speaks_for"), None, id="speaks-for-left-out"),
    pytest.param(("no_subject_response",), "true", id="no-subject-response"),
])
def test_both_accept_what_a_user_may_write(where, written, editor):
    data = edited(where, written)
    assert model_refusals(data) == []
    assert [error.message for error in editor.iter_errors(data)] == []


@pytest.mark.parametrize("where, written", [
    pytest.param(("findings", 0, "id"), "Quick Response", id="bad-id"),
    pytest.param(("reactions", 0, "person"), "jane_doe", id="bad-person-id"),
    pytest.param(("reactions", 1, "responds_to"), "[Incomplete records]", id="bad-id-answered"),
    pytest.param(("source", "published"), "04/03/2021", id="bad-date"),
    pytest.param(("source", "published"), "{date: 2021-3-4}", id="bad-date-in-a-mapping"),
    pytest.param(("inspector", "headquarters"), "London", id="unknown-field"),
    pytest.param(("tag",), "[policing]", id="unknown-top-level-field"),
    pytest.param(("concerns", 0, "cites"), "[{paragraph: 3, page: 2}]",
                 id="unknown-field-in-a-shorthand-mapping"),
    pytest.param(("reactions", 0, "speaks_for"), "press", id="bad-speaks-for"),
    pytest.param(("reactions", 0, "speaks_for"), "Inspector", id="speaks-for-capitalised"),
    pytest.param(("source", "url"), "www.example.org", id="bad-url"),
    pytest.param(("concerns", 0, "cites"), "[0]", id="paragraph-zero"),
    pytest.param(("concerns", 0, "cites"), "[]", id="no-citation"),
    pytest.param(("concerns", 0, "cites"), "3", id="cites-not-a-list"),
    pytest.param(("summary",), "{text: A summary.}", id="mapping-for-text"),
    pytest.param(("title",), "''", id="empty-text"),
    pytest.param(("report",), "{title: Child protection, pages: 0}", id="no-pages"),
    pytest.param(("no_subject_response",), "'yes'", id="text-for-true-false"),
    pytest.param(("source", "outlet"), None, id="missing-required-field"),
])
def test_both_refuse_the_same_mistake_in_the_same_place(where, written, editor):
    data = edited(where, written)
    assert model_refusals(data), "the model accepts it"
    assert schema_refusals(editor, data), "the schema accepts it"
    assert refused_by_the_model_alone(editor, data) == []


@pytest.mark.parametrize("written", ["2021", "{date: 2021}"])
def test_both_accept_a_year_written_without_quotes(written, editor):
    """See test_a_year_written_without_quotes_is_a_date: an editor must not mark it wrong."""
    data = edited(("source", "published"), written)
    assert model_refusals(data) == []
    assert [error.message for error in editor.iter_errors(data)] == []
