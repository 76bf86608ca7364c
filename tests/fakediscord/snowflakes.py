"""Snowflake ids and ISO-8601 timestamps formatted the way Discord sends them."""

from __future__ import annotations

import datetime as dt
import time

DISCORD_EPOCH_MS = 1_420_070_400_000


class SnowflakeFactory:
    """Hands out unique, increasing snowflakes (as strings, like the API) based on the wall clock."""

    def __init__(self) -> None:
        self._last = 0

    def next(self) -> str:
        now_ms = int(time.time() * 1000) - DISCORD_EPOCH_MS
        candidate = now_ms << 22
        value = max(candidate, self._last + 1)
        self._last = value
        return str(value)


def iso_now() -> str:
    """Current time like Discord's `timestamp` fields: `2024-05-01T12:00:00.123000+00:00`."""
    return dt.datetime.now(tz=dt.UTC).isoformat(timespec="microseconds")
