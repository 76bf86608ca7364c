"""Ingested and seen items (feed entries, URLs, uploads), the URLs they are also known by, and feeds."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from bot.state.stamps import maybe_from_db

if TYPE_CHECKING:
    from bot.state.db import StateDB

COLUMNS = "feed, guid, url, content_hash, doc_id, status, first_seen, published"
INSERT = f"INSERT INTO items ({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id"
INSERT_ALIAS = "INSERT INTO url_aliases (url, item_id) VALUES (?, ?) ON CONFLICT DO NOTHING"
URL_MATCH = "(url = ? OR id IN (SELECT item_id FROM url_aliases WHERE url = ?)) AND (doc_id IS NOT NULL OR feed = ?)"
HASH_MATCH = "content_hash = ? AND doc_id IS NOT NULL"
MARK_POLLED = (
    "INSERT INTO feeds (name, url, first_polled, last_polled) VALUES (?, ?, ?, ?) "
    "ON CONFLICT(name) DO UPDATE SET url = excluded.url, last_polled = excluded.last_polled"
)


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


def _to_item(row: tuple) -> Item:
    feed, guid, url, chash, doc_id, status, first_seen, published = row
    return Item(ItemStatus(status), feed, guid, url, chash, doc_id, maybe_from_db(published), maybe_from_db(first_seen))


class IngestRepo:
    """URLs are stored as given: callers canonicalise them (bot.ingest.dedupe) before they ask."""

    def __init__(self, db: StateDB) -> None:
        self.db = db

    def record(self, item: Item, urls: Iterable[str] = ()) -> bool:
        """Insert `item` and the other URLs it is known by; False (nothing written) if its GUID was known."""
        first_seen = _iso(item.first_seen or datetime.now(UTC))
        values = (item.feed, item.guid, item.url, item.content_hash, item.doc_id,
                  str(item.status), first_seen, _iso(item.published))  # fmt: skip
        with self.db.transaction() as conn:
            row = conn.execute(INSERT, values).fetchone()
            if row is None:
                return False
            conn.executemany(INSERT_ALIAS, [(u, row[0]) for u in set(urls) - {"", item.url}])
        return True

    def find_duplicate(
        self, *, feed: str | None = None, guid: str | None = None, url: str = "", content_hash: str | None = None
    ) -> Item | None:
        """By GUID (on `feed`, or any feed when None), then URL (ingested, or seen on `feed`), then content
        hash (ingested)."""
        with self.db.transaction() as conn:
            return (
                self._by_guid(conn, feed, guid)
                or (self._one(conn, URL_MATCH, (url, url, feed or "")) if url else None)
                or (self._one(conn, HASH_MATCH, (content_hash,)) if content_hash else None)
            )

    @staticmethod
    def _one(conn: sqlite3.Connection, where: str, params: tuple) -> Item | None:
        sql = f"SELECT {COLUMNS} FROM items WHERE {where} ORDER BY doc_id IS NULL, id LIMIT 1"
        row = conn.execute(sql, params).fetchone()
        return _to_item(row) if row else None

    def _by_guid(self, conn: sqlite3.Connection, feed: str | None, guid: str | None) -> Item | None:
        if not guid:
            return None
        if feed is None:
            return self._one(conn, "guid = ?", (guid,))
        return self._one(conn, "guid = ? AND feed = ?", (guid, feed))

    def last_polled(self, name: str) -> datetime | None:
        """None for a feed never polled successfully."""
        with self.db.transaction() as conn:
            row = conn.execute("SELECT last_polled FROM feeds WHERE name = ?", (name,)).fetchone()
        return maybe_from_db(row[0]) if row else None

    def mark_feed_polled(self, name: str, url: str, when: datetime) -> None:
        stamp = _iso(when)
        with self.db.transaction() as conn:
            conn.execute(MARK_POLLED, (name, url, stamp, stamp))

    def copy_rows(self, conn: sqlite3.Connection, rows: Iterable[tuple], aliases: Callable[[int], list[str]]) -> None:
        """Legacy import: `rows` are (old id, *COLUMNS); `aliases(old id)` its other URLs."""
        for old_id, *values in rows:
            row = conn.execute(INSERT, values).fetchone()
            if row is not None:
                conn.executemany(INSERT_ALIAS, [(u, row[0]) for u in aliases(old_id)])
