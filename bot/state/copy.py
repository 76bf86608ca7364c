"""Copy tables between state databases with the same schema (any backend to any backend): a preview's
throwaway copy, or a deployment moving its SQLite state into PostgreSQL (`python -m bot state --copy-to`)."""

from __future__ import annotations

from collections.abc import Iterable

from bot.state.db import StateDB

# Every table with state, parents before the rows that reference them (schema_migrations is the target's own).
ALL_TABLES = (
    "legacy_imports", "feeds", "items", "url_aliases", "digest_log", "digest_seen", "digest_channels", "documents",
)  # fmt: skip


def copy_tables(source: StateDB, target: StateDB, tables: Iterable[str]) -> int:
    """Every row of `tables` from `source` into `target` (same migrations, so the same columns), ids kept;
    one transaction on each side. Returns the number of rows copied."""
    copied = 0
    with source.transaction() as src, target.transaction() as dst:
        for table in tables:
            cursor = src.execute(f"SELECT * FROM {table}")
            columns = [column[0] for column in cursor.description]
            rows = [tuple(row) for row in cursor.fetchall()]
            marks = ", ".join("?" * len(columns))
            sql = f"INSERT INTO {table} ({', '.join(columns)}){target.keep_ids} VALUES ({marks})"
            dst.executemany(sql, rows)
            target.after_copy(dst, table)
            copied += len(rows)
    return copied


def row_count(db: StateDB, tables: Iterable[str] = ALL_TABLES) -> int:
    with db.transaction() as conn:
        return sum(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for table in tables)
