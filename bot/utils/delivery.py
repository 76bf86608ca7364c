"""Getting a reply to Discord through transient failures, without ever showing it twice.

discord.py retries 429s and 500/502/504/524 itself, but not 503, and not a connection reset on Linux.
Here those are retried a few times with the same message ``nonce`` and ``enforce_nonce`` (discord.py
sets it whenever a nonce is given): if the first attempt did reach Discord and only its reply was lost,
Discord hands back that message instead of posting a second one. An interaction can be answered only
once, so there a retry that finds it already answered takes the original response.

A 403 is not transient: it is logged as one line naming the channel and the missing permission.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import Awaitable, Callable
from typing import TypeVar

import aiohttp
import discord
from discord.ext import commands

log = logging.getLogger(__name__)
T = TypeVar("T")

RETRY_DELAYS = (0.5, 1.5, 3.0)  # seconds before each retry
ALREADY_ACKNOWLEDGED = 40060
NEEDED = ("view_channel", "send_messages", "embed_links", "read_message_history")
RETRIED_BY_DISCORD_PY = {500, 502, 504, 524}  # already tried five times over ~25 s when they reach us


def transient(exc: BaseException) -> bool:
    if isinstance(exc, discord.HTTPException):
        return exc.status >= 500 and exc.status not in RETRIED_BY_DISCORD_PY
    return isinstance(exc, aiohttp.ClientConnectionError | ConnectionError | OSError | TimeoutError)


def new_nonce() -> int:
    return secrets.randbits(63)  # Discord takes an int64 or a string of up to 25 characters


async def with_retries(send: Callable[[], Awaitable[T]], what: str) -> T:
    """``send()``, again after a transient failure (at most len(RETRY_DELAYS) times)."""
    for delay in RETRY_DELAYS:
        try:
            return await send()
        except Exception as exc:
            if not transient(exc):
                raise
            log.warning("sending %s failed (%s); retrying in %.1f s", what, describe(exc), delay)
        await asyncio.sleep(delay)
    return await send()


async def send_reply(ctx: commands.Context, **kwargs: object) -> discord.Message | None:
    """ctx.send with retries; None (and one log line) when Discord says the bot may not post there."""
    if ctx.interaction is None:
        kwargs.setdefault("nonce", new_nonce())
    first = True

    async def attempt() -> discord.Message:
        nonlocal first
        retry, first = not first, False
        try:
            return await ctx.send(**kwargs)  # type: ignore[arg-type]
        except discord.HTTPException as exc:
            if retry and ctx.interaction is not None and exc.code == ALREADY_ACKNOWLEDGED:
                return await ctx.interaction.original_response()  # the first attempt got through
            raise

    try:
        return await with_retries(attempt, f"a reply in {where(ctx)}")
    except discord.Forbidden as exc:
        log.warning("cannot reply in %s: %s", where(ctx), missing_permissions(ctx, exc))
        return None


def where(ctx: commands.Context) -> str:
    channel = ctx.channel
    if isinstance(channel, discord.abc.GuildChannel | discord.Thread):
        return f"#{channel.name} ({channel.id}) of {channel.guild.name}"
    return f"a direct message ({getattr(channel, 'id', '?')})"


def missing_permissions(ctx: commands.Context, exc: discord.Forbidden) -> str:
    channel = ctx.channel
    if ctx.guild is not None and isinstance(channel, discord.abc.GuildChannel | discord.Thread):
        perms = channel.permissions_for(ctx.guild.me)
        missing = [name.replace("_", " ").title() for name in NEEDED if not getattr(perms, name)]
        if missing:
            return "missing the " + ", ".join(missing) + " permission" + "s" * (len(missing) > 1)
    return f"Discord refused it ({exc.status} {exc.text or 'Forbidden'}, code {exc.code})"


def describe(exc: BaseException) -> str:
    if isinstance(exc, discord.HTTPException):
        return f"{exc.status} {exc.text}".strip()
    return f"{type(exc).__name__}: {exc}".rstrip(": ")
