"""The README's and docs/discord.md's tables are what the code says: generated from the command registry,
the discord.yaml schema and the environment variables (`python -m bot.doctables` rewrites them)."""

from __future__ import annotations

import pytest

from bot.commands.builtins import build_registry
from bot.config import Config
from bot.doctables import BLOCK, FILES, TABLES, render
from bot.environment import VARIABLES
from tests.helpers import PROJECT


@pytest.mark.parametrize("name", FILES)
def test_the_generated_tables_are_up_to_date(name: str, config: Config) -> None:
    text = (PROJECT / name).read_text(encoding="utf-8")
    assert BLOCK.search(text), f"{name} has no generated table"
    expected = render(text, build_registry(config), config.settings.prefix)
    assert text == expected, f"{name} is out of date: run `python -m bot.doctables`"


def test_every_table_is_in_a_document() -> None:
    used = {m.group("name") for name in FILES for m in BLOCK.finditer((PROJECT / name).read_text(encoding="utf-8"))}
    assert used == set(TABLES)


def test_the_tables_name_every_command_and_every_discord_key(config: Config) -> None:
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    guide = (PROJECT / "docs/discord.md").read_text(encoding="utf-8")
    for spec in build_registry(config):
        for leaf in spec.leaves():
            assert f"`!{leaf.qualified}" in readme and f"`!{leaf.qualified}" in guide
    for key in ("add_roles", "admin_roles", "owner_ids", "cooldown.rate"):
        assert f"`{key}`" in guide


def test_env_example_lists_every_variable() -> None:
    example = (PROJECT / ".env.example").read_text(encoding="utf-8")
    assert all(name in example for name in VARIABLES)
    assert "cp .env.example .env" in (PROJECT / "README.md").read_text(encoding="utf-8")
