"""The state database (SQLite in the data folder): short-lived WAL connections, one transaction each.

Calls block; async code runs them off the event loop. Opening it applies pending migrations and imports
the rows of a database file an older version kept apart (`ingest.sqlite3`), so an upgrade loses nothing.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime
from pathlib import Path

from bot.state.digest_repo import DigestLogRepo, SeenRepo
from bot.state.ingest_repo import IngestRepo
from bot.state.legacy import import_legacy
from bot.state.migrations import MIGRATIONS, SQLITE_ID
from bot.state.stamps import to_db

STATE_FILE = "state.sqlite3"


def statements(script: str) -> list[str]:
    """A migration's statements, comments dropped (they may hold semicolons)."""
    return [s for s in re.sub(r"--[^\n]*", "", script).split(";") if s.strip()]


class StateDB:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(self.path, timeout=10)) as conn:
            conn.execute("PRAGMA journal_mode=WAL")
        self.migrate()
        self.ingest = IngestRepo(self)
        self.digest_log = DigestLogRepo(self)
        self.seen = SeenRepo(self)
        import_legacy(self, self.path.parent)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A connection whose block is one transaction: committed on success, rolled back on an error."""
        with closing(sqlite3.connect(self.path, timeout=10)) as conn:
            conn.execute("PRAGMA foreign_keys=ON")
            with conn:
                yield conn

    def migrate(self) -> list[int]:
        """Apply the migrations not applied yet, each in its own transaction; returns their versions."""
        with self.transaction() as conn:
            conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT)")
            done = {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}
        applied = []
        for version, _what, sql in MIGRATIONS:
            if version in done:
                continue
            with self.transaction() as conn:
                for statement in statements(sql.replace("{id}", SQLITE_ID)):
                    conn.execute(statement)
                conn.execute("INSERT INTO schema_migrations VALUES (?, ?)", (version, to_db(datetime.now(UTC))))
            applied.append(version)
        return applied

    def version(self) -> int:
        with self.transaction() as conn:
            return conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").fetchone()[0]


def open_state(data_dir: Path) -> StateDB:
    return StateDB(data_dir / STATE_FILE)
