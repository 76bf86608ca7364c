"""Before one state database, ingest kept its own file (`data/ingest.sqlite3`). Its rows are copied into the
state database once, in one transaction that also records the import; the old file is then renamed to
`ingest.sqlite3.imported` (kept, never deleted)."""

from __future__ import annotations

import logging
import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from bot.state.ingest_repo import COLUMNS
from bot.state.stamps import to_db

if TYPE_CHECKING:
    from bot.state.db import StateDB

log = logging.getLogger(__name__)
LEGACY_INGEST = "ingest.sqlite3"
FEEDS = "INSERT INTO feeds (name, url, first_polled, last_polled) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"


def _read(path: Path) -> tuple[list[tuple], dict[int, list[str]], list[tuple]]:
    with closing(sqlite3.connect(path, timeout=10)) as old:
        old.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # fold a WAL file in, so renaming the file keeps it all
        items = old.execute(f"SELECT id, {COLUMNS} FROM items ORDER BY id").fetchall()
        aliases: dict[int, list[str]] = {}
        for url, item_id in old.execute("SELECT url, item_id FROM url_aliases"):
            aliases.setdefault(item_id, []).append(url)
        feeds = old.execute("SELECT name, url, first_polled, last_polled FROM feeds").fetchall()
    return items, aliases, feeds


def import_legacy(db: StateDB, data_dir: Path) -> bool:
    """Copy `data_dir/ingest.sqlite3` into `db` if it is there and was not imported yet."""
    path = data_dir / LEGACY_INGEST
    if not path.exists():
        return False
    items, aliases, feeds = _read(path)
    with db.transaction() as conn:
        done = conn.execute("SELECT 1 FROM legacy_imports WHERE source = ?", (LEGACY_INGEST,)).fetchone()
        if not done:
            db.ingest.copy_rows(conn, items, lambda old_id: aliases.get(old_id, []))
            conn.executemany(FEEDS, feeds)
            conn.execute("INSERT INTO legacy_imports VALUES (?, ?)", (LEGACY_INGEST, to_db(datetime.now(UTC))))
    path.rename(path.with_name(LEGACY_INGEST + ".imported"))  # also when a crash came between copy and rename
    if not done:
        log.info("imported %d items and %d feeds from %s into %s", len(items), len(feeds), path, db.path)
    return not done
