"""Persistent record of ingested and seen items (SQLite, WAL), used for de-duplication across restarts.

:class:`StateStore` is blocking; :class:`IngestState` is its asyncio face (every call runs in a
worker thread via ``asyncio.to_thread``). Each operation opens its own short-lived connection, so
both can be used from any thread.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import ParamSpec, TypeVar

from bot.ingest.dedupe import canonical_url

_P = ParamSpec("_P")
_T = TypeVar("_T")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS items (
    id INTEGER PRIMARY KEY,
    feed TEXT NOT NULL DEFAULT '',
    guid TEXT,
    url TEXT NOT NULL DEFAULT '',
    content_hash TEXT,
    doc_id TEXT,
    status TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    published TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS items_feed_guid ON items(feed, guid) WHERE guid IS NOT NULL;
CREATE INDEX IF NOT EXISTS items_url ON items(url);
CREATE INDEX IF NOT EXISTS items_hash ON items(content_hash);
CREATE TABLE IF NOT EXISTS url_aliases (
    url TEXT NOT NULL,
    item_id INTEGER NOT NULL REFERENCES items(id),
    PRIMARY KEY (url, item_id)
);
CREATE TABLE IF NOT EXISTS feeds (
    name TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    first_polled TEXT NOT NULL,
    last_polled TEXT NOT NULL
);
"""
_COLUMNS = "feed, guid, url, content_hash, doc_id, status, first_seen, published"
_INSERT = f"INSERT OR IGNORE INTO items ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
_URL_MATCH = "(url = ? OR id IN (SELECT item_id FROM url_aliases WHERE url = ?)) AND (doc_id IS NOT NULL OR feed = ?)"


class ItemStatus(StrEnum):
    INGESTED = "ingested"  # stored as a document (doc_id set)
    BASELINE = "baseline"  # on a feed's first poll, older than the cut-off: seen, not ingested
    FILTERED = "filtered"  # did not match the feed's keywords
    DUPLICATE = "duplicate"  # same URL or text already ingested (doc_id points at it)
    FAILED = "failed"  # no usable text could be obtained


@dataclass(frozen=True)
class Item:
    """One row of the state: a feed entry, a URL or an upload."""

    status: ItemStatus
    feed: str = ""
    guid: str | None = None
    url: str = ""
    content_hash: str | None = None
    doc_id: str | None = None
    published: datetime | None = None
    first_seen: datetime | None = None


def _iso(moment: datetime | None) -> str | None:
    return moment.astimezone(UTC).isoformat(timespec="seconds") if moment is not None else None


