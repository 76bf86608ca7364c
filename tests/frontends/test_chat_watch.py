"""The local chat, like the bot, notices files added to its knowledge folder while it runs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from tests.helpers import PROJECT, write_doc


def test_the_chat_notices_a_file_added_to_its_knowledge_folder(tmp_path: Path) -> None:
    knowledge = tmp_path / "kb"
    write_doc(knowledge, "one.md", "Finland joined NATO in April 2023.", title="Finland")
    env = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN"}
    args = ["chat", "--json", "--knowledge", str(knowledge), "--data", str(tmp_path / "data")]
    chat = subprocess.Popen(
        [sys.executable, "-m", "bot", *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env,
        cwd=PROJECT,
    )  # fmt: skip
    assert chat.stdin is not None and chat.stdout is not None

    def documents() -> list[str]:
        chat.stdin.write("!sources\n")
        chat.stdin.flush()
        return [line.split("`")[1] for line in json.loads(chat.stdout.readline())["lines"]]

    try:
        assert documents() == ["one"]
        write_doc(knowledge, "two.md", "Sweden joined NATO in March 2024.", title="Sweden")
        deadline = time.monotonic() + 30
        while "two" not in (seen := documents()) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert sorted(seen) == ["one", "two"]
    finally:
        chat.stdin.close()
        assert chat.wait(timeout=30) == 0
        chat.stdout.close()
