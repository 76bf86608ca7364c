"""A private copy of the state database for `digest --preview`, so a preview records the knowledge
folder's documents as seen exactly as the bot would (and shows what it would post) without changing
anything in the real state: the copy is taken with SQLite's backup API from a read-only connection."""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

_SIDE_FILES = ("-wal", "-shm")  # a read-only reader of a WAL database may create these


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
