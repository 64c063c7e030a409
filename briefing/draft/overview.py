"""The title, summary and headline a draft starts from.

In: the `SourceText`, the boilerplate paragraphs, and what a saved web page said
about itself. Out: the title and summary as `Guess`es, and the headline as
published when the text has one. The title is the headline if there is one (a
web page's, or a first line that reads as one: short, no closing full stop),
else the first sentence, without its "a report has found" and cut at a clause
boundary when long. The summary is the opening of the article, to be rewritten.
"""

from __future__ import annotations

import re

from ..inputs.intake import PageFacts
from ..inputs.source import Paragraph, ParagraphKind, SourceText
from ..language.sentences import TRAILING_ATTRIBUTION, sentence_spans
from .items import PLACEHOLDER, Guess

HEADLINE_MAX_WORDS = 20
TITLE_MAX_CHARS = 110
SUMMARY_MAX_WORDS = 70
CLAUSE_CUT = re.compile(r",\s+|\s+(?:but|while|after|as|and)\s+")


def find_headline(source: SourceText, page: PageFacts | None) -> str | None:
    """The headline as published: the web page's, or a first line that reads as one."""
    if page and page.headline:
        return page.headline
    first = source.paragraphs[0] if len(source) > 1 else None
    if first and first.kind in (ParagraphKind.TEXT, ParagraphKind.HEADING) \
            and _reads_as_headline(first):
        return first.text
    return None


def find_title(source: SourceText, boilerplate: set[int], headline: str | None) -> Guess:
    if headline:
        return Guess(headline, "the headline as published")
    opening = _narration(source, boilerplate)
    if not opening:
        return Guess(PLACEHOLDER, "the text has no sentence to take a title from")
    start, end = sentence_spans(opening[0].text)[0]
    whole = "\n".join(p.text for p in source.paragraphs)
    title = _shortened(opening[0].text[start:end], whole)
    if not title.strip():
        return Guess(PLACEHOLDER, "the first sentence has no words to take a title from")
    return Guess(title, "the first sentence, shortened")


def find_summary(source: SourceText, boilerplate: set[int], headline: str | None) -> Guess:
    """The opening paragraphs of the article, up to about 70 words."""
    paragraphs = [p for p in _narration(source, boilerplate) if p.text != headline]
    words: list[str] = []
    for paragraph in paragraphs:
        if words and len(words) + len(paragraph.text.split()) > SUMMARY_MAX_WORDS:
            break
        words.extend(paragraph.text.split())
    if not words:
        return Guess(PLACEHOLDER, "the text has no narration to summarise")
    summary = " ".join(words)
    if len(words) > 2 * SUMMARY_MAX_WORDS:
        summary = _cut(summary, 8 * SUMMARY_MAX_WORDS)
    whole = "\n".join(p.text for p in source.paragraphs)
    return Guess(_calm(summary, whole), "the source's opening words; write your own")


def _narration(source: SourceText, boilerplate: set[int]) -> list[Paragraph]:
    """Paragraphs of plain narration, in order (no quotes, lists, labels or links)."""
    return [p for p in source.paragraphs
            if p.kind is ParagraphKind.TEXT and p.number not in boilerplate]


def _reads_as_headline(paragraph: Paragraph) -> bool:
    text = paragraph.text
    return len(text.split()) <= HEADLINE_MAX_WORDS and text[-1] not in ".!?:;,"


def _shortened(sentence: str, whole: str) -> str:
    """The sentence as a title: no attribution, full stop or shouting; ~110 characters at most."""
    text = TRAILING_ATTRIBUTION.sub("", sentence).rstrip(" .")
    text = _calm(text, whole)
    if len(text) <= TITLE_MAX_CHARS:
        return text
    cuts = [m.start() for m in CLAUSE_CUT.finditer(text, 0, TITLE_MAX_CHARS) if m.start() >= 40]
    if cuts:
        return text[:cuts[-1]].rstrip(" ,;")
    return _cut(text, TITLE_MAX_CHARS)


def _cut(text: str, limit: int) -> str:
    """`text` cut at the last space before `limit` characters, with an ellipsis."""
    space = text.rfind(" ", 0, limit)
    return text[:space if space > 0 else limit].rstrip(" ,;") + "…"


def _calm(text: str, whole: str) -> str:
    """Opening words in capitals ("POLICE in Cumbria") as a reader expects them ("Police in").

    A word in capitals the text repeats elsewhere is an abbreviation (HMIC) and stays.
    """
    words = text.split(" ")
    for index, word in enumerate(words[:3]):
        letters = re.sub(r"\W", "", word)
        if not (letters.isupper() and (len(letters) > 3 or letters in ("THE", "A", "AN"))):
            break
        if whole.count(letters) > 1 and letters not in ("THE", "A", "AN"):
            break
        words[index] = word.capitalize() if index == 0 else word.lower()
    return " ".join(words)
