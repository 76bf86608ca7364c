from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.config import Config, load_config
from tests.helpers import PROJECT, Bot

pytest_plugins = ["tests.fakediscord.plugin", "tests.postgres"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--fuzz", action="store_true", help="run the fuzz tests with the large profile (50,000 examples)")


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--fuzz"):
        os.environ["POLICYBOT_FUZZ"] = "1"  # read by tests/fuzz/profiles.py when it is imported


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
