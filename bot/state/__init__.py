"""Durable state: one database (`data/state.sqlite3`, or PostgreSQL), versioned migrations, one repository per concern.

All SQL lives in this package: `migrations.py` (schema), `ingest_repo.py`, `digest_repo.py`. A repository
gets a `StateDB` and asks it for a transaction; another backend (PostgreSQL) is another `StateDB` with the
same `transaction()` and the same repositories.

    db = open_state(data_dir, url)     # SQLite, or PostgreSQL with a DATABASE_URL; creates or migrates it
    db.ingest.find_duplicate(url=...)   # IngestRepo: ingested and seen items, feeds
    db.digest_log.get(channel, day)     # DigestLogRepo: one row per channel and local date
    db.seen.sync({doc_id: hash}, now)   # SeenRepo: documents seen, and since when
"""

from bot.state.db import STATE_FILE, SQLiteState, StateDB, open_state
from bot.state.digest_repo import POSTED, SENDING, SKIPPED, DigestLogRepo, LogEntry, SeenRepo, SyncResult
from bot.state.ingest_repo import IngestRepo, Item, ItemStatus

__all__ = [
    "POSTED",
    "SENDING",
    "SKIPPED",
    "SQLiteState",
    "STATE_FILE",
    "DigestLogRepo",
    "IngestRepo",
    "Item",
    "ItemStatus",
    "LogEntry",
    "SeenRepo",
    "StateDB",
    "SyncResult",
    "open_state",
]
