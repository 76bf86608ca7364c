"""The living knowledge base's shared resources for the Discord bot: the ingest context (one safe HTTP
session, the state database) and the reloader that swaps in a freshly built engine."""

from __future__ import annotations

import asyncio
from pathlib import Path

from bot.config import Config
from bot.ingest import IngestContext, IngestState, safe_session
from bot.ingest.settings import allowlist, fetch_limits
from bot.state import open_state


async def open_ingest(config: Config, knowledge_dir: Path, data_dir: Path) -> IngestContext:
    """Inside the event loop: the shared session (close it with ``close_ingest``) and the state DB."""
    fetch = config.sources.fetch
    allow = allowlist(fetch)
    state = IngestState((await asyncio.to_thread(open_state, data_dir)).ingest)
    return IngestContext(
        session=safe_session(allow),
        state=state,
        knowledge_dir=knowledge_dir,
        allow=allow,
        limits=fetch_limits(fetch),
        new_if_newer_than_hours=config.sources.new_if_newer_than_hours,
    )


async def close_ingest(ctx: IngestContext | None) -> None:
    if ctx is not None and not ctx.session.closed:
        await ctx.session.close()
