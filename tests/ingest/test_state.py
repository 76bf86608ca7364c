"""Ingest state (in the one state database): duplicates by GUID, URL and content hash, surviving restarts."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from bot.ingest.state import IngestState, Item, ItemStatus, StateStore
from bot.state import StateDB


def store_at(path: Path) -> StateStore:
    return StateStore(StateDB(path).ingest)


def test_duplicates_by_guid_url_and_hash_survive_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "data" / "state.sqlite3"
    first = store_at(path)
    item = Item(ItemStatus.INGESTED, "news", "guid-1", "https://Ex.test/a?utm_source=rss", "h1", "doc-a")
    assert first.record(item, aliases=["https://ex.test/short"])
    again = store_at(path)  # a restart: new object on the same file
    assert again.find_duplicate(feed="news", guid="guid-1").doc_id == "doc-a"
    assert again.find_duplicate(url="https://ex.test/a").doc_id == "doc-a"
    assert again.find_duplicate(url="https://ex.test/short#x").doc_id == "doc-a"
    assert again.find_duplicate(content_hash="h1").doc_id == "doc-a"
    assert again.is_duplicate(url="https://ex.test/a?utm_medium=email")
    assert not again.is_duplicate(guid="guid-2", url="https://ex.test/b", content_hash="h2")


def test_guid_is_scoped_to_its_feed(tmp_path: Path) -> None:
    store = store_at(tmp_path / "s.db")
    store.record(Item(ItemStatus.BASELINE, "feed-a", "1", "https://ex.test/1"))
    assert store.is_duplicate(feed="feed-a", guid="1")
    assert not store.is_duplicate(feed="feed-b", guid="1")
    assert store.is_duplicate(guid="1")
    assert not store.record(Item(ItemStatus.FILTERED, "feed-a", "1", "https://ex.test/1"))


def test_seen_but_not_ingested_urls_only_block_their_own_feed(tmp_path: Path) -> None:
    store = store_at(tmp_path / "s.db")
    store.record(Item(ItemStatus.FILTERED, "feed-a", "1", "https://ex.test/1"))
    assert store.is_duplicate(feed="feed-a", url="https://ex.test/1")
    assert not store.is_duplicate(feed="feed-b", url="https://ex.test/1")
    assert not store.is_duplicate(url="https://ex.test/1")  # a manual add of that URL is allowed


def test_wal_mode_and_stored_fields(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    store = store_at(path)
    when = datetime(2024, 3, 1, 8, 0, tzinfo=UTC)
    item = Item(ItemStatus.INGESTED, url="https://ex.test/x", content_hash="h", doc_id="d", published=when)
    store.record(item)
    found = store.find_duplicate(content_hash="h")
    assert found.published == when and found.status is ItemStatus.INGESTED
    assert found.first_seen is not None and found.first_seen.tzinfo is not None
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


async def test_async_face_and_feed_bookkeeping(tmp_path: Path) -> None:
    state = IngestState(StateDB(tmp_path / "s.db").ingest)
    when = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)
    assert not await state.feed_known("news")
    await state.mark_feed_polled("news", "https://ex.test/feed", when)
    assert await IngestState(StateDB(tmp_path / "s.db").ingest).feed_known("news")
    assert await state.last_polled("news") == when
    await state.record(Item(ItemStatus.INGESTED, "", None, "https://ex.test/p", "hh", "doc-p"))
    assert (await state.find_duplicate(url="https://ex.test/p")).doc_id == "doc-p"
    assert await state.is_duplicate(content_hash="hh")
