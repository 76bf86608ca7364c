"""Watch the knowledge folder: after each burst of changes, yield which knowledge files changed.

Knows nothing of the engine. Uses watchfiles (OS events: inotify, FSEvents, ReadDirectoryChangesW;
mtime polling when ``force_polling``). A burst — a git pull, a folder copied in — ends once nothing
has changed for ``quiet_ms`` (or after ``debounce_ms`` at most) and is reported as one event.

Why watchfiles (``python -m tests.knowledge.measure_watch``, median of 5, quiet_ms 50): a write is
reported after ~60 ms with OS events for 100 and 2,000 files alike, and costs nothing while idle; its
mtime polling (300 ms) took 150–220 ms; one hand-rolled mtime scan of 2,000 files costs ~47 ms of CPU
per tick, paid forever. Polling stays available (``force_polling``) for network shares and the
container mounts where OS events do not arrive.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

from watchfiles import Change, awatch

from bot.config.sources import WatchSettings
from bot.knowledge.loader import SUFFIXES, _ignored


class KnowledgeFilter:
    """Files the loader reads (and directories, which may hold them); not dot/underscore/README files."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder.resolve()

    def __call__(self, change: Change, path: str) -> bool:
        try:
            rel = Path(path).resolve().relative_to(self.folder)
        except ValueError:
            return False
        if not rel.parts or _ignored(rel):
            return False
        return rel.suffix.lower() in SUFFIXES or rel.suffix == ""


async def watch_knowledge(
    folder: Path, settings: WatchSettings, stop: asyncio.Event | None = None
) -> AsyncIterator[set[str]]:
    """Yield the changed paths (relative, POSIX) once per debounced burst, until ``stop`` is set."""
    keep = KnowledgeFilter(folder)
    async for changes in awatch(
        folder,
        watch_filter=keep,
        debounce=settings.debounce_ms,
        step=settings.quiet_ms,
        stop_event=stop,
        force_polling=settings.force_polling,
        poll_delay_ms=settings.poll_ms,
        ignore_permission_denied=True,
    ):
        paths = {_relative(keep.folder, path) for _change, path in changes}
        if paths:
            yield paths


def _relative(folder: Path, path: str) -> str:
    return Path(path).resolve().relative_to(folder).as_posix()
