"""schema: plain data from briefing.yml -> frozen metadata, shorthands expanded; and its JSON Schema."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from pydantic import BaseModel, ValidationError

from briefing.commands.schema import SCHEMA_FILE, schema_text
from briefing.inputs.reference import model_references, update_readme
from briefing.inputs.schema import (BriefingMetadata, Citation, DateFact, Fact, Organisation, Point,
                             Quote, Reaction, Report, Source)
from briefing.inputs.yamlfile import load_yaml

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
    text = (ROOT / "docs" / "cumbria-child-protection" / "briefing.yml").read_text("utf-8")
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


def test_the_json_schema_documents_every_field():
    schema = json.loads(schema_text())
    models = {"BriefingMetadata": schema, **schema["$defs"]}
    undocumented = []
    for name, model in models.items():
        for variant in model.get("anyOf", [model]):
            for field, spec in variant.get("properties", {}).items():
                if not spec.get("description"):
                    undocumented.append(f"{name}.{field}")
    assert undocumented == []
    assert len(models) == 11


@pytest.mark.parametrize("model, shorthand", [
    ("Citation", {"type": "integer", "minimum": 1}),
    ("Quote", {"type": "string"}),
    ("Fact", {"type": "string"}),
    ("DateFact", {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}),
])
def test_the_json_schema_allows_the_shorthands(model, shorthand):
    variants = json.loads(schema_text())["$defs"][model]["anyOf"]
    assert shorthand in variants
    assert any(v.get("type") == "object" and v.get("additionalProperties") is False
               for v in variants)
