"""`python -m bot digest --preview`: print what the digest service would post, without posting it.

The preview works on a private copy of the state (bot.digest.snapshot): it records the knowledge folder's
documents as seen there, as the bot does on every load, and changes nothing in the real state. It calls
the same `DigestService.prepare` that `tick` posts, so it is exactly what would be posted at that moment
if nothing changes in between."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from datetime import UTC

from bot.config import ConfigError
from bot.digest.config import DigestChannel, DigestConfig, load_digest_config
from bot.digest.schedule import last_slot, next_run
from bot.digest.service import DigestService
from bot.digest.snapshot import state_copy
from bot.loading import SetupError, engine_from_args
from bot.paths import resolve
from bot.state.db import STATE_FILE, StateDB

DEFAULT_CHANNEL = DigestChannel(channel_id=1, name="example (no channels configured)", time=dt.time(9))


def parse_at(text: str | None, channel: DigestChannel, now: dt.datetime) -> dt.datetime:
    if text is None:
        return next_run(now, channel.time, channel.tz)
    moment = dt.datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=channel.tz)
    return moment.astimezone(UTC)


def channels_for(config: DigestConfig, wanted: int | None) -> list[DigestChannel]:
    if wanted is not None:
        channel = config.channel(wanted)
        if channel is None:
            known = ", ".join(str(c.channel_id) for c in config.channels) or "none"
            raise SetupError(f"channel {wanted} is not in config/digest.yaml (configured: {known})")
        return [channel]
    return config.channels or [DEFAULT_CHANNEL]


def run_digest(args: argparse.Namespace) -> int:
    if not args.preview:
        print("Digests are posted by `python -m bot run`; use `digest --preview` to see one.", file=sys.stderr)
        return 2
    try:
        engine = engine_from_args(args)
        config = load_digest_config(resolve("config", args.config), engine.config)
        channels = channels_for(config, args.channel)
        now = dt.datetime.now(UTC)
        moments = [parse_at(args.at, c, now) for c in channels]
    except (SetupError, ConfigError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not config.channels:
        print("No channels in config/digest.yaml: previewing an example channel (09:00 UTC).", file=sys.stderr)
    with state_copy(resolve("data", args.data) / STATE_FILE) as copy:  # a preview changes nothing
        service = DigestService(engine, config, StateDB(copy), _no_send, door=_inline)
        service.sync(engine, now)
        pairs = zip(channels, moments, strict=True)
        print("\n\n".join(f"{_header(service, c, at)}\n\n{service.prepare(c, at).text}" for c, at in pairs))
    return 0


def _header(service: DigestService, channel: DigestChannel, at: dt.datetime) -> str:
    day, _ = last_slot(at, channel.time, channel.tz)
    entry = service.log.get(channel.channel_id, day)
    status = f" — already {entry.status} at {entry.at.isoformat()}" if entry else ""
    local = at.astimezone(channel.tz)
    return f"=== channel {channel.label} · digest for {day} · as of {local.isoformat()}{status} ==="


async def _inline(func, *args):  # the preview runs no event loop: nothing to keep free
    return func(*args)


async def _no_send(channel_id: int, answers: list) -> list[int]:
    raise RuntimeError("preview never sends")
