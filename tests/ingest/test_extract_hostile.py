"""Whatever a parser raises on a hostile file, extraction ends in one ExtractError that names the file."""

from __future__ import annotations

import pytest
import trafilatura
from pypdf import PdfReader
from pypdf.errors import PdfReadError

from bot.ingest import extract as extract_module
from bot.ingest import extract_pdf
from bot.ingest.errors import ExtractError
from bot.ingest.extract import MAX_HTML_BYTES, extract
from tests.ingest.helpers import PDF_PARAGRAPHS, make_pdf

CRASHES = [
    RecursionError("maximum recursion depth exceeded"),
    AttributeError("'NoneType' object has no attribute 'text'"),
    OverflowError("date value out of range"),
    AssertionError(),
    PdfReadError("Could not read malformed PDF file"),
    ValueError("bad markdown"),
]


def raiser(exc: BaseException):
    def crash(*_args: object, **_kwargs: object):
        raise exc

    return crash


@pytest.mark.parametrize("exc", CRASHES, ids=lambda e: type(e).__name__)
def test_html_extractor_crash_is_an_extract_error(monkeypatch: pytest.MonkeyPatch, exc: BaseException) -> None:
    monkeypatch.setattr(trafilatura, "extract", raiser(exc))
    with pytest.raises(ExtractError, match=rf"page\.html could not be read as text/html \({type(exc).__name__}\)"):
        extract(b"<html><body><p>Text.</p></body></html>", "text/html", filename="page.html")


@pytest.mark.parametrize("exc", CRASHES, ids=lambda e: type(e).__name__)
def test_pdf_metadata_crash_is_an_extract_error(monkeypatch: pytest.MonkeyPatch, exc: BaseException) -> None:
    monkeypatch.setattr(PdfReader, "metadata", property(raiser(exc)))
    with pytest.raises(ExtractError, match=r"brief\.pdf could not be read"):
        extract(make_pdf(PDF_PARAGRAPHS), "application/pdf", filename="brief.pdf")


@pytest.mark.parametrize("exc", CRASHES, ids=lambda e: type(e).__name__)
def test_markdown_crash_is_an_extract_error(monkeypatch: pytest.MonkeyPatch, exc: BaseException) -> None:
    monkeypatch.setattr(extract_module, "paragraphs", raiser(exc))
    with pytest.raises(ExtractError, match=r"notes\.md could not be read as text/markdown"):
        extract(b"# Notes\n\nSome text.", "text/markdown", filename="notes.md")


def test_oversized_html_is_refused_before_the_extractor_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(trafilatura, "extract", raiser(AssertionError("trafilatura must not run")))
    page = b"<html><body>" + b"<p>The alliance agreed new measures.</p>" * (MAX_HTML_BYTES // 30) + b"</body></html>"
    with pytest.raises(ExtractError, match=r"big\.html is \d+\.\d MB of HTML, over the 2 MB"):
        extract(page, "text/html", filename="big.html")


def test_pdf_reader_is_patched_where_the_extractor_uses_it() -> None:
    assert extract_pdf.PdfReader is PdfReader


def test_an_alias_bomb_in_uploaded_markdown_is_not_expanded() -> None:
    from tests.knowledge.test_hostile_files import ALIAS_BOMB

    result = extract(f"---\n{ALIAS_BOMB}\n---\n\n# Notes\n\nSome text.".encode(), "text/markdown", filename="n.md")
    assert "Some text." in result.text
