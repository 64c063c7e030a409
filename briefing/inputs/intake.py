"""Read the file given to `build.py new` and make it a clean source text.

In: a path and a size limit. Out: an `Intake`: the text (LF line endings, no
invisible characters, no non-breaking spaces, paragraphs separated by blank
lines), the encoding it was read in, a note for each change made, and what a
saved web page says about itself (`PageFacts`). Or an `IntakeError` saying, for
a person, why the file cannot be used: missing, empty, too large, binary, or
without a paragraph of text.

Encodings: UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order
mark, else whatever charset-normalizer finds most plausible; among equally
plausible single-byte code pages Windows-1252 wins, as the likeliest for text
pasted on a Western Windows machine. A saved web page (HTML) is reduced to the
text of its article (`webpage`).

Paragraphs: `source.txt` separates paragraphs by blank lines, but many saved
articles put each paragraph on a line of its own with no blank line between.
A run of lines that reads so (its line breaks come after sentences, headings
or labels, almost never mid-sentence) gets a blank line at each break; a
paragraph wrapped at a fixed width (its lines break mid-sentence, the next
going on in lower case) is left as it is.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from ..errors import BriefingError
from ..language.words import plural
from .files import UnsafeFile, read_input_file
from .schema import CONTROL_CHARACTERS
from .source import LIST_MARKER, parse_source
from .webpage import PageFacts, read_page

__all__ = ["Intake", "IntakeError", "PageFacts", "normalise", "read_source",
           "separate_line_paragraphs"]

UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
PREFERRED_CODE_PAGES = ("cp1252", "latin_1", "iso8859_15")
"""Among equally plausible single-byte encodings, the ones English text is usually in."""
CLEAN_UPS = (
    ("\r\n", "\n", "converted", "CRLF line ending", " to LF"),
    ("\r", "\n", "converted", "CR line ending", " to LF"),
    ("\f", "\n", "converted", "form feed", " to a line break"),
    ("\v", "\n", "converted", "vertical tab", " to a line break"),
    ("\u2028", "\n", "converted", "line separator", " to a line break"),
    ("\u2029", "\n\n", "converted", "paragraph separator", " to a blank line"),
    ("\u00a0", " ", "replaced", "non-breaking space", " by plain spaces"),
    ("\u202f", " ", "replaced", "narrow non-breaking space", " by plain spaces"),
    ("\u2007", " ", "replaced", "figure space", " by plain spaces"),
    ("\u00ad", "", "removed", "soft hyphen", ""),
    ("\u200b", "", "removed", "zero-width space", ""),
    ("\u200c", "", "removed", "zero-width non-joiner", ""),
    ("\u200d", "", "removed", "zero-width joiner", ""),
    ("\u2060", "", "removed", "word joiner", ""),
    ("\ufeff", "", "removed", "stray byte-order mark", ""),
)
"""(what, replacement, verb, name, rest of the note), applied in this order: CRLF before CR.
Other control characters, which no web page can carry, are then removed."""
HTML_SIGNS = re.compile(r"<(?:!doctype\s+html|html|body|p|div|article)[\s>]", re.IGNORECASE)
CONTROL_SHARE_LIMIT = 0.01
"""More control characters than this (tabs and line breaks aside) and it is not text."""
SENTENCE, LABEL, LIST, CONTINUES = "sentence", "label", "list", "continues"
"""A line break after a sentence; after a heading, label or byline, or before a line of
marks alone ("[...]"); before a list item (a paragraph of its own already); inside a
sentence."""
SENTENCE_ENDS = tuple(".!?:…\"”’')]")
MID_SENTENCE_ENDS = tuple(",;-–—(&/")
LABEL_MAX_WORDS = 10
MIN_RUN_LINES = 3
"""Fewer lines than this ("He said:" above a quotation) say too little to go on."""
MID_SENTENCE_BREAKS_MAX = (1, 5)
"""At most this share of a run's line breaks may fall inside a sentence (a paragraph with a
stray line break, a quotation cut short); a wrapped paragraph's lines mostly do."""
SENTENCE_BREAKS_MIN = (1, 3)
"""At least this share must follow a sentence: not a menu, a byline, an address."""


class IntakeError(BriefingError):
    """The source file cannot be used; the message says why and what to do."""


@dataclass(frozen=True)
class Intake:
    """A source file read, decoded and cleaned, ready to be `source.txt`."""

    text: str
    encoding: str
    """The encoding the file was read in: `utf-8`, `utf-8 with BOM`, `cp1252`, ..."""
    notes: tuple[str, ...]
    """One line per change made to the text: "replaced 3 non-breaking spaces by a space"."""
    page: PageFacts | None = None
    """Set when the file was a web page (HTML)."""


def read_source(path: Path, max_bytes: int) -> Intake:
    """Read `path` (at most `max_bytes`) as a source text; raise `IntakeError` if unusable."""
    data = _read_bytes(path, max_bytes)
    text, encoding = _decode(path, data)
    notes: list[str] = []
    page = None
    if HTML_SIGNS.search(text[:5000]):
        text, page = read_page(text)
        notes.append("reduced a web page (HTML) to the text of its article")
    text, cleaned = normalise(text)
    notes.extend(cleaned)
    text, separated = separate_line_paragraphs(text)
    if separated:
        notes.append(f"separated {plural(separated, 'paragraph')} written on single lines")
    if not parse_source(text).paragraphs and page is not None:
        raise IntakeError(f"{path}: no paragraphs of text were found in it: the web page holds "
                          "no article text that could be read. Save the page again once it has "
                          "loaded in full, or copy the article's text into a plain text file.")
    if not parse_source(text).paragraphs:
        raise IntakeError(f"{path}: no paragraphs of text were found in it (only white space "
                          "or invisible characters). Check it is the right file.")
    return Intake(text, encoding, tuple(notes), page)


