"""A private copy of the state database for `digest --preview`, so a preview records the knowledge
folder's documents as seen exactly as the bot would (and shows what it would post) without changing
anything in the real state: the copy is taken with SQLite's backup API from a read-only connection (with
DATABASE_URL, the digest's tables are copied from PostgreSQL into a temporary SQLite database)."""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from bot.environment import database_url
from bot.state import STATE_FILE, SQLiteState, StateDB, open_state
from bot.state.copy import copy_tables

_SIDE_FILES = ("-wal", "-shm")  # a read-only reader of a WAL database may create these
DIGEST_TABLES = ("digest_log", "digest_seen", "digest_channels")


@contextmanager
def state_copy(path: Path) -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="policybot-preview-") as folder:
        copy = Path(folder) / path.name
        if path.exists():
            existed = {s for s in _SIDE_FILES if Path(f"{path}{s}").exists()}
            source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
            with closing(source), closing(sqlite3.connect(copy)) as target:
                source.backup(target)
            for suffix in set(_SIDE_FILES) - existed:
                side = Path(f"{path}{suffix}")
                if side.exists() and (suffix == "-shm" or side.stat().st_size == 0):
                    side.unlink(missing_ok=True)
        yield copy


@contextmanager
def preview_state(data: Path) -> Iterator[StateDB]:
    """A throwaway copy of the state the bot uses (SQLite in `data`, or DATABASE_URL's PostgreSQL)."""
    url = database_url()
    if not url:
        with state_copy(data / STATE_FILE) as copy:
            yield SQLiteState(copy)
        return
    with tempfile.TemporaryDirectory(prefix="policybot-preview-") as folder:
        copy = SQLiteState(Path(folder) / STATE_FILE)
        source = open_state(data, url)
        try:
            copy_tables(source, copy, DIGEST_TABLES)
        finally:
            source.close()
        yield copy
