"""Draft a briefing's metadata from its source text: what an analyst starts from.

In: the `SourceText` (and, for a saved web page, what the page said about
itself). Out: a `Draft`, which `writer.render_draft` turns into `briefing.yml`.
The steps, each a module of its own:

1. `boilerplate`: set aside links to other articles, captions and section labels;
2. `organisations`: the inspecting body and the organisation inspected;
3. `quotes` (with `people`): who said what, word for word, and who they are;
4. `points`: the findings and concerns, from lists and from what the inspection
   says, in narration and in its quoted words (whose words are whose: the people);
5. `overview`: the headline, a title and a summary to rewrite;
6. `assemble`: ids for every item, each quote and passage checked against the source.

The rules are general: they read the shapes news reports of inspections take,
not the words of any one report. Everything they produce is a suggestion,
marked as such in the YAML.
"""

from __future__ import annotations

from ..inputs.intake import PageFacts
from ..inputs.source import SourceText
from ..language.boilerplate import boilerplate_reason
from ..language.speech import find_speech
from .assemble import assemble_people, assemble_points
from .ids import IdRegistry
from .items import PLACEHOLDER, Draft, Guess
from .organisations import find_inspector, find_subject
from .overview import find_headline, find_summary, find_title
from .points import find_points

__all__ = ["Draft", "draft_briefing"]


def draft_briefing(source: SourceText, page: PageFacts | None = None) -> Draft:
    """Everything the rules can draft from `source`."""
    headline = find_headline(source, page)
    headline_paragraphs = {p.number for p in source.paragraphs[:1] if p.text == headline}
    reasons = {p.number: reason for p in source.paragraphs
               if (reason := boilerplate_reason(p, source.paragraph(p.number - 1),
                                                source.paragraph(p.number + 1)))
               and p.number not in headline_paragraphs}
    boilerplate = set(reasons)
    inspector = find_inspector(source)
    subject = find_subject(source, inspector)
    cast, quotes = find_speech(source, boilerplate)
    ids = IdRegistry()
    people, reactions = assemble_people(cast, quotes, subject, inspector, source, ids)
    candidates = find_points(source, boilerplate | headline_paragraphs, people, reactions,
                             inspector, subject)
    findings = assemble_points(candidates, "findings", source, ids)
    concerns = assemble_points(candidates, "concerns", source, ids)
    return Draft(
        title=find_title(source, boilerplate, headline),
        summary=find_summary(source, boilerplate, headline),
        subject=subject, inspector=inspector,
        outlet=(Guess(page.outlet, "the web page's site name") if page and page.outlet
                else Guess(PLACEHOLDER, "the text does not say who published it")),
        headline=headline, url=page.url if page else None,
        published=page.published if page else None,
        findings=findings, concerns=concerns, people=people, reactions=reactions,
        skipped=tuple(f"{number} ({reason})" for number, reason in sorted(reasons.items())))
