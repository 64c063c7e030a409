"""yamlfile: the text of a YAML file -> plain data and the line of every item, or a located error."""

from __future__ import annotations

import re

import pytest

from briefing.inputs.yamlfile import MAX_NODES, YamlSyntaxError, item_path, load_yaml

DOCUMENT = """\
# a comment
title: A title
subject:
  name: Northshire Police
findings:
  - id: first
    cites: [3, 4]
  - id: second
    cites:
      - paragraph: 5
        passage: some words
reactions:
  - id: r
    quotes:
      - One.
      - text: Two.
        paragraph: 9
"""


def test_data_is_plain_python():
    data = load_yaml(DOCUMENT).data
    assert data["subject"] == {"name": "Northshire Police"}
    assert data["findings"][0] == {"id": "first", "cites": [3, 4]}
    assert data["reactions"][0]["quotes"] == ["One.", {"text": "Two.", "paragraph": 9}]


@pytest.mark.parametrize("path, line", [
    (("title",), 2),
    (("subject",), 3),
    (("subject", "name"), 4),
    (("findings",), 5),
    (("findings", 0), 6),
    (("findings", 0, "id"), 6),
    (("findings", 0, "cites"), 7),
    (("findings", 0, "cites", 1), 7),
    (("findings", 1, "cites", 0), 10),
    (("findings", 1, "cites", 0, "passage"), 11),
    (("reactions", 0, "quotes", 0), 15),
    (("reactions", 0, "quotes", 1), 16),
    (("reactions", 0, "quotes", 1, "paragraph"), 17),
])
def test_every_item_knows_its_line(path, line):
    assert load_yaml(DOCUMENT).line_of(path) == line


def test_an_item_not_written_down_takes_its_nearest_ancestor_s_line():
    document = load_yaml(DOCUMENT)
    assert document.line_of(("findings", 0, "cites", 1, "paragraph")) == 7
    assert document.line_of(("subject", "short_name")) == 3
    assert document.line_of(("summary",)) == 2  # the document itself starts at its first key


@pytest.mark.parametrize("path, shown", [
    ((), ""),
    (("title",), "title"),
    (("subject", "name"), "subject.name"),
    (("reactions", 1, "quotes", 0), "reactions[1].quotes[0]"),
    (("findings", 0, "cites", 2, "paragraph"), "findings[0].cites[2].paragraph"),
])
def test_item_path_reads_as_a_person_writes_it(path, shown):
    assert item_path(path) == shown


def test_empty_text_is_no_data():
    assert load_yaml("").data is None
    assert load_yaml("# only a comment\n").data is None


def test_numbers_and_booleans_are_typed_but_dates_stay_text():
    data = load_yaml("published: 2017-01-26\npages: 41\ninferred: true\n").data
    assert data == {"published": "2017-01-26", "pages": 41, "inferred": True}


@pytest.mark.parametrize("written", ["2021-02-30", "2021-13-45", "2021-02-03 25:00:00"])
def test_an_impossible_unquoted_date_is_text_for_the_schema_to_judge(written):
    assert load_yaml(f"published: {written}\n").data == {"published": written}


def test_a_plain_alias_is_expanded():
    assert load_yaml("a: &name Mike\nb: *name\n").data == {"a": "Mike", "b": "Mike"}


# --- Duplicate keys ------------------------------------------------------------------

def test_a_duplicate_key_is_an_error_naming_both_lines():
    with pytest.raises(YamlSyntaxError) as raised:
        load_yaml("title: One\nsummary: Two\ntitle: Three\n")
    assert raised.value.line == 3
    assert raised.value.message == "the field 'title' is written twice (first on line 1); keep one."


def test_a_duplicate_key_deep_inside_is_found():
    with pytest.raises(YamlSyntaxError) as raised:
        load_yaml("findings:\n  - id: a\n    text: x\n    id: b\n")
    assert raised.value.line == 4
    assert "the field 'id' is written twice (first on line 2)" in raised.value.message


def test_the_same_key_in_two_list_items_is_no_duplicate():
    data = load_yaml("people:\n  - id: a\n  - id: b\n").data
    assert data == {"people": [{"id": "a"}, {"id": "b"}]}


# --- Syntax errors --------------------------------------------------------------------

@pytest.mark.parametrize("text, line", [
    pytest.param("a:\n  b: 1\n c: 2\n", 3, id="bad-indentation"),
    pytest.param("title: x\nsubject:\n\tname: y\n", 3, id="tab-indentation"),
    pytest.param("a: [1, 2\nb: 3\n", 1, id="unclosed-list"),
    pytest.param("a: 1\n---\nb: 2\n", 2, id="two-documents"),
    pytest.param("title: x\n- y\n", 2, id="list-item-after-a-mapping"),
    pytest.param("a: !!python/object:os.system x\n", 1, id="python-tag"),
])
def test_syntax_errors_say_where(text, line):
    """The line where the mistake starts (where a bracket opened, not where the parser gave up),
    and a message in the writer's words, never the parser's."""
    with pytest.raises(YamlSyntaxError) as raised:
        load_yaml(text)
    assert raised.value.line == line
    assert not PARSER_WORDS & set(re.findall(r"[a-z<>]+", raised.value.message.lower()))


PARSER_WORDS = {"scalar", "token", "<block", "mapping", "parsing", "scanning", "node",
                "constructor", "stream", "sequence", "flow", "dictionary", "instance", "string"}
"""What YAML and validation libraries call things, which a person writing a briefing need not
know (tests/test_bad_input.py checks every expected message for the same words)."""


@pytest.mark.parametrize("text, line, message", [
    ("a: 1\n<<: {b: 2}\n", 2, "merge keys ('<<') are not supported; write the keys out."),
    ("? [a, b]\n: c\n", 1, "a field name must be a word, not a list or fields: write "
                          "'name: value'."),
    ("~: x\n", 1, "a field name must be a word, not nothing: write 'name: value'."),
])
def test_keys_we_do_not_accept(text, line, message):
    with pytest.raises(YamlSyntaxError) as raised:
        load_yaml(text)
    assert (raised.value.line, raised.value.message) == (line, message)


# --- Alias bombs ----------------------------------------------------------------------

def billion_laughs(levels: int) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels):
        refs = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{refs}]")
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_is_stopped_with_a_message():
    with pytest.raises(YamlSyntaxError) as raised:
        load_yaml(billion_laughs(9))  # 9**9 values once expanded
    assert f"more than {MAX_NODES:,} values" in raised.value.message
    assert raised.value.line is not None


def test_a_small_use_of_aliases_is_not_a_bomb():
    data = load_yaml(billion_laughs(3)).data
    assert len(data["a2"]) == 9 and len(data["a2"][0]) == 9


@pytest.mark.parametrize("text", [
    pytest.param("a: &loop [*loop]\n", id="recursive-alias"),
    pytest.param("a: &loop {b: *loop}\n", id="recursive-alias-mapping"),
    pytest.param("a: " + "[" * 2000 + "]" * 2000 + "\n", id="deep-nesting"),
])
def test_hostile_structures_are_syntax_errors_not_crashes(text):
    """A value that contains itself, or nests beyond reason, must be refused like a bomb:
    `load_yaml` promises a document or a `YamlSyntaxError`, never a RecursionError."""
    with pytest.raises(YamlSyntaxError) as raised:
        load_yaml(text)
    assert raised.value.line == 1
