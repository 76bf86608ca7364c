"""`python -m bot run`: connect to Discord with DISCORD_TOKEN; SIGTERM and Ctrl-C shut down cleanly."""

from __future__ import annotations

import argparse
import asyncio
import functools
import logging
import os
import signal
import sys

import aiohttp
import discord

from bot.bot import PolicyBot
from bot.loading import SetupError, config_from_args, data_from_args, knowledge_from_args, load_engine

log = logging.getLogger(__name__)


def health_port() -> int | None:
    value = os.environ.get("PORT", "").strip()
    if not value:
        return None
    if not value.isdigit():
        raise SetupError(f"PORT must be a number, not {value!r}")
    return int(value)


def make_bot(args: argparse.Namespace) -> PolicyBot:
    config = config_from_args(args)
    knowledge = knowledge_from_args(args)
    data = data_from_args(args)
    return PolicyBot(
        config,
        functools.partial(load_engine, knowledge, config, data),
        health_port(),
        data,
        knowledge_dir=knowledge,
        rebuild_in_child=True,
    )


async def serve(bot: PolicyBot, token: str, stop: asyncio.Event | None = None) -> None:
    """Run until Discord ends the session or `stop` is set (by SIGTERM/SIGINT unless given): then stop taking
    commands, finish the ones in flight, abandon any rebuild and close."""
    loop = asyncio.get_running_loop()
    if stop is None:
        stop = asyncio.Event()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
    async with bot:
        runner = asyncio.create_task(bot.start(token))
        stopper = asyncio.create_task(stop.wait())
        await asyncio.wait({runner, stopper}, return_when=asyncio.FIRST_COMPLETED)
        if stop.is_set():
            log.info("shutting down")
            await bot.shut_down()
        await bot.close()
        stopper.cancel()
        if runner.done() and not runner.cancelled() and runner.exception():
            raise runner.exception()
        runner.cancel()


def run_discord(args: argparse.Namespace) -> int:
    token = os.environ.get("DISCORD_TOKEN", "").strip()
    if not token:
        print(
            "DISCORD_TOKEN is not set. Put it in the environment or a .env file; `python -m bot chat` "
            "works without it.",
            file=sys.stderr,
        )
        return 2
    try:
        bot = make_bot(args)
    except SetupError as exc:
        print(exc, file=sys.stderr)
        return 2
    try:
        asyncio.run(serve(bot, token))
    except (aiohttp.ClientError, OSError) as exc:
        print(
            f"Could not reach Discord ({exc}). Check the network; `python -m bot chat` works offline.", file=sys.stderr
        )
        return 1
    except discord.LoginFailure:
        print("Discord refused the token (DISCORD_TOKEN): check it in the Developer Portal.", file=sys.stderr)
        return 1
    except discord.PrivilegedIntentsRequired:
        print(
            "The Message Content intent is off in the Developer Portal: switch it on, or set "
            "message_content_intent: false in config/discord.yaml (then use @Bot commands).",
            file=sys.stderr,
        )
        return 1
    return 0
