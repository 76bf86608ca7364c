"""Batch chat on stdin: a line that is not UTF-8 gets its own answer and the rest of the batch goes on."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.helpers import PROJECT


def test_invalid_utf8_line_is_answered_and_the_batch_continues(tmp_path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN"}
    out = subprocess.run(
        [sys.executable, "-m", "bot", "chat", "--json", "--data", str(tmp_path)],
        input=b"!ask Quad\n!ask caf\xe9 \xff\xfe\n!threats russia\n",
        capture_output=True,
        timeout=120,
        env=env,
        cwd=PROJECT,
    )
    assert out.returncode == 0, out.stderr.decode()
    replies = [json.loads(line) for line in out.stdout.decode().splitlines()]
    assert [(r["command"], r["status"]) for r in replies] == [("ask", "ok"), ("help", "usage"), ("threats", "ok")]
    assert replies[1]["title"] == "Line 2 is not UTF-8 text"
    assert "0xe9" in replies[1]["text"]
    assert "Traceback" not in out.stderr.decode()
