"""Ingest's view of the state database: URLs canonicalised on the way in and in every lookup.

:class:`StateStore` is blocking; :class:`IngestState` is its asyncio face (every call runs in a worker
thread). The rows live in the one state database (:class:`bot.state.IngestRepo`).
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import ParamSpec, TypeVar

from bot.ingest.dedupe import canonical_url
from bot.state import IngestRepo, Item, ItemStatus

__all__ = ["IngestState", "Item", "ItemStatus", "StateStore"]
_P = ParamSpec("_P")
_T = TypeVar("_T")


class StateStore:
    def __init__(self, repo: IngestRepo) -> None:
        self.repo = repo

    def record(self, item: Item, aliases: Iterable[str] = ()) -> bool:
        """Insert ``item`` with extra URLs it is known by; False if its GUID was known."""
        item = dataclasses.replace(item, url=canonical_url(item.url))
        return self.repo.record(item, {canonical_url(u) for u in aliases})

    def find_duplicate(
        self,
        *,
        feed: str | None = None,
        guid: str | None = None,
        url: str | None = None,
        content_hash: str | None = None,
    ) -> Item | None:
        """The recorded item this one duplicates, checking GUID, then URL, then content hash.

        A GUID matches any item seen on ``feed`` (on any feed when ``feed`` is None). A URL matches an
        ingested item, or any item seen on ``feed``. A content hash matches an ingested item.
        """
        return self.repo.find_duplicate(feed=feed, guid=guid, url=canonical_url(url or ""), content_hash=content_hash)

    def is_duplicate(self, **keys: str | None) -> bool:
        return self.find_duplicate(**keys) is not None

    def feed_known(self, name: str) -> bool:
        """True once a feed has been polled successfully at least once."""
        return self.repo.last_polled(name) is not None

    def last_polled(self, name: str) -> datetime | None:
        return self.repo.last_polled(name)

    def mark_feed_polled(self, name: str, url: str, when: datetime) -> None:
        self.repo.mark_feed_polled(name, url, when)


class IngestState:
    """Async face of :class:`StateStore`; ``.store`` is the blocking store for code already off the loop."""

    def __init__(self, repo: IngestRepo) -> None:
        self.store = StateStore(repo)

    @staticmethod
    async def _run(fn: Callable[_P, _T], *args: _P.args, **kwargs: _P.kwargs) -> _T:
        return await asyncio.to_thread(fn, *args, **kwargs)

    async def record(self, item: Item, aliases: Iterable[str] = ()) -> bool:
        return await self._run(self.store.record, item, tuple(aliases))

    async def find_duplicate(self, **keys: str | None) -> Item | None:
        return await self._run(self.store.find_duplicate, **keys)

    async def is_duplicate(self, **keys: str | None) -> bool:
        return await self._run(self.store.is_duplicate, **keys)

    async def feed_known(self, name: str) -> bool:
        return await self._run(self.store.feed_known, name)

    async def last_polled(self, name: str) -> datetime | None:
        return await self._run(self.store.last_polled, name)

    async def mark_feed_polled(self, name: str, url: str, when: datetime) -> None:
        await self._run(self.store.mark_feed_polled, name, url, when)
