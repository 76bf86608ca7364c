"""pytest fixtures: `fake_discord` (a started FakeDiscord that discord.py talks to) and `run_bot`."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import warnings
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import discord
import pytest
import pytest_asyncio
import yarl
from discord.gateway import DiscordWebSocket

from .server import FakeDiscord

log = logging.getLogger("fakediscord.plugin")


def point_discord_at(server: FakeDiscord, monkeypatch: pytest.MonkeyPatch) -> None:
    """Route discord.py's REST and gateway traffic to the fake, by patching two class attributes.

    * REST: every `Route` (also the webhook/interaction ones) builds its URL from `Route.BASE`.
    * Gateway: `Client.connect` always opens `DiscordWebSocket.DEFAULT_GATEWAY` (it never asks
      `GET /gateway/bot`; only AutoShardedClient does, and the fake answers that too). Resumes go to
      READY's `resume_gateway_url`, which the fake points back at itself.
    """
    monkeypatch.setattr(discord.http.Route, "BASE", server.api_base)
    monkeypatch.setattr(DiscordWebSocket, "DEFAULT_GATEWAY", yarl.URL(server.gateway_url))


@pytest_asyncio.fixture
async def fake_discord(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeDiscord]:
    """A running fake Discord on 127.0.0.1 with discord.py pointed at it. Teardown fails on fake crashes."""
    server = FakeDiscord()
    await server.start()
    point_discord_at(server, monkeypatch)
    try:
        yield server
    finally:
        await server.close()
    if server.unhandled_requests:
        warnings.warn(f"fake discord got requests it does not implement: {server.unhandled_requests}", stacklevel=1)
    if server.internal_errors:
        pytest.fail("fake discord crashed:\n" + "\n".join(server.internal_errors))


@dataclass
class BotRunner:
    """Starts discord.py clients against the fake and closes them at teardown."""

    server: FakeDiscord
    running: list[tuple[discord.Client, asyncio.Task[None]]] = field(default_factory=list)

    async def __call__(
        self,
        bot: discord.Client,
        *,
        token: str | None = None,
        wait_until_ready: bool = True,
        guild_ready_timeout: float | None = 0.05,
        timeout: float = 10.0,
    ) -> discord.Client:
        """Start `bot` (login + gateway) and wait for on_ready.

        discord.py waits `guild_ready_timeout` (2 s by default) after the last GUILD_CREATE before
        on_ready; the default here shortens that on this bot instance only (None keeps the bot's value).
        """
        if guild_ready_timeout is not None:
            bot._connection.guild_ready_timeout = guild_ready_timeout
        task = asyncio.create_task(bot.start(token or self.server.token), name=f"run_bot:{bot!r}")
        self.running.append((bot, task))
        if not wait_until_ready:
            return bot
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not bot.is_ready():
            if task.done():
                task.result()  # raises the startup error (LoginFailure, PrivilegedIntentsRequired, ...)
                raise RuntimeError("bot.start() returned before the bot became ready")
            if loop.time() > deadline:
                raise TimeoutError(f"bot not ready after {timeout}s; requests: {self.server.journal.summary()}")
            await asyncio.sleep(0.01)
        return bot

    async def stop(self, bot: discord.Client) -> None:
        for entry in [e for e in self.running if e[0] is bot]:
            self.running.remove(entry)
            await _close(*entry)

    async def stop_all(self) -> None:
        while self.running:
            await _close(*self.running.pop())


async def _close(bot: discord.Client, task: asyncio.Task[None]) -> None:
    await bot.close()
    try:
        await asyncio.wait_for(task, timeout=5.0)
    except TimeoutError:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        log.warning("bot task did not finish after close(); cancelled it")
    except Exception as exc:  # already surfaced to the test if it happened during startup
        log.debug("bot task ended with %r", exc)


@pytest_asyncio.fixture
async def run_bot(fake_discord: FakeDiscord) -> AsyncIterator[BotRunner]:
    """`bot = await run_bot(MyBot(...))` starts a discord.py client against `fake_discord`."""
    runner = BotRunner(fake_discord)
    try:
        yield runner
    finally:
        await runner.stop_all()
