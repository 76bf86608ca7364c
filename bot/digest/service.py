"""DigestService: decides on each tick which channels are due, composes, sends, and logs — once a day.

Drive it with a minute loop: `await service.tick(discord.utils.utcnow())` every minute and once at
start-up. Exactly-once comes from the log (keyed by channel and local date), not from the loop's timing:
a tick after the scheduled time and within `grace_hours` posts if the day has no log row; the row is
written only after `send` returned; a failed send is kept and retried, unchanged, on the next tick."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from bot.answers.model import Answer
from bot.digest.compose import compose
from bot.digest.config import DigestChannel, DigestConfig
from bot.digest.model import Digest, DigestInputs
from bot.digest.schedule import last_slot, scheduled_at
from bot.digest.seen import sync_seen
from bot.engine import Engine
from bot.state import POSTED, SKIPPED, LogEntry, StateDB, SyncResult

log = logging.getLogger(__name__)

Door = Callable[..., Awaitable[Any]]
"""`await door(func, *args)`: run blocking engine or state work off the event loop (the bot's engine door)."""
SendFn = Callable[[int, list[Answer]], Awaitable[list[int]]]
"""`send(channel_id, answers) -> message ids`: post every answer (split to Discord's limits as needed) and
return the ids, or raise. Raising means "not posted": the same digest is sent again on the next tick, so a
send that fails half-way should delete what it already posted (best effort) before raising."""


@dataclass(frozen=True)
class TickResult:
    channel_id: int
    local_date: dt.date
    action: str  # "posted", "failed" (will retry) or "skipped" (window passed)
    detail: str = ""


class DigestService:
    def __init__(self, engine: Engine, config: DigestConfig, state: StateDB, send: SendFn, *, door: Door) -> None:
        self.engine = engine
        self.config = config
        self.seen = state.seen
        self.log = state.digest_log
        self.send = send
        self.door = door
        self._pending: dict[tuple[int, dt.date], Digest] = {}
        self._lock = asyncio.Lock()

    # -- engine (re)loads ------------------------------------------------------------------------

    def sync(self, engine: Engine, now: dt.datetime) -> SyncResult:
        """Blocking: use `engine` from now on and record its documents as seen at `now`."""
        self.engine = engine
        result = sync_seen(self.seen, engine.kb.documents, now)
        if result.baseline:
            log.info("digest: first run, %d documents recorded as already seen", len(result.added))
        elif result.added:
            log.info("digest: %d new documents seen", len(result.added))
        return result

    async def engine_loaded(self, engine: Engine, now: dt.datetime) -> SyncResult:
        """Call after every engine (re)load, before the next tick."""
        async with self._lock:
            return await self.door(self.sync, engine, now)

    # -- composing ----------------------------------------------------------------------------------

    def inputs(self, channel: DigestChannel, day: dt.date, now: dt.datetime) -> DigestInputs:
        previous = self.log.last_posted_before(channel.channel_id, day)
        since = previous.cutoff if previous and previous.cutoff else self._day_before(channel, day)
        return DigestInputs(
            channel.channel_id,
            day,
            since,
            now,
            tuple(self.seen.first_seen_between(since, now)),
            self.log.last_rotation_before(channel.channel_id, day),
        )

    @staticmethod
    def _day_before(channel: DigestChannel, day: dt.date) -> dt.datetime:
        return scheduled_at(day - dt.timedelta(days=1), channel.time, channel.tz)

    def prepare(self, channel: DigestChannel, now: dt.datetime) -> Digest:
        """Blocking: the digest `tick(now)` would post for the channel's latest slot at or before `now`
        (a pending retry, if any, is returned as it will be re-sent). This is what `--preview` prints."""
        day, _ = last_slot(now, channel.time, channel.tz)
        pending = self._pending.get((channel.channel_id, day))
        return pending or compose(self.engine, channel, self.inputs(channel, day, now))

    def compose_today(self, channel: DigestChannel, now: dt.datetime) -> Digest:
        """Blocking: today's digest (the channel's local date) as of `now`, what `post_now` posts."""
        day = now.astimezone(channel.tz).date()
        return compose(self.engine, channel, self.inputs(channel, day, now))

    # -- ticking ------------------------------------------------------------------------------------

    async def tick(self, now: dt.datetime) -> list[TickResult]:
        """Post every digest that is due at `now`; returns what was done (nothing for channels not due)."""
        async with self._lock:
            results = [await self._tick_channel(c, now) for c in self.config.channels]
        return [r for r in results if r is not None]

    async def _tick_channel(self, channel: DigestChannel, now: dt.datetime) -> TickResult | None:
        day, slot = last_slot(now, channel.time, channel.tz)
        if await self.door(self.log.get, channel.channel_id, day):
            return None
        if now - slot > dt.timedelta(hours=channel.grace_hours):
            return await self._skip(channel, day, slot, now)
        digest = await self.door(self.prepare, channel, now)
        try:
            message_ids = await self.send(channel.channel_id, digest.answers)
        except Exception as exc:  # any failure of the front end: keep the digest, retry next tick
            self._pending[(channel.channel_id, day)] = digest
            log.exception("digest for channel %s (%s) failed to send; will retry", channel.label, day)
            return TickResult(channel.channel_id, day, "failed", f"{type(exc).__name__}: {exc}")
        await self.door(self._record_posted, digest, message_ids, now)
        self._pending.pop((channel.channel_id, day), None)
        log.info("digest for channel %s (%s) posted: messages %s", channel.label, day, message_ids)
        return TickResult(channel.channel_id, day, "posted", f"{len(message_ids)} messages")

    async def post_now(self, channel: DigestChannel, now: dt.datetime) -> TickResult:
        """`!digest now`: compose for today (local date) and post at once; it counts as today's digest,
        so the schedule does not post again today. Raises if sending fails (nothing is logged then)."""
        async with self._lock:
            day = now.astimezone(channel.tz).date()
            digest = await self.door(self.compose_today, channel, now)
            message_ids = await self.send(channel.channel_id, digest.answers)
            if await self.door(self.log.get, channel.channel_id, day) is None:
                await self.door(self._record_posted, digest, message_ids, now)
            self._pending.pop((channel.channel_id, day), None)
        return TickResult(channel.channel_id, day, "posted", f"{len(message_ids)} messages (manual)")

    def _record_posted(self, digest: Digest, message_ids: list[int], now: dt.datetime) -> None:
        entry = LogEntry(
            digest.channel_id, digest.local_date, POSTED, now, digest.cutoff,
            tuple(message_ids), digest.payload_hash, digest.rotation,
        )  # fmt: skip
        if not self.log.record(entry):
            log.error("digest for channel %s (%s) was already logged", digest.channel_id, digest.local_date)

    async def _skip(self, channel: DigestChannel, day: dt.date, slot: dt.datetime, now: dt.datetime) -> TickResult:
        pending = (channel.channel_id, day) in self._pending
        why = "sending kept failing" if pending else "the bot was not running"
        reason = f"{why} between {slot.isoformat()} and the end of the {channel.grace_hours:g} h grace window"
        self._pending.pop((channel.channel_id, day), None)
        await self.door(self.log.record, LogEntry(channel.channel_id, day, SKIPPED, now, reason=reason))
        log.warning("digest for channel %s (%s) skipped: %s", channel.label, day, reason)
        return TickResult(channel.channel_id, day, "skipped", reason)
