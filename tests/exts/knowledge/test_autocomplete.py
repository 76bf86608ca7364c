"""Slash-command autocomplete through the real client: at most 25 choices, names at most 100 characters."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.render import limits
from tests.exts.conftest import StartBot
from tests.exts.knowledge.test_paging import many_documents
from tests.fakediscord import CallbackType, FakeDiscord


async def choices(fake_discord: FakeDiscord, command: str, option: str, typed: str) -> list[dict]:
    interaction = await fake_discord.send_autocomplete(command, {option: typed}, focused=option)
    callback = await fake_discord.wait_for_interaction_callback(interaction)
    assert callback.type == CallbackType.APPLICATION_COMMAND_AUTOCOMPLETE_RESULT
    assert callback.data is not None
    found = callback.data["choices"]
    assert len(found) <= limits.AUTOCOMPLETE_CHOICES
    assert all(len(c["name"]) <= limits.CHOICE_NAME and len(c["value"]) <= limits.CHOICE_VALUE for c in found)
    return found


async def test_threats_actor_suggests_china(fake_discord: FakeDiscord, start_bot: StartBot) -> None:
    await start_bot()
    found = await choices(fake_discord, "threats", "actor", "chi")
    assert found[0]["value"] == "china"


@pytest.mark.parametrize("typed", ["", "a", "nato"])
async def test_summary_focus_stays_within_limits(
    fake_discord: FakeDiscord, start_bot: StartBot, tmp_path: Path, typed: str
) -> None:
    await start_bot(knowledge=many_documents(tmp_path / "kb"))
    found = await choices(fake_discord, "summary", "focus", typed)
    assert found


async def test_summary_focus_offers_topics_and_documents(fake_discord: FakeDiscord, start_bot: StartBot) -> None:
    await start_bot()
    values = {c["value"] for c in await choices(fake_discord, "summary", "focus", "")}
    assert {"partners", "nato-indo-pacific-vilnius"} <= values