def _from_iso(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _to_item(row: tuple) -> Item:
    feed, guid, url, chash, doc_id, status, first_seen, published = row
    published_at, first_seen_at = _from_iso(published), _from_iso(first_seen)
    return Item(ItemStatus(status), feed, guid, url, chash, doc_id, published_at, first_seen_at)


class StateStore:
    """Blocking SQLite store at ``path`` (created with its parent folder if missing)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as conn:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.executescript(_SCHEMA)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        with closing(sqlite3.connect(self.path, timeout=10)) as conn, conn:
            yield conn

    def record(self, item: Item, aliases: Iterable[str] = ()) -> bool:
        """Insert ``item`` (URL canonicalised) with extra URLs it is known by; False if its GUID was known."""
        first_seen = _iso(item.first_seen or datetime.now(UTC))
        values = (item.feed, item.guid, canonical_url(item.url), item.content_hash, item.doc_id,
                  str(item.status), first_seen, _iso(item.published))  # fmt: skip
        with self._connect() as conn:
            cursor = conn.execute(_INSERT, values)
            if cursor.rowcount != 1:
                return False
            urls = {canonical_url(u) for u in aliases} - {"", values[2]}
            conn.executemany(
                "INSERT OR IGNORE INTO url_aliases (url, item_id) VALUES (?, ?)",
                [(u, cursor.lastrowid) for u in urls],
            )
        return True

    def find_duplicate(
        self,
        *,
        feed: str | None = None,
        guid: str | None = None,
        url: str | None = None,
        content_hash: str | None = None,
    ) -> Item | None:
        """The recorded item this one duplicates, checking GUID, then URL, then content hash.

        A GUID matches any item seen on ``feed`` (on any feed when ``feed`` is None). A URL matches an
        ingested item, or any item seen on ``feed``. A content hash matches an ingested item.
        """
        with self._connect() as conn:
            return (
                self._by_guid(conn, feed, guid)
                or self._by_url(conn, feed, canonical_url(url or ""))
                or self._by_hash(conn, content_hash)
            )

    def is_duplicate(self, **keys: str | None) -> bool:
        """True when :meth:`find_duplicate` finds something (same keyword arguments)."""
        return self.find_duplicate(**keys) is not None

    @staticmethod
    def _one(conn: sqlite3.Connection, where: str, params: tuple) -> Item | None:
        sql = f"SELECT {_COLUMNS} FROM items WHERE {where} ORDER BY doc_id IS NULL, id LIMIT 1"
        row = conn.execute(sql, params).fetchone()
        return _to_item(row) if row else None

    def _by_guid(self, conn: sqlite3.Connection, feed: str | None, guid: str | None) -> Item | None:
        if not guid:
            return None
        if feed is None:
            return self._one(conn, "guid = ?", (guid,))
        return self._one(conn, "guid = ? AND feed = ?", (guid, feed))

    def _by_url(self, conn: sqlite3.Connection, feed: str | None, url: str) -> Item | None:
        if not url:
            return None
        return self._one(conn, _URL_MATCH, (url, url, feed or ""))

    def _by_hash(self, conn: sqlite3.Connection, content_hash: str | None) -> Item | None:
        if not content_hash:
            return None
        return self._one(conn, "content_hash = ? AND doc_id IS NOT NULL", (content_hash,))

    def feed_known(self, name: str) -> bool:
        """True once a feed has been polled successfully at least once."""
        with self._connect() as conn:
            return conn.execute("SELECT 1 FROM feeds WHERE name = ?", (name,)).fetchone() is not None

    def last_polled(self, name: str) -> datetime | None:
        with self._connect() as conn:
            row = conn.execute("SELECT last_polled FROM feeds WHERE name = ?", (name,)).fetchone()
        return _from_iso(row[0]) if row else None

    def mark_feed_polled(self, name: str, url: str, when: datetime) -> None:
        stamp = _iso(when)
        with self._connect() as conn:
            conn.execute(
                "INSERT INTO feeds (name, url, first_polled, last_polled) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(name) DO UPDATE SET url = excluded.url, last_polled = excluded.last_polled",
                (name, url, stamp, stamp),
            )


class IngestState:
    """Async face of :class:`StateStore`; ``.store`` is the blocking store for code already off the loop."""

    def __init__(self, path: str | Path) -> None:
        self.store = StateStore(path)

    @staticmethod
    async def _run(fn: Callable[_P, _T], *args: _P.args, **kwargs: _P.kwargs) -> _T:
        return await asyncio.to_thread(fn, *args, **kwargs)

    async def record(self, item: Item, aliases: Iterable[str] = ()) -> bool:
        return await self._run(self.store.record, item, tuple(aliases))

    async def find_duplicate(self, **keys: str | None) -> Item | None:
        return await self._run(self.store.find_duplicate, **keys)

    async def is_duplicate(self, **keys: str | None) -> bool:
        return await self._run(self.store.is_duplicate, **keys)

    async def feed_known(self, name: str) -> bool:
        return await self._run(self.store.feed_known, name)

    async def last_polled(self, name: str) -> datetime | None:
        return await self._run(self.store.last_polled, name)

    async def mark_feed_polled(self, name: str, url: str, when: datetime) -> None:
        await self._run(self.store.mark_feed_polled, name, url, when)
