"""Fixtures for end-to-end tests: the real PolicyBot against the fake Discord server, and the living-knowledge
setup (a tmp knowledge folder, the bot on it, the ingest test site)."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from bot.bot import PolicyBot
from bot.config import Config
from bot.config.models import Cooldown
from bot.loading import load_engine
from tests.exts.helpers import living_config, make_bot
from tests.fakediscord import FakeDiscord
from tests.fakediscord.plugin import BotRunner
from tests.helpers import PROJECT, write_doc
from tests.ingest.conftest import site  # noqa: F401  (the local aiohttp server, reused)

StartBot = Callable[..., Awaitable[PolicyBot]]

SEED = """
    Teapot diplomacy began when the delegations exchanged porcelain teapots in Lisbon.
    The porcelain exchange was hailed as a modest but real confidence-building measure.
"""


def with_discord(config: Config, **changes: Any) -> Config:
    """A copy of `config` whose discord settings differ by `changes` (validated like the YAML file)."""
    settings = config.discord.model_validate({**config.discord.model_dump(), **changes})
    return dataclasses.replace(config, discord=settings)


@pytest.fixture
def start_bot(fake_discord: FakeDiscord, run_bot: BotRunner, config: Config, tmp_path: Path) -> StartBot:
    """`bot = await start_bot(allow_dms=False, knowledge=tmp)`: PolicyBot on the fake, synced to its guild.

    Defaults differ from config/discord.yaml only where tests need it: the fake's guild for slash
    commands, and a cooldown loose enough that a test's several commands are not throttled.
    """

    async def start(
        knowledge: Path = PROJECT / "knowledge", health_port: int | None = None, **changes: Any
    ) -> PolicyBot:
        settings = {"guild_id": int(fake_discord.guild.id), "cooldown": Cooldown(rate=1000, per_seconds=1)}
        cfg = with_discord(config, **{**settings, **changes})
        bot = PolicyBot(cfg, functools.partial(load_engine, knowledge, cfg), health_port, tmp_path / "data")
        await run_bot(bot)
        return bot

    return start


@pytest.fixture
def knowledge(tmp_path: Path) -> Path:
    folder = tmp_path / "knowledge"
    write_doc(folder, "teapots.md", SEED, title="Teapot diplomacy", date="2024-01-05")
    return folder


@pytest.fixture
def living(config: Config) -> Config:
    return living_config(config)


@pytest.fixture
async def bot(fake_discord, run_bot, living: Config, knowledge: Path, tmp_path: Path) -> PolicyBot:
    return await run_bot(make_bot(living, knowledge, tmp_path / "data"))
