"""`python -m tests.frontends.serve_against_fake`: `serve()` from `python -m bot run`, against the fake Discord.

A test harness (not a test): starts the fake on 127.0.0.1, points discord.py at it, and runs the real
`make_bot` + `serve` with DISCORD_TOKEN and PORT from the environment, logging everything at DEBUG.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys

import discord
import yarl
from discord.gateway import DiscordWebSocket

from bot.frontends.discord_run import make_bot, serve
from tests.fakediscord import FakeDiscord


async def main() -> int:
    token = os.environ["DISCORD_TOKEN"]
    fake = FakeDiscord(token=token)
    await fake.start()
    discord.http.Route.BASE = fake.api_base
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(fake.gateway_url)
    try:
        bot = make_bot(argparse.Namespace(config=None, knowledge=None))
        await serve(bot, token)
    finally:
        await fake.close()
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.DEBUG, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")
    sys.exit(asyncio.run(main()))
