"""Feed polling: first-run no-flood, keyword filter, dedupe across restarts, summary fallback."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiohttp
import pytest

from bot.ingest.context import IngestContext
from bot.ingest.errors import FetchRefused, IngestError
from bot.ingest.feeds import FeedSource, parse_feed, poll_due, poll_feed
from bot.ingest.state import IngestState, ItemStatus
from bot.ingest.store import read_front_matter
from bot.state import SQLiteState
from tests.ingest.conftest import LOCAL, SMALL_LIMITS, Site
from tests.ingest.helpers import BOILERPLATE, FeedItem, atom, rss

TRACKING = "?utm_source=rss&utm_medium=feed&utm_campaign=daily"


def story(site: Site, slug: str, age_hours: float | None, *, title: str = "", summary: str = "") -> FeedItem:
    return FeedItem(
        guid=f"urn:story:{slug}",
        title=title or f"Story about {slug.replace('-', ' ')}",
        summary=summary or f"<p>Summary of the {slug} story.</p>",
        link=site.url(f"/story/{slug}{TRACKING}"),
        age_hours=age_hours,
    )


def source(site: Site, **fields: object) -> FeedSource:
    return FeedSource(name="wire", url=site.url("/feed.rss"), **fields)


def docs(ctx: IngestContext) -> list[Path]:
    return sorted(ctx.knowledge_dir.glob("*.md")) if ctx.knowledge_dir.exists() else []


def test_parse_rss_and_atom() -> None:
    now = datetime(2024, 6, 1, 12, tzinfo=UTC)
    summary = "<p>New <b>rules</b>.</p><p>Second.</p>"
    # the title is double-escaped, as many real feeds do
    item = FeedItem("urn:test:g-1", "Drone rules &amp; more", summary, "/story/x?utm_source=a", 3)
    for document in (rss([item], now=now), atom([item], now=now)):
        [entry] = parse_feed(document.encode(), "http://feeds.test/path/feed.xml")
        assert entry.guid == "urn:test:g-1"
        assert entry.url == "http://feeds.test/story/x?utm_source=a"
        assert entry.title == "Drone rules & more"
        assert entry.summary == "New rules.\n\nSecond."
        assert entry.published == now - timedelta(hours=3)


def test_not_a_feed_is_a_clear_error() -> None:
    with pytest.raises(IngestError, match="is not a valid RSS or Atom feed"):
        parse_feed(b"<html><body>hello</body></html>", "http://feeds.test/feed")


async def test_first_run_does_not_flood(site: Site, ctx: IngestContext) -> None:
    site.rss_items = [
        story(site, "fresh-one", 2),
        story(site, "fresh-two", 20),
        story(site, "old-one", 30),
        story(site, "old-two", 200),
        story(site, "undated", None),
    ]
    first = await poll_feed(source(site), ctx=ctx)
    assert sorted(d.title for d in first) == ["Story about fresh one", "Story about fresh two"]
    assert len(docs(ctx)) == 2
    baseline = await ctx.state.find_duplicate(feed="wire", guid="urn:story:old-two")
    assert baseline.status is ItemStatus.BASELINE and baseline.doc_id is None
    assert await poll_feed(source(site), ctx=ctx) == []
    # unseen after the first run: new whatever its age
    site.rss_items.append(story(site, "late-but-new", 100))
    [late] = await poll_feed(source(site), ctx=ctx)
    assert late.title == "Story about late but new"
    assert len(docs(ctx)) == 3


async def test_stored_feed_document(site: Site, ctx: IngestContext) -> None:
    site.rss_items = [story(site, "cable-cut", 5)]
    [doc] = await poll_feed(source(site), ctx=ctx)
    meta = read_front_matter(ctx.knowledge_dir / f"{doc.doc_id}.md")
    body = (ctx.knowledge_dir / f"{doc.doc_id}.md").read_text().split("---\n", 2)[2]
    assert doc.origin == meta["origin"] == "feed:wire"
    assert doc.url == meta["url"] == site.url("/story/cable-cut")
    assert meta["date"] == (datetime.now(UTC) - timedelta(hours=5)).date()  # the feed's date (page has none)
    assert "This is the opening paragraph of the cable-cut story" in body
    assert [b for b in BOILERPLATE if b in body] == []


async def test_keyword_filter(site: Site, ctx: IngestContext) -> None:
    site.rss_items = [
        story(site, "export-rules", 1, title="New DRONE export rules"),
        story(site, "budget", 1, title="Budget talks", summary="Includes money for drones and radars."),
        story(site, "fishing", 1, title="Fishing quotas agreed"),
    ]
    found = await poll_feed(source(site, keywords=["drone", "satellite"]), ctx=ctx)
    assert sorted(d.title for d in found) == ["Budget talks", "New DRONE export rules"]
    fishing = await ctx.state.find_duplicate(feed="wire", guid="urn:story:fishing")
    assert fishing.status is ItemStatus.FILTERED
    meta = read_front_matter(ctx.knowledge_dir / f"{found[0].doc_id}.md")
    assert meta["tags"] == ["drone"]


async def test_dedupe_survives_a_restart(site: Site, ctx: IngestContext, session: aiohttp.ClientSession) -> None:
    site.rss_items = [story(site, "one", 1), story(site, "two", 1)]
    assert len(await poll_feed(source(site), ctx=ctx)) == 2
    restarted = IngestContext(
        session=session,
        state=IngestState(SQLiteState(ctx.state.store.repo.db.path).ingest),
        knowledge_dir=ctx.knowledge_dir,
        allow=LOCAL,
        limits=SMALL_LIMITS,
    )
    assert await poll_feed(source(site), ctx=restarted) == []
    assert len(docs(restarted)) == 2


async def test_same_article_in_two_feeds_is_stored_once(site: Site, ctx: IngestContext) -> None:
    site.rss_items = [story(site, "shared", 1)]
    site.atom_items = [story(site, "shared", 1)]
    assert len(await poll_feed(source(site), ctx=ctx)) == 1
    atom_source = FeedSource(name="atom", url=site.url("/feed.atom"))
    assert await poll_feed(atom_source, ctx=ctx) == []
    assert len(docs(ctx)) == 1


async def test_refused_page_falls_back_to_the_feed_text(
    site: Site, ctx: IngestContext, caplog: pytest.LogCaptureFixture
) -> None:
    item = story(site, "secret", 1, summary="<p>Officials announced a review of base security.</p>")
    item.link = "http://10.0.0.1/secret-story?utm_source=rss"
    site.rss_items = [item]
    with caplog.at_level(logging.WARNING, logger="bot.ingest.feeds"):
        [doc] = await poll_feed(source(site), ctx=ctx)
    assert "using the feed's own text for http://10.0.0.1/secret-story" in caplog.text
    assert "refused: 10.0.0.1 is a private address" in caplog.text
    path = ctx.knowledge_dir / f"{doc.doc_id}.md"
    assert path.read_text().endswith("\n\nOfficials announced a review of base security.\n")
    assert read_front_matter(path)["url"] == "http://10.0.0.1/secret-story"


async def test_atom_feed(site: Site, ctx: IngestContext) -> None:
    site.atom_items = [story(site, "atom-news", 3)]
    [doc] = await poll_feed(FeedSource(name="atom", url=site.url("/feed.atom")), ctx=ctx)
    assert doc.origin == "feed:atom" and doc.title == "Story about atom news"


async def test_poll_due_respects_the_interval(site: Site, ctx: IngestContext) -> None:
    now = datetime(2030, 1, 1, tzinfo=UTC)
    ctx.clock = lambda: now
    feeds = [source(site, every_minutes=60), FeedSource(name="bad", url="http://169.254.169.254/feed")]
    await poll_due(feeds, ctx=ctx)
    now += timedelta(minutes=30)
    await poll_due(feeds, ctx=ctx)
    assert site.requests.count("/feed.rss") == 1
    now += timedelta(minutes=31)
    await poll_due(feeds, ctx=ctx)
    assert site.requests.count("/feed.rss") == 2
    with pytest.raises(FetchRefused, match="169.254.169.254 is a cloud metadata address"):
        await poll_feed(feeds[1], ctx=ctx)


def test_feed_source_model() -> None:
    parsed = FeedSource.model_validate({"name": "wire", "url": "https://x.test/rss"})
    assert parsed.keywords == [] and parsed.every_minutes == 60
    with pytest.raises(ValueError):
        FeedSource(name="", url="https://x.test/rss")
