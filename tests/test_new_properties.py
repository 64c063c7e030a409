"""`build.py new` on input of any shape: a clean refusal or a draft that passes the checks.

Whatever the file holds (any characters, control characters, quote marks, brackets, numbers,
lists, very long lines, one line only, bytes in no encoding, or something like a web page),
`run_new` either refuses it with an `IntakeError` saying why, or writes a briefing whose
draft passes every check a build runs. Anything else, a traceback or a draft the checks
reject, is a bug. Texts are generated from the words and marks articles are made of, and
from any characters at all.

Derandomised, no example database: the same examples on every run and on CI.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from briefing.commands.new import run_new
from briefing.inputs.intake import IntakeError
from briefing.pipeline import load_site
from briefing.project import Project
from shared_texts import CORPUS, SEED

PROPERTY = settings(max_examples=150, derandomize=True, database=None, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

LABEL_THEN_ORGANISATION = (
    "Reaction\n\nKent Police said it accepted the findings and had already acted.\n\n"
    "Inspectors from HM Inspectorate of Constabulary visited the force in May.\n")
"""A one-word label before a paragraph that opens with an organisation's name: the names
of the two must not run together (this crashed `new`)."""

ARTICLE_WORDS = [
    "Kent", "Police", "County", "Council", "Council’s", "children’s", "services", "NHS",
    "Foundation", "Trust", "HM", "Inspectorate", "of", "Prisons", "Probation", "Ofsted",
    "Estyn", "CQC", "(CQC)", "HMICFRS", "HMP", "School", "Care", "Home", "Commission", "the",
    "The", "a", "report", "found", "inspectors", "Inspectors", "were", "was", "not", "good",
    "inadequate", "‘requires", "improvement’", "Mr", "Mrs", "Dr", "Smith", "Smith,", "Jones",
    "chief", "inspector,", "Chief", "Inspector", "said", "said:", "says", "added:", "told",
    "the", "BBC:", "he", "she", "said.", "However,", "But", "READ", "MORE:", "Published",
    "Share", "Hide", "Ad", "Related", "topics:", "2021", "67%", "£3.2m", "12", "May", "1.",
]
MARKS = ["\"", "“", "”", "‘", "’", "'", "«", "»", "(", ")", "[", "]", "{", "}", "...", "[...]",
         "…", "-", "–", "—", "•", "*", "&", ":", ";", ",", ".", "?", "!", "/", "#", "<", ">"]
SEPARATORS = [" ", " ", " ", " ", "  ", "\t", "\u00a0", "\u200b", ""]
LINE_BREAKS = ["\n", "\n", "\n\n", "\n\n", "\r\n", "\r\n\r\n", "\r", "\n\n\n", "\n \n", "\f"]

CONTROL_CHARACTERS = ["\x01", "\x08", "\x0b", "\x1b", "\x7f", "\x85", "\u2028", "\u2029",
                      "\ufffe", "\ufeff", "\u202e"]

printable = st.text(st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=12)


@st.composite
def words(draw) -> str:
    """Mostly a word of articles; else one of their marks, any printable characters, and
    now and then a control character (a file full of them is not text, and is refused)."""
    kind = draw(st.integers(0, 39))
    if kind == 0:
        return draw(st.sampled_from(CONTROL_CHARACTERS))
    if kind <= 4:
        return draw(printable)
    if kind <= 10:
        return draw(st.sampled_from(MARKS))
    return draw(st.sampled_from(ARTICLE_WORDS))


@st.composite
def lines(draw) -> str:
    """A line of words and marks, sometimes a list item, now and then very long."""
    parts = draw(st.lists(st.tuples(words(), st.sampled_from(SEPARATORS)), min_size=1,
                          max_size=30))
    line = "".join(word + separator for word, separator in parts)
    if draw(st.integers(0, 9)) == 0:
        line = draw(st.sampled_from(["- ", "• ", "1. ", "  * ", "– "])) + line
    if draw(st.integers(0, 19)) == 0:
        line *= draw(st.integers(10, 40))
    return line


ARTICLES = [path.read_text(encoding="utf-8") for path in
            sorted(CORPUS.glob("*/source.txt")) + [SEED]]
"""Real articles (the whole samples corpus and the seed), to be cut, spliced and re-marked:
the shapes drafting rules look for."""


@st.composite
def mangled_articles(draw) -> str:
    """A real article with a few spans cut out or replaced, or its line breaks changed."""
    text = draw(st.sampled_from(ARTICLES))
    for _ in range(draw(st.integers(1, 6))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 200)))
        insert = draw(st.one_of(st.just(""), words(), lines(), st.sampled_from(LINE_BREAKS)))
        text = text[:start] + insert + text[end:]
    if draw(st.integers(0, 3)) == 0:
        text = text.replace("\n\n", draw(st.sampled_from(["\n", " ", "\n\n\n", "\r\n"])))
    return text


@st.composite
def texts(draw) -> str:
    """Lines joined by line breaks of every kind; a real article mangled; or any characters."""
    kind = draw(st.integers(0, 7))
    if kind == 0:
        return draw(st.text(min_size=1, max_size=400))
    if kind <= 2:
        return draw(mangled_articles())
    body = draw(st.lists(st.tuples(lines(), st.sampled_from(LINE_BREAKS)), min_size=1,
                         max_size=12))
    return "".join(line + line_break for line, line_break in body)


TAGS = [
    "<p>", "</p>", "<p class=\"intro\">", "<div>", "</div>", "<article>", "</article>", "<h1>",
    "</h1>", "<h2>", "</h2>", "<ul>", "</ul>", "<ol>", "<li>", "</li>", "<table><tr><td>",
    "</td><td>", "</tr></table>", "<br>", "<br/>", "<blockquote>", "</blockquote>", "<b>",
    "</b>", "<a href=\"/x\">", "</a>", "<span>", "</span>", "<figure><figcaption>",
    "</figcaption></figure>", "<nav>", "</nav>", "<footer>", "<button>", "</button>",
    "<script>", "</script>", "<style>", "</style>", "<!--", "-->", "<![CDATA[", "]]>",
    "<title>", "</title>", "<meta property=\"og:site_name\" content=\"",
    "<meta property=\"og:title\" content=\"",
    "<meta property=\"article:published_time\" content=\"",
    "<meta property=\"og:url\" content=\"", "<link rel=\"canonical\" href=\"",
    "https://example.com/news/", "\">", "<script type=\"application/ld+json\">",
    "{\"@type\": \"NewsArticle\", \"headline\": \"", "\", \"datePublished\": \"2021-06-10\"}",
    "&amp;", "&nbsp;", "&ldquo;", "&#0;", "&#1;", "&#x1F600;", "&#xD800;", "&#99999999;",
    "&bogus;", "&", "<", ">", "<?xml version=\"1.0\" encoding=\"utf-8\"?>", "<",
    "<html", "<body>", "</body>", "</html>", "<head>", "</head>", "<p <p>", "<svg><text>",
]
PAGE_OPENINGS = ["<html><body>", "<!DOCTYPE html>\n<html>", "<p>", "<div>", "<article>",
                 "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<html>", "<HTML><BODY>",
                 "\ufeff<!doctype html>"]


BLOCK_TAGS = ["<p>", "<p>", "<p>", "<li>", "<h1>", "<h2>", "<blockquote>", "<td>", "<div>",
              "<figcaption>", "<article><p>", "<title>", ""]


@st.composite
def blocks(draw) -> str:
    """A block of a page: a line of text in a tag, closed or not."""
    tag = draw(st.sampled_from(BLOCK_TAGS))
    closing = tag.replace("<", "</")[:tag.find(">") + 2] if tag else ""
    return tag + draw(lines()) + draw(st.sampled_from([closing, closing, ""]))


@st.composite
def pages(draw) -> str:
    """Something like a saved web page: blocks of text among tags and entities in any order."""
    parts = draw(st.lists(st.one_of(blocks(), blocks(), st.sampled_from(TAGS)), max_size=40))
    return draw(st.sampled_from(PAGE_OPENINGS)) + "".join(parts)


@st.composite
def files(draw) -> bytes:
    """A file's bytes: a text or page in UTF-8 (most often), UTF-16 or Windows-1252; or any
    bytes at all."""
    kind = draw(st.integers(0, 9))
    if kind == 0:
        return draw(st.binary(min_size=0, max_size=300))
    text = draw(pages() if kind <= 4 else texts())
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-16", "cp1252"]))
    return text.encode(encoding, errors="replace" if encoding == "cp1252" else "surrogatepass")


def drafts_cleanly_or_is_refused(config_for, data: bytes) -> None:
    """Run `new` on a file of `data`; fail on anything but an `IntakeError` or a good draft."""
    with tempfile.TemporaryDirectory(prefix="new-property-") as scratch:
        root = Path(scratch)
        (root / "docs").mkdir()
        project = Project(config_for(root, root / "docs", root / "site"))
        source = root / "article.txt"
        source.write_bytes(data)
        try:
            result = run_new(project, "fuzzed", source, force=False)
        except IntakeError as refusal:
            event(f"refused: {str(refusal).split(': ', 1)[1][:40]}")
            return
        event("drafted")
        assert [b.slug for b in load_site(root / "docs")] == ["fuzzed"]
        assert (result.folder / "source.txt").read_text(encoding="utf-8").strip()


@PROPERTY
@given(files())
@example(LABEL_THEN_ORGANISATION.encode("utf-8"))
@example(b"Reaction\nKent Police said it accepted the findings.\nIt was inspected in May.\n")
@example(b"<html><body><h2>Reaction</h2><p>Kent Police said it accepted the findings.</p>")
def test_new_drafts_any_file_cleanly_or_refuses_it(config_for, data):
    drafts_cleanly_or_is_refused(config_for, data)


@PROPERTY
@given(texts())
def test_new_drafts_any_text_cleanly_or_refuses_it(config_for, text):
    drafts_cleanly_or_is_refused(config_for, text.encode("utf-8", errors="surrogatepass"))


@PROPERTY
@given(pages())
def test_new_drafts_any_page_cleanly_or_refuses_it(config_for, page):
    drafts_cleanly_or_is_refused(config_for, page.encode("utf-8", errors="surrogatepass"))


@pytest.mark.parametrize("text", [
    LABEL_THEN_ORGANISATION,
    "Reaction\nKent Police said it accepted the findings.\nIt was inspected in May.\n",
    ("Update  \n\n  Kent  Police   said\tit accepted the  findings of HM  Inspectorate of "
     "Constabulary.\n"),
])
def test_a_label_before_an_organisation_drafts_the_organisation_alone(config_for, tmp_path,
                                                                       text):
    (tmp_path / "docs").mkdir()
    project = Project(config_for(tmp_path, tmp_path / "docs", tmp_path / "site"))
    source = tmp_path / "article.txt"
    source.write_text(text, encoding="utf-8")
    run_new(project, "label", source, force=False)
    metadata = (tmp_path / "docs" / "label" / "briefing.yml").read_text(encoding="utf-8")
    assert "Kent Police" in metadata
    assert "Reaction Kent" not in metadata and "Update Kent" not in metadata
