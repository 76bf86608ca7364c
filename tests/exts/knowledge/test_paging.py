"""Oversized answers: paged within Discord's limits, buttons for the invoker only, disabled on timeout."""

from __future__ import annotations

import asyncio
from pathlib import Path

from bot.render import limits
from tests.exts.conftest import StartBot
from tests.fakediscord import CallbackType, FakeDiscord, SentMessage
from tests.helpers import write_doc


def many_documents(folder: Path, count: int = 60) -> Path:
    for i in range(count):
        title = f"Document {i:02d} on the long and winding road of Indo-Pacific security cooperation " + "x" * 120
        write_doc(folder, f"doc{i:02d}.md", f"Paragraph {i} mentions NATO and Japan.", title=title)
    return folder


def buttons(message: dict) -> dict[str, dict]:
    return {c["label"]: c for row in message.get("components", []) for c in row["components"]}


def within_limits(message: dict) -> None:
    embeds = message["embeds"]
    assert len(embeds) <= limits.EMBEDS_PER_MESSAGE
    total = 0
    for embed in embeds:
        assert len(embed.get("title", "")) <= limits.EMBED_TITLE
        assert len(embed.get("description", "")) <= limits.EMBED_DESCRIPTION
        total += len(embed.get("title", "")) + len(embed.get("description", ""))
        total += len(embed.get("footer", {}).get("text", ""))
    assert total <= limits.EMBED_TOTAL


async def long_answer(fake_discord: FakeDiscord, start_bot: StartBot, tmp_path: Path, **changes) -> SentMessage:
    await start_bot(knowledge=many_documents(tmp_path / "kb"), **changes)
    await fake_discord.send_message("!sources")
    return await fake_discord.wait_for_message(fake_discord.general)


async def test_long_answer_is_paged_within_limits(fake_discord: FakeDiscord, start_bot: StartBot, tmp_path: Path):
    sent = await long_answer(fake_discord, start_bot, tmp_path)
    within_limits(sent.message)
    footer = sent.embeds[0]["footer"]["text"]
    assert footer.startswith("Page 1 of ") and int(footer.rsplit(" ", 1)[1]) >= 2
    controls = buttons(sent.message)
    assert set(controls) == {"Previous", "Next", "Delete"}
    assert controls["Previous"]["disabled"] and not controls["Next"].get("disabled")


async def test_next_edits_the_message_to_page_two(fake_discord: FakeDiscord, start_bot: StartBot, tmp_path: Path):
    sent = await long_answer(fake_discord, start_bot, tmp_path)
    click = await fake_discord.send_component(sent, buttons(sent.message)["Next"]["custom_id"])
    callback = await fake_discord.wait_for_interaction_callback(click)
    assert callback.type == CallbackType.UPDATE_MESSAGE
    live = fake_discord.state.messages[sent.id]
    assert live["embeds"][0]["footer"]["text"].startswith("Page 2 of ")
    assert live["embeds"][0]["description"] != sent.embeds[0]["description"]
    within_limits(live)
    assert not buttons(live)["Previous"].get("disabled")


async def test_another_users_click_is_refused_privately(fake_discord: FakeDiscord, start_bot: StartBot, tmp_path: Path):
    sent = await long_answer(fake_discord, start_bot, tmp_path)
    for label in ("Next", "Delete"):
        click = await fake_discord.send_component(
            sent, buttons(sent.message)[label]["custom_id"], user=fake_discord.admin
        )
        callback = await fake_discord.wait_for_interaction_callback(click)
        assert callback.type == CallbackType.CHANNEL_MESSAGE_WITH_SOURCE
        assert callback.data is not None and callback.data["flags"] & 64  # ephemeral
        assert "Only the person who asked" in callback.data["content"]
    live = fake_discord.state.messages[sent.id]
    assert live["embeds"] == sent.embeds


async def test_the_invoker_can_delete_the_answer(fake_discord: FakeDiscord, start_bot: StartBot, tmp_path: Path):
    sent = await long_answer(fake_discord, start_bot, tmp_path)
    await fake_discord.send_component(sent, buttons(sent.message)["Delete"]["custom_id"])
    await fake_discord.wait_for_request("DELETE", rf"^/channels/\d+/messages/{sent.id}$")
    assert sent.id not in fake_discord.state.messages


async def test_buttons_disable_on_timeout(fake_discord: FakeDiscord, start_bot: StartBot, tmp_path: Path):
    sent = await long_answer(fake_discord, start_bot, tmp_path, page_timeout_seconds=0.3, delete_window_seconds=0.6)
    edits = rf"^/channels/\d+/messages/{sent.id}$"
    first = await fake_discord.wait_for_request("PATCH", edits, timeout=3)  # pages stop
    await fake_discord.wait_for_request("PATCH", edits, timeout=3, predicate=lambda r: r is not first)  # delete too
    live = fake_discord.state.messages[sent.id]
    assert buttons(live), "the buttons are still there, disabled"
    assert all(b.get("disabled") for b in buttons(live).values())
    assert live["embeds"] == sent.embeds


async def test_short_answers_have_only_a_delete_button(fake_discord: FakeDiscord, start_bot: StartBot):
    await start_bot()
    await fake_discord.send_message("!cite yardstick")
    sent = await fake_discord.wait_for_message(fake_discord.general)
    assert set(buttons(sent.message)) == {"Delete"}
    await asyncio.sleep(0)


async def test_delete_outlives_the_page_buttons(fake_discord: FakeDiscord, start_bot: StartBot, tmp_path: Path):
    """page_timeout < delete_window: the pages stop, but the asker can still delete until the window closes."""
    sent = await long_answer(fake_discord, start_bot, tmp_path, page_timeout_seconds=0.3, delete_window_seconds=30)
    await fake_discord.wait_for_request("PATCH", rf"^/channels/\d+/messages/{sent.id}$", timeout=3)
    live = buttons(fake_discord.state.messages[sent.id])
    assert live["Previous"]["disabled"] and live["Next"]["disabled"]
    assert not live["Delete"].get("disabled")
    await fake_discord.send_component(sent, live["Delete"]["custom_id"])
    await fake_discord.wait_for_request("DELETE", rf"^/channels/\d+/messages/{sent.id}$")
    assert sent.id not in fake_discord.state.messages
