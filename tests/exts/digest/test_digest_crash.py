"""A bot killed (SIGKILL) between a successful digest send and the log write does not post it again when
it restarts: the intent was recorded before sending, and the restarted bot finds the digest's marker in
the channel. Through the fake Discord, with the real client in both processes."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import functools
import shutil
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import discord

from bot.bot import PolicyBot
from bot.config import load_config
from bot.config.models import Cooldown
from bot.digest.service import marker
from bot.loading import load_engine
from bot.state import POSTED, SENDING, open_state
from tests.exts.helpers import eventually
from tests.fakediscord import FakeDiscord
from tests.fakediscord.plugin import BotRunner
from tests.helpers import PROJECT

LONDON = ZoneInfo("Europe/London")


def _folders(tmp_path: Path, channel_id: int) -> tuple[Path, Path, Path]:
    """Config whose digest slot was two minutes ago, so the bot's first tick posts; knowledge; data."""
    slot = (dt.datetime.now(LONDON) - dt.timedelta(minutes=2)).strftime("%H:%M")
    config = tmp_path / "config"
    shutil.copytree(PROJECT / "config", config)
    (config / "digest.yaml").write_text(
        f"channels:\n  - {{channel_id: {channel_id}, time: '{slot}', timezone: Europe/London}}\n", encoding="utf-8"
    )
    knowledge = tmp_path / "knowledge"
    shutil.copytree(PROJECT / "knowledge", knowledge)
    return config, knowledge, tmp_path / "data"


def _digests(fake: FakeDiscord) -> list:
    return [
        m for m in fake.messages_in(fake.general) if any("policybot digest" in str(e.get("footer")) for e in m.embeds)
    ]


async def test_killed_after_sending_the_restarted_bot_does_not_post_again(
    fake_discord: FakeDiscord, run_bot: BotRunner, tmp_path: Path
) -> None:
    config_dir, knowledge, data = _folders(tmp_path, int(fake_discord.general.id))
    args = [fake_discord.api_base, fake_discord.gateway_url, fake_discord.token, config_dir, knowledge, data]
    crashing = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "tests.exts.digest.crash_after_send", *map(str, args), cwd=PROJECT
    )
    assert await asyncio.wait_for(crashing.wait(), 90) == -9  # killed at the moment under test
    (posted,) = _digests(fake_discord)
    day = discord.utils.utcnow().astimezone(LONDON) - dt.timedelta(minutes=2)
    assert marker(day.date()) in posted.embeds[-1]["footer"]["text"]
    state = open_state(data)
    assert state.digest_log.get(int(fake_discord.general.id), day.date()).status == SENDING  # the intent only

    config = load_config(config_dir)
    config = dataclasses.replace(config, discord=config.discord.model_copy(update={"cooldown": Cooldown(rate=99)}))
    await run_bot(PolicyBot(config, functools.partial(load_engine, knowledge, config), data_dir=data))

    def logged():
        entry = state.digest_log.get(int(fake_discord.general.id), day.date())
        return entry if entry.status == POSTED else None

    entry = await eventually(logged, timeout=20)
    assert entry.message_ids == (int(posted.message["id"]),)
    await asyncio.sleep(0.5)
    assert len(_digests(fake_discord)) == 1  # posted exactly once


async def test_a_failing_tick_does_not_stop_the_digest_loop(
    fake_discord: FakeDiscord, run_bot: BotRunner, tmp_path: Path
) -> None:
    config_dir, knowledge, data = _folders(tmp_path, int(fake_discord.general.id))
    config = load_config(config_dir)
    bot = await run_bot(PolicyBot(config, functools.partial(load_engine, knowledge, config), data_dir=data))
    cog = bot.get_cog("Digest")
    await eventually(lambda: _digests(fake_discord), timeout=20)  # the loop's first tick posted

    async def broken(_now: object) -> list:
        raise ConnectionError("the database went away")

    cog.service.tick = broken
    await cog.loop()  # one iteration, as the task runs it: logged, not raised
    assert cog.loop.is_running() and not cog.loop.failed()
