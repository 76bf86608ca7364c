"""The schema as numbered migrations, applied in order, each once (recorded in schema_migrations).

Written in the SQL that SQLite and PostgreSQL share (ON CONFLICT, RETURNING, partial indexes); only the
row-id column differs, spelled {id} here and filled in by the backend. Version 1 uses IF NOT EXISTS so a
state.sqlite3 from before migrations (digest tables only) is adopted with its rows.
"""

from __future__ import annotations

MIGRATIONS: list[tuple[int, str, str]] = [
    (
        1,
        "digest log and seen documents; ingest items, URL aliases and feeds",
        """
CREATE TABLE IF NOT EXISTS digest_log (
    channel_id BIGINT NOT NULL,
    local_date TEXT NOT NULL,       -- the channel's local date the digest is for (YYYY-MM-DD)
    status TEXT NOT NULL,           -- 'posted' or 'skipped'
    at TEXT NOT NULL,               -- UTC, when it was posted or skipped
    cutoff TEXT,                    -- UTC; documents first seen up to here were covered
    message_ids TEXT,               -- JSON list of the Discord message ids
    payload_hash TEXT,              -- sha256 of the rendered text, to compare with a preview
    rotation TEXT,                  -- key of the "worth re-reading" excerpt shown, if any
    reason TEXT,                    -- why it was skipped
    PRIMARY KEY (channel_id, local_date)
);
CREATE TABLE IF NOT EXISTS digest_seen (
    doc_id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    first_seen TEXT NOT NULL,            -- UTC, when a load first contained the document
    baseline INTEGER NOT NULL DEFAULT 0, -- 1: present at the first sync ever; never announced as new
    changed_at TEXT                      -- UTC, the last time its content hash changed
);
CREATE INDEX IF NOT EXISTS digest_seen_first ON digest_seen(first_seen);
CREATE TABLE IF NOT EXISTS items (
    id {id},
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
    item_id BIGINT NOT NULL REFERENCES items(id),
    PRIMARY KEY (url, item_id)
);
CREATE TABLE IF NOT EXISTS feeds (
    name TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    first_polled TEXT NOT NULL,
    last_polled TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS legacy_imports (
    source TEXT PRIMARY KEY,        -- a database file of an older version, imported once
    imported_at TEXT NOT NULL
);
""",
    ),
]

SQLITE_ID = "INTEGER PRIMARY KEY"  # PostgreSQL: BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY
