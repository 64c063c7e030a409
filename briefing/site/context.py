"""What each template needs beyond what MkDocs gives it: the site, and the page's own data.

In: the `SitePlan`, the published stylesheet, whether the site is being previewed. Out:
the names each template reads: `briefings`, `collection` and the site's settings on every
page and theme template (404, feed, sitemap); on a generated page, its `SitePage.context`,
its Content-Security-Policy and, on an overview, its schema.org data. Every name a template
may test for is there, set to None where a page has none, since undefined names are errors.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from .archive import OFFLINE_PAGE
from .pages import INDEX_TITLES, SitePlan
from .published import feed_ids, linked_data
from .security import content_security_policy

PAGE_DEFAULTS = {"briefing": None, "section": None, "single_page": False, "related": (),
                 "listing": None, "chart": None, "group": None, "person_across": None,
                 "index_kind": None, "linked_data": None, "offline": False}
"""Every name a template may test for, so a page that lacks one gets None, not an error."""
EXPORT_TEMPLATE = "briefing/export.html"
"""The single-file download, which inlines its stylesheet."""


class TemplateContexts:
    def __init__(self, plan: SitePlan, stylesheet: Markup, *, previewing: bool):
        self.plan = plan
        self.previewing = previewing
        self.site = {"briefings": list(plan.briefings), "collection": plan.collection,
                     "site_archive": plan.archive, "archive_folder": plan.archive_folder,
                     "index_titles": INDEX_TITLES, "inline_stylesheet": stylesheet,
                     "unlisted_pages": frozenset({OFFLINE_PAGE}),
                     "content_security_policy": content_security_policy(live_reload=previewing)}

    def for_page(self, context: dict[str, Any], src_uri: str, canonical_url: str | None
                 ) -> dict[str, Any]:
        """`context` (MkDocs' own, for the page at `src_uri`) with everything the page needs."""
        generated = self.plan.pages.get(src_uri) or self.plan.downloads.get(src_uri)
        context.update(PAGE_DEFAULTS)
        context.update(self.site)
        if generated is not None:
            context.update(generated.context)
        context["content_security_policy"] = content_security_policy(
            inline_styles=generated is not None and generated.template == EXPORT_TEMPLATE,
            live_reload=self.previewing)
        if context["briefing"] is not None and context["section"] == "index":
            config, page = context["config"], context.get("page")
            context["linked_data"] = linked_data(
                context["briefing"], canonical_url,
                publisher=config.site_author or config.site_name,
                updated=getattr(page, "update_date", None))
        return context

    def for_template(self, context: dict[str, Any]) -> dict[str, Any]:
        """`context` for a theme template that is no page (404.html, feed.xml, sitemap.xml)."""
        context.update(PAGE_DEFAULTS)
        context.update(self.site)
        config = context["config"]
        context["feed_ids"] = feed_ids(
            config.site_url, (config.site_name, config.site_description, config.repo_url,
                              config.site_author, config.copyright),
            [b.slug for b in self.plan.briefings])
        return context
