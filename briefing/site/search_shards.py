"""The search index as small script files, so that a query loads a small part of it.

In: the `SearchEntry`s and the briefings. Out: the files of `assets/search/`, by path:

- `meta.js`: the term shards there are, the organisations, and per briefing its
  organisation and how many entries of each kind it has (entries are numbered in site
  order, so the page finds an entry's briefing and kind from these counts alone);
- `t-<key>.js`, one per first two letters of a term: the terms, each with how many entries
  hold it, and its postings: inline when few, else in blocks of `BLOCK`
  (`p-<key>-<n>-<block>.js`), the best-scoring first, so a common word loads one block;
- `d-<n>.js`: entries `n * DOCS` to `n * DOCS + DOCS - 1` as the page shows them (kind,
  briefing, anchor, name, text), with the folder and title of their briefings.

Each file is a script that hands its data to `briefingSearchShard(name, data)`: browsers
refuse `fetch()` of local files, but load scripts from `file://` like any others. A
posting is a pair [entry gap, impact]: the entry's number as the gap from the one before,
and how well the entry matches the term (BM25 from the term's frequency in the entry, its
rarity in the site and the entry's length), times ten, so the page only adds numbers up.

Why not MiniSearch or lunr: both load one whole serialised index; neither splits it, so a
site of ten thousand briefings would load tens of megabytes before the first result.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator

from ..model.briefing import Briefing
from .search import KINDS, SearchEntry, terms_of

FOLDER = "assets/search"
BLOCK = 2000
"""Postings per block of a common term: a one-word query loads one block of each term."""
INLINE = 64
"""A term in at most this many entries keeps its postings in its term shard."""
DOCS = 32
"""Entries per document shard: 50 results load at most 50 small files."""
TITLE_WEIGHT = 3
K1, B = 1.2, 0.75
"""BM25's saturation and length normalisation, at their usual values."""
CURATED_WEIGHT = 1.5
"""What an entry someone wrote for the briefing (a finding, a quote...) counts against a
source paragraph saying the same: it is the point, the paragraph its evidence."""


def search_files(briefings: list[Briefing], entries: list[SearchEntry]) -> dict[str, str]:
    """Every file of the index, by its path in the site, in a fixed order."""
    postings, lengths = _weights(briefings, entries)
    impacts = _impacts(postings, lengths, [entry.kind != KINDS.index("source")
                                           for entry in entries])
    files: dict[str, str] = {}
    shards: dict[str, list[list]] = {}
    for term in sorted(impacts):
        key = shard_key(term)
        terms = shards.setdefault(key, [])
        entry_numbers, scores = impacts[term]
        if len(entry_numbers) <= INLINE:
            terms.append([term, len(entry_numbers), 0, _pairs(entry_numbers, scores)])
            continue
        blocks = list(_blocks(entry_numbers, scores))
        for block, pairs in enumerate(blocks):
            name = f"p-{file_key(key)}-{len(terms)}-{block}"
            files[f"{FOLDER}/{name}.js"] = script(name, pairs)
        terms.append([term, len(entry_numbers), len(blocks), None])
    for key, terms in shards.items():
        name = f"t-{file_key(key)}"
        files[f"{FOLDER}/{name}.js"] = script(name, terms)
    for start in range(0, len(entries), DOCS):
        name = f"d-{start // DOCS}"
        files[f"{FOLDER}/{name}.js"] = script(name, _documents(briefings,
                                                               entries[start:start + DOCS]))
    files[f"{FOLDER}/meta.js"] = script("meta", _meta(briefings, entries, sorted(shards)))
    return files


def shard_key(term: str) -> str:
    """The shard a term is in: its first two letters (search.js does the same)."""
    return term[:2]


def file_key(key: str) -> str:
    """A shard key as a file name: a-z and 0-9 as they are, any other letter `_<hex>`."""
    return "".join(c if "a" <= c <= "z" or "0" <= c <= "9" else f"_{ord(c):x}" for c in key)


