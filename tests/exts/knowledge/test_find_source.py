"""The "Find source" message context menu: a private answer with the cited sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.exts.conftest import StartBot
from tests.exts.knowledge.test_paging import buttons
from tests.fakediscord import CallbackType, FakeDiscord
from tests.helpers import write_doc


@pytest.mark.parametrize(
    ("claim", "title"),
    [
        ("The summit in Vilnius will be used as a yardstick to measure the advancement", "Citation for"),
        ("lol “the summit in Vilnius will be used as a yardstick to measure the advancement” they say", "Best"),
    ],
)
async def test_find_source_on_a_quote_answers_privately_with_the_sentence(
    fake_discord: FakeDiscord, start_bot: StartBot, claim: str, title: str
) -> None:
    await start_bot()
    target = await fake_discord.send_message(claim, author=fake_discord.admin)
    interaction = await fake_discord.send_message_command("Find source", target)
    await fake_discord.wait_for_interaction_callback(interaction)
    response = await fake_discord.wait_for_interaction_response(interaction)
    assert response["flags"] & 64
    embed = response["embeds"][0]
    assert embed["title"].startswith(title)
    assert "yardstick to measure the advancement made since the summit in Madrid" in embed["description"]
    assert "¶3, sentence 2" in embed["description"]
    (sent,) = fake_discord.sent_messages
    assert sent.payload["allowed_mentions"]["parse"] == []


async def test_find_source_respects_the_channel_limit(fake_discord: FakeDiscord, start_bot: StartBot) -> None:
    await start_bot(channels=[int(fake_discord.bot_channel.id)])
    target = await fake_discord.send_message("used as a yardstick to measure", channel=fake_discord.general)
    interaction = await fake_discord.send_message_command("Find source", target)
    response = await fake_discord.wait_for_interaction_response(interaction)
    assert response["flags"] & 64
    assert response["embeds"][0]["title"] == "Not here"
    assert f"<#{fake_discord.bot_channel.id}>" in response["embeds"][0]["description"]


async def test_a_long_find_source_answer_pages_privately(
    fake_discord: FakeDiscord, start_bot: StartBot, tmp_path: Path
) -> None:
    fillers = ("was debated at great length ", "drew long objections from allies ", "filled many hearings with ")
    for i, filler in enumerate(fillers):  # three different long sentences (near-duplicates would fold into one)
        sentence = f"Report {i} says the Ukraine support package " + filler * 60 + "."
        write_doc(tmp_path, f"r{i}.md", sentence, title=f"Report {i}")
    await start_bot(knowledge=tmp_path)
    target = await fake_discord.send_message("what about the Ukraine support package?")
    interaction = await fake_discord.send_message_command("Find source", target)
    response = await fake_discord.wait_for_interaction_response(interaction)
    assert response["flags"] & 64
    footer = response["embeds"][0]["footer"]["text"]
    assert footer.startswith("Page 1 of ")
    controls = buttons(response)
    assert "Delete" not in controls  # an ephemeral message is dismissed by its reader, not deleted by the bot
    click = await fake_discord.send_component(response["id"], controls["Next"]["custom_id"])
    callback = await fake_discord.wait_for_interaction_callback(click)
    assert callback.type == CallbackType.UPDATE_MESSAGE
    assert fake_discord.state.messages[response["id"]]["embeds"][0]["footer"]["text"].startswith("Page 2 of ")


async def test_find_source_failure_is_reported_privately_with_an_error_id(
    fake_discord: FakeDiscord, start_bot: StartBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    bot = await start_bot()

    async def broken(func, *args):
        raise RuntimeError("index on fire")

    monkeypatch.setattr(bot, "in_engine_thread", broken)
    target = await fake_discord.send_message("used as a yardstick to measure")
    interaction = await fake_discord.send_message_command("Find source", target)
    response = await fake_discord.wait_for_interaction_response(interaction)
    assert response["flags"] & 64
    assert "Error id `" in response["embeds"][0]["description"]
    assert "fire" not in response["embeds"][0]["description"]
