"""`python -m tests.exts.digest.crash_after_send API GATEWAY TOKEN CONFIG KNOWLEDGE DATA`: a test harness.

Runs the real bot against a fake Discord started by the test, and SIGKILLs itself at the worst moment for
the digest: right after Discord accepted it, before the state database says it was posted.
"""

from __future__ import annotations

import asyncio
import functools
import os
import signal
import sys
from pathlib import Path

import discord
import yarl
from discord.gateway import DiscordWebSocket

from bot.bot import PolicyBot
from bot.config import load_config
from bot.loading import load_engine
from bot.state import POSTED
from bot.state.digest_repo import DigestLogRepo

finish = DigestLogRepo.finish


def finish_or_die(self: DigestLogRepo, entry) -> bool:
    if entry.status == POSTED:
        os.kill(os.getpid(), signal.SIGKILL)
    return finish(self, entry)


async def main(api: str, gateway: str, token: str, config_dir: str, knowledge: str, data: str) -> None:
    discord.http.Route.BASE = api
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway)
    DigestLogRepo.finish = finish_or_die
    config = load_config(Path(config_dir))
    bot = PolicyBot(config, functools.partial(load_engine, Path(knowledge), config), data_dir=Path(data))
    await bot.start(token)


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:7]))
