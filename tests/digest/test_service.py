"""Exactly once per day per channel, on a controllable clock: DST, restarts, downtime, failed sends."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.state import POSTED, SKIPPED
from tests.digest.conftest import NEW, World, add_docs, channel, utc

QUARTER = dt.timedelta(minutes=15)


async def posted(service, now: dt.datetime) -> list[int]:
    """Channels posted to by this tick (a tick may also log yesterday's missed digest as skipped)."""
    return [r.channel_id for r in await service.tick(now) if r.action == "posted"]


async def run_clock(world: World, start: str, end: str, **changes: object) -> list[dt.datetime]:
    """Tick every 15 minutes from start to end; the moments at which a digest was posted."""
    now = utc(start)
    service = await world.service(now, channel(**changes))
    posted = []
    while now <= utc(end):
        if any(r.action == "posted" for r in await service.tick(now)):
            posted.append(now)
        now += QUARTER
    return posted


@pytest.mark.parametrize(
    ("zone", "start", "end", "expected"),
    [
        ("Europe/London", "2024-03-29T00:00", "2024-04-01T12:00", ["03-29T09", "03-30T09", "03-31T08", "04-01T08"]),
        ("Europe/London", "2024-10-26T00:00", "2024-10-28T12:00", ["10-26T08", "10-27T09", "10-28T09"]),
        ("America/New_York", "2024-03-09T00:00", "2024-03-11T23:00", ["03-09T14", "03-10T13", "03-11T13"]),
    ],
)
async def test_fires_at_the_local_time_across_a_dst_change(
    world: World, zone: str, start: str, end: str, expected: list[str]
) -> None:
    posted = await run_clock(world, start, end, timezone=zone)
    assert posted == [utc(f"2024-{e}:00") for e in expected]


async def test_an_ambiguous_time_posts_once_on_the_fall_back_night(world: World) -> None:
    posted = await run_clock(world, "2024-10-26T12:00", "2024-10-27T12:00", time="01:30")
    assert posted == [utc("2024-10-27T00:30")]  # not again at 01:30 UTC, the second 01:30 local


async def test_a_restart_on_the_same_day_does_not_post_again(world: World) -> None:
    first = await world.service(utc("2024-06-03T07:00"))
    assert [r.action for r in await first.tick(utc("2024-06-03T08:00"))] == ["posted"]  # 09:00 BST
    again = await world.service(utc("2024-06-03T08:30"))  # a new process on the same state file
    assert await again.tick(utc("2024-06-03T08:31")) == []
    assert await again.tick(utc("2024-06-03T12:00")) == []
    assert [r.action for r in await again.tick(utc("2024-06-04T08:00"))] == ["posted"]
    assert len(world.send.sent) == 2


async def test_after_downtime_it_catches_up_once_within_the_grace_window(world: World) -> None:
    await world.service(utc("2024-06-02T07:00"))  # ran yesterday, then went down before 09:00 today
    service = await world.service(utc("2024-06-03T12:00"), channel(grace_hours=6))
    assert await posted(service, utc("2024-06-03T07:59")) == []  # not due yet
    assert [r.action for r in await service.tick(utc("2024-06-03T13:30"))] == ["posted"]
    assert await service.tick(utc("2024-06-03T13:31")) == []
    assert len(world.send.sent) == 1


async def test_outside_the_grace_window_the_day_is_skipped_and_logged(world: World) -> None:
    service = await world.service(utc("2024-06-03T07:00"), channel(grace_hours=2))
    assert await posted(service, utc("2024-06-03T07:59")) == []
    add_docs(world.knowledge, NEW)
    await world.reload(service, utc("2024-06-03T10:00"))
    (result,) = await service.tick(utc("2024-06-03T10:01"))  # 11:01 BST: 2 h 1 min late
    assert result.action == "skipped" and "not running" in result.detail
    assert await service.tick(utc("2024-06-03T10:02")) == [] and world.send.sent == []
    entry = service.log.get(42, dt.date(2024, 6, 3))
    assert entry and entry.status == SKIPPED and "grace" in (entry.reason or "")
    # nothing is lost: the next day's digest covers the documents of the skipped day
    assert [r.action for r in await service.tick(utc("2024-06-04T08:00"))] == ["posted"]
    titles = [s.heading for s in world.send.sent[0][1][0].sections]
    assert sorted(titles) == ["Drills near Taiwan (2024-06-03)", "Overnight strikes (2024-06-03)"]


async def test_a_failed_send_is_retried_next_tick_unchanged_and_posted_once(world: World) -> None:
    service = await world.service(utc("2024-06-03T07:00"))
    world.send.failures = 2
    first = await service.tick(utc("2024-06-03T08:00"))
    assert [r.action for r in first] == ["failed"] and "ConnectionError" in first[0].detail
    assert service.log.entries(42) == []
    preview = service.prepare(channel(), utc("2024-06-03T08:01"))
    assert [r.action for r in await service.tick(utc("2024-06-03T08:01"))] == ["failed"]
    assert [r.action for r in await service.tick(utc("2024-06-03T08:02"))] == ["posted"]
    assert await service.tick(utc("2024-06-03T08:03")) == []
    assert world.send.attempts == 3 and len(world.send.sent) == 1
    assert world.send.sent[0][1] == preview.answers
    (entry,) = service.log.entries(42)
    assert entry.status == POSTED and entry.message_ids == (1000,)


async def test_a_send_failing_until_the_window_closes_is_skipped_not_lost_silently(world: World) -> None:
    service = await world.service(utc("2024-06-03T07:00"), channel(grace_hours=1))
    world.send.failures = 100
    assert [r.action for r in await service.tick(utc("2024-06-03T08:00"))] == ["failed"]
    (result,) = await service.tick(utc("2024-06-03T09:30"))
    assert result.action == "skipped" and "sending kept failing" in result.detail
    assert world.send.sent == []


async def test_two_channels_are_independent(world: World) -> None:
    london, tokyo = channel(), channel(channel_id=7, timezone="Asia/Tokyo")
    service = await world.service(utc("2024-06-02T23:00"), london, tokyo)
    assert await posted(service, utc("2024-06-03T00:00")) == [7]  # 09:00 JST
    assert await posted(service, utc("2024-06-03T08:00")) == [42]
