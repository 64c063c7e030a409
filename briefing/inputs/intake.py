"""Read the file given to `build.py new` and make it a clean source text.

In: a path and a size limit. Out: an `Intake`: the text (LF line endings, no
invisible characters, no non-breaking spaces), the encoding it was read in, a
note for each change made, and what a saved web page says about itself
(`PageFacts`). Or an `IntakeError` saying, for a person, why the file cannot be
used: missing, empty, too large, binary, or without a paragraph of text.

Encodings: UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order
mark, else whatever charset-normalizer finds most plausible; among equally
plausible single-byte code pages Windows-1252 wins, as the likeliest for text
pasted on a Western Windows machine. A saved web page (HTML) is reduced to the
text of its article, one paragraph per block, with `html.parser` from the
standard library.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

from charset_normalizer import from_bytes

from ..errors import BriefingError
from ..language.words import plural
from .files import UnsafeFile, read_input_file
from .schema import WEB_ADDRESS
from .source import parse_source

UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
PREFERRED_CODE_PAGES = ("cp1252", "latin_1", "iso8859_15")
"""Among equally plausible single-byte encodings, the ones English text is usually in."""
CLEAN_UPS = (
    ("\r\n", "\n", "converted", "CRLF line ending", " to LF"),
    ("\r", "\n", "converted", "CR line ending", " to LF"),
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
"""(what, replacement, verb, name, rest of the note), applied in this order: CRLF before CR."""
HTML_SIGNS = re.compile(r"<(?:!doctype\s+html|html|body|p|div|article)[\s>]", re.IGNORECASE)
CONTROL_SHARE_LIMIT = 0.01
"""More control characters than this (tabs and line breaks aside) and it is not text."""


class IntakeError(BriefingError):
    """The source file cannot be used; the message says why and what to do."""


@dataclass(frozen=True)
class PageFacts:
    """What a saved web page says about itself, where it says it."""

    headline: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    """The publication date, YYYY-MM-DD, from the page's metadata."""


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
        text, page = _article_text(text)
        notes.append("reduced a web page (HTML) to the text of its article")
    text, cleaned = normalise(text)
    notes.extend(cleaned)
    if not parse_source(text).paragraphs:
        raise IntakeError(f"{path}: no paragraphs of text were found in it (only white space "
                          "or invisible characters). Check it is the right file.")
    return Intake(text, encoding, tuple(notes), page)


def normalise(text: str) -> tuple[str, list[str]]:
    """`text` with LF line endings and plain spaces, invisible characters removed; and notes."""
    notes = []
    for found, replacement, verb, name, rest in CLEAN_UPS:
        count = text.count(found)
        if count:
            text = text.replace(found, replacement)
            notes.append(f"{verb} {plural(count, name)}{rest}")
    return text, notes


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


class _ArticleParser(HTMLParser):
    """Collects the text of block elements (paragraphs, headings, list items) and page facts."""

    BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre"})
    """Elements whose text is a paragraph of the article."""
    SKIPPED = frozenset({"script", "style", "noscript", "nav", "header", "footer", "aside",
                         "form", "figcaption", "button", "select", "template", "svg", "iframe"})
    """Elements that hold no article text: code, navigation, captions, asides."""
    META: ClassVar[dict[str, str]] = {
        "og:site_name": "outlet", "og:url": "url", "article:published_time": "published",
        "og:title": "headline"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[bool, str, str]] = []
        """(inside an <article>, tag, text) per block, in order."""
        self.facts: dict[str, str] = {}
        self.h1: str | None = None
        self.title = ""
        self._skip_depth = 0
        self._article_depth = 0
        self._block: tuple[str, list[str]] | None = None
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        if tag in self.SKIPPED:
            self._skip_depth += 1
        elif tag == "article":
            self._article_depth += 1
        elif tag == "title":
            self._in_title = True
        elif tag == "meta":
            key = self.META.get(attributes.get("property") or attributes.get("name", ""))
            if key and attributes.get("content"):
                self.facts.setdefault(key, attributes["content"].strip())
        elif tag == "link" and attributes.get("rel") == "canonical" and attributes.get("href"):
            self.facts.setdefault("url", attributes["href"].strip())
        elif tag == "br" and self._block:
            self._block[1].append(" ")
        if tag in self.BLOCKS and not self._skip_depth:
            self._close_block()
            self._block = (tag, [])

    def handle_endtag(self, tag):
        if tag in self.SKIPPED:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag == "article":
            self._close_block()
            self._article_depth = max(0, self._article_depth - 1)
        elif tag == "title":
            self._in_title = False
        if tag in self.BLOCKS:
            self._close_block()

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        elif self._block is not None and not self._skip_depth:
            self._block[1].append(data)

    def close(self):
        super().close()
        self._close_block()

    def _close_block(self):
        if self._block is None:
            return
        tag, parts = self._block
        self._block = None
        text = " ".join("".join(parts).split())
        if text:
            self.blocks.append((self._article_depth > 0, tag, text))
            if tag == "h1" and self.h1 is None:
                self.h1 = text


def _article_text(html: str) -> tuple[str, PageFacts]:
    """The article's paragraphs separated by blank lines (list items marked "- "), and its facts."""
    parser = _ArticleParser()
    parser.feed(html)
    parser.close()
    in_article = [block for block in parser.blocks if block[0]]
    blocks = in_article or parser.blocks
    lines = [f"- {text}" if tag == "li" else text for _, tag, text in blocks]
    published = re.match(r"\d{4}-\d{2}-\d{2}", parser.facts.get("published", ""))
    url = parser.facts.get("url", "")
    page = PageFacts(
        headline=(parser.h1 or parser.facts.get("headline")
                  or " ".join(parser.title.split()) or None),
        outlet=parser.facts.get("outlet"),
        url=url if re.match(WEB_ADDRESS, url) else None,
        published=published.group(0) if published else None)
    return "\n\n".join(lines), page
