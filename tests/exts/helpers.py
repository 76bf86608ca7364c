"""Driving PolicyBot through the fake Discord: build it on a tmp knowledge folder, ask, read the embeds."""

from __future__ import annotations

import asyncio
import dataclasses
import functools
from collections.abc import Callable
from pathlib import Path

from bot.bot import PolicyBot
from bot.config import Config
from bot.config.models import Cooldown
from bot.config.sources import Feed, Sources, WatchSettings
from bot.loading import load_engine
from tests.fakediscord.journal import SentMessage
from tests.fakediscord.server import FakeDiscord

FAST_WATCH = WatchSettings(debounce_ms=300, quiet_ms=50)


def living_config(config: Config, feeds: list[Feed] | None = None, watch: WatchSettings = FAST_WATCH) -> Config:
    """The project's config with 127.0.0.1 allowlisted, a fast watcher and no cooldown to trip over."""
    sources = Sources(
        feeds=feeds or [],
        fetch={"allowlist": ["127.0.0.1"], "max_bytes": 200_000, "timeout_seconds": 2},
        watch=watch,
    )
    discord = config.discord.model_copy(update={"cooldown": Cooldown(rate=1000, per_seconds=1)})
    return dataclasses.replace(config, sources=sources, discord=discord)


def make_bot(config: Config, knowledge: Path, data: Path) -> PolicyBot:
    return PolicyBot(config, functools.partial(load_engine, knowledge, config), knowledge_dir=knowledge, data_dir=data)


def embed_text(sent: SentMessage) -> str:
    parts = []
    for embed in sent.message.get("embeds") or []:
        parts += [embed.get("title") or "", embed.get("description") or ""]
        parts += [f"{f.get('name')} {f.get('value')}" for f in embed.get("fields") or []]
        parts.append((embed.get("footer") or {}).get("text") or "")
    return "\n".join(p for p in parts if p).replace("\\", "")  # drop markdown escapes


async def command(fake: FakeDiscord, content: str, **kwargs) -> str:
    """Post ``content`` and return the text of the bot's reply to it."""
    posted = await fake.send_message(content, **kwargs)

    def replies(sent: SentMessage) -> bool:
        return str((sent.payload.get("message_reference") or {}).get("message_id")) == posted["id"]

    sent = await fake.wait_for_message(timeout=15, predicate=replies)
    return embed_text(sent)


async def eventually(check: Callable[[], object], timeout: float = 8.0, interval: float = 0.1) -> object:
    """Await ``check()`` (sync or async) until it returns something truthy; fail after ``timeout`` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        result = check()
        if asyncio.iscoroutine(result):
            result = await result
        if result:
            return result
        if loop.time() > deadline:
            raise AssertionError(f"condition not met within {timeout} s")
        await asyncio.sleep(interval)
