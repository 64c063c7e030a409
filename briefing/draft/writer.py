"""Write a `Draft` as `briefing.yml`, through the template `templates/draft.yml`.

In: the `Draft`, what the intake noted, the templates folder. Out: the YAML
text. The layout, the comments and every word addressed to the analyst live in
the template; this module supplies the values and two filters: `yaml`, which
writes a scalar so YAML reads back exactly that value (quoting and escaping as
`yaml.safe_dump` decides), and `comment`, which keeps a note on one comment line.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jinja2
import yaml

from ..inputs.intake import Intake
from .items import PLACEHOLDER, Draft

TEMPLATE = "draft.yml"
COMMENT_MAX_CHARS = 160
UNWRITABLE = re.compile("[^\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Line breaks, and characters YAML does not allow unescaped (controls, surrogates)."""


def render_draft(draft: Draft, intake: Intake, source_name: str, templates_dir: Path) -> str:
    """The text of `briefing.yml` for `draft`."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)), undefined=jinja2.StrictUndefined,
        autoescape=False, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
    environment.filters.update(yaml=yaml_scalar, comment=comment_text)
    template = environment.get_template(TEMPLATE)
    return template.render(draft=draft, intake=intake, source_name=source_name,
                           placeholder=PLACEHOLDER)


def yaml_scalar(value: str | int | bool | None) -> str:
    """`value` as a YAML scalar on one line, quoted only when YAML needs it."""
    if value is None or isinstance(value, (bool, int)):
        return json.dumps(value)
    if UNWRITABLE.search(value):
        return _double_quoted(value)
    dumped = yaml.safe_dump(value, allow_unicode=True, width=float("inf"))
    return dumped.removesuffix("\n").removesuffix("\n...")


def comment_text(value: object) -> str:
    """`value` fit for a YAML comment: one line, no line breaks, not too long."""
    text = " ".join(UNWRITABLE.sub(" ", str(value)).split())
    if len(text) > COMMENT_MAX_CHARS:
        text = text[:COMMENT_MAX_CHARS].rsplit(" ", 1)[0] + " …"
    return text


def _double_quoted(value: str) -> str:
    """A double-quoted YAML scalar, escaping every character not safe to write as it is."""
    def escape(char: str) -> str:
        if char in '"\\':
            return "\\" + char
        if not UNWRITABLE.match(char):
            return char
        code = ord(char)
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    return '"' + "".join(escape(char) for char in value) + '"'
