"""Extraction of HTML, PDF, plain text and Markdown."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from bot.ingest.errors import ExtractError
from bot.ingest.extract import extract
from bot.ingest.extract_html import fragment_text
from bot.ingest.extract_pdf import reflow
from tests.ingest.helpers import PDF_PARAGRAPHS, make_pdf
from tests.ingest.measure_extractors import measure

FIXTURES = Path(__file__).parent / "fixtures"
GOLD = json.loads((FIXTURES / "articles.json").read_text())


def assert_paragraph_layout(text: str) -> None:
    assert text == text.strip()
    assert "\n\n\n" not in text
    for block in text.split("\n\n"):
        assert block.strip() == block and block


@pytest.mark.parametrize("page", sorted(GOLD))
def test_article_main_text_without_boilerplate(page: str) -> None:
    gold = GOLD[page]
    got = extract((FIXTURES / page).read_bytes(), "text/html", url=f"https://site.test/{page}")
    flat = " ".join(got.text.split())
    assert got.title == gold["title"]
    assert got.published == date.fromisoformat(gold["date"])
    assert [s for s in gold["expected"] if s not in flat] == []
    assert [s for s in gold["boilerplate"] if s in flat] == []
    assert_paragraph_layout(got.text)
    assert len(got.text.split("\n\n")) >= len(gold["expected"]) - 2


def test_canonical_url_comes_from_the_page() -> None:
    got = extract((FIXTURES / "article_news.html").read_bytes(), "text/html", url="https://ledger.example/x")
    assert got.canonical_url == "https://ledger.example/world/2024/03/arms-control-talks-geneva"


def test_chosen_extractor_beats_the_alternative() -> None:
    results = measure()
    ours = results["trafilatura (chosen, default settings)"]
    assert ours["recall"] == 1.0 and ours["leak"] == 0.0
    assert ours["recall"] >= results["jusText 3 (English stoplist)"]["recall"]


def test_title_falls_back_to_heading_then_filename() -> None:
    html = b"<html><body><article><h1>Heading Title</h1>" + b"<p>" + b"Body text of the page. " * 20 + b"</p>"
    assert extract(html + b"</article></body></html>", "text/html").title == "Heading Title"


def test_pdf_text_and_title_from_metadata() -> None:
    got = extract(make_pdf(PDF_PARAGRAPHS, title="Verification Primer"), "application/pdf", filename="x.pdf")
    assert got.title == "Verification Primer"
    assert got.text.split("\n\n") == [
        "The verification regime relies on data exchanges and on-site inspections carried out by trained "
        "teams from both parties to the agreement.",
        "A second paragraph explains the advance notification of missile tests, which reduces the risk of "
        "misunderstanding in a crisis.",
    ]


def test_pdf_title_from_filename_when_metadata_has_none() -> None:
    got = extract(make_pdf(PDF_PARAGRAPHS), "application/pdf", filename="nuclear_posture-review.pdf")
    assert got.title == "nuclear posture review"


def test_broken_pdf_is_a_clear_error() -> None:
    with pytest.raises(ExtractError, match="is not a PDF file"):
        extract(b"hello", "application/pdf", filename="fake.pdf")
    with pytest.raises(ExtractError, match="could not be read as a PDF"):
        extract(b"%PDF-1.4 garbage", "application/pdf", filename="bad.pdf")


def test_reflow_joins_wrapped_lines_and_dehyphenates() -> None:
    lines = ["A long line that wraps onto the next line in the verifi-", "cation section of the text.", ""]
    lines.append("Next.")
    joined = "A long line that wraps onto the next line in the verification section of the text."
    assert reflow(lines) == [joined, "Next."]


def test_plain_text_is_kept_as_is_with_normalised_paragraphs() -> None:
    data = b"First line\nsame paragraph.\r\n\r\n\r\n  Second paragraph.  \n"
    got = extract(data, "text/plain", filename="a.txt")
    assert got.text == "First line\nsame paragraph.\n\n  Second paragraph."
    assert got.title == "a"


def test_text_must_be_utf8() -> None:
    with pytest.raises(ExtractError, match=r"notes.txt is not valid UTF-8 text \(bad byte at position 3\)"):
        extract("Caf\xe9 menu".encode("latin-1"), "text/plain", filename="notes.txt")


def test_declared_charset_is_honoured() -> None:
    assert extract("Caf\xe9".encode("latin-1"), "text/plain", charset="iso-8859-1").text == "Caf\xe9"


def test_markdown_front_matter_and_heading() -> None:
    md = b"---\ntitle: From Front Matter\n---\n# Heading\n\nBody paragraph.\n"
    assert extract(md, "text/markdown", filename="n.md").title == "From Front Matter"
    got = extract(b"# The Heading\n\nBody.\n\n- a\n- b\n", "text/markdown", filename="n.md")
    assert got.title == "The Heading"
    assert got.text == "# The Heading\n\nBody.\n\n- a\n- b"


def test_feed_and_unknown_types_are_refused() -> None:
    with pytest.raises(ExtractError, match="is a news feed, not an article"):
        extract(b"<rss/>", "application/rss+xml", url="https://x.test/feed")
    with pytest.raises(ExtractError, match="image/png, which cannot be turned into text"):
        extract(b"\x89PNG", "image/png", url="https://x.test/a.png")


def test_fragment_text_makes_paragraphs() -> None:
    html = "<p>One <b>bold</b> claim.</p><p>Two<br>lines.</p><script>x()</script>"
    assert fragment_text(html) == "One bold claim.\n\nTwo\nlines."
    assert re.fullmatch(r"plain", fragment_text("plain"))


@pytest.mark.parametrize("html", [b"", b"<html><body></body></html>", b"<nav><a href='/'>Home</a></nav>"])
def test_page_without_main_text_is_a_clear_error(html: bytes) -> None:
    with pytest.raises(ExtractError, match="^no readable main text was found in https://x.test/p$"):
        extract(html, "text/html", url="https://x.test/p")
