"""End to end through the real command line, in a subprocess, as a user or a script would run it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.helpers import PROJECT, write_doc


def run(*args: str, stdin: str | None = None, env: dict[str, str] | None = None, cwd: Path = PROJECT):
    full_env = {**os.environ, **(env or {})}
    full_env.pop("DISCORD_TOKEN", None)
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env=full_env,
        cwd=cwd,
    )


def test_one_message_prints_the_reply_with_citations() -> None:
    out = run("chat", "!ask Who leads New Zealand?")
    assert out.returncode == 0, out.stderr
    assert "Chris Hipkins" in out.stdout and "¶1, sentence 2" in out.stdout


def test_json_reply_is_one_object_with_verbatim_excerpts() -> None:
    out = run("chat", "!cite yardstick", "--json")
    data = json.loads(out.stdout)
    assert data["command"] == "cite"
    ex = data["excerpts"][0]
    source = (PROJECT / "knowledge" / "nato-indo-pacific-vilnius.md").read_text(encoding="utf-8")
    assert source[ex["start"] : ex["end"]] == ex["text"]
    assert (ex["document"], ex["paragraph"], ex["sentence"]) == ("nato-indo-pacific-vilnius", 3, 2)


def test_piped_lines_give_one_json_object_each_in_order() -> None:
    out = run("chat", "--json", stdin="!ask Quad\n\n!threats russia\nbitcoin price\n")
    replies = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["command"] for r in replies] == ["ask", "threats", "ask"]
    assert replies[2]["excerpts"] == []


def test_no_token_opens_the_local_chat_and_says_how_to_connect() -> None:
    out = run(stdin="!ask interoperability\n")
    assert out.returncode == 0
    assert "DISCORD_TOKEN" in out.stderr
    assert "interoperability of their military" in out.stdout


def test_knowledge_and_config_folders_can_be_chosen(tmp_path: Path) -> None:
    write_doc(tmp_path / "kb", "note.md", "Finland joined NATO in April 2023.", title="Finland")
    by_flag = run("chat", "!ask Finland", "--knowledge", str(tmp_path / "kb"))
    by_env = run("chat", "!ask Finland", env={"POLICYBOT_KNOWLEDGE": str(tmp_path / "kb")})
    assert "Finland joined NATO" in by_flag.stdout and "Finland joined NATO" in by_env.stdout


def test_bad_config_names_file_and_key_and_exits_nonzero(tmp_path: Path) -> None:
    config = tmp_path / "config"
    config.mkdir()
    for f in (PROJECT / "config").glob("*.yaml"):
        (config / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    (config / "settings.yaml").write_text("answers:\n  top_k: 99\n", encoding="utf-8")
    out = run("chat", "!ask x", "--config", str(config))
    assert out.returncode == 2
    assert "settings.yaml" in out.stderr and "answers.top_k" in out.stderr


def test_check_passes_on_the_project_and_fails_on_a_bad_file(tmp_path: Path) -> None:
    assert run("check").returncode == 0
    write_doc(tmp_path, "good.md", "Fine.")
    (tmp_path / "bad.md").write_bytes(b"\xff\xfe broken")
    out = run("check", "--knowledge", str(tmp_path))
    assert out.returncode == 1
    assert "FAIL" in out.stdout and "bad.md" in out.stdout and "not UTF-8" in out.stdout


def test_help_describes_the_commands() -> None:
    out = run("--help")
    assert out.returncode == 0 and "chat" in out.stdout and "check" in out.stdout
