"""Machine-readable provenance: every finding, concern, commitment, recommendation and quote
of a briefing as a W3C Web Annotation, so that other tools can read the claim-to-evidence
links the pages show.

In: a `Briefing` and its `source.txt` as published (the text the selectors are written
against). Out: `<slug>/annotations.jsonld`, an `AnnotationCollection` whose annotations each
target the passage in two ways: in source.txt, by a `TextQuoteSelector` (exact, prefix,
suffix) with an RFC 5147 `FragmentSelector` (`char=start,end`) as its alternative; and on
the Source page, by a `FragmentSelector` naming the paragraph (`p12`). Addresses are
relative to the file, so it holds on any host, under any path and from file://.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from ..inputs.source import Paragraph
from ..model.briefing import Briefing
from ..model.citations import Citation

ANNOTATIONS_FILE = "annotations.jsonld"
CONTEXT = "http://www.w3.org/ns/anno.jsonld"
CONTEXT_WORDS = 32
"""Characters of prefix and suffix: enough to tell apart two places the same words stand."""
TEXT_FRAGMENT = "http://tools.ietf.org/rfc/rfc5147"
HTML_FRAGMENT = "http://tools.ietf.org/rfc/rfc3986"


def annotations_path(briefing: Briefing) -> str:
    return f"{briefing.slug}/{ANNOTATIONS_FILE}"


def annotations_json(briefing: Briefing, source_text: str) -> str:
    """The briefing's annotations, as the JSON-LD text of one `AnnotationCollection`."""
    located = _Locator(source_text, briefing)
    items = [_annotation(id, body, citation, located) for id, body, citation in _claims(briefing)]
    collection = {
        "@context": CONTEXT,
        "id": ANNOTATIONS_FILE,
        "type": "AnnotationCollection",
        "label": f"Provenance of {briefing.metadata.title}",
        "total": len(items),
        "first": {"id": f"{ANNOTATIONS_FILE}#page-1", "type": "AnnotationPage",
                  "startIndex": 0, "items": items},
    }
    return json.dumps(collection, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _claims(b: Briefing) -> Iterator[tuple[str, str, Citation]]:
    """(annotation id, what the briefing says, the citation) for each citation of each item,
    in the order the pages show them; ids are the items' anchors on the pages."""
    for point in b.findings + b.concerns:
        for j, c in enumerate(point.citations, 1):
            yield f"{point.anchor}-{j}", point.text, c
    for step in b.next_steps:
        for j, c in enumerate(step.citations, 1):
            yield f"{step.anchor}-{j}", step.text, c
    for reaction in b.reactions:
        for quote in reaction.quotes:
            yield quote.anchor, f"{reaction.person.name}: {quote.text}", quote.citation


def _annotation(id: str, body: str, citation: Citation, located: _Locator
                ) -> dict[str, Any]:
    start, end = located.span(citation)
    text = located.text
    return {
        "id": f"{ANNOTATIONS_FILE}#{id}",
        "type": "Annotation",
        "motivation": "describing",
        "body": {"type": "TextualBody", "value": body, "format": "text/plain",
                 "purpose": "describing"},
        "target": [
            {"source": "source.txt", "format": "text/plain", "selector": [
                {"type": "TextQuoteSelector", "exact": text[start:end],
                 "prefix": text[max(0, start - CONTEXT_WORDS):start],
                 "suffix": text[end:end + CONTEXT_WORDS]},
                {"type": "FragmentSelector", "conformsTo": TEXT_FRAGMENT,
                 "value": f"char={start},{end}"}]},
            {"source": "source.html", "format": "text/html", "selector": {
                "type": "FragmentSelector", "conformsTo": HTML_FRAGMENT,
                "value": citation.paragraph.anchor}},
        ],
    }


class _Locator:
    """Where each paragraph, and each passage in it, stands in the text as published: the
    model's paragraphs have their lines joined by single spaces, the file may not."""

    def __init__(self, text: str, briefing: Briefing):
        self.text = text
        self._line_starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
        self._found: dict[int, tuple[int, list[int]]] = {}
        self.paragraphs = briefing.source.paragraphs

    def span(self, citation: Citation) -> tuple[int, int]:
        """The characters of the text the citation rests on: its passage, from its first
        word to its last, or else its whole paragraph."""
        start, offsets = self._paragraph(citation.paragraph)
        if not citation.spans:
            return start + offsets[0], start + offsets[-1]
        return start + offsets[citation.spans[0][0]], start + offsets[citation.spans[-1][1]]

    def _paragraph(self, paragraph: Paragraph) -> tuple[int, list[int]]:
        """Where the paragraph's text begins in the file, and for each of its characters
        (and its end) how far into the file from there it stands."""
        if paragraph.number not in self._found:
            line = self._line_starts[paragraph.first_line - 1]
            pattern = r"\s+".join(re.escape(word) for word in paragraph.text.split(" "))
            match = re.compile(pattern).search(self.text, line)
            assert match is not None, "a paragraph is made of the file's own words"
            self._found[paragraph.number] = (match.start(),
                                             _offsets(paragraph.text, match.group()))
        return self._found[paragraph.number]


def _offsets(joined: str, raw: str) -> list[int]:
    """For each character of `joined` (and its end), its offset in `raw`, which has the same
    characters but for runs of whitespace where `joined` has one space."""
    offsets, at = [], 0
    for char in joined:
        if char == " ":
            offsets.append(at)
            while at < len(raw) and raw[at].isspace():
                at += 1
            continue
        offsets.append(at)
        at += 1
    offsets.append(at)
    return offsets