def normalise(text: str) -> tuple[str, list[str]]:
    """`text` with LF line endings and plain spaces, invisible and control characters removed;
    and notes."""
    notes = []
    for found, replacement, verb, name, rest in CLEAN_UPS:
        count = text.count(found)
        if count:
            text = text.replace(found, replacement)
            notes.append(f"{verb} {plural(count, name)}{rest}")
    text, count = CONTROL_CHARACTERS.subn("", text)
    if count:
        notes.append(f"removed {plural(count, 'control character')}")
    return text, notes


def separate_line_paragraphs(text: str) -> tuple[str, int]:
    """`text` with a blank line between paragraphs written on consecutive lines; and how many
    paragraphs the runs of lines so separated hold (0: the text is unchanged)."""
    lines = text.split("\n")
    separated = 0
    for start, end in _runs_of_lines(lines):
        breaks = [_line_break(lines[i], lines[i + 1]) for i in range(start, end - 1)]
        if end - start < MIN_RUN_LINES or not _reads_as_line_paragraphs(breaks):
            continue
        for i, kind in enumerate(breaks, start=start):
            if kind not in (CONTINUES, LIST):
                lines[i] += "\n"
        separated += 1 + sum(kind != CONTINUES for kind in breaks)
    return "\n".join(lines), separated


def _runs_of_lines(lines: list[str]):
    """Yield (first, last + 1) for each run of non-blank lines."""
    start = None
    for number, line in enumerate([*lines, ""]):
        if line.strip() and start is None:
            start = number
        elif not line.strip() and start is not None:
            yield start, number
            start = None


def _line_break(line: str, following: str) -> str:
    """What the break between `line` and the `following` line is: SENTENCE, LABEL, LIST or
    CONTINUES."""
    line, following = line.strip(), following.strip()
    if LIST_MARKER.match(following):
        return LIST
    if following[0].islower() or line.endswith(MID_SENTENCE_ENDS):
        return CONTINUES
    if line.endswith(SENTENCE_ENDS) or LIST_MARKER.match(line):
        return SENTENCE  # a list item written on its line ends there, full stop or not
    if len(line.split()) <= LABEL_MAX_WORDS or not any(c.isalnum() for c in following):
        return LABEL
    return CONTINUES


def _reads_as_line_paragraphs(breaks: list[str]) -> bool:
    """True when a run's line breaks are those of paragraphs, not of a wrapped paragraph."""
    counted = [kind for kind in breaks if kind != LIST]
    return bool(counted) and (
        counted.count(CONTINUES) * MID_SENTENCE_BREAKS_MAX[1]
        <= len(counted) * MID_SENTENCE_BREAKS_MAX[0]) and (
        counted.count(SENTENCE) * SENTENCE_BREAKS_MIN[1] >= len(counted) * SENTENCE_BREAKS_MIN[0])


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, read as a briefing's files are (`read_input_file`), from anywhere."""
    try:
        data = read_input_file(path, max_bytes, if_too_large=(
            "An article or report summary is far smaller: check it is the right file."))
    except FileNotFoundError:
        raise IntakeError(f"{path}: no such file. Check the path given with --source.") from None
    except UnsafeFile as refusal:
        raise IntakeError(f"{path}: {refusal.message}") from None
    except OSError as error:
        raise IntakeError(f"{path}: cannot be read: {error.strerror}.") from None
    if not data:
        raise IntakeError(f"{path}: is empty. Paste the article or report summary into it.")
    return data


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    """The text and the name of its encoding; `IntakeError` for what is not text."""
    if data.startswith(codecs.BOM_UTF8):
        return _checked(path, data[3:].decode("utf-8", errors="strict"), "utf-8 with BOM")
    if data.startswith(UTF16_BOMS):
        try:
            return _checked(path, data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError:
            raise _not_text(path, "it starts like UTF-16 but does not decode as UTF-16") from None
    if b"\0" in data:
        raise _not_text(path, "it contains NUL bytes")
    try:
        return _checked(path, data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    encoding = _guess_encoding(data)
    if encoding is None:
        raise _not_text(path, "its bytes make sense in no text encoding")
    return _checked(path, data.decode(encoding), encoding)


def _guess_encoding(data: bytes) -> str | None:
    """charset-normalizer's choice; among equally good single-byte guesses, the Western one."""
    matches = list(from_bytes(data))
    if not matches:
        return None
    best = matches[0]
    equally_good = [m for m in matches
                    if m.chaos <= best.chaos + 0.005 and m.coherence >= best.coherence - 0.05]
    candidates = {name for m in equally_good for name in m.could_be_from_charset}
    for preferred in PREFERRED_CODE_PAGES:
        if preferred in candidates:
            return preferred
    return best.encoding


def _checked(path: Path, text: str, encoding: str) -> tuple[str, str]:
    """Refuse text that is mostly control characters: a binary file that happened to decode."""
    controls = sum(1 for char in text
                   if unicodedata.category(char) == "Cc" and char not in "\t\n\r\f")
    if "\0" in text or controls > CONTROL_SHARE_LIMIT * len(text):
        raise _not_text(path, "it is full of control characters")
    return text, encoding


def _not_text(path: Path, why: str) -> IntakeError:
    return IntakeError(
        f"{path}: does not look like text ({why}): a PDF, Word document or image? Open it, "
        "copy the article's text and save that as a plain text file (.txt).")
