"""Read a YAML file into plain data plus the line each value starts on.

PyYAML's `safe_load` forgets where values came from and silently keeps the
last of two duplicate keys. We compose the node tree ourselves so that every
problem can name its line, duplicate keys are reported, and an alias bomb
stops early instead of filling memory.

In: the text of a YAML file. Out: `YamlDocument` (data and a line map keyed by
item path such as `("reactions", 1, "quotes", 0)`), or `YamlSyntaxError`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from .yamlerrors import QUOTE_TIP, explain

MAX_NODES = 100_000
"""More nodes than any honest briefing has; aliases count each time they expand."""
MAX_DEPTH = 40
"""Deeper than any honest briefing nests; also what stops an alias that contains itself."""

TEXT_TAGS = {"tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"}
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser when PyYAML has it: ten times faster, and it refuses runaway nesting itself."""

Path = tuple[str | int, ...]


class YamlSyntaxError(Exception):
    """The text is not YAML we accept; `line` is 1-based where known."""

    def __init__(self, message: str, line: int | None):
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass
class YamlDocument:
    """Plain data (dicts, lists, scalars) and where each item of it was written."""

    data: object
    lines: dict[Path, int] = field(default_factory=dict)

    def line_of(self, path: Path) -> int | None:
        """The line of `path`, or of its nearest ancestor that was written down."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return None


def item_path(path: Path) -> str:
    """`("reactions", 1, "quotes", 0)` written as a person reads it: `reactions[1].quotes[0]`."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def load_yaml(text: str) -> YamlDocument:
    """Parse one YAML document, keeping lines; raise `YamlSyntaxError` on bad input."""
    try:
        node = _compose(text)
    except RecursionError:
        raise YamlSyntaxError(f"values are nested too deeply (more than {MAX_DEPTH} levels).",
                              1) from None
    except yaml.MarkedYAMLError as error:
        mistake = explain(error, text)
        raise YamlSyntaxError(mistake.message, mistake.line) from None
    except yaml.YAMLError:
        raise YamlSyntaxError("the file cannot be read as YAML. Check it against the example "
                              "in README.md.", None) from None
    document = YamlDocument(data=None)
    if node is not None:
        document.data = _Walker(document.lines).value(node, ())
    return document


def _compose(text: str) -> yaml.Node | None:
    """Compose with libyaml for speed; on an error, again in Python for its clearer message."""
    try:
        return yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as error:
        if _LOADER is yaml.SafeLoader:
            raise
        libyaml_error = error
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except RecursionError:
        # libyaml stopped at its nesting limit and said where; Python ran out of stack.
        raise libyaml_error from None


class _Walker:
    """Turns composed nodes into plain data, recording lines and counting nodes."""

    def __init__(self, lines: dict[Path, int]):
        self.lines = lines
        self.count = 0
        self.constructor = yaml.constructor.SafeConstructor()

    def value(self, node: yaml.Node, path: Path) -> object:
        self.count += 1
        if self.count > MAX_NODES:
            raise YamlSyntaxError(
                f"the file expands to more than {MAX_NODES:,} values (aliases that "
                "repeat each other?). Write the values out instead of nesting aliases.",
                node.start_mark.line + 1,
            )
        if len(path) > MAX_DEPTH:
            raise YamlSyntaxError(
                f"values are nested more than {MAX_DEPTH} levels deep (an alias that contains "
                "itself?). Briefings need a few levels only.", node.start_mark.line + 1)
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.value(item, path + (i,)) for i, item in enumerate(node.value)]
        return self.scalar(node)

    def mapping(self, node: yaml.MappingNode, path: Path) -> dict:
        result: dict = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise YamlSyntaxError(
                    "merge keys ('<<') are not supported; write the keys out.",
                    key_node.start_mark.line + 1,
                )
            key = self.scalar(key_node)
            if not isinstance(key, (str, int)):
                shown = "nothing" if key is None else repr(key)
                raise YamlSyntaxError(
                    f"a field name must be a word, not {shown}: write 'name: value'.",
                    key_node.start_mark.line + 1)
            if key in result:
                first = self.lines.get(path + (key,))
                raise YamlSyntaxError(
                    f"the field '{key}' is written twice (first on line {first}); keep one.",
                    key_node.start_mark.line + 1,
                )
            self.lines[path + (key,)] = key_node.start_mark.line + 1
            result[key] = self.value(value_node, path + (key,))
        return result

    def scalar(self, node: yaml.Node) -> object:
        if not isinstance(node, yaml.ScalarNode):
            raise YamlSyntaxError("a field name must be a word, not a list or fields: write "
                                  "'name: value'.", node.start_mark.line + 1)
        if node.tag in TEXT_TAGS:
            # Dates stay text: the schema checks them, and an impossible date must not crash.
            # Text needs no constructing; it is most of a briefing, so this is most of the time.
            return node.value
        try:
            return self.constructor.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            raise YamlSyntaxError(
                f"'{tag}' marks a kind of value a briefing does not hold: remove it, or put "
                "the whole value in quotes.", node.start_mark.line + 1) from None
        except (ValueError, OverflowError):
            raise YamlSyntaxError(f"{node.value!r} cannot be read as a number. {QUOTE_TIP}",
                                  node.start_mark.line + 1) from None
