"""Fixtures for the living-knowledge tests: a tmp knowledge folder, the bot on it, the ingest test site."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.bot import PolicyBot
from bot.config import Config
from tests.exts.helpers import living_config, make_bot
from tests.helpers import write_doc
from tests.ingest.conftest import site  # noqa: F401  (the local aiohttp server, reused)

SEED = """
    Teapot diplomacy began when the delegations exchanged porcelain teapots in Lisbon.
    The porcelain exchange was hailed as a modest but real confidence-building measure.
"""


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
