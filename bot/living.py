"""The ingest context for a runtime: one safe HTTP session and the ingest tables of the state database."""

from __future__ import annotations

from pathlib import Path

from bot.config import Config
from bot.ingest import IngestContext, IngestState, safe_session
from bot.ingest.settings import allowlist, fetch_limits
from bot.state import StateDB


async def open_ingest(config: Config, knowledge_dir: Path, state: StateDB) -> IngestContext:
    """Inside the event loop: the shared session (closed by Runtime.close) and the state."""
    fetch = config.sources.fetch
    allow = allowlist(fetch)
    return IngestContext(
        session=safe_session(allow),
        state=IngestState(state.ingest),
        knowledge_dir=knowledge_dir,
        allow=allow,
        limits=fetch_limits(fetch),
        new_if_newer_than_hours=config.sources.new_if_newer_than_hours,
    )
