"""The registry: topic commands join the built-ins, and a name taken twice is refused with file and key."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from bot.commands.builtins import build_registry
from bot.commands.registry import Frontend, Permission
from bot.config import Config, ConfigError, load_config
from tests.frontends.test_cli import run
from tests.helpers import PROJECT


def config_with_topic_command(tmp_path: Path, name: str, key: str = "partners") -> Path:
    folder = tmp_path / "config"
    shutil.copytree(PROJECT / "config", folder)
    topics = yaml.safe_load((folder / "topics.yaml").read_text(encoding="utf-8"))
    topics["topics"][key]["command"] = name
    (folder / "topics.yaml").write_text(yaml.safe_dump(topics, allow_unicode=True), encoding="utf-8")
    return folder


def test_every_spec_says_who_and_where(config: Config) -> None:
    registry = build_registry(config)
    leaves = {leaf.qualified: leaf for spec in registry for leaf in spec.leaves()}
    assert leaves["ask"].permission is Permission.ANYONE and leaves["add"].permission is Permission.ADD
    assert leaves["reload"].permission is Permission.ADMIN and leaves["digest now"].permission is Permission.ADMIN
    assert leaves["sync"].permission is Permission.OWNER and leaves["sync"].frontends == {Frontend.DISCORD}
    assert leaves["partners"].handler is not None  # the topic command from topics.yaml


@pytest.mark.parametrize("name", ["reload", "docs", "help"])
def test_a_topic_command_taking_a_builtin_name_is_a_config_error(tmp_path: Path, name: str) -> None:
    config = load_config(config_with_topic_command(tmp_path, name))
    with pytest.raises(ConfigError, match=rf"topics\.yaml: topics\.partners\.command: '{name}' is already a built-in"):
        build_registry(config)


def test_check_names_the_file_and_key_of_a_colliding_topic_command(tmp_path: Path) -> None:
    out = run("check", "--config", str(config_with_topic_command(tmp_path, "cite")))
    assert out.returncode == 1
    assert "FAIL config:" in out.stdout and "topics.yaml: topics.partners.command: 'cite' is already" in out.stdout


def test_the_chat_refuses_to_start_with_a_colliding_topic_command(tmp_path: Path) -> None:
    out = run("chat", "!partners", "--config", str(config_with_topic_command(tmp_path, "sources")))
    assert out.returncode == 2 and "topics.partners.command" in out.stderr
