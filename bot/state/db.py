"""The state database: one `StateDB` per process, SQLite in the data folder by default (`SQLiteState`) or
PostgreSQL when DATABASE_URL is set (`bot.state.postgres.PostgresState`).

Calls block; async code runs them through the engine door. Both backends run the same repositories and the
same migrations: a subclass only opens transactions and fills in the few types that differ.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager, closing, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.state.channels_repo import DigestChannelsRepo
from bot.state.digest_repo import DigestLogRepo, SeenRepo
from bot.state.documents_repo import DocumentsRepo
from bot.state.ingest_repo import IngestRepo
from bot.state.legacy import import_legacy
from bot.state.migrations import MIGRATIONS, SQLITE_TYPES
from bot.state.stamps import to_db

STATE_FILE = "state.sqlite3"


def statements(script: str) -> list[str]:
    """A migration's statements, comments dropped (they may hold semicolons)."""
    return [s for s in re.sub(r"--[^\n]*", "", script).split(";") if s.strip()]


class StateDB:
    """What every backend shares: the repositories and the migrations. Subclasses open transactions."""

    types: dict[str, str] = SQLITE_TYPES  # fills {id} and {blob} in the migrations
    where = ""  # for logs and `check`: the file or the server, never a password
    keep_ids = ""  # what an INSERT that copies row ids needs (PostgreSQL: OVERRIDING SYSTEM VALUE)

    def __init__(self) -> None:
        self.migrate()
        self.ingest = IngestRepo(self)
        self.digest_log = DigestLogRepo(self)
        self.seen = SeenRepo(self)
        self.documents = DocumentsRepo(self)
        self.channels = DigestChannelsRepo(self)

    def transaction(self) -> AbstractContextManager[Any]:
        """A connection whose block is one transaction: committed on success, rolled back on an error."""
        raise NotImplementedError

    def lock_migrations(self, conn: Any) -> None:
        """Hold off other processes migrating the same database until this transaction ends."""

    def migrate(self) -> list[int]:
        """Apply the migrations not applied yet, each in its own transaction; returns their versions."""
        with self.transaction() as conn:
            self.lock_migrations(conn)  # even IF NOT EXISTS races on PostgreSQL
            conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT)")
        applied = []
        for version, _what, sql in MIGRATIONS:
            with self.transaction() as conn:
                self.lock_migrations(conn)
                if conn.execute("SELECT 1 FROM schema_migrations WHERE version = ?", (version,)).fetchone():
                    continue
                for statement in statements(sql.format(**self.types)):
                    conn.execute(statement)
                conn.execute("INSERT INTO schema_migrations VALUES (?, ?)", (version, to_db(datetime.now(UTC))))
            applied.append(version)
        return applied

    def version(self) -> int:
        with self.transaction() as conn:
            return conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").fetchone()[0]

    def after_copy(self, conn: Any, table: str) -> None:
        """After rows were copied in with their ids: let new rows continue after them."""

    def close(self) -> None:
        """Release connections (PostgreSQL keeps a pool; SQLite opens one per transaction)."""


class SQLiteState(StateDB):
    """SQLite in WAL mode: short-lived connections, one transaction each."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.where = str(self.path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(self.path, timeout=10)) as conn:
            conn.execute("PRAGMA journal_mode=WAL")
        super().__init__()
        import_legacy(self, self.path.parent)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        with closing(sqlite3.connect(self.path, timeout=10)) as conn:
            conn.execute("PRAGMA foreign_keys=ON")
            with conn:
                yield conn


def open_state(data_dir: Path, url: str | None = None) -> StateDB:
    """PostgreSQL when `url` (DATABASE_URL) is given, else `data_dir/state.sqlite3`."""
    if url:
        from bot.state.postgres import PostgresState  # psycopg is loaded only when it is used

        return PostgresState(url)
    return SQLiteState(data_dir / STATE_FILE)
