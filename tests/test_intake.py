"""Reading the file given to `build.py new`: encodings, line endings, pasted-web clutter,
saved web pages, and every way a file can be unusable, each with its message."""

from __future__ import annotations

import codecs
import os
import textwrap
import time
from pathlib import Path

import pytest

from briefing.inputs.intake import IntakeError, normalise, read_source, separate_line_paragraphs
from briefing.inputs.source import parse_source

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"

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


def test_page_and_manual_line_breaks_become_line_breaks_and_control_characters_go():
    text, notes = normalise("One.\fTwo.\vThree.\u2028Four.\u2029Five\x1b[0m.\x7f\n")
    assert text == "One.\nTwo.\nThree.\nFour.\n\nFive[0m.\n"
    assert notes == ["converted 1 form feed to a line break",
                     "converted 1 vertical tab to a line break",
                     "converted 1 line separator to a line break",
                     "converted 1 paragraph separator to a blank line",
                     "removed 2 control characters"]


# --- Paragraphs written on single lines ------------------------------------------------------

ARTICLE = [
    "Care home rated inadequate after inspection",
    "By Sam Reed, health reporter",
    ("A care home in Harbourside has been rated inadequate by the Care Quality Commission after "
     "inspectors found that medicines were not managed safely."),
    ("Inspectors said residents were not always treated with dignity, and that staff had not "
     "been trained to support people living with dementia."),
    "Leadership concerns",
    ("The report said: “The provider did not have effective systems to monitor the quality of "
     "care, so the risks to people were not identified or acted on.”"),
    ("In a statement, the owners said they accepted the findings and had appointed a new manager, "
     "who started work last month."),
    "[...]",
]
"""A saved article: headline, byline, paragraphs and a subheading, each on a line of its own."""


def wrapped(paragraphs: list[str], width: int) -> list[str]:
    return [textwrap.fill(paragraph, width) for paragraph in paragraphs]


def test_paragraphs_on_single_lines_get_a_blank_line_between_them_and_a_note(tmp_path):
    path = write(tmp_path, "\n".join(ARTICLE).encode("utf-8") + b"\n")
    intake = read_source(path, LIMIT)
    assert intake.text == "\n\n".join(ARTICLE) + "\n"
    assert intake.notes == ("separated 8 paragraphs written on single lines",)
    assert [p.text for p in parse_source(intake.text).paragraphs] == ARTICLE


@pytest.mark.parametrize("width", [40, 60, 72, 100])
def test_a_paragraph_wrapped_at_a_fixed_width_is_left_as_it_is(width):
    prose = [line for line in ARTICLE if len(line) > 60]
    assert all("\n" in paragraph for paragraph in wrapped(prose, width))
    with_blank_lines = "\n\n".join(wrapped(prose, width)) + "\n"
    assert separate_line_paragraphs(with_blank_lines) == (with_blank_lines, 0)
    without = "\n".join(wrapped(prose, width)) + "\n"
    assert separate_line_paragraphs(without) == (without, 0)


def test_a_wrapped_paragraph_whose_lines_often_end_a_sentence_is_left_as_it_is():
    paragraph = ("The home was inspected in May.\nInspectors found the service was not safe, "
                 "and that\nmedicines were not managed well. Staff were kind,\nbut there were "
                 "not enough of them.\nThe provider was told to act.\n")
    assert separate_line_paragraphs(paragraph) == (paragraph, 0)


def test_in_a_mixed_text_only_the_runs_of_single_line_paragraphs_are_separated():
    one_per_line = "\n".join(ARTICLE[2:5])
    hard_wrapped = wrapped([ARTICLE[5]], 64)[0]
    listed = "Inspectors found:\n- medicines were not managed safely;\n- staff were not trained."
    lead_in = "The owner said:\n“We accept the findings.”"
    hard_wrapped_list = "- delays in some\n  investigations;\n- poor supervision."
    text = "\n\n".join([ARTICLE[0], one_per_line, hard_wrapped, listed, lead_in,
                        hard_wrapped_list]) + "\n"
    separated, count = separate_line_paragraphs(text)
    assert count == 3
    assert separated == text.replace(one_per_line, "\n\n".join(ARTICLE[2:5]))


def test_a_list_item_followed_by_a_paragraph_on_the_next_line_is_ended():
    text = ("The report found:\n- leaders were visible;\n- staff were supported.\n"
            "The school said it was delighted with the report and thanked its staff.\n")
    separated, count = separate_line_paragraphs(text)
    assert separated == text.replace("supported.\n", "supported.\n\n")
    assert count == 4
    assert [p.kind.value for p in parse_source(separated).paragraphs] == [
        "text", "list-item", "list-item", "text"]


@pytest.mark.skipif(not SAMPLES.is_dir(), reason=f"no samples corpus at {SAMPLES}")
def test_the_samples_written_on_single_lines_get_a_paragraph_per_line_and_no_other_changes():
    changed = {}
    for source in sorted(SAMPLES.glob("*/source.txt")):
        text = source.read_text(encoding="utf-8")
        separated, count = separate_line_paragraphs(text)
        if separated != text:
            lines = [line for line in text.splitlines() if line.strip()]
            assert len(parse_source(separated)) == count == len(lines)
            changed[source.parent.name] = count
    assert changed == {"hmp-foston-hall-hmip-justice-gap": 6, "hmp-rochester-hmip-bbc": 16,
                       "probation-service-national-hmi-probation-press-release": 8}


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


# --- Unusable files --------------------------------------------------------------------------

@pytest.mark.parametrize("data, message", [
    (b"", "is empty. Paste the article or report summary into it."),
    (b"\n\n  \t\n\xe2\x80\x8b\n", ("no paragraphs of text were found in it (only white space or "
                                   "invisible characters). Check it is the right file.")),
    (b"<html><body><script>document.write('<p>Hello</p>')</script><img src=a.jpg></body></html>",
     "no paragraphs of text were found in it: the web page holds no article text"),
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


def test_a_list_written_one_item_a_line_ends_at_its_last_item():
    """Items without full stops, then a sentence on the next line: the item ends at its line,
    so the sentence is a paragraph of its own, not a part of the last item."""
    text = ("Inspectors found the wards unsafe.\nStaff were not trained.\nInspectors said:\n"
            "* Safety procedures were underdeveloped\n* Policies were not in place\n"
            "The chief inspector said the findings were serious.\nShe called for action.\n")
    separated, _ = separate_line_paragraphs(text)
    assert "in place\n\nThe chief inspector" in separated
