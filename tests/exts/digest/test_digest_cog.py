"""The digest through the real client: posted once per day, within Discord's limits, pinging nobody."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import shutil
from pathlib import Path
from zoneinfo import ZoneInfo

import discord

from bot.bot import PolicyBot
from bot.config import load_config
from bot.config.models import Cooldown
from bot.digest.schedule import next_run
from bot.loading import load_engine
from bot.render import limits
from tests.fakediscord import FakeDiscord
from tests.fakediscord.plugin import BotRunner
from tests.helpers import PROJECT, write_doc

LONDON = ZoneInfo("Europe/London")
# The channel's slot is 12 hours away from the real clock, so the cog's own minute loop (real time) finds
# today's slot long past its grace window and never posts: only the test's ticks at `AT` do.
SLOT = (dt.datetime.now(LONDON) - dt.timedelta(hours=12)).time().replace(second=0, microsecond=0)


def next_slot() -> dt.datetime:
    return next_run(discord.utils.utcnow(), SLOT, LONDON) + dt.timedelta(minutes=5)


NEW_DOC = """
    NATO and Japan agreed a new cyber defence partnership in Tokyo, with joint exercises planned for the spring.
    China criticised the agreement as a threat to regional stability and warned against bloc confrontation.
"""


def _config_dir(tmp_path: Path, channel_id: int) -> Path:
    folder = tmp_path / "config"
    shutil.copytree(PROJECT / "config", folder)
    (folder / "digest.yaml").write_text(
        f"channels:\n  - channel_id: {channel_id}\n    time: '{SLOT:%H:%M}'\n    timezone: Europe/London\n"
        "    topics: [partners]\n    actors: [china]\n",
        encoding="utf-8",
    )
    return folder


async def _start(fake: FakeDiscord, run_bot: BotRunner, tmp_path: Path) -> tuple[PolicyBot, Path]:
    config = load_config(_config_dir(tmp_path, int(fake.general.id)))
    discord_settings = config.discord.model_copy(update={"cooldown": Cooldown(rate=1000, per_seconds=1)})
    config = dataclasses.replace(config, discord=discord_settings)
    knowledge = tmp_path / "knowledge"
    shutil.copytree(PROJECT / "knowledge", knowledge)
    bot = PolicyBot(config, functools.partial(load_engine, knowledge, config), data_dir=tmp_path / "data")
    await run_bot(bot)
    return bot, knowledge


def _within_limits(payload: dict) -> None:
    embeds = payload["embeds"]
    assert 1 <= len(embeds) <= limits.EMBEDS_PER_MESSAGE
    total = 0
    for embed in embeds:
        assert len(embed.get("title", "")) <= limits.EMBED_TITLE
        assert len(embed.get("description", "")) <= limits.EMBED_DESCRIPTION
        total += len(embed.get("title", "")) + len(embed.get("description", ""))
        total += len((embed.get("footer") or {}).get("text", ""))
    assert total <= limits.EMBED_TOTAL
    assert payload["allowed_mentions"] == {"parse": []}


async def test_new_document_is_posted_once_within_limits(
    fake_discord: FakeDiscord, run_bot: BotRunner, tmp_path: Path
) -> None:
    bot, knowledge = await _start(fake_discord, run_bot, tmp_path)
    write_doc(
        knowledge,
        "nato-japan-cyber.md",
        NEW_DOC,
        title="NATO and Japan sign cyber pact",
        date="2026-11-27",
        url="https://example.org/nato-japan",
    )
    await bot.reloader.reload("test")
    cog = bot.get_cog("Digest")
    at = next_slot()

    results = await cog.service.tick(at)
    assert [r.action for r in results] == ["posted"]
    posted = [await fake_discord.wait_for_message(fake_discord.general)]
    text = "\n".join(e["description"] for m in posted for e in m.embeds)
    assert "NATO and Japan sign cyber pact" in text
    assert "cyber defence partnership" in text and "¶1" in text
    for message in posted:
        _within_limits(message.payload)

    assert await cog.service.tick(at + dt.timedelta(minutes=1)) == []  # same day: nothing more
    assert await cog.service.tick(at + dt.timedelta(hours=3)) == []


async def test_preview_shows_what_is_posted(fake_discord: FakeDiscord, run_bot: BotRunner, tmp_path: Path) -> None:
    bot, _ = await _start(fake_discord, run_bot, tmp_path)
    cog = bot.get_cog("Digest")
    channel = cog.service.config.channels[0]
    at = next_slot()
    preview = await bot.in_engine_thread(cog.service.prepare, channel, at)
    await cog.service.tick(at)
    posted = await fake_discord.wait_for_message(fake_discord.general)
    assert [e["title"] for e in posted.embeds][0] == preview.answers[0].title
    assert "Worth re-reading" in posted.embeds[0]["description"]  # nothing new since the first load


async def test_digest_commands_in_an_unconfigured_channel_say_how_to_set_up(
    fake_discord: FakeDiscord, run_bot: BotRunner, tmp_path: Path
) -> None:
    await _start(fake_discord, run_bot, tmp_path)
    other = fake_discord.bot_channel
    await fake_discord.send_message("!digest preview", channel=other)
    reply = await fake_discord.wait_for_message(other)
    assert "No digest is set up for this channel" in reply.embeds[0]["title"]


async def test_prefix_preview_goes_to_the_invoker_privately(
    fake_discord: FakeDiscord, run_bot: BotRunner, tmp_path: Path
) -> None:
    await _start(fake_discord, run_bot, tmp_path)
    await fake_discord.send_message("!digest preview")
    dm = fake_discord.state.dm_channel(fake_discord.user)
    private = await fake_discord.wait_for_message(dm)
    assert private.embeds[0]["title"].startswith("Daily digest")
    assert private.payload["allowed_mentions"] == {"parse": []}
    assert fake_discord.messages_in(fake_discord.general) == []


async def test_digest_with_an_unknown_subcommand_says_which_exist(
    fake_discord: FakeDiscord, run_bot: BotRunner, tmp_path: Path
) -> None:
    await _start(fake_discord, run_bot, tmp_path)
    await fake_discord.send_message("!digest later")
    reply = await fake_discord.wait_for_message(fake_discord.general)
    assert "`!digest preview`" in reply.embeds[0]["description"] and "`!digest now`" in reply.embeds[0]["description"]


async def test_digest_now_is_for_admins(fake_discord: FakeDiscord, run_bot: BotRunner, tmp_path: Path) -> None:
    await _start(fake_discord, run_bot, tmp_path)
    await fake_discord.send_message("!digest now")  # bob
    refused = await fake_discord.wait_for_message(fake_discord.general)
    assert refused.embeds[0]["title"] == "Not allowed"
    await fake_discord.send_message("!digest now", author=fake_discord.admin)
    posted = await fake_discord.wait_for_message(fake_discord.general)
    assert posted.embeds[0]["title"].startswith("Daily digest")
