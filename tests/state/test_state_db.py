"""One state database: versioned migrations, and an upgrade from the two files of earlier versions that
loses nothing (data/state.sqlite3 with the digest tables, data/ingest.sqlite3 with ingest's)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing
from datetime import UTC
from pathlib import Path

from bot.state import STATE_FILE, Item, ItemStatus, LogEntry, open_state
from bot.state.migrations import MIGRATIONS

# The schemas of the version before one state database, as they were created on disk.
OLD_INGEST = """
CREATE TABLE items (id INTEGER PRIMARY KEY, feed TEXT NOT NULL DEFAULT '', guid TEXT, url TEXT NOT NULL DEFAULT '',
    content_hash TEXT, doc_id TEXT, status TEXT NOT NULL, first_seen TEXT NOT NULL, published TEXT);
CREATE UNIQUE INDEX items_feed_guid ON items(feed, guid) WHERE guid IS NOT NULL;
CREATE TABLE url_aliases (url TEXT NOT NULL, item_id INTEGER NOT NULL REFERENCES items(id),
    PRIMARY KEY (url, item_id));
CREATE TABLE feeds (name TEXT PRIMARY KEY, url TEXT NOT NULL, first_polled TEXT NOT NULL, last_polled TEXT NOT NULL);
INSERT INTO items VALUES (7, 'wire', 'g-1', 'https://ex.test/a', 'h1', 'doc-a', 'ingested',
    '2024-05-01T10:00:00+00:00', NULL);
INSERT INTO items VALUES (9, 'wire', 'g-2', 'https://ex.test/b', NULL, NULL, 'filtered',
    '2024-05-01T10:00:00+00:00', NULL);
INSERT INTO url_aliases VALUES ('https://ex.test/short-a', 7);
INSERT INTO feeds VALUES ('wire', 'https://ex.test/feed', '2024-05-01T10:00:00+00:00', '2024-05-02T10:00:00+00:00');
"""
OLD_DIGEST = """
CREATE TABLE digest_log (channel_id INTEGER NOT NULL, local_date TEXT NOT NULL, status TEXT NOT NULL, at TEXT NOT NULL,
    cutoff TEXT, message_ids TEXT, payload_hash TEXT, rotation TEXT, reason TEXT, PRIMARY KEY (channel_id, local_date));
CREATE TABLE digest_seen (doc_id TEXT PRIMARY KEY, content_hash TEXT NOT NULL, first_seen TEXT NOT NULL,
    baseline INTEGER NOT NULL DEFAULT 0, changed_at TEXT);
INSERT INTO digest_log VALUES (42, '2024-05-02', 'posted',
    '2024-05-02T08:00:00.000000+00:00', NULL, '[1]', 'p', NULL, NULL);
INSERT INTO digest_seen VALUES ('doc-a', 'h', '2024-05-01T10:00:00.000000+00:00', 1, NULL);
"""


def write_old_deployment(data: Path) -> None:
    data.mkdir(parents=True)
    for name, script in (("ingest.sqlite3", OLD_INGEST), (STATE_FILE, OLD_DIGEST)):
        with closing(sqlite3.connect(data / name)) as conn:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.executescript(script)
            conn.commit()


def test_an_old_deployment_upgrades_into_one_database_and_loses_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    write_old_deployment(data)
    db = open_state(data)
    assert db.ingest.find_duplicate(url="https://ex.test/short-a").doc_id == "doc-a"  # alias kept its item
    assert db.ingest.find_duplicate(feed="wire", guid="g-2").status is ItemStatus.FILTERED
    assert db.ingest.last_polled("wire") == dt.datetime(2024, 5, 2, 10, tzinfo=UTC)
    assert db.digest_log.get(42, dt.date(2024, 5, 2)).message_ids == (1,)
    assert db.seen.first_seen_between(dt.datetime(2024, 1, 1, tzinfo=UTC), dt.datetime.now(UTC)) == []  # baseline
    assert sorted(p.name for p in data.glob("*.sqlite3*") if "-" not in p.name) == [
        "ingest.sqlite3.imported",
        STATE_FILE,
    ]
    again = open_state(data)  # a restart imports nothing twice
    with again.transaction() as conn:
        assert conn.execute("SELECT COUNT(*) FROM items").fetchone()[0] == 2


def test_a_new_database_has_every_migration_and_reopening_applies_none(tmp_path: Path) -> None:
    db = open_state(tmp_path)
    assert db.version() == max(v for v, _, _ in MIGRATIONS)
    assert db.migrate() == []
    with closing(sqlite3.connect(db.path)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_ingest_and_digest_state_share_the_one_file(tmp_path: Path) -> None:
    db = open_state(tmp_path)
    db.ingest.record(Item(ItemStatus.INGESTED, url="https://ex.test/x", content_hash="h", doc_id="x"))
    db.digest_log.record(LogEntry(1, dt.date(2024, 1, 1), "posted", dt.datetime(2024, 1, 1, tzinfo=UTC)))
    assert [p.name for p in tmp_path.glob("*.sqlite3")] == [STATE_FILE]
    with closing(sqlite3.connect(tmp_path / STATE_FILE)) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"items", "url_aliases", "feeds", "digest_log", "digest_seen", "schema_migrations"} <= tables
