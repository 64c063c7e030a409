"""Saved web pages of the kinds `build.py new` meets, reduced to their article and its facts.

Each page is made up here, in the shapes the pages take (a national broadcaster's, a local
paper's, an inspectorate's press release, a page whose facts are only in JSON-LD), with the
furniture around the article: navigation, share buttons, captions, advert labels, cookie
banners, related links. Nothing is fetched: a page is read as it was saved.
"""

from __future__ import annotations

import socket

import pytest

from briefing.commands.new import run_new
from briefing.inputs.intake import read_source
from briefing.inputs.source import ParagraphKind, parse_source
from briefing.inputs.webpage import PageFacts, read_page
from briefing.project import Project

LIMIT = 5_000_000

BROADCASTER = """<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>Thornbury prison: Jail needs urgent action, inspectors say - BBC News</title>
<meta property="og:title" content="Thornbury prison: Jail needs urgent action, inspectors say">
<meta property="og:site_name" content="BBC News">
<meta property="og:url" content="https://www.bbc.co.uk/news/articles/c0example1o">
<script type="application/ld+json">{"@context": "https://schema.org",
 "@type": "ReportageNewsArticle", "headline": "Jail needs urgent action, inspectors say",
 "datePublished": "2024-09-12T05:12:44.000Z",
 "publisher": {"@type": "NewsMediaOrganization", "name": "BBC News"}}</script>
<script>window.page = {"section": "england"};</script>
</head><body><div id="app">
<header><a href="#main-content">Skip to content</a>
<nav aria-label="BBC"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>
<main id="main-content"><article>
<header><h1 id="main-heading">Jail needs urgent action, inspectors say</h1>
<div data-component="byline-block"><time datetime="2024-09-12T05:12:44.000Z">12 September
2024</time><button type="button" aria-label="Share"><span>Share</span></button>
<button type="button"><span>Save</span></button></div></header>
<figure><div><img src="https://ichef.example/wing.jpg" alt="A prison landing">
<span role="text">Image source, Getty Images</span></div>
<figcaption><span>Image caption, </span>Inspectors found wings that were chaotic</figcaption>
</figure>
<div data-component="text-block"><p><b>A prison where violence has risen sharply needs urgent
improvement, the chief inspector of prisons has told the government.</b></p></div>
<div data-component="text-block"><p>HMP Thornbury had squalid conditions, decrepit buildings
and a "dearth of activity", according to HM Inspectorate of Prisons.</p></div>
<div data-component="text-block"><p>Inspectors found that prisoners were spending up to 22
hours a day locked in their cells, and that half of them said it was easy to get drugs.</p></div>
<div data-component="subheadline-block"><h2>'Decade of decline'</h2></div>
<div data-component="text-block"><p>Chief Inspector of Prisons Alan Marsh said: "This prison
has been of concern for many years and the decline has accelerated in the past 18 months."</p>
</div>
<div data-component="subheadline-block"><h2>Response</h2></div>
<div data-component="text-block"><p>HM Prison and Probation Service said it would publish an
action plan within 28 days.</p></div>
<div data-component="text-block"><p>A spokesperson said: "We are already taking action to
improve safety, including extra staff and new drug scanners."</p></div>
<section data-component="tags"><h2>Related topics</h2><ul><li><a href="/news/topics/1">
Prisons</a></li><li><a href="/news/topics/2">Thornbury</a></li></ul></section>
<section data-component="links-block"><h2>More on this story</h2><ul><li><a href="/news/1">
Prison violence at record high</a></li><li><a href="/news/2">Inspectors warn over staffing</a>
</li></ul></section>
</article></main>
<footer><ul><li><a href="/terms">Terms of Use</a></li><li><a href="/privacy">Privacy Policy</a>
</li></ul><p>Copyright 2024 BBC. All rights reserved. The BBC is not responsible for the content
of external sites.</p></footer></div></body></html>
"""
"""A broadcaster's article page. Its "Response" subheading stands before a paragraph that
opens with an organisation's name, as in the page that crashed `new`."""

