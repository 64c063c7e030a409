"""Reading the file given to `build.py new`: encodings, line endings, pasted-web clutter,
saved web pages, and every way a file can be unusable, each with its message."""

from __future__ import annotations

import codecs
import os
import time
from pathlib import Path

import pytest

from briefing.inputs.intake import IntakeError, normalise, read_source

LIMIT = 5_000_000
TEXT = ("THE Ofsted inspectors’ visit to Wiltshire Council’s children’s services was the third "
        "in as many years – the café’s “naïve” report said.\n\nShe said: “We were extremely "
        "disappointed.”\n")


def write(tmp_path: Path, data: bytes, name: str = "article.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- Encodings -------------------------------------------------------------------------------

@pytest.mark.parametrize("data, encoding", [
    (TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8 with BOM"),
    (TEXT.encode("utf-16"), "utf-16"),
    (TEXT.encode("cp1252"), "cp1252"),
])
def test_the_text_is_read_in_its_encoding_which_is_reported(tmp_path, data, encoding):
    intake = read_source(write(tmp_path, data), LIMIT)
    assert (intake.text, intake.encoding, intake.notes) == (TEXT, encoding, ())


def test_latin_1_text_is_read_correctly(tmp_path):
    text = "Café owners in Sète said the naïve plan was a “façade”.\n".replace(
        "“", '"').replace(
        "”", '"')
    intake = read_source(write(tmp_path, text.encode("latin-1")), LIMIT)
    assert intake.text == text
    assert intake.encoding in ("cp1252", "latin_1", "iso8859_15")


# --- Clean-ups -------------------------------------------------------------------------------

def test_line_endings_become_lf_and_each_change_is_noted(tmp_path):
    data = b"One.\r\n\r\nTwo.\r\rThree.\r\n"
    intake = read_source(write(tmp_path, data), LIMIT)
    assert intake.text == "One.\n\nTwo.\n\nThree.\n"
    assert intake.notes == ("converted 3 CRLF line endings to LF",
                            "converted 2 CR line endings to LF")


def test_web_clutter_is_cleaned_and_each_change_is_noted():
    text, notes = normalise("Zoë\u00a0Billingham said in\u00adspec\u00adtions\u200b were"
                            "\u00a0\u00a0good\u2060.\ufeff\n")
    assert text == "Zoë Billingham said inspections were  good.\n"
    assert notes == ["replaced 3 non-breaking spaces by plain spaces", "removed 2 soft hyphens",
                     "removed 1 zero-width space", "removed 1 word joiner",
                     "removed 1 stray byte-order mark"]


def test_a_clean_text_is_kept_exactly_as_it_is():
    assert normalise("\n\nOne.\n\nTwo.") == ("\n\nOne.\n\nTwo.", [])


# --- Saved web pages -------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><title>Kent: more work needed | KentOnline</title>
<meta property="og:site_name" content="KentOnline">
<meta property="article:published_time" content="2021-06-10T09:00:00+01:00">
<link rel="canonical" href="https://www.kentonline.co.uk/kent/news/more-work-252893/">
<style>p { color: red }</style></head>
<body><nav><p>Home</p><p>News</p></nav><header><p>Sign in</p></header>
<article><h1>Child protection in Kent has improved</h1>
<figure><img src="x.jpg"><figcaption>Zoë Billingham. Picture: HMICFRS</figcaption></figure>
<p>Kent Police have improved the way they keep vulnerable children&nbsp;safe, a report
   has found.</p>
<p>However, inspectors said they were concerned to find:</p>
<ul><li>delays in some investigations;</li><li>poor <b>supervision</b>.</li></ul>
<p>Zo&euml; Billingham, from HMICFRS, said: &ldquo;There is more to do.&rdquo;</p>
<script>document.write("<p>not this</p>")</script>
<aside><p>READ MORE: something else</p></aside></article>
<footer><p>Copyright KM Group</p></footer></body></html>
"""


def test_a_saved_web_page_is_reduced_to_its_article(tmp_path):
    intake = read_source(write(tmp_path, PAGE.encode("utf-8"), "page.html"), LIMIT)
    assert intake.text == (
        "Child protection in Kent has improved\n\n"
        "Kent Police have improved the way they keep vulnerable children safe, a report has "
        "found.\n\n"
        "However, inspectors said they were concerned to find:\n\n"
        "- delays in some investigations;\n\n"
        "- poor supervision.\n\n"
        "Zoë Billingham, from HMICFRS, said: “There is more to do.”")
    assert intake.notes == ("reduced a web page (HTML) to the text of its article",)
    assert intake.page.headline == "Child protection in Kent has improved"
    assert intake.page.outlet == "KentOnline"
    assert intake.page.url == "https://www.kentonline.co.uk/kent/news/more-work-252893/"
    assert intake.page.published == "2021-06-10"


def test_a_page_without_an_article_element_keeps_every_paragraph_outside_navigation(tmp_path):
    page = "<html><body><nav><p>Menu</p></nav><p>First.</p><div><p>Second.</p></div></body></html>"
    intake = read_source(write(tmp_path, page.encode("utf-8"), "page.htm"), LIMIT)
    assert intake.text == "First.\n\nSecond."
    assert intake.page.headline is None


# --- Unusable files --------------------------------------------------------------------------

@pytest.mark.parametrize("data, message", [
    (b"", "is empty. Paste the article or report summary into it."),
    (b"\n\n  \t\n\xe2\x80\x8b\n", ("no paragraphs of text were found in it (only white space or "
                                   "invisible characters). Check it is the right file.")),
    (b"<html><body><nav><p>Menu</p></nav></body></html>",
     "no paragraphs of text were found in it"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00<</Type/Catalog>>",
     "does not look like text (it contains NUL bytes): a PDF, Word document or image?"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "does not look like text (it contains NUL bytes)"),
    (bytes(range(1, 32)) * 50, "does not look like text"),
])
def test_an_unusable_file_is_refused_with_a_message(tmp_path, data, message):
    path = write(tmp_path, data)
    with pytest.raises(IntakeError) as refused:
        read_source(path, LIMIT)
    assert str(refused.value).startswith(f"{path}: ")
    assert message in str(refused.value)


def test_random_bytes_are_not_text(tmp_path):
    path = write(tmp_path, os.urandom(4096).replace(b"\0", b"\1"))
    with pytest.raises(IntakeError, match="does not look like text"):
        read_source(path, LIMIT)


def test_a_missing_file_or_a_folder_is_refused(tmp_path):
    with pytest.raises(IntakeError, match="no such file. Check the path given with --source."):
        read_source(tmp_path / "nowhere.txt", LIMIT)
    with pytest.raises(IntakeError, match="is a folder; give the text file itself."):
        read_source(tmp_path, LIMIT)


def test_a_file_over_the_limit_is_refused(tmp_path):
    path = write(tmp_path, b"x" * 5_000_001)
    with pytest.raises(IntakeError) as refused:
        read_source(path, LIMIT)
    assert str(refused.value) == (
        f"{path}: is 5.0 MB, over the limit of 5 MB. An article or report summary is far "
        "smaller: check it is the right file.")


def test_a_50_mb_file_is_refused_at_once_without_being_read(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(50_000_000)
    opened = []
    monkeypatch.setattr("builtins.open", lambda *args, **kwargs: opened.append(args))
    started = time.perf_counter()
    with pytest.raises(IntakeError, match="is 50.0 MB, over the limit of 5 MB"):
        read_source(path, LIMIT)
    assert time.perf_counter() - started < 0.5
    assert opened == []
