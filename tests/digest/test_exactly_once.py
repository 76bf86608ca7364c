"""Exactly once across processes and crashes: two bots on one database, a kill between send and log write,
a kill between claim and send. Every test runs on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable

import pytest

from bot.digest.service import CLAIM_LEASE, DigestService, marker
from bot.door import EngineDoor
from bot.state import POSTED, SENDING, StateDB
from tests.digest.conftest import World, utc

DUE = utc("2024-06-03T08:00")  # 09:00 in London: the channel's slot
DAY = dt.date(2024, 6, 3)


class Killed(BaseException):
    """Stands for the process dying at that point: nothing after it runs."""


async def process(world: World, open_db: Callable[[], StateDB], doors: list[EngineDoor]) -> DigestService:
    doors.append(EngineDoor())  # each process has its own engine thread
    return await world.service(utc("2024-06-03T07:00"), state=open_db(), door=doors[-1])


@pytest.fixture
def doors():
    opened: list[EngineDoor] = []
    yield opened
    for door in opened:
        door.close()


async def test_two_processes_on_one_database_post_each_digest_once(world: World, open_db, doors) -> None:
    one, two = await process(world, open_db, doors), await process(world, open_db, doors)
    for minute in range(3):  # both tick at the same moments, concurrently
        now = DUE + dt.timedelta(minutes=minute)
        await asyncio.gather(one.tick(now), two.tick(now))
    assert len(world.send.sent) == 1
    entry = one.log.get(42, DAY)
    assert entry is not None and entry.status == POSTED and entry.message_ids


async def test_a_kill_between_send_and_log_write_does_not_post_twice(world: World, open_db, doors) -> None:
    first = await process(world, open_db, doors)

    def die(_entry: object) -> bool:
        raise Killed

    first.log.finish = die  # the process dies right after Discord accepted the digest
    with pytest.raises(Killed):
        await first.tick(DUE)
    assert len(world.send.sent) == 1 and first.log.get(42, DAY).status == SENDING

    restarted = await process(world, open_db, doors)
    (result,) = await restarted.tick(DUE + dt.timedelta(minutes=1))
    assert result.action == "recovered"  # found its marker in the channel, logged it, sent nothing
    assert await restarted.tick(DUE + dt.timedelta(minutes=30)) == []
    assert len(world.send.sent) == 1
    entry = restarted.log.get(42, DAY)
    assert entry.status == POSTED and entry.message_ids == (1000,)
    assert world.send.sent[0][1][-1].data["digest_marker"] == marker(DAY)


async def test_a_kill_between_claim_and_send_posts_once_after_the_lease(world: World, open_db, doors) -> None:
    first = await process(world, open_db, doors)

    async def die(_channel: int, _answers: list) -> list[int]:
        raise Killed

    first.send = die  # the claim is written, then the process dies before anything reaches Discord
    with pytest.raises(Killed):
        await first.tick(DUE)
    restarted = await process(world, open_db, doors)
    assert await restarted.tick(DUE + dt.timedelta(minutes=1)) == []  # the other may still be sending
    after = DUE + CLAIM_LEASE + dt.timedelta(minutes=1)
    assert [r.action for r in await restarted.tick(after)] == ["posted"]
    assert await restarted.tick(after + dt.timedelta(minutes=1)) == []
    assert len(world.send.sent) == 1 and restarted.log.get(42, DAY).status == POSTED


async def test_a_failed_log_write_after_a_send_does_not_post_again(world: World, open_db, doors) -> None:
    service = await process(world, open_db, doors)
    finish = service.log.finish
    calls = []

    def fails_once(entry: object) -> bool:
        calls.append(entry)
        if len(calls) == 1:
            raise ConnectionError("the database went away")
        return finish(entry)

    service.log.finish = fails_once
    with pytest.raises(ConnectionError):
        await service.tick(DUE)
    assert [r.action for r in await service.tick(DUE + dt.timedelta(minutes=1))] == ["recovered"]
    assert len(world.send.sent) == 1 and service.log.get(42, DAY).status == POSTED


async def test_a_channel_that_cannot_be_read_decides_nothing_until_it_can(world: World, open_db, doors) -> None:
    first = await process(world, open_db, doors)
    first.log.finish = lambda _entry: (_ for _ in ()).throw(Killed())
    with pytest.raises(Killed):
        await first.tick(DUE)
    restarted = await process(world, open_db, doors)

    async def unreadable(_channel: int, _marker: str) -> list[int]:
        raise ConnectionError("Discord is unavailable")

    restarted.find = unreadable
    late = DUE + CLAIM_LEASE * 2
    assert await restarted.tick(late) == [] and len(world.send.sent) == 1  # never re-sent blind
    restarted.find = world.send.find
    assert [r.action for r in await restarted.tick(late)] == ["recovered"]