def script(name: str, data: object) -> str:
    """A file of the index: JSON (a JavaScript literal too) handed to the page."""
    literal = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # JSON allows these two characters in strings; older JavaScript did not.
    literal = literal.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    # "</" escaped, so the file would stay safe even inlined in a page.
    literal = literal.replace("</", "<\\/")
    return f'briefingSearchShard("{name}",{literal});\n'


Postings = dict[str, tuple[list[int], list[int]]]
"""Per term, the entries that hold it (ascending) and a number per entry."""


def _weights(briefings: list[Briefing], entries: list[SearchEntry]
             ) -> tuple[Postings, list[int]]:
    """Per term, its entries and weighted count in each (title words count more), and each
    entry's length in terms."""
    postings: Postings = {}
    lengths: list[int] = []
    for number, entry in enumerate(entries):
        words = terms_of(entry.text)
        title = briefings[entry.briefing].metadata.title if entry.kind == 0 else entry.title
        titled = terms_of(title) if title else []
        lengths.append(len(words) + len(titled))
        counts: dict[str, int] = {}
        for word in words:
            counts[word] = counts.get(word, 0) + 1
        for word in titled:
            counts[word] = counts.get(word, 0) + TITLE_WEIGHT
        for word, count in counts.items():
            numbers, weights = postings.setdefault(word, ([], []))
            numbers.append(number)
            weights.append(count)
    return postings, lengths


def _impacts(postings: Postings, lengths: list[int], curated: list[bool]) -> Postings:
    """Per term, its entries and each one's BM25 score for it, times ten, rounded (at least 1);
    a curated entry's raised by `CURATED_WEIGHT`."""
    total = len(lengths)
    average = sum(lengths) / max(1, total)
    norms = [K1 * (1 - B + B * length / average) for length in lengths]
    boosts = [CURATED_WEIGHT if is_curated else 1.0 for is_curated in curated]
    impacts: Postings = {}
    for term, (numbers, weights) in postings.items():
        rarity = math.log(1 + (total - len(numbers) + 0.5) / (len(numbers) + 0.5))
        scale = 10 * rarity * (K1 + 1)
        impacts[term] = (numbers, [max(1, round(boosts[n] * scale * w / (w + norms[n])))
                                   for n, w in zip(numbers, weights)])
    return impacts


def _blocks(numbers: list[int], scores: list[int]) -> Iterator[list[int]]:
    """The postings best first, in blocks of `BLOCK`, each block in entry order."""
    # A stable sort: entries of equal score stay in site order.
    best_first = sorted(range(len(numbers)), key=scores.__getitem__, reverse=True)
    for start in range(0, len(best_first), BLOCK):
        chosen = sorted(best_first[start:start + BLOCK])
        yield _pairs([numbers[i] for i in chosen], [scores[i] for i in chosen])


def _pairs(numbers: list[int], scores: list[int]) -> list[int]:
    """Flat [entry gap, score, ...]: gaps, not numbers, keep the files small."""
    flat: list[int] = []
    previous = 0
    for number, score in zip(numbers, scores):
        flat += (number - previous, score)
        previous = number
    return flat


def _documents(briefings: list[Briefing], entries: list[SearchEntry]) -> dict:
    """What the page shows of each entry of a document shard, and of their briefings."""
    numbers = sorted({entry.briefing for entry in entries})
    return {"briefings": {str(n): [briefings[n].slug, briefings[n].metadata.title]
                          for n in numbers},
            "entries": [[e.briefing, e.kind, e.anchor, e.name, e.text] for e in entries]}


def _meta(briefings: list[Briefing], entries: list[SearchEntry], shard_keys: list[str]) -> dict:
    """What every query needs first: which term shards exist, and per briefing its
    organisation and its count of entries of each kind but the overview (always one)."""
    organisations = sorted({b.metadata.subject.name for b in briefings})
    number_of = {name: n for n, name in enumerate(organisations)}
    counts = [[number_of[b.metadata.subject.name]] + [0] * (len(KINDS) - 1) for b in briefings]
    for entry in entries:
        if entry.kind:
            counts[entry.briefing][entry.kind] += 1
    return {"shards": shard_keys, "organisations": organisations, "kinds": list(KINDS),
            "block": DOCS, "briefings": [n for row in counts for n in row]}
