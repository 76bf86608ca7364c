"""add_url and add_upload end to end against the local test server."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from bot.ingest.context import IngestContext
from bot.ingest.dedupe import content_hash
from bot.ingest.errors import AlreadyIngested, ExtractError, FetchRefused, IngestError, UnsupportedUpload
from bot.ingest.ingest import add_upload, add_url
from bot.ingest.store import read_front_matter
from tests.ingest.conftest import FIXTURES, Site
from tests.ingest.helpers import PDF_PARAGRAPHS, make_pdf

NOW = datetime(2024, 6, 1, 12, 0, 0, tzinfo=UTC)


@pytest.fixture
def fixed_ctx(ctx: IngestContext) -> IngestContext:
    ctx.clock = lambda: NOW
    return ctx


def stored(ctx: IngestContext, doc_id: str) -> tuple[dict, str]:
    path = ctx.knowledge_dir / f"{doc_id}.md"
    return read_front_matter(path), path.read_text(encoding="utf-8").split("---\n", 2)[2]


async def test_add_url_writes_a_document(site: Site, fixed_ctx: IngestContext) -> None:
    url = site.url("/article/news?utm_source=newsletter&utm_medium=email#top")
    got = await add_url(url, ctx=fixed_ctx, added_by="alice", tags=["arms control"])
    meta, body = stored(fixed_ctx, got.doc_id)
    assert got.title == meta["title"] == "Arms control talks resume in Geneva after two-year pause"
    assert got.url == meta["url"] == site.url("/article/news")  # tracking removed; foreign canonical ignored
    assert got.origin == meta["origin"] == "url"
    assert meta["date"] == date(2024, 3, 14)  # the article's own date, not the fetch date
    assert meta["fetched"] == NOW
    assert meta["added_by"] == "alice"
    assert meta["tags"] == ["arms control"]
    assert meta["content_hash"] == content_hash(body)
    assert body.startswith("\nNegotiators from the two largest nuclear powers")
    assert "cookies" not in body and "All rights reserved" not in body
    assert got.doc_id.startswith("arms-control-talks-resume-in-geneva-after-two-year-pause-")


async def test_same_url_or_same_text_is_already_ingested(site: Site, ctx: IngestContext) -> None:
    first = await add_url(site.url("/article/news"), ctx=ctx, added_by="a")
    for again in ["/article/news?utm_campaign=x", "/redirect/article", "/article/news?page=1"]:
        with pytest.raises(AlreadyIngested) as caught:
            await add_url(site.url(again), ctx=ctx, added_by="b")
        assert str(caught.value) == f"already in the knowledge base as {first.doc_id}"
        assert caught.value.doc_id == first.doc_id
    assert len(list(ctx.knowledge_dir.glob("*.md"))) == 1


async def test_refused_url_writes_nothing(ctx: IngestContext) -> None:
    with pytest.raises(FetchRefused, match=r"^refused: 10\.0\.0\.1 is a private address$"):
        await add_url("http://10.0.0.1/admin", ctx=ctx, added_by="a")
    assert not ctx.knowledge_dir.exists()


async def test_add_url_pdf_and_text(site: Site, fixed_ctx: IngestContext) -> None:
    pdf = await add_url(site.url("/doc.pdf"), ctx=fixed_ctx, added_by="a")
    meta, body = stored(fixed_ctx, pdf.doc_id)
    assert meta["title"] == "Verification Primer" and meta["date"] == NOW.date()
    assert "\n\nA second paragraph explains" in body
    text = await add_url(site.url("/notes.txt"), ctx=fixed_ctx, added_by="a")
    assert text.title == "notes"


async def test_feed_url_is_not_an_article(site: Site, ctx: IngestContext) -> None:
    with pytest.raises(IngestError, match="is a news feed, not an article"):
        await add_url(site.url("/feed.rss"), ctx=ctx, added_by="a")


@pytest.mark.parametrize(
    ("filename", "data", "title"),
    [
        ("primer.pdf", make_pdf(PDF_PARAGRAPHS, title="Verification Primer"), "Verification Primer"),
        (
            "brief.html",
            (FIXTURES / "article_brief.html").read_bytes(),
            "Securing Undersea Cables in the Baltic",
        ),  # noqa: E501
        ("notes.md", b"# Meeting notes\n\nWe discussed the treaty.\n", "Meeting notes"),
        ("plain_notes.txt", b"Line one.\n\nLine two.\n", "plain notes"),
    ],
)
def test_uploads_become_documents(fixed_ctx: IngestContext, filename: str, data: bytes, title: str) -> None:
    got = add_upload(filename, data, ctx=fixed_ctx, added_by="carol", tags=("upload-test",))
    meta, body = stored(fixed_ctx, got.doc_id)
    assert meta["title"] == got.title == title
    assert meta["origin"] == "upload" and meta["added_by"] == "carol" and meta["tags"] == ["upload-test"]
    assert meta["url"] == ""
    assert meta["content_hash"] == content_hash(body)
    with pytest.raises(AlreadyIngested, match=f"already in the knowledge base as {got.doc_id}"):
        add_upload(f"copy-{filename}", data, ctx=fixed_ctx, added_by="dave")


def test_uploaded_page_keeps_its_date_and_canonical_url(fixed_ctx: IngestContext) -> None:
    got = add_upload("news.html", (FIXTURES / "article_news.html").read_bytes(), ctx=fixed_ctx, added_by="a")
    meta, _ = stored(fixed_ctx, got.doc_id)
    assert meta["url"] == "https://ledger.example/world/2024/03/arms-control-talks-geneva"
    assert meta["date"] == date(2024, 3, 14)


@pytest.mark.parametrize("filename", ["report.docx", "image.png", "noextension"])
def test_unsupported_uploads_are_refused(ctx: IngestContext, filename: str) -> None:
    with pytest.raises(UnsupportedUpload) as caught:
        add_upload(filename, b"data", ctx=ctx, added_by="a")
    assert str(caught.value) == f"cannot add {filename}: only .html, .md, .pdf, .txt files are supported"


def test_bad_uploads_have_clear_errors(ctx: IngestContext) -> None:
    with pytest.raises(ExtractError, match="notes.txt is not valid UTF-8 text"):
        add_upload("notes.txt", "r\xe9sum\xe9".encode("latin-1"), ctx=ctx, added_by="a")
    with pytest.raises(ExtractError, match="fake.pdf is not a PDF file"):
        add_upload("fake.pdf", b"just text", ctx=ctx, added_by="a")
    with pytest.raises(IngestError, match="over the 200,000-byte limit"):
        add_upload("big.txt", b"x" * 200_001, ctx=ctx, added_by="a")


def test_nothing_is_written_outside_the_knowledge_folder(ctx: IngestContext, tmp_path: Path) -> None:
    add_upload("../../escape.md", b"# Escape attempt\n\nBody.\n", ctx=ctx, added_by="a")
    assert [p.parent for p in tmp_path.rglob("*.md")] == [ctx.knowledge_dir]
