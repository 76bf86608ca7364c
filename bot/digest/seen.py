"""Which documents the bot has seen, and since when: the basis of "new since the last digest".

Synced whenever the engine (re)loads. The very first sync (an empty table) records every document as a
*baseline*: seen, never announced, so a first run does not flood the channel with the whole archive.
A document whose text changes keeps its first_seen (an edit is not news); its hash and changed_at update."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bot.knowledge.model import Document
from bot.state.db import connect, init_schema, to_db

SCHEMA = """
CREATE TABLE IF NOT EXISTS digest_seen (
    doc_id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    first_seen TEXT NOT NULL,          -- UTC, when a load first contained the document
    baseline INTEGER NOT NULL DEFAULT 0, -- 1: present at the first sync ever; never announced as new
    changed_at TEXT                    -- UTC, the last time its content hash changed
);
CREATE INDEX IF NOT EXISTS digest_seen_first ON digest_seen(first_seen);
"""


def content_hash(doc: Document) -> str:
    return hashlib.sha256(doc.source.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class SyncResult:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    baseline: bool = False  # the first sync: everything was recorded as already seen


class SeenStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        init_schema(path, SCHEMA)

    def sync(self, documents: Iterable[Document], now: dt.datetime) -> SyncResult:
        current = {d.id: content_hash(d) for d in documents}
        stamp = to_db(now)
        with connect(self.path) as conn:
            known = dict(conn.execute("SELECT doc_id, content_hash FROM digest_seen").fetchall())
            baseline = not known
            added = sorted(set(current) - set(known))
            changed = sorted(i for i in set(current) & set(known) if current[i] != known[i])
            conn.executemany(
                "INSERT INTO digest_seen (doc_id, content_hash, first_seen, baseline) VALUES (?, ?, ?, ?)",
                [(i, current[i], stamp, int(baseline)) for i in added],
            )
            conn.executemany(
                "UPDATE digest_seen SET content_hash = ?, changed_at = ? WHERE doc_id = ?",
                [(current[i], stamp, i) for i in changed],
            )
        return SyncResult(added, changed, baseline and bool(added))

    def first_seen_between(self, since: dt.datetime, until: dt.datetime) -> list[str]:
        """Ids first seen in (since, until], baseline excluded, oldest first."""
        with connect(self.path) as conn:
            rows = conn.execute(
                "SELECT doc_id FROM digest_seen WHERE baseline = 0 AND first_seen > ? AND first_seen <= ? "
                "ORDER BY first_seen, doc_id",
                (to_db(since), to_db(until)),
            ).fetchall()
        return [r[0] for r in rows]
