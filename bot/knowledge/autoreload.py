"""Reload when files in the knowledge folder change: the loop the Discord bot and the local chat both run.

A watcher that fails (e.g. inotify limits) is restarted with polling after RETRY_SECONDS; a reload that
fails keeps the current index (the reloader logs why)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar

from bot.config.sources import WatchSettings
from bot.knowledge.watch import watch_knowledge

log = logging.getLogger(__name__)
RETRY_SECONDS = 5.0
T = TypeVar("T")


def describe(changed: set[str]) -> str:
    names = sorted(changed)
    return ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")


async def watch_and_reload(
    folder: Path,
    settings: WatchSettings,
    reload: Callable[[str], Awaitable[T]],
    stop: asyncio.Event,
    reloaded: Callable[[T], None] | None = None,
) -> None:
    """Until `stop` is set: after each burst of changes, `await reload(reason)`, then `reloaded(result)`."""
    while not stop.is_set():
        try:
            log.info("watching %s for changes%s", folder, " (polling)" if settings.force_polling else "")
            async for changed in watch_knowledge(folder, settings, stop):
                try:
                    result = await reload(f"changed: {describe(changed)}")
                except Exception:
                    continue  # logged by the reloader; the current index keeps serving
                if reloaded is not None:
                    reloaded(result)
        except Exception:
            log.exception("watching %s failed; retrying with polling in %.0f s", folder, RETRY_SECONDS)
            settings = settings.model_copy(update={"force_polling": True})
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), RETRY_SECONDS)
