"""The digest's tables: the log (one row per channel and local date) and the documents seen, since when."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.state.stamps import from_db, maybe_from_db, to_db

if TYPE_CHECKING:
    from bot.state.db import StateDB

POSTED, SKIPPED = "posted", "skipped"
LOG_COLUMNS = "channel_id, local_date, status, at, cutoff, message_ids, payload_hash, rotation, reason"
LOG_INSERT = f"INSERT INTO digest_log ({LOG_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING"
SEEN_INSERT = "INSERT INTO digest_seen (doc_id, content_hash, first_seen, baseline) VALUES (?, ?, ?, ?)"
SEEN_UPDATE = "UPDATE digest_seen SET content_hash = ?, changed_at = ? WHERE doc_id = ?"
SEEN_BETWEEN = (
    "SELECT doc_id FROM digest_seen WHERE baseline = 0 AND first_seen > ? AND first_seen <= ? "
    "ORDER BY first_seen, doc_id"
)


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


def _entry(row: tuple) -> LogEntry:
    channel, day, status, at, cutoff, ids, payload, rotation, reason = row
    return LogEntry(
        channel, dt.date.fromisoformat(day), status, from_db(at), maybe_from_db(cutoff),
        tuple(json.loads(ids or "[]")), payload, rotation, reason,
    )  # fmt: skip


class DigestLogRepo:
    """Written only after a successful send (or when a day's window passed): its key makes a digest post at
    most once a day."""

    def __init__(self, db: StateDB) -> None:
        self.db = db

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
        with self.db.transaction() as conn:
            return conn.execute(LOG_INSERT, values).rowcount == 1

    def entries(self, channel_id: int) -> list[LogEntry]:
        with self.db.transaction() as conn:
            rows = conn.execute(
                f"SELECT {LOG_COLUMNS} FROM digest_log WHERE channel_id = ? ORDER BY local_date", (channel_id,)
            ).fetchall()
        return [_entry(r) for r in rows]

    def _one(self, where: str, params: tuple) -> LogEntry | None:
        with self.db.transaction() as conn:
            row = conn.execute(f"SELECT {LOG_COLUMNS} FROM digest_log WHERE {where} LIMIT 1", params).fetchone()
        return _entry(row) if row else None


@dataclass(frozen=True)
class SyncResult:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    baseline: bool = False  # the first sync: everything was recorded as already seen


class SeenRepo:
    """The very first sync (an empty table) records every document as a baseline: seen, never announced.
    A document whose text changes keeps its first_seen (an edit is not news); its hash and changed_at update."""

    def __init__(self, db: StateDB) -> None:
        self.db = db

    def sync(self, current: Mapping[str, str], now: dt.datetime) -> SyncResult:
        """`current`: every document id in the knowledge base now → its content hash."""
        stamp = to_db(now)
        with self.db.transaction() as conn:
            known = dict(conn.execute("SELECT doc_id, content_hash FROM digest_seen").fetchall())
            baseline = not known
            added = sorted(set(current) - set(known))
            changed = sorted(i for i in set(current) & set(known) if current[i] != known[i])
            conn.executemany(SEEN_INSERT, [(i, current[i], stamp, int(baseline)) for i in added])
            conn.executemany(SEEN_UPDATE, [(current[i], stamp, i) for i in changed])
        return SyncResult(added, changed, baseline and bool(added))

    def first_seen_between(self, since: dt.datetime, until: dt.datetime) -> list[str]:
        """Ids first seen in (since, until], baseline excluded, oldest first."""
        with self.db.transaction() as conn:
            rows = conn.execute(SEEN_BETWEEN, (to_db(since), to_db(until))).fetchall()
        return [r[0] for r in rows]
