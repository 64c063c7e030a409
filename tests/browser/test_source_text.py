"""The Source page shows the source's text exactly: marking a passage adds nothing a reader sees.

Each paragraph's rendered text (`innerText`, what a reader sees and copies) must be the
paragraph as `parse_source` reads it, character for character. Padding or a margin at the sides
of a `mark`, or a seam where two marks touch, would show a space the source does not have
("heard, to ␣better", "offenders ␣.") without changing the text at all, so the marks' boxes
are measured too: each must be exactly as wide as its text, on screen in light and dark and in
print. The Kent briefing has passages that touch and that end before punctuation.
"""

from __future__ import annotations

import pytest

from briefing.inputs.source import parse_source

from .support import CUMBRIA, KENT

RENDERED = """() => Array.from(document.querySelectorAll('li.source-paragraph'), li => {
  const text = li.querySelector('.paragraph-text');
  const marker = text.querySelector('.list-marker');
  return {id: li.id, text: text.innerText, marker: marker ? marker.innerText : '',
          transform: getComputedStyle(text).textTransform};
})"""

MARKS = """() => Array.from(document.querySelectorAll('li.source-paragraph mark'), mark => {
  const style = getComputedStyle(mark);
  const sides = ['padding-left', 'padding-right', 'margin-left', 'margin-right',
                 'border-left-width', 'border-right-width'];
  const range = document.createRange();
  range.selectNodeContents(mark);
  const width = rects => Array.from(rects).reduce((sum, r) => sum + r.width, 0);
  const pseudo = where => getComputedStyle(mark, where).content;
  return {text: mark.textContent,
          sides: Object.fromEntries(sides.map(side => [side, style.getPropertyValue(side)])),
          before: pseudo('::before'), after: pseudo('::after'),
          extra: width(mark.getClientRects()) - width(range.getClientRects()),
          // Two touching marks are one seam unless they mark different kinds of citing item.
          touchesMark: !!(mark.nextSibling && mark.nextSibling.nodeName === 'MARK'
                          && mark.nextSibling.className === mark.className)};
})"""

VIEWS = {"light": {"media": "screen", "color_scheme": "light"},
         "dark": {"media": "screen", "color_scheme": "dark"},
         "print": {"media": "print", "color_scheme": "light"}}


@pytest.fixture(params=[CUMBRIA, KENT])
def source_page(request, default_site, two_briefing_site):
    """(site, slug) of each briefing's Source page: the default site's, and the Kent one."""
    site = default_site if request.param == CUMBRIA else two_briefing_site
    return site, request.param


def paragraphs_of(site, slug: str) -> dict[str, str]:
    source = parse_source((site.docs / slug / "source.txt").read_text(encoding="utf-8"))
    return {p.anchor: p.text for p in source.paragraphs}


@pytest.mark.parametrize("view", VIEWS)
def test_each_paragraph_reads_exactly_as_the_source(source_page, context, view):
    site, slug = source_page
    page = context.new_page()
    page.emulate_media(**VIEWS[view])
    page.goto(site.uri(f"{slug}/source.html"))
    rendered = page.evaluate(RENDERED)
    expected = paragraphs_of(site, slug)
    assert [r["id"] for r in rendered] == list(expected)
    for r in rendered:
        text = r["text"].removeprefix(r["marker"]) if r["marker"] else r["text"]
        assert r["transform"] == "none", f"{slug} {r['id']}: restyled as {r['transform']}"
        assert text == expected[r["id"]], f"{slug} {r['id']} ({view})"


@pytest.mark.parametrize("view", VIEWS)
def test_no_mark_is_wider_than_its_text(source_page, context, view):
    site, slug = source_page
    page = context.new_page()
    page.emulate_media(**VIEWS[view])
    page.goto(site.uri(f"{slug}/source.html"))
    marks = page.evaluate(MARKS)
    assert marks, f"{slug}: no marked passage to measure"
    for mark in marks:
        where = f"{slug} ({view}) mark {mark['text'][:40]!r}"
        assert set(mark["sides"].values()) == {"0px"}, (where, mark["sides"])
        assert (mark["before"], mark["after"]) == ("none", "none"), where
        assert abs(mark["extra"]) < 0.5, (where, mark["extra"])
        assert not mark["touchesMark"], f"{where}: touches a mark of its kind, showing a seam"
