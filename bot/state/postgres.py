"""The state database on PostgreSQL (DATABASE_URL=postgresql://…), through psycopg 3 and a small pool.

The repositories are written once, with SQLite's `?` placeholders; `PgConnection` turns them into psycopg's
`%s`. Everything else (ON CONFLICT, RETURNING, partial indexes) is SQL both databases speak. Migrations
from several processes starting at once are serialised with an advisory lock.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg.conninfo import conninfo_to_dict
from psycopg_pool import ConnectionPool

from bot.state.db import StateDB
from bot.state.migrations import POSTGRES_TYPES

MIGRATION_LOCK = 0x706F6C6963790001  # pg_advisory_xact_lock key: "policy" + 1


def pg_sql(sql: str) -> str:
    """`?` placeholders as psycopg's `%s` (the repositories' SQL holds no literal `?` or `%`)."""
    return sql.replace("%", "%%").replace("?", "%s")


def describe(url: str) -> str:
    """host:port/database, without the user or the password (for logs and `check`)."""
    info = conninfo_to_dict(url)
    return f"postgresql://{info.get('host', 'localhost')}:{info.get('port', 5432)}/{info.get('dbname', '')}"


class PgConnection:
    """A psycopg connection that takes the repositories' `?` SQL."""

    def __init__(self, conn: psycopg.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, params: Sequence[Any] = ()) -> psycopg.Cursor:
        return self.conn.execute(pg_sql(sql), tuple(params))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = [tuple(r) for r in rows]
        if rows:
            with self.conn.cursor() as cursor:
                cursor.executemany(pg_sql(sql), rows)


class StateUnavailable(RuntimeError):
    """The database in DATABASE_URL cannot be reached; the message names it (without the password)."""


class PostgresState(StateDB):
    types = POSTGRES_TYPES
    keep_ids = " OVERRIDING SYSTEM VALUE"

    def __init__(self, url: str, *, max_size: int = 4) -> None:
        self.url = url
        self.where = describe(url)
        try:  # one direct attempt first: the pool would only say "timed out", not why
            psycopg.connect(url, connect_timeout=10).close()
        except psycopg.Error as exc:
            raise StateUnavailable(f"DATABASE_URL: cannot connect to {self.where}: {str(exc).strip()}") from exc
        self.pool = ConnectionPool(url, min_size=1, max_size=max_size, open=True, name="policybot-state")
        try:
            self.pool.wait(timeout=15)
            super().__init__()
        except BaseException:
            self.pool.close()
            raise

    @contextmanager
    def transaction(self) -> Iterator[PgConnection]:
        with self.pool.connection() as conn:  # commits when the block succeeds, rolls back when it raises
            yield PgConnection(conn)

    def lock_migrations(self, conn: PgConnection) -> None:
        conn.execute("SELECT pg_advisory_xact_lock(?)", (MIGRATION_LOCK,))

    def after_copy(self, conn: PgConnection, table: str) -> None:
        if table == "items":  # the one identity column
            conn.execute(
                "SELECT setval(pg_get_serial_sequence('items', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM items"
            )

    def close(self) -> None:
        self.pool.close()
