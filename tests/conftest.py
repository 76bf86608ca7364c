from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import Config, load_config
from tests.helpers import PROJECT, Bot

pytest_plugins = ["tests.fakediscord.plugin", "tests.postgres"]


@pytest.fixture(scope="session")
def config() -> Config:
    return load_config(PROJECT / "config")


@pytest.fixture(scope="session")
def seed_bot(config: Config) -> Bot:
    """The bot on the project's own knowledge folder (the Vilnius article)."""
    return Bot(PROJECT / "knowledge", config)


@pytest.fixture
def make_bot(tmp_path: Path, config: Config):
    def make(config_override: Config | None = None) -> Bot:
        return Bot(tmp_path, config_override or config)

    return make
