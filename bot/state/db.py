"""The shared state file (`data/state.sqlite3`): short-lived WAL connections, one transaction each.

Calls block; async code runs them with `asyncio.to_thread` (see `in_thread`)."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import ParamSpec, TypeVar

STATE_FILE = "state.sqlite3"

_P = ParamSpec("_P")
_T = TypeVar("_T")


def state_path(data_dir: Path) -> Path:
    return data_dir / STATE_FILE


@contextmanager
def connect(path: Path) -> Iterator[sqlite3.Connection]:
    """A connection whose block is one transaction: committed on success, rolled back on an error."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(path, timeout=10)) as conn:
        conn.execute("PRAGMA journal_mode=WAL")
        with conn:
            yield conn


def init_schema(path: Path, schema: str) -> None:
    with connect(path) as conn:
        conn.executescript(schema)


async def in_thread(fn: Callable[_P, _T], *args: _P.args, **kwargs: _P.kwargs) -> _T:
    return await asyncio.to_thread(fn, *args, **kwargs)


def to_db(moment: datetime) -> str:
    """A UTC timestamp in one fixed format, so text order is time order."""
    if moment.tzinfo is None:
        raise ValueError(f"naive datetime {moment!r}: state timestamps must be timezone-aware")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def from_db(text: str) -> datetime:
    return datetime.fromisoformat(text)
