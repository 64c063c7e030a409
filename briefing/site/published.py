"""Machine-readable output: each briefing as JSON, the site's catalogue, and schema.org data.

In: the `Collection`. Out: `<slug>/briefing.json` for every briefing and
`briefings.json` listing them all (shapes documented in the README, versioned
by `schema_version`); and, per briefing, the schema.org JSON-LD that its
overview embeds. Ids are the ones in briefing.yml, so they stay stable across
builds; every quote and item carries its source paragraph numbers.
"""

from __future__ import annotations

import json
import uuid
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


def linked_data(b: Briefing, page_url: str | None, *, publisher: str,
                updated: str | None) -> dict[str, Any]:
    """schema.org JSON-LD for a briefing's overview: the briefing, the report it is about, the
    article it is based on and each quotation. Every node that is named more than once is given
    in full once, with an `@id`, and elsewhere referred to by it alone (the article used to be
    repeated in full for every quotation).
    `publisher` is the site's author or name; `updated`, the date the page was built (what the
    sitemap gives as its lastmod), the briefing's only date of its own."""
    meta, here = b.metadata, page_url or ""
    article: dict[str, Any] = {
        "@id": meta.source.url or f"{here}#source",
        "@type": "NewsArticle" if meta.source.kind == "news report" else "Article",
        "headline": meta.source.headline.value if meta.source.headline else meta.title,
        "publisher": {"@type": "Organization", "name": meta.source.outlet},
    }
    if meta.source.url:
        article["url"] = meta.source.url
    if meta.source.published:
        article["datePublished"] = meta.source.published.date
    about: dict[str, Any] = {"@id": f"{here}#subject", "@type": "Organization",
                             "name": meta.subject.name}
    report: dict[str, Any] = {
        "@id": (meta.report.url if meta.report and meta.report.url else f"{here}#report"),
        "@type": "Report",
        "name": meta.report.title.value if meta.report else meta.title,
        "author": {"@type": "Organization", "name": meta.inspector.name},
        "about": {"@id": about["@id"]},
    }
    if meta.report and meta.report.url:
        report["url"] = meta.report.url
    if meta.report and meta.report.published:
        report["datePublished"] = meta.report.published.date
    site = {"@type": "Organization", "name": publisher}
    briefing: dict[str, Any] = {
        "@id": f"{here}#briefing",
        "@type": "Article",
        "headline": meta.title,
        "abstract": meta.summary,
        "author": site,
        "publisher": site,
        "about": [report, about],
        "isBasedOn": article,
        "keywords": list(meta.tags),
        "citation": [_quotation(r, q, article["@id"]) for r in b.reactions for q in r.quotes],
    }
    if updated:
        briefing["datePublished"] = briefing["dateModified"] = updated
    if page_url:
        briefing["url"] = page_url
    if meta.corrections:
        briefing["dateModified"] = b.updated
    return {"@context": "https://schema.org", **briefing}


def _quotation(reaction, quote, article_id: str) -> dict[str, Any]:
    person = reaction.person
    speaker: dict[str, Any] = {"@type": "Person", "name": person.name}
    if person.role:
        speaker["jobTitle"] = person.role
    if person.organisation:
        speaker["affiliation"] = {"@type": "Organization", "name": person.organisation}
    return {"@type": "Quotation", "text": quote.citation.quoted, "creator": speaker,
            "isBasedOn": {"@id": article_id}}


def feed_ids(site_url: str | None, identity: tuple[str | None, ...], slugs) -> dict[str, str]:
    """Atom ids for the feed ("") and each briefing's entry (by slug). Under a site_url they are
    its addresses; without one, UUIDs drawn from what names the site (`identity`: its name,
    description, repository...) so that two sites no longer share `urn:briefing:briefing`,
    and that stay the same from build to build."""
    if site_url:
        return {"": f"{site_url}feed.xml", **{s: f"{site_url}{s}/index.html" for s in slugs}}
    site = uuid.uuid5(uuid.NAMESPACE_URL, "briefing-site:" + "\n".join(v or "" for v in identity))
    return {"": site.urn, **{s: uuid.uuid5(site, s).urn for s in slugs}}


def _dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
