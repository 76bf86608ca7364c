"""GET /healthz: 503 while starting, 200 with what is loaded once ready."""

from __future__ import annotations

import asyncio
import socket
import threading

import aiohttp
import pytest

from bot.bot import PolicyBot
from bot.config import Config
from bot.loading import load_engine
from tests.exts.conftest import with_discord
from tests.fakediscord import FakeDiscord
from tests.fakediscord.plugin import BotRunner
from tests.helpers import PROJECT


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def get(url: str) -> tuple[int, dict]:
    async with aiohttp.ClientSession() as session, session.get(url) as response:
        return response.status, await response.json()


async def poll(url: str, timeout: float = 5.0) -> tuple[int, dict]:
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        try:
            return await get(url)
        except aiohttp.ClientConnectionError:
            if asyncio.get_running_loop().time() > deadline:
                raise
            await asyncio.sleep(0.02)


async def test_healthz_is_503_until_ready_then_200(
    fake_discord: FakeDiscord, run_bot: BotRunner, config: Config
) -> None:
    cfg = with_discord(config, guild_id=int(fake_discord.guild.id))
    loading = threading.Event()

    def slow_load():
        loading.wait(5)  # the knowledge base is still loading
        return load_engine(PROJECT / "knowledge", cfg)

    port = free_port()
    bot = PolicyBot(cfg, slow_load, health_port=port)
    await run_bot(bot, wait_until_ready=False)
    url = f"http://127.0.0.1:{port}/healthz"
    status, body = await poll(url)
    assert (status, body["status"], body["documents"]) == (503, "starting", 0)
    loading.set()
    while not bot.is_ready():
        await asyncio.sleep(0.02)
    status, body = await get(url)
    assert status == 200
    assert body["status"] == "ready" and body["gateway"] == "connected"
    assert (body["documents"], body["passages"]) == (1, 23)
    await run_bot.stop(bot)
    with pytest.raises(aiohttp.ClientConnectionError):  # the health server closed with the bot
        await get(url)
