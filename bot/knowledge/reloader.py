"""Serialised, coalescing reloads: build a new index, then swap it in; on failure keep the old one.

Engine-agnostic: ``build`` makes a new T (off the event loop and off the query thread: see
:mod:`bot.knowledge.rebuild`) and ``swap`` installs it in one step. Requests that arrive while a reload
runs are served by one more reload after it, not one each: a reload that *started* after a request
covers that request. A rebuild abandoned at shutdown is logged as such, not as a failure.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

from bot.knowledge.rebuild import Abandoned

log = logging.getLogger(__name__)
T = TypeVar("T")


class Reloader(Generic[T]):
    def __init__(self, build: Callable[[], Awaitable[T]], swap: Callable[[T], Awaitable[None]]) -> None:
        self._build = build
        self._swap = swap
        self._lock = asyncio.Lock()
        self._requested = 0  # number of reload requests so far
        self._covered = 0  # requests already covered by a finished reload
        self._last: T | None = None
        self._error: BaseException | None = None

    @property
    def reloads(self) -> int:
        return self._covered

    async def reload(self, reason: str) -> T:
        """Reload (or wait for a reload that started after this call); raise if that reload failed."""
        self._requested += 1
        mine = self._requested
        async with self._lock:
            if self._covered >= mine:
                return self._result()
            covers = self._requested
            try:
                value = await self._build()
            except Abandoned as exc:
                log.info("reload (%s) abandoned: shutting down", reason)
                self._error, self._covered = exc, covers
                raise
            except Exception as exc:
                log.exception("reload (%s) failed; the current index stays in use", reason)
                self._error, self._covered = exc, covers
                raise
            await self._swap(value)
            self._last, self._error, self._covered = value, None, covers
            log.info("reloaded the knowledge base (%s)", reason)
            return value

    def _result(self) -> T:
        if self._error is not None:
            raise self._error
        assert self._last is not None
        return self._last
