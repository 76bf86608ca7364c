"""Extraction with a time cap: large pages and every PDF are extracted in a child process that can be stopped."""

from __future__ import annotations

import pytest

from bot.ingest.bounded import IN_PROCESS_BYTES, extract_within
from bot.ingest.errors import ExtractError
from bot.ingest.extract import MAX_HTML_BYTES
from tests.ingest.helpers import PDF_PARAGRAPHS, make_pdf

PARAGRAPH = b"<p>The alliance agreed new measures on maritime security and cyber defence in the region.</p>\n"


def page(size: int) -> bytes:
    body = PARAGRAPH * (size // len(PARAGRAPH))
    return b"<html><head><title>T</title></head><body><article><div>" + body + b"</div></article></body></html>"


def test_a_pdf_is_extracted_in_a_child_process() -> None:
    result = extract_within(make_pdf(PDF_PARAGRAPHS, title="Arms control"), "application/pdf", filename="a.pdf")
    assert result.title == "Arms control" and result.text


def test_a_broken_pdf_is_still_a_clear_error() -> None:
    with pytest.raises(ExtractError, match=r"b\.pdf could not be read as a PDF"):
        extract_within(b"%PDF-1.4 broken", "application/pdf", filename="b.pdf")


def test_a_large_page_within_the_cap_is_extracted() -> None:
    result = extract_within(page(IN_PROCESS_BYTES * 3), "text/html", url="https://news.example/a")
    assert "maritime security" in result.text


def test_extraction_past_the_time_cap_is_stopped_with_a_clear_error() -> None:
    slow = page(MAX_HTML_BYTES - 50_000)  # ~1.8 s of trafilatura on this machine, and a child to start
    with pytest.raises(ExtractError, match=r"https://news\.example/big took over 0.3 s to extract"):
        extract_within(slow, "text/html", url="https://news.example/big", seconds=0.3)
