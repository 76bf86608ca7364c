"""SIGTERM: stop taking commands, answer every command already received, abandon a rebuild, exit cleanly."""

from __future__ import annotations

import asyncio
import functools
import logging
import os
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest

from bot.bot import RESTARTING, PolicyBot
from bot.config import Config
from bot.config.models import Cooldown
from bot.frontends.discord_run import serve
from bot.loading import load_engine
from tests.exts.conftest import with_discord
from tests.exts.helpers import eventually
from tests.exts.test_health import free_port
from tests.fakediscord import FakeDiscord
from tests.frontends.serve_against_fake import spawn
from tests.frontends.test_discord_run import TOKEN, wait_healthy
from tests.helpers import PROJECT

BURST = 40


def make(config: Config, fake: FakeDiscord, data: Path) -> PolicyBot:
    cfg = with_discord(config, guild_id=int(fake.guild.id), cooldown=Cooldown(rate=1000, per_seconds=1))
    bot = PolicyBot(cfg, functools.partial(load_engine, PROJECT / "knowledge", cfg), None, data)
    bot._connection.guild_ready_timeout = 0.05
    return bot


async def started(bot: PolicyBot, fake: FakeDiscord, stop: asyncio.Event) -> asyncio.Task:
    task = asyncio.create_task(serve(bot, fake.token, stop))
    await eventually(lambda: bot.is_ready() or task.done(), timeout=30)
    return task


def slow_answers(bot: PolicyBot, seconds: float = 0.02) -> None:
    """Each answer takes `seconds` on the engine thread, as on a large knowledge base: a burst is still being
    answered when the SIGTERM comes."""
    execute = bot.dispatcher.execute

    def slow(resolved, request):
        time.sleep(seconds)
        return execute(resolved, request)

    bot.dispatcher.execute = slow


def replies_to(fake: FakeDiscord, message_id: str) -> list:
    return [
        m for m in fake.sent_messages if str((m.payload.get("message_reference") or {}).get("message_id")) == message_id
    ]


def trouble(caplog: pytest.LogCaptureFixture) -> list[str]:
    bad = ("Session is closed", "Ignoring exception", "Traceback", "Task was destroyed")
    return [r.getMessage() for r in caplog.records if r.exc_info or any(b in r.getMessage() for b in bad)]


async def test_sigterm_with_replies_in_flight_answers_every_command_received(
    fake_discord: FakeDiscord, config: Config, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    bot, stop = make(config, fake_discord, tmp_path / "data"), asyncio.Event()
    task = await started(bot, fake_discord, stop)
    posted = [await fake_discord.send_message("!ask Who is the prime minister of Australia?") for _ in range(BURST)]
    await eventually(lambda: bot.inflight.admitted >= BURST)  # the bot has received them all
    stop.set()  # what SIGTERM does
    await eventually(lambda: bot.inflight.closing)
    late = await fake_discord.send_message("!ask sent after SIGTERM")
    slash = await fake_discord.send_slash_command("ask", {"question": "sent after SIGTERM"})
    told = await fake_discord.wait_for_interaction_response(slash)
    await asyncio.wait_for(task, timeout=15)
    assert task.exception() is None
    assert [len(replies_to(fake_discord, p["id"])) for p in posted] == [1] * BURST
    assert all("Albanese" in replies_to(fake_discord, p["id"])[0].embeds[0]["description"] for p in posted)
    assert replies_to(fake_discord, late["id"]) == [] and bot.inflight.turned_away >= 2
    assert told["content"] == RESTARTING and told["flags"] & 64  # a slash command is told, privately
    assert trouble(caplog) == []
    assert any(
        "shutdown: in-flight commands finished" in r.getMessage() and "(0 cancelled" in r.getMessage()
        for r in caplog.records
    )


async def test_sigterm_during_a_reload_abandons_it_and_answers_the_reload(
    fake_discord: FakeDiscord, config: Config, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    bot, stop = make(config, fake_discord, tmp_path / "data"), asyncio.Event()
    task = await started(bot, fake_discord, stop)
    gate, building = threading.Event(), threading.Event()
    real = bot.load_engine

    def slow():
        building.set()
        gate.wait(60)
        return real()

    bot.load_engine = slow
    try:
        posted = await fake_discord.send_message("!reload", author=fake_discord.admin)
        await eventually(building.is_set)
        stop.set()
        await asyncio.wait_for(task, timeout=15)  # does not wait for the 60 s build
    finally:
        gate.set()
    (reply,) = replies_to(fake_discord, posted["id"])
    assert reply.embeds[0]["title"].startswith("Reload failed")
    assert "abandoned" in reply.embeds[0]["description"]
    assert trouble(caplog) == []


def gone(pid: int, timeout: float = 10) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


def run_harness(tmp_path: Path, **env: str) -> tuple[subprocess.Popen, int]:
    port = free_port()
    return spawn({"DISCORD_TOKEN": TOKEN, "PORT": str(port), "POLICYBOT_DATA": str(tmp_path / "data"), **env}), port


def test_sigterm_50_ms_after_a_burst_answers_all_of_it_and_exits_cleanly(tmp_path: Path) -> None:
    """The process itself: SIGTERM 50 ms after 40 commands arrived (it was: 3-9 answered, 10-24 tracebacks)."""
    process, _ = run_harness(tmp_path, BURST=str(BURST))
    try:
        stdout, stderr = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode == 0, stderr
    assert f"answered {BURST}/{BURST}" in stdout, stdout
    for problem in ("Traceback", "Session is closed", "Task was destroyed", "Ignoring exception"):
        assert problem not in stderr, stderr


def test_sigterm_during_a_rebuild_in_its_process_exits_at_once(tmp_path: Path) -> None:
    """The rebuild's child process would take minutes; a SIGTERM kills it and the bot exits 0."""
    marker = tmp_path / "rebuild.pid"
    process, port = run_harness(tmp_path, SLOW_REBUILD_MARKER=str(marker))
    try:
        wait_healthy(port, process)
        deadline = time.monotonic() + 60
        while not marker.exists() and time.monotonic() < deadline:
            assert process.poll() is None, process.communicate()[1][-4000:]
            time.sleep(0.05)
        child = int(marker.read_text(encoding="utf-8"))
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=20)  # the child sleeps 300 s: waiting for it would time out
    finally:
        process.kill()
    assert process.returncode == 0, stderr
    assert "abandoned the rebuild in process" in stderr and "Traceback" not in stderr, stderr[-4000:]
    assert gone(child), f"the rebuild process {child} outlived the bot"
