"""What in a pasted article is not the article: links, captions, section labels.

In: a `Paragraph`. Out: why it is boilerplate (`None` if it is article text),
and where the article's words start in it: a photo caption fused to the start
of a paragraph ("Andrew Slattery. Detective chief superintendent Andrew
Slattery said: ...") is skipped, recognised because the paragraph repeats the
name the caption gives.
"""

from __future__ import annotations

import re

from ..inputs.source import Paragraph, ParagraphKind
from .words import LINK_LABEL

LINK_ONLY = re.compile(rf"^{LINK_LABEL}\s*[:.]?\s*$", re.IGNORECASE)
"""A paragraph that is a link label and nothing else: "Related articles"."""
CAPTION_LINE = re.compile(r"^(?:picture|photo|image|pictured|credit)s?\s*[:(]", re.IGNORECASE)
FUSED_CAPTION = re.compile(r"^((?:[A-Z][\w’'-]+ ){1,3}[A-Z][\w’'-]+)\.\s+")


def boilerplate_reason(paragraph: Paragraph) -> str | None:
    """Why `paragraph` is not article text, or None when it is."""
    if paragraph.kind is ParagraphKind.ASIDE or LINK_ONLY.match(paragraph.text):
        return "a link to other articles"
    if CAPTION_LINE.match(paragraph.text):
        return "a photo caption"
    if paragraph.kind is ParagraphKind.HEADING:
        return "a section label"
    return None


def body_start(text: str) -> int:
    """Where the article's words start: after a fused caption that the paragraph repeats, else 0."""
    caption = FUSED_CAPTION.match(text)
    if caption and caption.group(1) in text[caption.end():]:
        return caption.end()
    return 0
