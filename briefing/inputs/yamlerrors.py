"""What a YAML parser's complaint means for someone writing `briefing.yml`, and where it starts.

In: PyYAML's error (its `problem` and `context` wording, and the two places it marks) and
the text it read. Out: `YamlMistake`, a message in the writer's terms that says what to
do, and the line where the mistake starts: the line a bracket or quotation mark opened
on, not the end of the file where the parser gave up.

The parser's wording is matched here and nowhere else, and each mistake a person makes
by hand has its own message; anything else gets a plain description of what to look
for on the line, never the parser's vocabulary ("block end", "scalar", "token").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

QUOTE_TIP = ("Put the whole value in quotes: title: 'Police: an update' (write '' for an "
             "apostrophe inside single quotes).")


@dataclass(frozen=True)
class YamlMistake:
    message: str
    line: int | None
    """1-based; where the mistake starts."""


def explain(error: yaml.MarkedYAMLError, text: str) -> YamlMistake:
    """The writer's message for `error`, located where the mistake starts."""
    problem, context = error.problem or "", error.context or ""
    start, end = error.context_mark, error.problem_mark
    at = end.line + 1 if end else (start.line + 1 if start else None)
    opened = start.line + 1 if start else at
    lines = text.splitlines()
    if "'\\t'" in problem:
        return YamlMistake("a tab character: YAML indents with spaces only. Replace the tab "
                           "with spaces, lined up with the line above.", at)
    if (found := re.search(r"found character '(.)' that cannot start", problem)):
        return YamlMistake(f"a value cannot start with '{found.group(1)}' unless it is in "
                           f"quotes. {QUOTE_TIP}", at)
    if problem.startswith("found undefined alias"):
        return YamlMistake("a value starting with '*' names an anchor ('&name') that is not "
                           f"defined. If the '*' is part of the text, {_lower(QUOTE_TIP)}", at)
    if "nesting depth" in problem:
        return YamlMistake("brackets are nested too deeply here; a briefing needs a few levels "
                           "only.", at)
    if "single document" in context + problem:
        return YamlMistake("a line '---' starts a second document here, and briefing.yml holds "
                           "one: remove the line (and what follows, if it is another "
                           "briefing's: each briefing has a folder of its own).", at)
    if "mapping values are not allowed" in problem:
        return _stray_colon(lines, end, at)
    if "quoted scalar" in context:
        return YamlMistake("this quotation mark is never closed: the text runs on to the end "
                           "of the file. Close it at the end of the value (inside single "
                           "quotes, write an apostrophe as '').", opened)
    if "flow sequence" in context or "flow mapping" in context:
        bracket, closing = ("[", "]") if "sequence" in context else ("{", "}")
        return YamlMistake(f"the '{bracket}' opened on this line is not closed: close it with "
                           f"'{closing}' on the same line, separating items with commas "
                           "(a value holding a comma or ': ' needs quotes).", opened)
    if "simple key" in context:
        return YamlMistake("this line has no ':' after its field name: write 'name: value'. "
                           "If it continues the text of the line above, indent it further "
                           "than that line's field name.", opened)
    if "block" in context and "'<scalar>'" in problem and _after_closing_quote(lines, end):
        return YamlMistake("words follow the closing quotation mark: a value that starts "
                           "with a quotation mark ends there. Quote the whole value with the "
                           "other kind of mark: summary: 'The force was \"good\" overall'.", at)
    if "block" in context and "expected <block end>" in problem:
        return YamlMistake("this line does not line up with the lines above it: the fields of "
                           f"one item start in the same column{_column_above(lines, end)}. "
                           "Indent it with spaces to match the field it belongs with.", at)
    return YamlMistake("this line cannot be read. Check its indentation (spaces, lined up "
                       "with the line above), its quotation marks and its brackets; a value "
                       "holding ': ' or starting with a quotation mark, '[', '{', '*', '&', "
                       "'!', '|', '>', '@' or '`' needs quotes.", at)


def _stray_colon(lines: list[str], mark, at: int | None) -> YamlMistake:
    """': ' inside a value, or a field indented under one that already has its value."""
    line = lines[mark.line] if mark and mark.line < len(lines) else ""
    if mark and re.match(r"\s*[-\s]*[\w.-]+\s*$", line[:mark.column]):
        return YamlMistake("this line is indented further than the field above it, which "
                           "already has its value on that line. Line it up with that "
                           "field; if it continues that field's text, put the text in "
                           "quotes.", at)
    return YamlMistake(f"the value holds ': ' (a colon and a space), which YAML reads as the "
                       f"start of a field. {QUOTE_TIP}", at)


def _after_closing_quote(lines: list[str], mark) -> bool:
    """Does the unexpected text follow a value that began and ended with a quotation mark?"""
    if mark is None or mark.line >= len(lines):
        return False
    before = lines[mark.line][:mark.column].rstrip()
    return before.endswith(("'", '"'))


def _column_above(lines: list[str], mark) -> str:
    """Where the fields of the line above start, as ' (column N, as on line M)'."""
    above = [n for n in range(mark.line - 1, -1, -1) if lines[n].strip()
             and not lines[n].lstrip().startswith("#")] if mark else []
    if not above:
        return ""
    line = lines[above[0]]
    column = len(line) - len(line.lstrip(" -"))
    return f" (column {column + 1}, as on line {above[0] + 1})"


def _lower(text: str) -> str:
    return text[0].lower() + text[1:]
