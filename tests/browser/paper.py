"""Paper, read back: a page printed by Chromium as its CSS asks, and what poppler finds in the PDF.

`print_to_pdf` prints with the page's own `@page` size (no size is forced, so a page that does
not ask for A4 comes out in Chromium's default, US Letter). `pdf_pages` gives each page's size
and how full it is: how far down its body text reaches, from pdftotext's word boxes, leaving out
the top and bottom 12 mm, where the running title and the page number stand.
"""

from __future__ import annotations

import html
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

A4_POINTS = (595.28, 841.89)
MARGIN_BAND = 12 / 297
"""Text nearer the top or bottom edge than 12 mm (of 297) is the running title or page number."""
WORD = re.compile(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>')


@dataclass(frozen=True)
class PrintedPage:
    number: int
    width: float
    height: float
    fill: float
    """How far down the body text reaches, as a share of the body's height (0 for an empty page)."""
    body: str
    """The words of the body, in order."""
    margins: str
    """The words in the top and bottom margins: the running title, the page number."""

    @property
    def is_a4(self) -> bool:
        return all(abs(got - want) < 2 for got, want in zip((self.width, self.height), A4_POINTS))


def print_to_pdf(browser, url: str, pdf: Path) -> Path:
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    context.close()
    return pdf


def page_count(pdf: Path) -> int:
    """The number of pages poppler's pdfinfo reads in the PDF."""
    done = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return int(re.search(r"^Pages:\s+(\d+)", done.stdout, re.M).group(1))


def pdf_pages(pdftotext: str, pdf: Path) -> list[PrintedPage]:
    done = subprocess.run([pdftotext, "-bbox", str(pdf), "-"], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    pages = []
    for number, page in enumerate(re.findall(r"<page (.*?)</page>", done.stdout, re.S), 1):
        width = float(re.search(r'width="([\d.]+)"', page).group(1))
        height = float(re.search(r'height="([\d.]+)"', page).group(1))
        top, bottom = height * MARGIN_BAND, height * (1 - MARGIN_BAND)
        body, margins, lowest = [], [], None
        for y_min, y_max, word in WORD.findall(page):
            if float(y_min) >= top and float(y_max) <= bottom:
                body.append(word)
                lowest = max(lowest or 0.0, float(y_max))
            else:
                margins.append(word)
        fill = (lowest - top) / (bottom - top) if lowest is not None else 0.0
        pages.append(PrintedPage(number, width, height, fill, " ".join(body), " ".join(margins)))
    return pages


def unescaped(text: str) -> str:
    """pdftotext -bbox writes its words as XHTML: `&amp;` back to `&`, and so on."""
    return html.unescape(text)
