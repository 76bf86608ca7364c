"""Rebuilds away from the queries, and abandonable at shutdown.

Queries run on the engine thread. A rebuild never does: the new engine is built on a thread of its own
(a daemon thread, so an exit never waits for it) while queries keep using the old engine, and it is swapped
in only when complete.

With ``in_child=True`` the expensive part runs first in a child process of its own process group: it
builds and writes the cache (atomically), then the thread above loads the engine from that fresh cache
(0.7 s instead of 20+ s on the White House set), so the build's CPU and GIL are not the bot's. ``abandon()``
kills the child and its workers at once; a half-written cache file is never seen (atomic writes), so the
next start simply builds again.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")


class Abandoned(Exception):  # noqa: N818 - what happened, not an "Error"
    """The rebuild was abandoned because the bot is shutting down."""

    def __init__(self) -> None:
        super().__init__("abandoned: the bot is shutting down")


def in_daemon_thread(func: Callable[[], T], name: str = "engine-build") -> asyncio.Future[T]:
    """``func()`` on a new daemon thread: the event loop and the engine thread stay free, and an exit never
    waits for it. Call it on the event loop; the future settles there."""
    loop = asyncio.get_running_loop()
    done: asyncio.Future[T] = loop.create_future()

    def settle(outcome: Callable[[], None]) -> None:
        with contextlib.suppress(RuntimeError):  # the loop closed meanwhile: nobody waits any more
            loop.call_soon_threadsafe(outcome)

    def run() -> None:
        try:
            result = func()
        except BaseException as exc:  # noqa: BLE001 - handed to the awaiting coroutine
            error = exc
            settle(lambda: done.done() or done.set_exception(error))
        else:
            settle(lambda: done.done() or done.set_result(result))

    threading.Thread(target=run, name=name, daemon=True).start()
    return done


def _child(build: Callable[[], object]) -> None:
    os.setpgrp()  # its own process group, so abandon() can stop its parse workers too
    logging.disable(logging.CRITICAL)  # the parent logs what the load found
    sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - no progress counter from the child
    build()


class Rebuilds(Generic[T]):
    def __init__(self, build: Callable[[], T], *, in_child: bool = False) -> None:
        self.load = build  # what builds a T; replaceable
        self.in_child = in_child
        self.abandoned = False
        self._process: multiprocessing.process.BaseProcess | None = None
        self._waiting: asyncio.Future[T] | None = None

    async def build(self) -> T:
        """A new T, built off the query thread; Abandoned once `abandon()` was called."""
        if self.abandoned:
            raise Abandoned()
        if self.in_child:
            await self._warm_cache()
        if self.abandoned:
            raise Abandoned()
        self._waiting = in_daemon_thread(self.load)
        try:
            return await self._waiting
        finally:
            self._waiting = None

    def abandon(self) -> None:
        """Stop the running rebuild now (and refuse new ones): the bot is shutting down."""
        self.abandoned = True
        if self._waiting is not None and not self._waiting.done():
            self._waiting.set_exception(Abandoned())  # the thread runs on, unobserved, and is not waited for
        process = self._process
        if process is not None and process.pid is not None and process.exitcode is None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(process.pid, signal.SIGKILL)  # the child and its parse workers
            process.kill()  # in case it had not made its process group yet (then it has no workers either)
            log.info("abandoned the rebuild in process %d", process.pid)

    async def _warm_cache(self) -> None:
        try:
            pickle.dumps(self.load)
        except Exception:  # noqa: BLE001 - e.g. a lambda in tests: build on the thread only
            log.debug("the build cannot go to a child process; building on a thread")
            return
        process = multiprocessing.get_context("spawn").Process(
            target=_child, args=(self.load,), name="policybot-rebuild"
        )
        process.start()
        self._process = process
        log.info("rebuilding the index in process %d", process.pid)
        try:
            await _exited(process)
        finally:
            self._process = None
            process.join()
        if process.exitcode not in (0, -signal.SIGKILL):
            log.warning("the rebuild process exited with %s; building on a thread", process.exitcode)


async def _exited(process: multiprocessing.process.BaseProcess) -> None:
    loop = asyncio.get_running_loop()
    ended: asyncio.Future[None] = loop.create_future()
    loop.add_reader(process.sentinel, lambda: ended.done() or ended.set_result(None))
    try:
        await ended
    finally:
        loop.remove_reader(process.sentinel)
