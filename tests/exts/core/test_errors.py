"""The global error handler through the real client: did-you-mean, usage help, error ids."""

from __future__ import annotations

import logging
import re

import pytest

from tests.exts.conftest import StartBot
from tests.fakediscord import FakeDiscord


async def test_unknown_command_gets_did_you_mean(fake_discord: FakeDiscord, start_bot: StartBot) -> None:
    await start_bot()
    await fake_discord.send_message("!partnrs")
    sent = await fake_discord.wait_for_message(fake_discord.general)
    assert "Did you mean `!partners`?" in sent.embeds[0]["description"]


async def test_missing_argument_shows_the_commands_usage(fake_discord: FakeDiscord, start_bot: StartBot) -> None:
    await start_bot()
    await fake_discord.send_message("!ask")
    sent = await fake_discord.wait_for_message(fake_discord.general)
    embed = sent.embeds[0]
    assert embed["title"].startswith("That needs more")
    assert "!ask" in embed["title"] + embed["description"]


async def test_unexpected_error_gets_a_polite_message_with_an_id_that_is_logged(
    fake_discord: FakeDiscord, start_bot: StartBot, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    bot = await start_bot()

    async def broken(request):
        raise RuntimeError("boom")

    monkeypatch.setattr(bot.runtime, "dispatch", broken)
    with caplog.at_level(logging.ERROR):
        await fake_discord.send_message("!ask anything")
        sent = await fake_discord.wait_for_message(fake_discord.general)
    description = sent.embeds[0]["description"]
    assert "boom" not in description
    error_id = re.search(r"Error id\s+`?([0-9a-f]{8})", description)
    assert error_id, description
    logged = [r for r in caplog.records if error_id.group(1) in r.getMessage()]
    assert logged and logged[0].exc_info is not None


async def test_slash_unexpected_error_is_reported_privately(
    fake_discord: FakeDiscord, start_bot: StartBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    bot = await start_bot()

    async def broken(request):
        raise RuntimeError("boom")

    monkeypatch.setattr(bot.runtime, "dispatch", broken)
    interaction = await fake_discord.send_slash_command("ask", {"question": "anything"})
    response = await fake_discord.wait_for_interaction_response(interaction)
    assert "Error id" in response["embeds"][0]["description"]
    assert response["flags"] & 64