LOCAL_PAPER = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Ofsted: Hollybank school told it must improve | Midshire Gazette</title>
<meta property="og:site_name" content="Midshire Gazette">
<meta property="og:type" content="article">
<meta property="article:published_time" content="2023-03-02T16:30:00+00:00">
<link rel="canonical"
 href="https://www.midshiregazette.co.uk/news/education/hollybank-school-ofsted-4051234">
<script async src="https://ads.example.com/tag.js"></script></head><body>
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to personalise content and ads
and to analyse our traffic. By clicking Accept you agree to our use of cookies.</p>
<button>Accept all</button><button>Manage preferences</button></div>
<header class="masthead"><a href="/">Midshire Gazette</a><nav><a href="/news">News</a>
<a href="/sport">Sport</a> <a href="/subscribe">Subscribe</a></nav></header>
<main><article class="article">
<h1 class="headline">Hollybank school told it must improve by Ofsted</h1>
<p class="byline">By <a href="/author/sam-reed">Sam Reed</a>, Education reporter</p>
<div class="article-content">
<p>Hollybank Primary School has been rated &lsquo;requires improvement&rsquo; by Ofsted after an
inspection in January.</p>
<div class="ad-slot"><span class="ad-label">Hide Ad</span><div id="ad-mpu-1"></div></div>
<p>Inspectors said pupils were polite and felt safe, but that the curriculum in some subjects
was not well planned and reading was not taught consistently.</p>
<p><strong>READ MORE: </strong><a href="/news/academy-4050000">Nearby academy praised for its
&lsquo;outstanding&rsquo; early years</a></p>
<p>The report said: &ldquo;Leaders have not ensured that the curriculum is well sequenced in all
subjects, so pupils do not build their knowledge securely.&rdquo;</p>
<div class="ad-slot"><span class="ad-label">Hide Ad</span><div id="ad-mpu-2"></div></div>
<p>Headteacher Priya Shah said: &ldquo;We are disappointed, but the report recognises the
strengths of our school and we have a clear plan.&rdquo;</p>
<p>The school was last inspected in 2018, when it was rated good.</p>
</div>
<div class="share-bar"><a href="https://facebook.com/share">Share on Facebook</a>
<a href="https://twitter.com/share">Share on X</a> <a href="mailto:?">Email</a></div>
<aside class="related"><h3>Most read</h3><ol><li><a href="/a">Man charged after crash</a></li>
<li><a href="/b">New shop to open in high street</a></li></ol></aside>
</article></main>
<footer><p>&copy; 2023 Midshire Media Ltd. All rights reserved.</p></footer></body></html>
"""

PRESS_RELEASE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>North-west probation rated &#8216;Requires improvement&#8217; &#8211; HM Inspectorate of
Standards</title>
<meta property="og:site_name" content="HM Inspectorate of Standards">
<meta property="og:url" content="https://inspectorate.example.gov.uk/news/north-west-rated/">
<meta property="article:published_time" content="2025-04-29"></head><body>
<a class="skip" href="#content">Skip to main content</a>
<header><div class="logo">HM Inspectorate of Standards</div><nav><ul><li><a href="/">Home</a>
</li><li><a href="/about">About us</a></li><li><a href="/reports">Our reports</a></li></ul></nav>
<form role="search"><input type="search" name="s"><button>Search</button></form></header>
<div class="breadcrumbs"><a href="/">Home</a> &gt; <a href="/news">News</a> &gt; North-west</div>
<div id="content"><div class="entry-content">
<h1>North-west probation rated &#8216;Requires improvement&#8217;</h1>
<p>An inspection by HM Inspectorate of Standards has found that the North West Probation Region
needs to improve the way it manages people on probation.</p>
<p>Inspectors found the following strengths:</p>
<ul><li>Staff were motivated and committed to their work.</li>
<li>Partnerships with local councils were strong.</li></ul>
<p>However, inspectors also found:</p>
<ul><li>Caseloads were too high in most teams.</li>
<li>Risk assessments were not completed on time in over a third of cases.</li>
<li>Work to keep children safe was <strong>not good enough</strong>.</li></ul>
<p>Chief Inspector Dana Price said: &#8220;Staff are working hard, but the region must act
quickly to reduce caseloads and improve its risk assessments.&#8221;</p>
</div></div>
<footer><p>Contact the press office on 020 0000 0000.</p><p><a href="/privacy">Privacy</a></p>
</footer></body></html>
"""

