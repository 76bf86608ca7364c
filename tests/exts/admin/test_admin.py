"""Admin commands: reload for the configured admin role, sync for owners only, never globally on start."""

from __future__ import annotations

from pathlib import Path

from tests.exts.conftest import StartBot
from tests.fakediscord import FakeDiscord
from tests.helpers import write_doc

GUILD_COMMANDS = r"^/applications/\d+/guilds/\d+/commands$"
GLOBAL_COMMANDS = r"^/applications/\d+/commands$"


async def test_reload_is_refused_for_bob(fake_discord: FakeDiscord, start_bot: StartBot) -> None:
    await start_bot(admin_roles=["Admin"])
    await fake_discord.send_message("!reload")
    sent = await fake_discord.wait_for_message(fake_discord.general)
    assert sent.embeds[0]["title"] == "Not allowed"


async def test_reload_by_alice_swaps_in_the_new_documents(
    fake_discord: FakeDiscord, start_bot: StartBot, tmp_path: Path
) -> None:
    write_doc(tmp_path, "one.md", "Finland joined NATO in April 2023.", title="Finland")
    bot = await start_bot(knowledge=tmp_path, admin_roles=["Admin"])
    assert bot.engine is not None and bot.engine.stats.documents == 1
    write_doc(tmp_path, "two.md", "Sweden joined NATO in March 2024.", title="Sweden")
    await fake_discord.send_message("!reload", author=fake_discord.admin)
    sent = await fake_discord.wait_for_message(fake_discord.general)
    assert sent.embeds[0]["title"] == "Knowledge base reloaded"
    assert bot.engine.stats.documents == 2
    await fake_discord.send_message("!cite Sweden joined")
    cited = await fake_discord.wait_for_message(fake_discord.general)
    assert "Sweden joined NATO" in cited.embeds[0]["description"]


async def test_start_syncs_to_the_configured_guild_only(fake_discord: FakeDiscord, start_bot: StartBot) -> None:
    await start_bot()
    (put,) = fake_discord.requests_to("PUT", GUILD_COMMANDS)
    assert fake_discord.guild.id in put.path
    names = {(c["name"], c.get("type", 1)) for c in put.json}
    for name in ("ask", "threats", "summary", "cite", "sources", "help", "partners", "reload"):
        assert (name, 1) in names
    assert ("Find source", 3) in names
    assert fake_discord.requests_to("PUT", GLOBAL_COMMANDS) == []


async def test_no_guild_means_no_sync_on_start(fake_discord: FakeDiscord, start_bot: StartBot) -> None:
    await start_bot(guild_id=None)
    assert fake_discord.requests_to("PUT", GUILD_COMMANDS) == []
    assert fake_discord.requests_to("PUT", GLOBAL_COMMANDS) == []


async def test_sync_is_owner_only_and_global(fake_discord: FakeDiscord, start_bot: StartBot) -> None:
    await start_bot()
    await fake_discord.send_message("!sync")
    refused = await fake_discord.wait_for_message(fake_discord.general)
    assert refused.embeds[0]["title"] == "Not allowed"
    assert fake_discord.requests_to("PUT", GLOBAL_COMMANDS) == []
    await fake_discord.send_message("!sync", author=fake_discord.admin)  # alice owns the application
    done = await fake_discord.wait_for_message(fake_discord.general)
    assert done.embeds[0]["title"].startswith("Synced")
    (put,) = fake_discord.requests_to("PUT", GLOBAL_COMMANDS)
    assert "ask" in {c["name"] for c in put.json}
