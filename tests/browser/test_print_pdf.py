"""Printed: Chromium's PDF of a briefing's one-page view holds every finding and concern, and
the source with its paragraph numbers.

The PDF is read back with poppler's pdftotext. Text is compared with white space runs as one
space, hyphens dropped (a word broken across lines and the same word whole read alike),
compatibility characters unfolded (ligatures) and case folded (the theme sets some headings
in capitals).
"""

from __future__ import annotations

import re
import subprocess
import unicodedata

import pytest

from briefing.inputs.source import parse_source

from .support import CUMBRIA, KENT


@pytest.fixture(scope="module", params=[CUMBRIA, KENT])
def printed(request, browser, two_briefing_site, pdftotext, tmp_path_factory):
    """(slug, text of the PDF in reading order, text of the PDF as laid out) of the briefing's
    print view (<slug>/print.html, or the single-file export) printed by Chromium."""
    slug = request.param
    pdf = tmp_path_factory.mktemp("print") / f"{slug}.pdf"
    context = browser.new_context()
    page = context.new_page()
    page.goto(two_briefing_site.uri(two_briefing_site.print_view(slug)))
    page.pdf(path=str(pdf), format="A4")
    context.close()
    texts = []
    for layout in ([], ["-layout"]):
        done = subprocess.run([pdftotext, "-enc", "UTF-8", *layout, str(pdf), "-"],
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        texts.append(done.stdout)
    return slug, *texts


def comparable(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    text = text.translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"}))
    return " ".join(text.replace("-", "").split()).casefold()


def test_every_finding_and_concern_is_printed(printed, two_briefing_site):
    slug, text, _ = printed
    meta = two_briefing_site.briefing_yml(slug)
    points = [point["text"] for point in meta.get("findings", []) + meta.get("concerns", [])]
    assert points
    missing = [point for point in points if comparable(point) not in comparable(text)]
    assert not missing, f"not in the PDF of {slug}: {missing}"


def test_the_source_is_printed_with_its_paragraph_numbers(printed, two_briefing_site):
    # As laid out, because in reading order pdftotext may put a number in the margin after
    # the next one when a paragraph starts a page.
    slug, _, text = printed
    source = (two_briefing_site.docs / slug / "source.txt").read_text(encoding="utf-8")
    printed_words = words_only(text)
    unnumbered = []
    for paragraph in parse_source(source).paragraphs:
        opening = " ".join(words_only(paragraph.text).split()[:6])
        if not re.search(rf"(?<!\d){paragraph.number} {re.escape(opening)}", printed_words):
            unnumbered.append(f"{paragraph.number}: {opening}")
    assert not unnumbered, f"paragraphs not printed after their number: {unnumbered}"


def words_only(text: str) -> str:
    """Letters and digits alone: the number of a paragraph and its opening words read alike
    whatever mark (a list bullet, a quotation mark) stands between them."""
    return " ".join(re.findall(r"\w+", comparable(text)))
