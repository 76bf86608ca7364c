"""`serve()` (python -m bot run) in a real process against the fake Discord: SIGTERM and Ctrl-C exit cleanly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from tests.exts.test_health import free_port
from tests.helpers import PROJECT

TOKEN = "MTE5.secret-token-never-logged.Xy9"


def wait_healthy(port: int, process: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()[1]
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError):
            pass
        time.sleep(0.1)
    raise TimeoutError("the bot never became healthy")


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_signal_shuts_down_cleanly_and_the_token_is_never_logged(sig: signal.Signals) -> None:
    port = free_port()
    env = {**os.environ, "DISCORD_TOKEN": TOKEN, "PORT": str(port), "PYTHONWARNINGS": "default"}
    process = subprocess.Popen(
        [sys.executable, "-X", "dev", "-m", "tests.frontends.serve_against_fake"],
        cwd=PROJECT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_healthy(port, process)
        process.send_signal(sig)
        _, stderr = process.communicate(timeout=20)
    finally:
        process.kill()
    assert process.returncode == 0, stderr
    assert "shutting down" in stderr
    assert "DEBUG discord" in stderr  # discord.py did log at DEBUG...
    assert TOKEN not in stderr and TOKEN.split(".")[1] not in stderr  # ...without the token
    for problem in (
        "Unclosed client session",
        "Unclosed connector",
        "Task was destroyed",
        "Traceback",
        "never awaited",
    ):
        assert problem not in stderr, stderr


def test_unreachable_discord_is_a_clear_message_not_a_traceback(monkeypatch, capsys, tmp_path) -> None:
    import discord

    from bot.cli import build_parser
    from bot.frontends.discord_run import run_discord

    monkeypatch.setattr(discord.http.Route, "BASE", f"http://127.0.0.1:{free_port()}/api/v10")  # nothing listens
    monkeypatch.setenv("DISCORD_TOKEN", "not-a-real-token")
    monkeypatch.delenv("PORT", raising=False)
    args = build_parser().parse_args(["run", "--data", str(tmp_path)])
    assert run_discord(args) == 1
    err = capsys.readouterr().err
    assert "Could not reach Discord" in err and "Traceback" not in err
    assert "not-a-real-token" not in err
