"""Where the bot answers, and how often: channel limits, DMs, per-user cooldown."""

from __future__ import annotations

import asyncio

from bot.config.models import Cooldown
from tests.exts.conftest import StartBot
from tests.fakediscord import FakeDiscord


async def quiet(fake_discord: FakeDiscord, seconds: float = 0.3) -> None:
    """Give the bot time to (wrongly) answer, then check nothing was sent."""
    await asyncio.sleep(seconds)
    assert fake_discord.sent_messages == []


async def test_cooldown_hit_gets_a_clear_message(fake_discord: FakeDiscord, start_bot: StartBot) -> None:
    await start_bot(cooldown=Cooldown(rate=1, per_seconds=60))
    await fake_discord.send_message("!cite yardstick")
    await fake_discord.wait_for_message(fake_discord.general)
    await fake_discord.send_message("!cite yardstick")
    sent = await fake_discord.wait_for_message(fake_discord.general)
    assert sent.embeds[0]["title"] == "Slow down a little"
    assert "Try again in" in sent.embeds[0]["description"]


async def test_cooldown_is_per_user(fake_discord: FakeDiscord, start_bot: StartBot) -> None:
    await start_bot(cooldown=Cooldown(rate=1, per_seconds=60))
    await fake_discord.send_message("!cite yardstick")
    await fake_discord.send_message("!cite yardstick", author=fake_discord.admin)
    first = await fake_discord.wait_for_message(fake_discord.general)
    second = await fake_discord.wait_for_message(fake_discord.general)
    assert first.embeds[0]["title"] == second.embeds[0]["title"] != "Slow down a little"


async def test_slash_cooldown_hit_gets_a_clear_message(fake_discord: FakeDiscord, start_bot: StartBot) -> None:
    await start_bot(cooldown=Cooldown(rate=1, per_seconds=60))
    first = await fake_discord.send_slash_command("cite", {"phrase": "yardstick"})
    await fake_discord.wait_for_interaction_response(first)
    second = await fake_discord.send_slash_command("cite", {"phrase": "yardstick"})
    response = await fake_discord.wait_for_interaction_response(second)
    assert response["embeds"][0]["title"] == "Slow down a little"
    assert response["flags"] & 64
    assert "components" not in response or not response["components"]  # no Delete on a private message


async def test_commands_outside_the_configured_channels_are_ignored(
    fake_discord: FakeDiscord, start_bot: StartBot
) -> None:
    await start_bot(channels=[int(fake_discord.bot_channel.id)])
    await fake_discord.send_message("!cite yardstick", channel=fake_discord.general)
    await quiet(fake_discord)
    await fake_discord.send_message("!cite yardstick", channel=fake_discord.bot_channel)
    sent = await fake_discord.wait_for_message(fake_discord.bot_channel)
    assert "yardstick" in sent.embeds[0]["description"]


async def test_slash_outside_the_configured_channels_says_where(fake_discord: FakeDiscord, start_bot: StartBot) -> None:
    await start_bot(channels=[int(fake_discord.bot_channel.id)])
    interaction = await fake_discord.send_slash_command("cite", {"phrase": "yardstick"}, channel=fake_discord.general)
    response = await fake_discord.wait_for_interaction_response(interaction)
    assert response["flags"] & 64
    assert f"<#{fake_discord.bot_channel.id}>" in response["embeds"][0]["description"]


async def test_dms_answered_when_allowed(fake_discord: FakeDiscord, start_bot: StartBot) -> None:
    await start_bot(allow_dms=True)
    dm = await fake_discord.send_dm("!cite yardstick")
    sent = await fake_discord.wait_for_message(dm["channel_id"])
    assert "yardstick" in sent.embeds[0]["description"]


async def test_dms_refused_when_disallowed(fake_discord: FakeDiscord, start_bot: StartBot) -> None:
    await start_bot(allow_dms=False)
    dm = await fake_discord.send_dm("!cite yardstick")
    sent = await fake_discord.wait_for_message(dm["channel_id"])
    assert sent.embeds[0]["title"] == "Not here"
    assert "not in direct messages" in sent.embeds[0]["description"]
    assert len(fake_discord.sent_messages) == 1


async def test_dms_allowed_even_with_channel_limits(fake_discord: FakeDiscord, start_bot: StartBot) -> None:
    await start_bot(allow_dms=True, channels=[int(fake_discord.bot_channel.id)])
    dm = await fake_discord.send_dm("!cite yardstick")
    sent = await fake_discord.wait_for_message(dm["channel_id"])
    assert "yardstick" in sent.embeds[0]["description"]
