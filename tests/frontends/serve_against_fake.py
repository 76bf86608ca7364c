"""`python -m tests.frontends.serve_against_fake`: `serve()` from `python -m bot run`, against the fake Discord.

A test harness (not a test): starts the fake on 127.0.0.1, points discord.py at it, and runs the real
`make_bot` + `serve` with DISCORD_TOKEN and PORT from the environment, logging everything at DEBUG.

With BURST=<n> it posts n `!ask` commands once ready, sends itself SIGTERM 50 ms after the bot has received
them, and prints how many were answered ("answered k/n") when `serve` has returned.

With SLOW_REBUILD_MARKER=<file> it starts a rebuild once ready whose child process writes its pid to that
file and then takes minutes: a SIGTERM must abandon it, not wait for it.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import functools
import logging
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import discord
import yarl
from discord.gateway import DiscordWebSocket

from bot.bot import PolicyBot
from bot.config.models import Cooldown
from bot.frontends.discord_run import make_bot, serve
from bot.utils.checks import Gate
from tests.fakediscord import FakeDiscord


def spawn(env: dict[str, str]) -> subprocess.Popen:
    """This harness in a new process (text pipes), with `env` over the current environment."""
    return subprocess.Popen(
        [sys.executable, "-m", "tests.frontends.serve_against_fake"],
        cwd=Path(__file__).resolve().parents[2],
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def slow_in_child(load: Callable[[], object], marker: str) -> object:
    """`load()`, except in a rebuild's child process: there, say so in `marker`, then take minutes."""
    if multiprocessing.parent_process() is not None:
        Path(marker).write_text(str(os.getpid()), encoding="utf-8")
        time.sleep(300)
    return load()


async def burst_then_sigterm(bot: PolicyBot, fake: FakeDiscord, count: int) -> list[str]:
    await bot.wait_until_ready()
    posted = [(await fake.send_message("!ask Who is the prime minister of Australia?"))["id"] for _ in range(count)]
    while getattr(bot, "inflight", None) is not None and bot.inflight.admitted < count:
        await asyncio.sleep(0.005)
    await asyncio.sleep(0.05)
    print(f"sigterm_at {time.monotonic():.6f}", flush=True)
    os.kill(os.getpid(), signal.SIGTERM)
    return posted


def answered(fake: FakeDiscord, posted: list[str]) -> int:
    replied = {str((m.payload.get("message_reference") or {}).get("message_id")) for m in fake.sent_messages}
    return sum(p in replied for p in posted)


async def rebuild_when_ready(bot: PolicyBot) -> None:
    await bot.wait_until_ready()
    with contextlib.suppress(Exception):  # abandoned at shutdown
        await bot.reloader.reload("test: slow rebuild")


async def main() -> int:
    token = os.environ["DISCORD_TOKEN"]
    fake = FakeDiscord(token=token)
    await fake.start()
    discord.http.Route.BASE = fake.api_base
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(fake.gateway_url)
    try:
        bot = make_bot(argparse.Namespace(config=None, knowledge=None))
        marker, burst = os.environ.get("SLOW_REBUILD_MARKER"), int(os.environ.get("BURST", "0"))
        if marker:
            bot.load_engine = functools.partial(slow_in_child, bot.load_engine, marker)
            rebuild = asyncio.create_task(rebuild_when_ready(bot))
        if burst:  # one person's burst: lift the per-user cooldown for it
            bot.gate = Gate(bot.config.discord.model_copy(update={"cooldown": Cooldown(rate=1000, per_seconds=1)}))
            posting = asyncio.create_task(burst_then_sigterm(bot, fake, burst))
        await serve(bot, token)
        if burst:
            print(f"answered {answered(fake, await posting)}/{burst}", flush=True)
        if marker:
            await rebuild
    finally:
        await fake.close()
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.DEBUG, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")
    sys.exit(asyncio.run(main()))
