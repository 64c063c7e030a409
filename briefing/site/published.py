"""Machine-readable output: each briefing as JSON, the site's catalogue, and schema.org data.

In: the `Collection`. Out: `<slug>/briefing.json` for every briefing and
`briefings.json` listing them all (shapes documented in the README, versioned
by `schema_version`); and, per briefing, the schema.org JSON-LD that its
overview embeds. Ids are the ones in briefing.yml, so they stay stable across
builds; every quote and item carries its source paragraph numbers.
"""

from __future__ import annotations

import json
from typing import Any

from ..model.briefing import Briefing, Point
from ..model.citations import Citation
from ..model.collection import Collection
from .series_data import organisations_record, series_record

SCHEMA_VERSION = 1
CATALOGUE = "briefings.json"


def published_json(collection: Collection) -> dict[str, str]:
    """Site path -> JSON text, for every JSON file the site publishes."""
    series = collection.series
    files = {f"{b.slug}/briefing.json": _dump({**briefing_record(b), **series_record(b, series)})
             for b in collection.briefings}
    files[CATALOGUE] = _dump({
        "schema_version": SCHEMA_VERSION,
        "briefings": [{**catalogue_entry(b), "organisations": organisations_record(b, series),
                       "updated": b.updated} for b in collection.briefings],
    })
    return files


def catalogue_entry(b: Briefing) -> dict[str, Any]:
    meta = b.metadata
    return {
        "id": b.slug,
        "title": meta.title,
        "subject": meta.subject.name,
        "inspector": meta.inspector.name,
        "published": meta.source.published.date if meta.source.published else None,
        "tags": list(meta.tags),
        "counts": {"findings": len(b.findings), "concerns": len(b.concerns),
                   "reactions": len(b.reactions), "quotes": sum(len(r.quotes) for r in b.reactions),
                   "people": len(b.people), "paragraphs": len(b.source)},
        "page": b.path("index"),
        "data": f"{b.slug}/briefing.json",
    }


def briefing_record(b: Briefing) -> dict[str, Any]:
    """Everything in the briefing, with the source's own words for every quote."""
    return {
        "schema_version": SCHEMA_VERSION,
        "id": b.slug,
        "metadata": b.metadata.model_dump(mode="json", exclude={"findings", "concerns",
                                                                "reactions", "people",
                                                                "summary_cites"}),
        "summary_cites": _cites(b.summary_citations),
        "findings": [_point(p) for p in b.findings],
        "concerns": [_point(p) for p in b.concerns],
        "people": [p.model_dump(mode="json") for p in b.people],
        "reactions": [{
            "id": r.id,
            "person": r.person.id,
            "speaks_for": r.speaks_for,
            "responds_to": [p.id for p in r.responds_to],
            "quotes": [{"text": q.citation.quoted, "paragraph": q.citation.paragraph.number}
                       for q in r.quotes],
        } for r in b.reactions],
        "source": [{"number": p.number, "kind": p.kind.value, "text": p.text}
                   for p in b.source.paragraphs],
    }


def _point(point: Point) -> dict[str, Any]:
    return {"id": point.id, "text": point.text, "cites": _cites(point.citations)}


def _cites(citations: tuple[Citation, ...]) -> list[dict[str, Any]]:
    """Each cited paragraph's number, and the passage named in it as the source has it."""
    return [{"paragraph": c.paragraph.number, "passage": c.quoted or None} for c in citations]


def linked_data(b: Briefing, page_url: str | None) -> dict[str, Any]:
    """schema.org JSON-LD for a briefing's overview: the report, the article, each quotation."""
    meta = b.metadata
    article: dict[str, Any] = {
        "@type": "NewsArticle" if meta.source.kind == "news report" else "Article",
        "headline": meta.source.headline.value if meta.source.headline else meta.title,
        "publisher": {"@type": "Organization", "name": meta.source.outlet},
    }
    if meta.source.url:
        article["url"] = meta.source.url
    if meta.source.published:
        article["datePublished"] = meta.source.published.date
    about: dict[str, Any] = {"@type": "Organization", "name": meta.subject.name}
    report: dict[str, Any] = {
        "@type": "Report",
        "name": meta.report.title.value if meta.report else meta.title,
        "author": {"@type": "Organization", "name": meta.inspector.name},
        "about": about,
    }
    if meta.report and meta.report.url:
        report["url"] = meta.report.url
    if meta.report and meta.report.published:
        report["datePublished"] = meta.report.published.date
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": meta.title,
        "abstract": meta.summary,
        "about": [report, about],
        "isBasedOn": article,
        "keywords": list(meta.tags),
        "citation": [_quotation(r, q, article) for r in b.reactions for q in r.quotes],
    }
    if page_url:
        data["url"] = page_url
    if meta.corrections:
        data["dateModified"] = b.updated
    return data


def _quotation(reaction, quote, article) -> dict[str, Any]:
    person = reaction.person
    speaker: dict[str, Any] = {"@type": "Person", "name": person.name}
    if person.role:
        speaker["jobTitle"] = person.role
    if person.organisation:
        speaker["affiliation"] = {"@type": "Organization", "name": person.organisation}
    return {"@type": "Quotation", "text": quote.citation.quoted, "creator": speaker,
            "isBasedOn": article}


def _dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
