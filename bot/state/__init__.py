"""Durable state: one database (`data/state.sqlite3`), versioned migrations, and one repository per concern.

All SQL lives in this package: `migrations.py` (schema), `ingest_repo.py`, `digest_repo.py`. A repository
gets a `StateDB` and asks it for a transaction; another backend (PostgreSQL) is another `StateDB` with the
same `transaction()` and the same repositories.

    db = open_state(data_dir)          # creates or migrates it; imports a legacy ingest.sqlite3 once
    db.ingest.find_duplicate(url=...)   # IngestRepo: ingested and seen items, feeds
    db.digest_log.get(channel, day)     # DigestLogRepo: one row per channel and local date
    db.seen.sync({doc_id: hash}, now)   # SeenRepo: documents seen, and since when
"""

from bot.state.db import STATE_FILE, StateDB, open_state
from bot.state.digest_repo import POSTED, SKIPPED, DigestLogRepo, LogEntry, SeenRepo, SyncResult
from bot.state.ingest_repo import IngestRepo, Item, ItemStatus

__all__ = [
    "POSTED",
    "SKIPPED",
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
