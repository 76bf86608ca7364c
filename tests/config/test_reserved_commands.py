"""A topic cannot take a built-in command's name: `check` says so, instead of `chat` crashing later."""

from __future__ import annotations

import argparse
import importlib
import inspect
from pathlib import Path

import pytest
from discord.ext import commands

from bot.bot import EXTENSIONS
from bot.check import run_check
from bot.commands.dispatcher import builtin_specs
from bot.config import ConfigError, load_config
from bot.config.models import RESERVED_COMMANDS
from tests.config.test_content_files import _copy_config
from tests.helpers import PROJECT

TOPIC = "topics:\n  t:\n    title: T\n    command: {name}\n    groups: {{G: [{{heading: h, query: q}}]}}\n"


@pytest.mark.parametrize("name", ["ask", "docs", "reload"])
def test_a_topic_named_like_a_built_in_command_is_a_config_error(tmp_path: Path, name: str) -> None:
    folder = _copy_config(tmp_path)
    (folder / "topics.yaml").write_text(TOPIC.format(name=name), encoding="utf-8")
    with pytest.raises(ConfigError, match=rf"topics.yaml: .*'{name}' is a built-in command"):
        load_config(folder)


def test_check_fails_on_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _copy_config(tmp_path)
    (folder / "topics.yaml").write_text(TOPIC.format(name="ask"), encoding="utf-8")
    assert run_check(argparse.Namespace(config=str(folder), knowledge=str(PROJECT / "knowledge"))) == 1
    assert "built-in command" in capsys.readouterr().out


def test_two_topics_with_one_command_are_a_config_error(tmp_path: Path) -> None:
    folder = _copy_config(tmp_path)
    two = (
        TOPIC.format(name="brief")
        + "  u:\n    title: U\n    command: brief\n    groups: {G: [{heading: h, query: q}]}\n"
    )
    (folder / "topics.yaml").write_text(two, encoding="utf-8")
    with pytest.raises(ConfigError, match="more than one topic has the command 'brief'"):
        load_config(folder)


def test_the_reserved_names_are_every_command_the_bot_defines() -> None:
    names = {n for spec in builtin_specs() for n in (spec.name, *spec.aliases)}
    for extension in EXTENSIONS:
        for _, cog in inspect.getmembers(importlib.import_module(extension), inspect.isclass):
            if issubclass(cog, commands.Cog) and cog is not commands.Cog:
                names |= {n for c in cog.__cog_commands__ if c.parent is None for n in (c.name, *c.aliases)}
    assert names <= RESERVED_COMMANDS | {"help"}, names - RESERVED_COMMANDS
