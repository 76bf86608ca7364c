"""DigestService: decides on each tick which channels are due, composes, sends, and logs — once a day.

Drive it with a minute loop: `await service.tick(discord.utils.utcnow())` every minute and once at
start-up. Exactly-once comes from the log (keyed by channel and local date), not from the loop's timing,
and holds across restarts and across processes sharing one database:

1. a tick after the scheduled time and within `grace_hours` claims the day: it inserts a 'sending' row (the
   intent), which only one process can do;
2. it sends the digest, whose last message carries the day's marker;
3. it turns the row into 'posted'. A failed send keeps the claim and is retried, unchanged, on the next tick.

A 'sending' row found later means a process died between 1 and 3: the channel's recent messages are
searched for the marker first (found: it was posted, the row is finished); only a claim older than
`CLAIM_LEASE` with no marker is taken over and sent again."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import logging
import os
import socket
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from bot.answers.model import Answer
from bot.digest.channels import effective
from bot.digest.compose import compose
from bot.digest.config import DigestChannel, DigestConfig
from bot.digest.model import Digest, DigestInputs
from bot.digest.schedule import last_slot, scheduled_at
from bot.digest.seen import sync_seen
from bot.engine import Engine
from bot.state import POSTED, SENDING, SKIPPED, LogEntry, StateDB, SyncResult

log = logging.getLogger(__name__)

Door = Callable[..., Awaitable[Any]]
"""`await door(func, *args)`: run blocking engine or state work off the event loop (the bot's engine door)."""
SendFn = Callable[[int, list[Answer]], Awaitable[list[int]]]
"""`send(channel_id, answers) -> message ids`: post every answer (split to Discord's limits as needed) and
return the ids, or raise. Raising means "not posted": the same digest is sent again on the next tick, so a
send that fails half-way should delete what it already posted (best effort) before raising."""
FindFn = Callable[[int, str], Awaitable[list[int]]]
"""`find(channel_id, marker) -> message ids`: the bot's recent messages in the channel that contain `marker`."""
CLAIM_LEASE = dt.timedelta(minutes=5)  # longer than any send with its retries takes


def marker(day: dt.date) -> str:
    """Written under the last message of a digest, so a restart can tell that the day's digest was posted."""
    return f"policybot digest {day.isoformat()}"


MARKER = "digest_marker"  # Answer.data key: the front end shows it under the digest's last message


def marked(digest: Digest) -> Digest:
    """The digest with its day's marker on the last answer (previews have it too: they are what is posted)."""
    if not digest.answers:
        return digest
    *rest, last = digest.answers
    last = dataclasses.replace(last, data={**last.data, MARKER: marker(digest.local_date)})
    return dataclasses.replace(digest, answers=[*rest, last])


async def _find_nothing(_channel_id: int, _marker: str) -> list[int]:
    return []


@dataclass(frozen=True)
class TickResult:
    channel_id: int
    local_date: dt.date
    action: str  # "posted", "failed" (will retry) or "skipped" (window passed)
    detail: str = ""


class DigestService:
    def __init__(
        self,
        engine: Engine,
        config: DigestConfig,
        state: StateDB,
        send: SendFn,
        *,
        door: Door,
        find: FindFn = _find_nothing,
    ) -> None:
        self.engine = engine
        self.seed = config  # config/digest.yaml; `config` is it with the channels set from Discord applied
        self.config = config
        self.seen = state.seen
        self.log = state.digest_log
        self.channels = state.channels
        self.send = send
        self.find = find
        self.door = door
        self.instance = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"  # this process's claims
        self._pending: dict[tuple[int, dt.date], Digest] = {}
        self._lock = asyncio.Lock()

    # -- engine (re)loads ------------------------------------------------------------------------

    def sync(self, engine: Engine, now: dt.datetime) -> SyncResult:
        """Blocking: use `engine` from now on and record its documents as seen at `now`."""
        self.engine = engine
        self.refresh()
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

    def refresh(self) -> DigestConfig:
        """Blocking: re-read the channels set from Discord (another process may have changed them)."""
        self.config = effective(self.seed, self.channels.all())
        return self.config

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
        return pending or marked(compose(self.engine, channel, self.inputs(channel, day, now)))

    def compose_today(self, channel: DigestChannel, now: dt.datetime) -> Digest:
        """Blocking: today's digest (the channel's local date) as of `now`, what `post_now` posts."""
        day = now.astimezone(channel.tz).date()
        return marked(compose(self.engine, channel, self.inputs(channel, day, now)))

    # -- ticking ------------------------------------------------------------------------------------

    async def tick(self, now: dt.datetime) -> list[TickResult]:
        """Post every digest that is due at `now`; returns what was done (nothing for channels not due)."""
        async with self._lock:
            config = await self.door(self.refresh)
            results = [await self._tick_channel(c, now) for c in config.channels]
        return [r for r in results if r is not None]

    async def _tick_channel(self, channel: DigestChannel, now: dt.datetime) -> TickResult | None:
        day, slot = last_slot(now, channel.time, channel.tz)
        entry = await self.door(self.log.get, channel.channel_id, day)
        if entry is not None and entry.status != SENDING:
            return None
        if entry is not None and (entry.claimed_by != self.instance or (channel.channel_id, day) not in self._pending):
            return await self._resolve(channel, entry, slot, now)  # not a send of ours that failed: look first
        late = now - slot > dt.timedelta(hours=channel.grace_hours)
        if entry is None and late:
            return await self._skip(channel, day, slot, now)
        if entry is None and not await self.door(self.log.record, self._claim(channel.channel_id, day, now)):
            return None  # another process claimed the day a moment ago
        if late:  # our own claim, retried until the window closed
            return await self._skip(channel, day, slot, now)
        return await self._send(channel, day, now)

    def _claim(self, channel_id: int, day: dt.date, now: dt.datetime) -> LogEntry:
        return LogEntry(channel_id, day, SENDING, now, claimed_by=self.instance)

    async def _resolve(
        self, channel: DigestChannel, claim: LogEntry, slot: dt.datetime, now: dt.datetime
    ) -> TickResult | None:
        """A claim whose outcome this process does not know (another process's, or ours when the log write
        failed): posted if its marker is in the channel; else taken over once another's lease ran out."""
        try:
            found = await self.find(channel.channel_id, marker(claim.local_date))
        except Exception:  # Discord unreachable: decide nothing now, look again on the next tick
            log.exception("digest for channel %s (%s): could not read the channel", channel.label, claim.local_date)
            return None
        if found:
            entry = LogEntry(channel.channel_id, claim.local_date, POSTED, now, message_ids=tuple(found))
            if await self.door(self.log.finish, entry):
                log.warning("digest for channel %s (%s) was posted before a restart: logged", channel.label, slot)
                return TickResult(channel.channel_id, claim.local_date, "recovered", f"messages {found}")
            return None
        if claim.claimed_by != self.instance and now - claim.at < CLAIM_LEASE:
            return None  # the other process may still be sending it
        if not await self.door(self.log.take_over, claim, self.instance, now):
            return None  # someone else took it over first
        if now - slot > dt.timedelta(hours=channel.grace_hours):
            return await self._skip(channel, claim.local_date, slot, now)
        return await self._send(channel, claim.local_date, now)

    async def _send(self, channel: DigestChannel, day: dt.date, now: dt.datetime) -> TickResult:
        digest = await self.door(self.prepare, channel, now)
        try:
            message_ids = await self.send(channel.channel_id, digest.answers)
        except Exception as exc:  # any failure of the front end: keep the digest and the claim, retry next tick
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
            await self.door(self._record_posted, digest, message_ids, now)
            self._pending.pop((channel.channel_id, day), None)
        return TickResult(channel.channel_id, day, "posted", f"{len(message_ids)} messages (manual)")

    def _record_posted(self, digest: Digest, message_ids: list[int], now: dt.datetime) -> None:
        entry = LogEntry(
            digest.channel_id, digest.local_date, POSTED, now, digest.cutoff,
            tuple(message_ids), digest.payload_hash, digest.rotation,
        )  # fmt: skip
        if not (self.log.finish(entry) or self.log.record(entry)):  # our claim, or no row (`!digest now`)
            log.info("digest for channel %s (%s) was already logged", digest.channel_id, digest.local_date)

    async def _skip(self, channel: DigestChannel, day: dt.date, slot: dt.datetime, now: dt.datetime) -> TickResult:
        pending = (channel.channel_id, day) in self._pending
        why = "sending kept failing" if pending else "the bot was not running"
        reason = f"{why} between {slot.isoformat()} and the end of the {channel.grace_hours:g} h grace window"
        self._pending.pop((channel.channel_id, day), None)
        entry = LogEntry(channel.channel_id, day, SKIPPED, now, reason=reason)
        await self.door(lambda: self.log.finish(entry) or self.log.record(entry))
        log.warning("digest for channel %s (%s) skipped: %s", channel.label, day, reason)
        return TickResult(channel.channel_id, day, "skipped", reason)
