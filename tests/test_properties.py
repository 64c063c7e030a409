"""Properties of source.py and quotes.py that must hold for every text, not just the examples.

Cut any run of whole words from a paragraph and it is found there; write it with other quote
marks, dashes, spaces, invisible characters or a cut marked "..." and it is still found; change
one word and it is not. Line endings and trailing spaces never move a paragraph. The map from
folded text back to the source (`Normalised.origin`) always points at the characters that
folded. Texts: the real sources in tests/fixtures/samples and docs/, and generated ones.

Derandomised, no example database: the same examples on every run and on CI.
"""

from __future__ import annotations

import re
import unicodedata

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from briefing.checks.passages import (
    DASHES,
    DOUBLE_QUOTES,
    ELISION,
    QUOTE_MARKS,
    SINGLE_QUOTES,
    Normalised,
    elided_parts,
    find_passage,
    fold,
)
from briefing.inputs.source import parse_source
from shared_texts import CORPUS, SEED

SOURCE_FILES = sorted(CORPUS.glob("*/source.txt")) + [SEED]
REAL_TEXTS = [path.read_text(encoding="utf-8") for path in SOURCE_FILES]

PROPERTY = settings(max_examples=150, derandomize=True, database=None, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


def test_the_real_sources_are_there():
    assert len(REAL_TEXTS) >= 20
    assert all(len(parse_source(text)) >= 1 for text in REAL_TEXTS)


# --- Texts: real and generated ----------------------------------------------------------------

LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéöçßŁ0123456789"
core_words = st.text(alphabet=LETTERS, min_size=1, max_size=9)
words = st.builds(
    lambda before, core, joined, after: before + core + joined + after,
    st.sampled_from(["", "", "", "\"", "“", "‘", "(", "'", "«"]),
    core_words,
    st.sampled_from(["", "", "", "", "-well", "’s", "'s", "–2017", "/7"]),
    st.sampled_from(["", "", "", ",", ".", "”", "’", ";", ":", ")", "!", "?", "'", "».", "…"]),
)
standalone = st.sampled_from(["–", "—", "-", "&", "%", "“", "”", "...", "[…]", "e.g.", "U.S.",
                              "1.5", "don't", "don’t", "-5", "£3.2m"])
generated_paragraphs = st.lists(st.one_of(words, words, words, words, standalone),
                                min_size=1, max_size=40).map(" ".join).filter(
    lambda text: any(c.isalnum() for c in text))


def _sources():
    """A text, real or generated, with at least one paragraph that has a word in it."""
    generated = st.lists(generated_paragraphs, min_size=1, max_size=6).map("\n\n".join)
    return st.one_of(st.sampled_from(REAL_TEXTS), generated)


def _has_word(text: str) -> bool:
    return any(c.isalnum() for c in text)


@st.composite
def cut_passages(draw):
    """(source, paragraph, tokens, i, j): paragraph.text's whole words i..j-1 (some word in them)."""
    source = parse_source(draw(_sources()))
    with_words = [p for p in source.paragraphs if _has_word(p.text)]
    assume(with_words)  # "5. ”" is a list item holding a quote mark only
    paragraph = draw(st.sampled_from(with_words))
    tokens = paragraph.text.split()
    i = draw(st.integers(0, len(tokens) - 1))
    j = draw(st.integers(i + 1, min(len(tokens), i + 25)))
    assume(_has_word(" ".join(tokens[i:j])))
    return source, paragraph, tokens, i, j


def _found_in(passage: str, source, paragraph):
    return [m for m in find_passage(passage, source) if m.paragraph.number == paragraph.number]


# --- A cut passage is found, and the spans it is found at fold to it -----------------------------

@PROPERTY
@given(cut_passages())
def test_whole_words_cut_from_a_paragraph_are_found_in_it(cut):
    source, paragraph, tokens, i, j = cut
    passage = " ".join(tokens[i:j])
    matches = _found_in(passage, source, paragraph)
    assert matches, f"{passage!r} not found in paragraph {paragraph.number}"
    for match in matches:
        parts = elided_parts(passage)
        assert len(match.spans) == len(parts)
        for part, (start, end) in zip(parts, match.spans):
            assert fold(paragraph.text[start:end]) == fold(part)


# --- Variations that change no word ------------------------------------------------------------

def _swap_quotes(text: str, single: str, double: str) -> str:
    table = {**{c: single for c in "'" + SINGLE_QUOTES}, **{c: double for c in '"' + DOUBLE_QUOTES}}
    return text.translate(str.maketrans(table))


def _swap_dashes(text: str, dash: str, spaced: bool) -> str:
    """Every dash (a hyphen too) as `dash`, with or without spaces around it."""
    replacement = f" {dash} " if spaced else dash
    return re.sub(f"\\s*[-{DASHES}]\\s*", lambda m: replacement, text)


def _respace(text: str, spaces: list[str]) -> str:
    """Each space between words replaced by the next of `spaces` (runs, line breaks, tabs)."""
    pieces = text.split(" ")
    return "".join(p + (spaces[n % len(spaces)] if n < len(pieces) - 1 else "")
                   for n, p in enumerate(pieces))


def _hide_invisibles(text: str, invisible: str, every: int) -> str:
    """`invisible` put between every `every`-th pair of letters."""
    out, count = [], 0
    for n, char in enumerate(text):
        out.append(char)
        if char.isalnum() and n + 1 < len(text) and text[n + 1].isalnum():
            count += 1
            if count % every == 0:
                out.append(invisible)
    return "".join(out)


@PROPERTY
@given(cut_passages(), st.data())
def test_a_passage_written_differently_but_word_for_word_is_still_found(cut, data):
    source, paragraph, tokens, i, j = cut
    run = tokens[i:j]
    if j - i >= 3 and data.draw(st.booleans(), label="elide"):
        k = data.draw(st.integers(1, len(run) - 2), label="cut from")
        end = data.draw(st.integers(k + 1, len(run) - 1), label="cut to")
        mark = data.draw(st.sampled_from(["...", "…", "[...]", "[…]", "....", " ... "]))
        assume(_has_word(" ".join(run[:k])) or _has_word(" ".join(run[end:])))
        passage = " ".join(run[:k]) + f" {mark} " + " ".join(run[end:])
    else:
        passage = " ".join(run)
    if data.draw(st.booleans(), label="quotes"):
        single = data.draw(st.sampled_from(["'", "’", "‘", "`"]))
        double = data.draw(st.sampled_from(['"', "“", "”", "„", "«"]))
        passage = _swap_quotes(passage, single, double)
    if data.draw(st.booleans(), label="dashes"):
        dash = data.draw(st.sampled_from(list("-" + DASHES)))
        passage = _swap_dashes(passage, dash, data.draw(st.booleans(), label="spaced"))
    if data.draw(st.booleans(), label="spaces"):
        spaces = data.draw(st.lists(st.sampled_from([" ", "  ", "\n", " \n  ", "\t", "\r\n"]),
                                    min_size=1, max_size=4))
        passage = _respace(passage, spaces)
    if data.draw(st.booleans(), label="invisible"):
        invisible = data.draw(st.sampled_from(["\u00ad", "\u200b", "\u200c", "\u2060", "\ufeff"]))
        passage = _hide_invisibles(passage, invisible, data.draw(st.integers(1, 5)))
    assert _found_in(passage, source, paragraph), (
        f"{passage!r} not found in paragraph {paragraph.number}: {paragraph.text!r}")


# --- One word changed: not found ----------------------------------------------------------------

def _typo(word: str, at: int, letter: str) -> str:
    """One letter of `word` replaced by `letter` (the first letter at or after `at`)."""
    positions = [n for n, c in enumerate(word) if c.isalpha()]
    n = positions[at % len(positions)]
    return word[:n] + letter + word[n + 1:]


@PROPERTY
@given(cut_passages(), st.data())
def test_a_passage_with_one_word_changed_is_not_found_in_that_paragraph(cut, data):
    source, paragraph, tokens, i, j = cut
    p = data.draw(st.integers(i, j - 1), label="word")
    word = tokens[p]
    assume(any(c.isalpha() for c in word))
    how = data.draw(st.sampled_from(["case", "typo", "other word"]), label="change")
    if how == "case":
        changed = word.swapcase()
    elif how == "typo":
        changed = _typo(word, data.draw(st.integers(0, 20)), data.draw(st.sampled_from("aeiouxzq")))
    else:
        changed = data.draw(st.sampled_from(
            ["police", "Council", "report", "children", "inspectors", "found", "not", "never"]))
    passage = " ".join(tokens[i:p] + [changed] + tokens[p + 1:j])
    assume(fold(changed) != fold(word))
    assume(not ELISION.search(passage))  # a cut in the source: the words around it may match
    # The changed words must not stand in the paragraph elsewhere: then finding them is right.
    assume(fold(passage.strip().strip(QUOTE_MARKS)) not in fold(paragraph.text))
    assert not _found_in(passage, source, paragraph), (
        f"{passage!r} ({how} of {word!r}) found in paragraph {paragraph.number}")


# --- Numbering depends on the visible text only ------------------------------------------------

block_lines = st.lists(st.one_of(
    generated_paragraphs,
    st.builds(lambda marker, text: marker + text,
              st.sampled_from(["- ", "* ", "• ", "1. ", "12) ", "– "]), generated_paragraphs)),
    min_size=1, max_size=4)
source_texts = st.one_of(
    st.sampled_from(REAL_TEXTS),
    st.lists(st.tuples(block_lines, st.sampled_from(["\n\n", "\n\n\n", "\n \n"])),
             min_size=1, max_size=8).map(
        lambda blocks: "".join("\n".join(lines) + gap for lines, gap in blocks)))


def _layout(text: str, trailing: list[str], newline: str) -> str:
    """`text` with each line given trailing white space from `trailing`, and `newline` endings."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    padded = [line + trailing[n % len(trailing)] for n, line in enumerate(lines)]
    return newline.join(padded)


def _paragraphs(text: str):
    return [(p.number, p.text, p.kind, p.first_line) for p in parse_source(text).paragraphs]


@PROPERTY
@given(source_texts,
       st.lists(st.sampled_from(["", "", " ", "  ", "\t", " \t "]), min_size=1, max_size=5),
       st.sampled_from(["\n", "\r\n", "\r"]))
def test_trailing_spaces_and_line_endings_never_move_a_paragraph(text, trailing, newline):
    assert _paragraphs(_layout(text, trailing, newline)) == _paragraphs(text)


# --- Normalised.origin: from folded text back to the source --------------------------------------

FOLDING_ALPHABET = (LETTERS[:12] + " \t\n\r\x0b\x0c\x1c\x85\u00a0\u2028\u3000" + "-" + DASHES
                    + "'\"" + SINGLE_QUOTES + DOUBLE_QUOTES + "\u00ad\u200b\u200c\u200d\u2060\ufeff"
                    + ".,…")
"""Everything folding touches, crowded together. No NUL: a source holding one is refused on load."""


@PROPERTY
@given(st.one_of(st.text(alphabet=FOLDING_ALPHABET, max_size=60),
                 st.sampled_from([p.text for text in REAL_TEXTS
                                  for p in parse_source(text).paragraphs])),
       st.data())
def test_every_folded_character_maps_back_to_the_character_it_came_from(text, data):
    normalised = Normalised(text)
    folded, origin = normalised.text, normalised.origin
    assert len(origin) == len(folded)
    assert origin == sorted(set(origin)), "origins must rise strictly"
    for char, index in zip(folded, origin):
        source_char = text[index]
        if char == " ":
            assert source_char.isspace()
        else:
            assert fold(source_char) == char
    visible = [n for n, c in enumerate(folded) if c != " "]
    if visible:
        a = data.draw(st.sampled_from(visible), label="from")
        b = data.draw(st.sampled_from([n for n in visible if n >= a]), label="to") + 1
        start, end = normalised.original_span(a, b)
        assert fold(text[start:end]) == folded[a:b]


def test_the_folding_alphabet_holds_every_character_folding_treats_specially():
    for char in "-" + DASHES + SINGLE_QUOTES + DOUBLE_QUOTES + "\u00ad\u200b":
        assert char in FOLDING_ALPHABET
    assert any(unicodedata.category(c) == "Zl" for c in FOLDING_ALPHABET)
