"""!digest preview and !digest now: the channel's digest, composed by the same DigestService that posts it.

In Discord they act on the channel they are typed in. The local chat has no channel: it shows every
configured channel (or the one named), and never posts or logs anything."""

from __future__ import annotations

import datetime as dt
from datetime import UTC

from bot.answers.model import Answer, Status
from bot.commands.registry import Frontend
from bot.commands.request import Invocation
from bot.commands.text_input import echo
from bot.digest import DigestChannel, DigestService

EXAMPLE = DigestChannel(channel_id=1, name="example (no channels configured)", time=dt.time(9))


def _channels(inv: Invocation, service: DigestService) -> list[DigestChannel] | Answer:
    config = service.config
    if inv.request.frontend is Frontend.DISCORD:
        channel_id = inv.request.caller.channel_id
        channel = config.channel(channel_id) if channel_id is not None else None
        if channel is None:
            return Answer(
                "digest",
                "No digest is set up for this channel",
                Status.USAGE,
                intro=f"Add channel_id {channel_id} to config/digest.yaml (see README: Daily digest).",
            )
        return [channel]
    wanted = inv.text.strip().lower()
    if not wanted:
        return config.channels or [EXAMPLE]
    found = [c for c in config.channels if wanted in (str(c.channel_id), c.name.lower())]
    if found:
        return found
    known = ", ".join(c.label for c in config.channels) or "none"
    return Answer("digest", f"No digest channel “{echo(wanted, 40)}”", Status.USAGE, intro=f"Configured: {known}.")


def _target(inv: Invocation) -> tuple[DigestService, list[DigestChannel], dt.datetime] | Answer:
    service = inv.services.digest
    assert service is not None, "the runtime always has a digest service"
    channels = _channels(inv, service)
    return channels if isinstance(channels, Answer) else (service, channels, dt.datetime.now(UTC))


async def digest_preview(inv: Invocation) -> Answer | list[Answer]:
    target = _target(inv)
    if isinstance(target, Answer):
        return target
    service, channels, now = target
    digests = [await inv.services.call(service.prepare, c, now) for c in channels]
    return [a for d in digests for a in d.answers]


async def digest_now(inv: Invocation) -> Answer | list[Answer]:
    target = _target(inv)
    if isinstance(target, Answer):
        return target
    service, channels, now = target
    if inv.request.frontend is Frontend.DISCORD:
        result = await service.post_now(channels[0], now)
        return Answer("digest", f"Digest posted ({result.detail})")
    answers = [a for c in channels for a in (await inv.services.call(service.compose_today, c, now)).answers]
    note = "The local chat never posts: this is today's digest as of now. `python -m bot run` posts it in Discord."
    return [*answers, Answer("digest", "Nothing was posted", Status.EMPTY, intro=note)]
