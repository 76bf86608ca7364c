"""Reloader: serialised, coalescing, and a failed build keeps the old value."""

from __future__ import annotations

import asyncio
import logging

import pytest

from bot.knowledge.reloader import Reloader


class Target:
    def __init__(self) -> None:
        self.value = 0
        self.builds = 0
        self.fail = False
        self.gate = asyncio.Event()
        self.gate.set()

    async def build(self) -> int:
        self.builds += 1
        await self.gate.wait()
        if self.fail:
            raise RuntimeError("broken")
        return self.builds

    async def swap(self, value: int) -> None:
        self.value = value


async def test_requests_during_a_reload_share_one_more_reload() -> None:
    target = Target()
    reloader = Reloader(target.build, target.swap)
    target.gate.clear()
    first = asyncio.create_task(reloader.reload("a"))
    await asyncio.sleep(0)
    others = [asyncio.create_task(reloader.reload(f"b{i}")) for i in range(5)]
    await asyncio.sleep(0)
    target.gate.set()
    results = await asyncio.gather(first, *others)
    assert target.builds == 2
    assert results == [1, 2, 2, 2, 2, 2]
    assert target.value == 2


async def test_failure_keeps_the_old_value_and_logs(caplog: pytest.LogCaptureFixture) -> None:
    target = Target()
    reloader = Reloader(target.build, target.swap)
    await reloader.reload("first")
    target.fail = True
    with caplog.at_level(logging.ERROR), pytest.raises(RuntimeError):
        await reloader.reload("second")
    assert target.value == 1
    assert any("failed" in r.message for r in caplog.records)
    target.fail = False
    assert await reloader.reload("third") == 3
