"""What in a pasted article is not the article: links, captions, labels and page furniture.

In: a `Paragraph` (and those around it). Out: why it is boilerplate (`None` if it is
article text), and where the article's words start in it: a photo caption fused to the
start of a paragraph ("Andrew Slattery. Detective chief superintendent Andrew Slattery
said: ...") is skipped, recognised because the paragraph repeats the name the caption
gives.

Boilerplate: links to other stories ("READ MORE: ...", "MORE NEWS:", "Related topics:"),
photo captions (a "Picture:" line, or a caption printed twice, as alt text and as
caption), bylines ("By Lev Lourie") and datelines ("Tuesday, September 5, 2017",
"Published 3 hours ago", "Date of Publication:"), advert placeholders ("Hide Ad"),
cookie notices, the site's own furniture ("Skip to main content", "Share this", "Register
now to continue reading"), and section labels.
"""

from __future__ import annotations

import re

from ..inputs.source import Paragraph, ParagraphKind
from .words import LINK_LABEL

LINK_ONLY = re.compile(rf"^{LINK_LABEL}\s*[:.]?\s*$", re.IGNORECASE)
"""A paragraph that is a link label and nothing else: "Related articles"."""
CAPTION_LINE = re.compile(r"^(?:picture|photo|image|pictured|credit)s?\s*(?:caption|source|credit)?"
                          r"\s*[:(]|^(?:image|photo|picture) (?:caption|source|credit),",
                          re.IGNORECASE)
FUSED_CAPTION = re.compile(r"^((?:[A-Z][\w’'-]+ ){1,3}[A-Z][\w’'-]+)\.\s+")
BYLINE = re.compile(r"^(?:By|Words by|Written by|Reporter:?)\s+(?:[A-Z][\w’'.-]*(?:\s+|$)){1,4}"
                    r"(?:\s*(?:and|&|,)\s+(?:[A-Z][\w’'.-]*\s*){1,4})*$")
MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
         r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
DATELINE = re.compile(
    rf"^(?:(?:Published|Updated|Posted|Last updated|Date(?: of publication)?)\s*:?\s*)?"
    rf"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|{MONTH})?,?\s*"
    rf"(?:\d{{4}})?(?:,?\s*\d{{1,2}}[:.]\d{{2}}\s*(?:am|pm|BST|GMT)?)?\s*$"
    rf"|^(?:Published|Updated|Posted)\s+(?:\d+|an?)\s+(?:minutes?|hours?|days?|weeks?)\s+ago$"
    rf"|^\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}$", re.IGNORECASE)
ADVERT = re.compile(r"^(?:hide ad|advertisement|sponsored(?: content)?|ad|promoted)$",
                    re.IGNORECASE)
COOKIES = re.compile(r"\bcookies?\b.*\b(?:accept|consent|privacy|settings|use)\b"
                     r"|\b(?:accept|consent|use)\b.*\bcookies?\b", re.IGNORECASE)
PAYWALL = re.compile(r"\b(?:register|sign up|subscribe|log in|sign in)\b.{0,60}\b(?:continue|keep)"
                     r" reading\b|\b(?:why not|please) (?:register|subscribe|sign up)\b"
                     r"|\benjoy the following (?:great )?benefits\b|\balready (?:a member|registered|"
                     r"a subscriber)\b", re.IGNORECASE)
"""A paywall's or a registration box's words: "Register now to continue reading"."""
FURNITURE = re.compile(r"^(?:skip to (?:main )?content|share(?: this)?(?: article| story| page)?"
                       r"|comments?|listen to this article|print this page|back to top"
                       r"|subscribe(?: now)?|newsletter|menu|search)\W*$", re.IGNORECASE)


def boilerplate_reason(paragraph: Paragraph, before: Paragraph | None = None,
                       after: Paragraph | None = None) -> str | None:
    """Why `paragraph` is not article text, or None when it is. The paragraphs around it,
    `before` and `after`, show a caption printed twice."""
    text = paragraph.text.strip()
    if paragraph.kind is ParagraphKind.ASIDE or LINK_ONLY.match(text):
        return "a link to other articles"
    if CAPTION_LINE.match(text) or _printed_twice(text, before, after):
        return "a photo caption"
    if BYLINE.match(text):
        return "a byline"
    if text and DATELINE.match(text):
        return "a dateline"
    if ADVERT.match(text):
        return "an advert placeholder"
    if len(text.split()) <= 40 and COOKIES.search(text):
        return "a cookie notice"
    if FURNITURE.match(text) or (len(text.split()) <= 60 and PAYWALL.search(text)):
        return "the site's furniture"
    if paragraph.kind is ParagraphKind.HEADING:
        return "a section label"
    return None


def body_start(text: str) -> int:
    """Where the article's words start: after a fused caption that the paragraph repeats, else 0."""
    caption = FUSED_CAPTION.match(text)
    if caption and caption.group(1) in text[caption.end():]:
        return caption.end()
    return 0


def _printed_twice(text: str, before: Paragraph | None, after: Paragraph | None) -> bool:
    """A caption printed as alt text and as caption: the same words twice over, in one
    paragraph or in two, with no sentence's full stop."""
    if text.endswith((".", "!", "?", ":", "”", '"')):
        return False
    half = len(text) // 2
    if len(text) % 2 == 1 and text[:half] == text[half + 1:] and text[half].isspace():
        return True
    return any(other is not None and other.text.strip() == text for other in (before, after))
