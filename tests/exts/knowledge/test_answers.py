"""Answers through the real client: prefix, mention and slash invocations of the engine's commands."""

from __future__ import annotations

from tests.exts.conftest import StartBot
from tests.fakediscord import CallbackType, FakeDiscord

PARTNERS = ("Australia", "New Zealand", "Japan", "South Korea")


async def test_partners_embed_names_the_four_partners_with_citations(
    fake_discord: FakeDiscord, start_bot: StartBot
) -> None:
    await start_bot()
    asked = await fake_discord.send_message("!partners")
    sent = await fake_discord.wait_for_message(fake_discord.general)
    (embed,) = sent.embeds
    for partner in PARTNERS:
        assert partner in embed["description"]
    assert "¶" in embed["description"] and "sentence" in embed["description"]
    assert str(sent.payload["message_reference"]["message_id"]) == asked["id"]
    assert sent.payload["allowed_mentions"]["parse"] == []


async def test_slash_threats_is_answered_within_the_deadline(fake_discord: FakeDiscord, start_bot: StartBot) -> None:
    await start_bot()
    interaction = await fake_discord.send_slash_command("threats", {"actor": "china"})
    callback = await fake_discord.wait_for_interaction_callback(interaction, timeout=fake_discord.interaction_deadline)
    assert callback.type in (
        CallbackType.CHANNEL_MESSAGE_WITH_SOURCE,
        CallbackType.DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE,
    )
    response = await fake_discord.wait_for_interaction_response(interaction)
    description = response["embeds"][0]["description"]
    assert description.startswith("**1.** “Additionally, NATO’s 2022 Strategic Concept recognises")
    assert response["embeds"][0]["title"] == "Threats: China"


async def test_prefix_mention_and_slash_answer_the_same(fake_discord: FakeDiscord, start_bot: StartBot) -> None:
    await start_bot()
    await fake_discord.send_message("!threats china")
    by_prefix = (await fake_discord.wait_for_message(fake_discord.general)).embeds[0]
    await fake_discord.send_message(f"{fake_discord.bot_user.mention} threats china")
    by_mention = (await fake_discord.wait_for_message(fake_discord.general)).embeds[0]
    interaction = await fake_discord.send_slash_command("threats", {"actor": "china"})
    by_slash = (await fake_discord.wait_for_interaction_response(interaction))["embeds"][0]
    assert by_prefix["description"] == by_mention["description"] == by_slash["description"]
    assert by_prefix["title"] == by_mention["title"] == by_slash["title"]


async def test_mention_prefix_works_without_the_message_content_intent(
    fake_discord: FakeDiscord, start_bot: StartBot
) -> None:
    bot = await start_bot(message_content_intent=False)
    assert not bot.intents.message_content
    assert fake_discord.identifies[0]["intents"] & (1 << 15) == 0
    await fake_discord.send_message("!partners")  # Discord blanks the content: the bot cannot see it
    await fake_discord.send_message(f"{fake_discord.bot_user.mention} partners")
    sent = await fake_discord.wait_for_message(fake_discord.general)
    assert all(p in sent.embeds[0]["description"] for p in PARTNERS)
    assert len(fake_discord.messages_in(fake_discord.general)) == 1


async def test_everyone_in_the_input_pings_nobody(fake_discord: FakeDiscord, start_bot: StartBot) -> None:
    await start_bot()
    await fake_discord.send_message("!cite @everyone <@&123> bitcoin")
    sent = await fake_discord.wait_for_message(fake_discord.general)
    assert sent.payload["allowed_mentions"] == {"parse": [], "replied_user": False}
    text = sent.embeds[0]["title"] + sent.embeds[0].get("description", "")
    assert "everyone" in text  # the input is echoed...
    assert "@everyone" not in text and "<@&" not in text  # ...but never as a live mention
    assert sent.message["mention_everyone"] is False and sent.message["mentions"] == []


async def test_slash_input_with_everyone_pings_nobody(fake_discord: FakeDiscord, start_bot: StartBot) -> None:
    await start_bot()
    interaction = await fake_discord.send_slash_command("ask", {"question": "@everyone @here bitcoin price"})
    await fake_discord.wait_for_interaction_response(interaction)
    (sent,) = fake_discord.sent_messages
    assert sent.payload["allowed_mentions"]["parse"] == []
    text = str(sent.embeds)
    assert "@everyone" not in text and "@here" not in text
