"""Every command-line option works before and after the command (argparse subcommand defaults used to
overwrite the value given before: `--knowledge X check` checked ./knowledge)."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from bot.cli import COMMANDS, build_parser, misplaced
from tests.frontends.test_cli import run
from tests.helpers import write_doc

VALUES = {"--channel": "42", "--at": "2026-12-01T09:00"}


def options_of(command: str) -> list[argparse.Action]:
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return [a for a in sub.choices[command]._actions if a.option_strings and a.dest != "help"]


CASES = [(command, flag) for command in COMMANDS for a in options_of(command) for flag in a.option_strings]


@pytest.mark.parametrize(("command", "flag"), CASES, ids=[f"{c} {f}" for c, f in CASES])
def test_every_option_means_the_same_before_and_after_the_command(command: str, flag: str) -> None:
    action = next(a for a in options_of(command) if flag in a.option_strings)
    given = [flag] if action.nargs == 0 else [flag, VALUES.get(flag, "/tmp/somewhere")]
    before = build_parser().parse_args([*given, command])
    after = build_parser().parse_args([command, *given])
    default = build_parser().parse_args([command])
    assert getattr(before, action.dest) == getattr(after, action.dest) != getattr(default, action.dest)
    assert misplaced(before, command) is None


def test_an_option_of_another_command_is_an_error() -> None:
    assert (
        misplaced(build_parser().parse_args(["--json", "check"]), "check")
        == "--json applies to `chat` only, not `check`"
    )


def test_knowledge_before_check_checks_that_folder(tmp_path: Path) -> None:
    write_doc(tmp_path, "only.md", "Finland joined NATO in April 2023.", title="Finland")
    out = run("--knowledge", str(tmp_path), "check")
    assert out.returncode == 0, out.stdout + out.stderr
    assert "only.md" in out.stdout and "nato-indo-pacific-vilnius" not in out.stdout


def test_knowledge_before_chat_answers_from_that_folder(tmp_path: Path) -> None:
    write_doc(tmp_path, "only.md", "Finland joined NATO in April 2023.", title="Finland")
    out = run("--knowledge", str(tmp_path), "chat", "!sources")
    assert "only" in out.stdout and "nato-indo-pacific-vilnius" not in out.stdout
