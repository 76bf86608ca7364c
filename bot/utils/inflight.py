"""The commands being answered, so a shutdown can stop taking new ones and finish these first.

A command is admitted when its task starts (the first step of `on_message` or of the command tree's
invoker). A SIGTERM is handled on a later turn of the event loop than every task already created, so
every command received before it is admitted, and every one after it is turned away.
"""

from __future__ import annotations

import asyncio
import logging

log = logging.getLogger(__name__)


class InFlight:
    def __init__(self) -> None:
        self._tasks: set[asyncio.Task] = set()
        self.closing = False
        self.admitted = 0
        self.turned_away = 0

    def admit(self) -> bool:
        """Take the current task's command, unless shutting down."""
        if self.closing:
            self.turned_away += 1
            return False
        self.admitted += 1
        self.join()
        return True

    def join(self) -> None:
        """Count the current task as part of an admitted command (its error reply, a restart notice)."""
        task = asyncio.current_task()
        if task is not None and task not in self._tasks:
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    def pending(self) -> set[asyncio.Task]:
        me = asyncio.current_task()
        return {t for t in self._tasks if not t.done() and t is not me}

    async def drain(self, timeout: float) -> int:
        """Stop admitting; wait up to `timeout` s for the admitted commands; cancel what is left.
        Returns how many had to be cancelled."""
        self.closing = True
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            await asyncio.sleep(0)  # let just-created follow-up tasks (error replies) join
            pending = self.pending()
            remaining = deadline - loop.time()
            if not pending or remaining <= 0:
                break
            await asyncio.wait(pending, timeout=remaining)
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.wait(pending, timeout=0.5)
        return len(pending)
