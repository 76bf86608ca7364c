"""Feeds cog: the first poll ingests recent items from the test server's RSS feed and !ask answers from them."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.config import Config
from bot.config.sources import Feed
from tests.exts.helpers import command, eventually, living_config, make_bot
from tests.ingest.helpers import FeedItem


@pytest.fixture
def feed_config(config: Config, site) -> Config:
    feeds = [
        Feed(name="bad", url="http://10.0.0.1/feed.rss"),
        Feed(name="test", url=site.url("/feed.rss")),
    ]
    site.rss_items = [
        FeedItem("g1", "Harbour chains", "About harbour chains.", site.url("/story/harbour-chains"), 2),
        FeedItem("g0", "Ancient item", "Too old to count.", site.url("/story/ancient"), 24 * 30),
    ]
    return living_config(config, feeds=feeds)


async def test_first_poll_ingests_recent_items_and_ask_answers(
    fake_discord, run_bot, feed_config: Config, knowledge: Path, tmp_path: Path, site, caplog
) -> None:
    with caplog.at_level(logging.INFO):
        bot = await run_bot(make_bot(feed_config, knowledge, tmp_path / "data"))
        await eventually(lambda: any(d.meta.get("origin") == "feed:test" for d in bot.engine.kb.documents))
    ingested = [d for d in bot.engine.kb.documents if d.meta.get("origin") == "feed:test"]
    assert [d.title for d in ingested] == ["Harbour chains"]  # the month-old item is only recorded
    assert "/story/ancient" not in site.requests
    assert any("feed bad: poll failed" in r.getMessage() and "refused" in r.getMessage() for r in caplog.records)
    assert any(r.getMessage().startswith("feeds: 1 new documents") for r in caplog.records)
    reply = await command(fake_discord, "!ask who declined to comment on the harbour-chains matter")
    assert "harbour-chains matter declined to comment" in reply
    sources = await command(fake_discord, "!sources harbour")
    assert "feed:test" in sources and "added by policybot" in sources
    cog = bot.get_cog("Feeds")
    assert cog.poll.is_running()
    assert await cog.poll_once() == []  # not due again yet; nothing new, nothing crashes
