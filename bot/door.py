"""The engine door: every engine call from async code runs here, one at a time, on one worker thread.

PyStemmer objects are not thread-safe, and the event loop must never wait on a search: so the engine and
everything that reads it (commands, digests, autocomplete) go through one single-thread executor.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")
THREAD_NAME = "engine"


class EngineDoor:
    def __init__(self) -> None:
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=THREAD_NAME)

    async def __call__(self, func: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.executor, lambda: func(*args, **kwargs))

    def close(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
