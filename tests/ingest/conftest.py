"""Fixtures: a local aiohttp server on 127.0.0.1 (random port) and ingest contexts wired to it."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from bot.ingest.context import IngestContext
from bot.ingest.fetch import FetchLimits
from bot.ingest.safeconnect import safe_session
from bot.ingest.state import IngestState
from bot.ingest.urlsafety import Allowlist
from bot.state import StateDB
from tests.ingest.helpers import PDF_PARAGRAPHS, FeedItem, article_html, atom, make_pdf, rss, story_paragraphs

FIXTURES = Path(__file__).parent / "fixtures"
LOCAL = Allowlist.parse(["127.0.0.1"])
SMALL_LIMITS = FetchLimits(max_bytes=200_000, total_seconds=0.5, max_redirects=3)
HTML = "text/html"


@dataclass
class Site:
    """The running test server and the knobs tests turn."""

    base: str
    rss_items: list[FeedItem] = field(default_factory=list)
    atom_items: list[FeedItem] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return f"{self.base}{path}"


def _routes(site: Site, stop: asyncio.Event) -> web.Application:
    app = web.Application()

    async def fixture_page(request: web.Request) -> web.Response:
        name = request.match_info["name"]
        body = (FIXTURES / f"article_{name}.html").read_bytes()
        return web.Response(body=body, content_type=HTML, charset="utf-8")

    async def story(request: web.Request) -> web.Response:
        slug = request.match_info["slug"]
        title = f"The {slug.replace('-', ' ')} story"
        return web.Response(text=article_html(title, story_paragraphs(slug)), content_type=HTML)

    async def oversized(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": HTML})
        await response.prepare(request)
        with contextlib.suppress(ConnectionError):
            for _ in range(64):
                await response.write(b"<p>" + b"x" * 16_000 + b"</p>")
        return response

    async def declared_big(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": HTML, "Content-Length": "5000000"})
        await response.prepare(request)
        with contextlib.suppress(ConnectionError):
            await response.write(b"<p>start</p>")
        return response

    async def slow(request: web.Request) -> web.Response:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), 10)
        return web.Response(text="too late", content_type=HTML)

    def redirect(target: str):
        async def handler(request: web.Request) -> web.Response:
            raise web.HTTPFound(target)

        return handler

    def text(body: str | bytes, content_type: str):
        async def handler(request: web.Request) -> web.Response:
            data = body.encode() if isinstance(body, str) else body
            return web.Response(body=data, content_type=content_type)

        return handler

    async def rss_feed(request: web.Request) -> web.Response:
        return web.Response(text=rss(site.rss_items), content_type="application/rss+xml")

    async def atom_feed(request: web.Request) -> web.Response:
        return web.Response(text=atom(site.atom_items), content_type="application/atom+xml")

    @web.middleware
    async def log_requests(request: web.Request, handler):
        site.requests.append(request.path_qs)
        return await handler(request)

    app.middlewares.append(log_requests)
    app.router.add_get("/article/{name}", fixture_page)
    app.router.add_get("/story/{slug}", story)
    app.router.add_get("/big", oversized)
    app.router.add_get("/big-declared", declared_big)
    app.router.add_get("/slow", slow)
    app.router.add_get("/redirect/private", redirect("http://10.0.0.1/"))
    app.router.add_get("/redirect/metadata", redirect("http://169.254.169.254/latest/meta-data/"))
    app.router.add_get("/redirect/file", redirect("file:///etc/passwd"))
    app.router.add_get("/redirect/loop", redirect("/redirect/loop"))
    app.router.add_get("/redirect/article", redirect("/article/news?utm_source=redirect"))
    app.router.add_get("/binary", text(b"\x00\x01\x02binary", "application/octet-stream"))
    pdf = make_pdf(PDF_PARAGRAPHS, title="Verification Primer")
    app.router.add_get("/doc.pdf", text(pdf, "application/pdf"))
    app.router.add_get("/notes.txt", text("Plain notes.\n\nSecond paragraph of the notes.", "text/plain"))
    app.router.add_get("/feed.rss", rss_feed)
    app.router.add_get("/feed.atom", atom_feed)
    return app


@pytest.fixture
async def site() -> AsyncIterator[Site]:
    stop = asyncio.Event()
    holder = Site(base="")
    server = TestServer(_routes(holder, stop), host="127.0.0.1", port=0)
    await server.start_server()
    holder.base = f"http://127.0.0.1:{server.port}"
    try:
        yield holder
    finally:
        stop.set()
        await server.close()


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with safe_session(LOCAL) as client:
        yield client


@pytest.fixture
def fixed_now() -> datetime:
    return datetime(2024, 6, 1, 12, 0, 0, tzinfo=UTC)


@pytest.fixture
def ctx(tmp_path: Path, session: aiohttp.ClientSession) -> IngestContext:
    return IngestContext(
        session=session,
        state=IngestState(StateDB(tmp_path / "data" / "state.sqlite3").ingest),
        knowledge_dir=tmp_path / "knowledge",
        allow=LOCAL,
        limits=SMALL_LIMITS,
    )
