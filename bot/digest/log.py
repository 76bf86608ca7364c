"""The digest log: one row per channel and local date, written only after a successful send (or when a
day's window passed without a post). Its primary key is what makes a digest post at most once a day."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from bot.state.db import connect, from_db, init_schema, to_db

SCHEMA = """
CREATE TABLE IF NOT EXISTS digest_log (
    channel_id INTEGER NOT NULL,
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
"""

POSTED, SKIPPED = "posted", "skipped"


@dataclass(frozen=True)
class LogEntry:
    channel_id: int
    local_date: dt.date
    status: str
    at: dt.datetime
    cutoff: dt.datetime | None = None
    message_ids: tuple[int, ...] = ()
    payload_hash: str | None = None
    rotation: str | None = None
    reason: str | None = None


_COLUMNS = "channel_id, local_date, status, at, cutoff, message_ids, payload_hash, rotation, reason"


def _entry(row: tuple) -> LogEntry:
    channel, day, status, at, cutoff, ids, payload, rotation, reason = row
    return LogEntry(
        channel, dt.date.fromisoformat(day), status, from_db(at), from_db(cutoff) if cutoff else None,
        tuple(json.loads(ids or "[]")), payload, rotation, reason,
    )  # fmt: skip


class DigestLog:
    def __init__(self, path: Path) -> None:
        self.path = path
        init_schema(path, SCHEMA)

    def get(self, channel_id: int, day: dt.date) -> LogEntry | None:
        return self._one("channel_id = ? AND local_date = ?", (channel_id, day.isoformat()))

    def last_posted_before(self, channel_id: int, day: dt.date) -> LogEntry | None:
        return self._one(
            "channel_id = ? AND local_date < ? AND status = 'posted' ORDER BY local_date DESC",
            (channel_id, day.isoformat()),
        )

    def last_rotation_before(self, channel_id: int, day: dt.date) -> str | None:
        entry = self._one(
            "channel_id = ? AND local_date < ? AND rotation IS NOT NULL ORDER BY local_date DESC",
            (channel_id, day.isoformat()),
        )
        return entry.rotation if entry else None

    def record(self, entry: LogEntry) -> bool:
        """Insert the row; False if the channel already has one for that date (nothing is overwritten)."""
        values = (
            entry.channel_id, entry.local_date.isoformat(), entry.status, to_db(entry.at),
            to_db(entry.cutoff) if entry.cutoff else None, json.dumps(list(entry.message_ids)),
            entry.payload_hash, entry.rotation, entry.reason,
        )  # fmt: skip
        with connect(self.path) as conn:
            cursor = conn.execute(f"INSERT OR IGNORE INTO digest_log ({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?)", values)
            return cursor.rowcount == 1

    def entries(self, channel_id: int) -> list[LogEntry]:
        with connect(self.path) as conn:
            rows = conn.execute(
                f"SELECT {_COLUMNS} FROM digest_log WHERE channel_id = ? ORDER BY local_date", (channel_id,)
            ).fetchall()
        return [_entry(r) for r in rows]

    def _one(self, where: str, params: tuple) -> LogEntry | None:
        with connect(self.path) as conn:
            row = conn.execute(f"SELECT {_COLUMNS} FROM digest_log WHERE {where} LIMIT 1", params).fetchone()
        return _entry(row) if row else None