JSON_LD_ONLY = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Care home placed in special measures</title>
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Care home placed in special measures after damning inspection",
 "datePublished": "2022-11-08T07:00:00Z", "dateModified": "2022-12-09T10:15:00Z",
 "author": {"@type": "Person", "name": "Lee Grant"},
 "publisher": {"@type": "Organization", "name": "The Northern Post"}}
</script></head><body><div class="page"><div class="story">
<h1>Care home placed in special measures after damning inspection</h1>
<div class="story-body">
<p>A care home in Harbourside has been placed in special measures after the Care Quality
Commission rated it inadequate when it was inspected on 12 September 2022.</p>
<p>Inspectors found that medicines were not managed safely and that residents were not always
treated with dignity.</p>
<p>In a statement, the home's owners said they accepted the findings and had appointed a new
manager.</p>
</div></div></div></body></html>
"""
"""A page that says what it is only in JSON-LD, and mentions another date in its text."""


def paragraphs(text: str) -> list[str]:
    return text.split("\n\n")


def test_a_broadcasters_page_keeps_its_article_without_buttons_captions_or_related_links():
    text, page = read_page(BROADCASTER)
    assert paragraphs(text) == [
        "Jail needs urgent action, inspectors say",
        ("A prison where violence has risen sharply needs urgent improvement, the chief "
         "inspector of prisons has told the government."),
        ("HMP Thornbury had squalid conditions, decrepit buildings and a \"dearth of activity\", "
         "according to HM Inspectorate of Prisons."),
        ("Inspectors found that prisoners were spending up to 22 hours a day locked in their "
         "cells, and that half of them said it was easy to get drugs."),
        "'Decade of decline'",
        ("Chief Inspector of Prisons Alan Marsh said: \"This prison has been of concern for many "
         "years and the decline has accelerated in the past 18 months.\""),
        "Response",
        "HM Prison and Probation Service said it would publish an action plan within 28 days.",
        ("A spokesperson said: \"We are already taking action to improve safety, including extra "
         "staff and new drug scanners.\"")]
    assert page == PageFacts(headline="Jail needs urgent action, inspectors say",
                             outlet="BBC News",
                             url="https://www.bbc.co.uk/news/articles/c0example1o",
                             published="2024-09-12")


def test_a_local_papers_page_loses_its_advert_labels_cookie_banner_and_share_bar():
    text, page = read_page(LOCAL_PAPER)
    assert "Hide Ad" not in text and "cookies" not in text and "Share on" not in text
    assert "Most read" not in text and "Midshire Media" not in text
    assert paragraphs(text)[0].startswith("Hollybank Primary School has been rated ‘requires")
    assert "READ MORE: Nearby academy praised for its ‘outstanding’ early years" in paragraphs(text)
    assert paragraphs(text)[-1] == "The school was last inspected in 2018, when it was rated good."
    assert page == PageFacts(
        headline="Hollybank school told it must improve by Ofsted", outlet="Midshire Gazette",
        url="https://www.midshiregazette.co.uk/news/education/hollybank-school-ofsted-4051234",
        published="2023-03-02")
    kinds = {p.text[:10]: p.kind for p in parse_source(text).paragraphs}
    assert kinds["READ MORE:"] is ParagraphKind.ASIDE


def test_a_press_release_keeps_its_lists_as_items_marked_with_a_dash():
    text, page = read_page(PRESS_RELEASE)
    assert paragraphs(text) == [
        "North-west probation rated ‘Requires improvement’",
        ("An inspection by HM Inspectorate of Standards has found that the North West Probation "
         "Region needs to improve the way it manages people on probation."),
        "Inspectors found the following strengths:",
        "- Staff were motivated and committed to their work.",
        "- Partnerships with local councils were strong.",
        "However, inspectors also found:",
        "- Caseloads were too high in most teams.",
        "- Risk assessments were not completed on time in over a third of cases.",
        "- Work to keep children safe was not good enough.",
        ("Chief Inspector Dana Price said: “Staff are working hard, but the region must act "
         "quickly to reduce caseloads and improve its risk assessments.”")]
    assert [p.kind for p in parse_source(text).paragraphs].count(ParagraphKind.LIST_ITEM) == 5
    assert page.outlet == "HM Inspectorate of Standards"
    assert page.published == "2025-04-29"


def test_facts_given_only_in_json_ld_are_read_and_no_date_is_taken_from_the_text():
    text, page = read_page(JSON_LD_ONLY)
    assert len(paragraphs(text)) == 4
    assert page == PageFacts(
        headline="Care home placed in special measures after damning inspection",
        outlet="The Northern Post", url=None, published="2022-11-08")
    undated = JSON_LD_ONLY.replace('"datePublished": "2022-11-08T07:00:00Z", ', "").replace(
        '"dateModified": "2022-12-09T10:15:00Z",', "")
    assert read_page(undated)[1].published is None


def test_a_page_is_read_without_the_network(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("reading a saved page must not open a connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    path = tmp_path / "page.html"
    path.write_text(BROADCASTER, encoding="utf-8")
    assert read_source(path, LIMIT).page.outlet == "BBC News"


@pytest.mark.parametrize("page", ["<html><body></body></html>", "<p>", "<html>\x01</html>",
                                  "<html><body><p>   </p><script>x = 1</script></body></html>"])
def test_a_page_without_text_gives_no_paragraphs_and_no_facts(page):
    assert read_page(page) == ("", PageFacts())


def test_a_broadcasters_page_drafts_a_briefing_that_passes_the_checks(tmp_path, config_for):
    (tmp_path / "docs").mkdir()
    project = Project(config_for(tmp_path, tmp_path / "docs", tmp_path / "site"))
    path = tmp_path / "Jail needs urgent action, inspectors say - BBC News.html"
    path.write_text(BROADCASTER, encoding="utf-8")
    result = run_new(project, "thornbury-prison", path, force=False)
    folder = tmp_path / "docs" / "thornbury-prison"
    assert result.folder == folder
    assert (folder / "source.txt").read_text(encoding="utf-8") == read_page(BROADCASTER)[0]
    metadata = (folder / "briefing.yml").read_text(encoding="utf-8")
    for line in ("  outlet: BBC News", "  headline: Jail needs urgent action, inspectors say",
                 "  url: https://www.bbc.co.uk/news/articles/c0example1o",
                 "  published: '2024-09-12'", "  name: HMP Thornbury",
                 "  name: HM Inspectorate of Prisons"):
        assert line in metadata.splitlines()
    assert "Response HM" not in metadata
    assert result.notes == ("reduced a web page (HTML) to the text of its article",)


def test_every_page_here_drafts_cleanly(tmp_path, config_for):
    (tmp_path / "docs").mkdir()
    project = Project(config_for(tmp_path, tmp_path / "docs", tmp_path / "site"))
    for number, page in enumerate([LOCAL_PAPER, PRESS_RELEASE, JSON_LD_ONLY]):
        path = tmp_path / f"page-{number}.html"
        path.write_text(page, encoding="utf-8")
        assert run_new(project, f"page-{number}", path, force=False).folder.is_dir()

