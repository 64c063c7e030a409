"""The offline search index: every finding, concern, quote, person and source paragraph.

In: the modelled `Briefing`s. Out: the text of `assets/search-index.js`, a
script (not a JSON file to fetch) so that search works from `file://` as well
as over HTTP: browsers refuse `fetch()` and web workers on local files.

The index is built here, not in the browser: a sorted list of terms, each with
the entries it occurs in and a weight (title words count more). The browser
only looks terms up (prefixes by binary search), so a site of a thousand
briefings answers at once; building a lunr index in the page took seconds at
that size. Each entry links to the exact place on its page
(`findings.html#finding-x`) and names its briefing and page.
"""

from __future__ import annotations

import functools
import json
import re
from collections import defaultdict
from dataclasses import dataclass

from ..language.words import COMMON_WORDS, without_accents
from ..model.briefing import Briefing

INDEX_FILE = "assets/search-index.js"
TITLE_WEIGHT = 3
WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class SearchEntry:
    folder: str
    """The briefing's folder: `cumbria`."""
    section: str
    """The page in it: `findings` (for `cumbria/findings.html`)."""
    anchor: str
    """Where on the page: `finding-commitment` (empty for the top)."""
    briefing: str
    page: str
    title: str
    text: str


def search_entries(briefings: list[Briefing]) -> list[SearchEntry]:
    """Everything a reader might look for, in site order."""
    entries: list[SearchEntry] = []
    for b in briefings:
        title, folder = b.metadata.title, b.slug
        entries.append(SearchEntry(folder, "index", "", title, "Overview", title,
                                   b.metadata.summary))
        for point in b.findings + b.concerns:
            entries.append(SearchEntry(folder, point.section, point.anchor, title,
                                       point.section.capitalize(), point.kind.capitalize(),
                                       point.text))
        for reaction in b.reactions:
            for quote in reaction.quotes:
                entries.append(SearchEntry(folder, "reactions", quote.anchor, title, "Reactions",
                                           f"Quote: {reaction.person.name}", quote.citation.quoted))
        for person in b.people:
            role = ", ".join(filter(None, [person.role, person.organisation]))
            entries.append(SearchEntry(folder, "people", f"person-{person.id}", title, "People",
                                       person.name, role))
        for paragraph in b.source.paragraphs:
            entries.append(SearchEntry(folder, "source", paragraph.anchor, title, "Source",
                                       f"Paragraph {paragraph.number}", paragraph.text))
    return entries


def terms_of(text: str) -> list[str]:
    """Words as the index keeps them: lower case, accents folded (`Zoë` -> `zoe`), no stop words."""
    return [w for w in WORD.findall(without_accents(text.casefold())) if w not in COMMON_WORDS]


def build_index(entries: list[SearchEntry]) -> dict:
    """The index: briefings, entries, sorted terms, and per term its postings.

    An entry is [briefing number, page, anchor, title, text]; its address is
    `<briefing's page folder>/<page>.html#<anchor>`. Postings are flat pairs
    [entry gap, weight, ...], entry numbers given as the gap from the previous
    one, which keeps the file small.
    """
    postings: dict[str, list[int]] = defaultdict(list)
    """Per term, flat pairs [entry gap, weight, ...] built as the entries go by."""
    last_entry: dict[str, int] = {}
    for number, entry in enumerate(entries):
        weights = _counted(terms_of(entry.text))
        for term in _title_terms(entry.title):
            weights[term] = weights.get(term, 0) + TITLE_WEIGHT
        for term, weight in weights.items():
            postings[term] += (number - last_entry.get(term, 0), weight)
            last_entry[term] = number
    titles = {e.folder: e.briefing for e in entries}
    folder_number = {folder: n for n, folder in enumerate(titles)}
    terms = sorted(postings)
    return {
        "briefings": [[folder, title] for folder, title in titles.items()],
        "entries": [[folder_number[e.folder], e.section, e.anchor, e.title, e.text]
                    for e in entries],
        "terms": terms,
        "postings": [postings[t] for t in terms],
    }


@functools.lru_cache(maxsize=4096)
def _title_terms(title: str) -> tuple[str, ...]:
    """Titles recur ("Finding", "Paragraph 3", a person's name): each is split once."""
    return tuple(terms_of(title))


def _counted(words: list[str]) -> dict[str, int]:
    """How often each word occurs, in order of first occurrence: what `Counter` gives, at a
    tenth of its cost on a short list (its set-up checks dominate)."""
    counts: dict[str, int] = {}
    for word in words:
        counts[word] = counts.get(word, 0) + 1
    return counts


def search_index_script(briefings: list[Briefing]) -> str:
    """The index as a script defining `window.briefingSearchIndex`.

    The data goes in as a JSON string handed to JSON.parse: browsers parse that much
    faster than the same data written as a JavaScript literal, which matters at 10 MB.
    """
    index = build_index(search_entries(briefings))
    lengths = [len(entry[3]) + len(entry[4]) for entry in index["entries"]]
    index["averageLength"] = round(sum(lengths) / max(1, len(lengths)), 1)
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    # As a JS string literal; "</" escaped too, so the file would stay safe even inlined.
    literal = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    literal = literal.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.briefingSearchIndex = JSON.parse({literal});\n"
