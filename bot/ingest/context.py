"""Everything the high-level ingest functions need, bundled once at start-up."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import aiohttp

from bot.ingest.fetch import FetchLimits
from bot.ingest.state import IngestState
from bot.ingest.urlsafety import Allowlist, Resolve, resolve_host


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class IngestContext:
    """Shared resources: one HTTP session (see ``safe_session``), the state DB and the knowledge folder.

    ``new_if_newer_than_hours``: on a feed's first poll, only entries published within this many hours
    are ingested; older ones are recorded as seen so the first digest is not flooded.
    """

    session: aiohttp.ClientSession
    state: IngestState
    knowledge_dir: Path
    allow: Allowlist = field(default_factory=Allowlist)
    limits: FetchLimits = field(default_factory=FetchLimits)
    new_if_newer_than_hours: float = 24.0
    resolve: Resolve = resolve_host
    clock: Callable[[], datetime] = utc_now
    write_lock: threading.Lock = field(default_factory=threading.Lock)
