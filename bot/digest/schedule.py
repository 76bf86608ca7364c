"""When a channel's digest is due: local wall-clock times mapped to UTC instants, DST-correct.

A local time that does not exist (the spring-forward gap, e.g. 01:30 in London on the last Sunday of
March) fires at the same offset as before the change, i.e. shifted forward by the gap (02:30 BST). A local
time that occurs twice (the autumn fall-back) fires at its first occurrence. Both follow PEP 495 with
fold=0; whichever instant is chosen, the digest log keys posts by local date, so a day posts once."""

from __future__ import annotations

import datetime as dt
from datetime import UTC
from zoneinfo import ZoneInfo

_DAY = dt.timedelta(days=1)


def _aware(now: dt.datetime) -> dt.datetime:
    if now.tzinfo is None:
        raise ValueError(f"naive datetime {now!r}: pass an aware UTC time")
    return now.astimezone(UTC)


def scheduled_at(day: dt.date, at: dt.time, tz: ZoneInfo) -> dt.datetime:
    """The UTC instant of local time `at` on local date `day`."""
    return dt.datetime.combine(day, at.replace(tzinfo=None, fold=0), tzinfo=tz).astimezone(UTC)


def next_run(now_utc: dt.datetime, at: dt.time, tz: ZoneInfo) -> dt.datetime:
    """The first scheduled instant strictly after `now_utc` (UTC)."""
    now = _aware(now_utc)
    local = now.astimezone(tz).date()
    for day in (local - _DAY, local, local + _DAY, local + 2 * _DAY):
        moment = scheduled_at(day, at, tz)
        if moment > now:
            return moment
    raise AssertionError("unreachable: a scheduled time falls within any two local days")


def last_slot(now_utc: dt.datetime, at: dt.time, tz: ZoneInfo) -> tuple[dt.date, dt.datetime]:
    """The latest scheduled (local date, UTC instant) at or before `now_utc`."""
    now = _aware(now_utc)
    local = now.astimezone(tz).date()
    for day in (local + _DAY, local, local - _DAY, local - 2 * _DAY):
        moment = scheduled_at(day, at, tz)
        if moment <= now:
            return day, moment
    raise AssertionError("unreachable: a scheduled time falls within any two local days")
