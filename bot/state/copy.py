"""Copy tables between state databases with the same schema (any backend to any backend)."""

from __future__ import annotations

from collections.abc import Iterable

from bot.state.db import StateDB


def copy_tables(source: StateDB, target: StateDB, tables: Iterable[str]) -> int:
    """Every row of `tables` from `source` into `target` (same migrations, so the same columns); rows copied."""
    copied = 0
    with source.transaction() as src, target.transaction() as dst:
        for table in tables:
            cursor = src.execute(f"SELECT * FROM {table}")
            columns = [column[0] for column in cursor.description]
            rows = [tuple(row) for row in cursor.fetchall()]
            marks = ", ".join("?" * len(columns))
            dst.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)
            copied += len(rows)
    return copied
