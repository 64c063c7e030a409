"""The offline search index: every finding, concern, quote, person and source paragraph.

In: the modelled `Briefing`s. Out: the text of `assets/search-index.js`, a
script (not a JSON file to fetch) so that search works from `file://` as well
as over HTTP: browsers refuse `fetch()` and web workers on local files.

Each entry links to the exact place on its page (`findings.html#finding-x`),
and names its briefing and page so results can say where they lead.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from .model import Briefing

INDEX_FILE = "assets/search-index.js"


@dataclass(frozen=True)
class SearchEntry:
    location: str
    """Site path with anchor: `cumbria/findings.html#finding-commitment`."""
    briefing: str
    page: str
    title: str
    text: str


def search_entries(briefings: list[Briefing]) -> list[SearchEntry]:
    """Everything a reader might look for, in site order."""
    entries: list[SearchEntry] = []
    for b in briefings:
        title = b.metadata.title
        entries.append(SearchEntry(b.path("index"), title, "Overview", title, b.metadata.summary))
        for point in b.findings + b.concerns:
            entries.append(SearchEntry(
                f"{b.path(point.section)}#{point.anchor}", title, point.section.capitalize(),
                point.kind.capitalize(), point.text))
        for reaction in b.reactions:
            for quote in reaction.quotes:
                entries.append(SearchEntry(
                    f"{b.path('reactions')}#{quote.anchor}", title, "Reactions",
                    f"Quote: {reaction.person.name}", quote.citation.quoted))
        for person in b.people:
            role = ", ".join(filter(None, [person.role, person.organisation]))
            entries.append(SearchEntry(
                f"{b.path('people')}#person-{person.id}", title, "People", person.name, role))
        for paragraph in b.source.paragraphs:
            entries.append(SearchEntry(
                f"{b.path('source')}#{paragraph.anchor}", title, "Source",
                f"Paragraph {paragraph.number}", paragraph.text))
    return entries


def search_index_script(briefings: list[Briefing]) -> str:
    """The index as a script defining `window.briefingSearchEntries`."""
    data = [entry.__dict__ for entry in search_entries(briefings)]
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    # "</" cannot end a script element here, but escaping it keeps the file safe to inline.
    payload = payload.replace("</", "<\\/")
    return f"window.briefingSearchEntries = {payload};\n"
