"""The registry's commands in Discord: `!help` lists the same commands as the local chat, marked where the
caller may not use them; slash commands are generated with their options; the permission rules hold."""

from __future__ import annotations

import re
from pathlib import Path

from bot.config import Config
from tests.exts.conftest import StartBot
from tests.exts.helpers import command
from tests.fakediscord import FakeDiscord
from tests.frontends.chat_helpers import chat_runtime, say
from tests.helpers import PROJECT

GUILD_COMMANDS = r"^/applications/\d+/guilds/\d+/commands$"
COMMAND_LINE = re.compile(r"^\*{0,2}`!([a-z-]+(?: (?:preview|now))?)[^`]*` — ", re.M)


def listed(text: str) -> list[str]:
    return COMMAND_LINE.findall(text)


async def test_help_lists_the_same_commands_in_every_front_end(
    fake_discord: FakeDiscord, start_bot: StartBot, config: Config, tmp_path: Path
) -> None:
    bot = await start_bot()
    by_prefix = await command(fake_discord, "!help")
    interaction = await fake_discord.send_slash_command("help", {})
    by_slash = (await fake_discord.wait_for_interaction_response(interaction))["embeds"][0]["description"]
    async with chat_runtime(config, PROJECT / "knowledge", tmp_path / "chat-data") as chat:
        in_chat = await say(chat, "!help")
    every = [leaf.qualified for spec in bot.runtime.registry for leaf in spec.leaves()]
    assert {"add", "reload", "digest preview", "digest now", "sync", "partners"} <= set(every)
    assert listed(in_chat) == listed(by_prefix) == listed(by_slash) == every


async def test_help_marks_what_the_caller_may_not_use(fake_discord: FakeDiscord, start_bot: StartBot) -> None:
    await start_bot(admin_roles=["Admin"])
    for_bob = await command(fake_discord, "!help")
    assert re.search(r"`!reload`.*🔒 admins", for_bob) and re.search(r"`!sync`.*🔒 owners", for_bob)
    assert re.search(r"`!add <url\|file>`.*🔒 admins and add_roles", for_bob)
    assert not re.search(r"`!ask <question>`.*🔒", for_bob)
    for_alice = await command(fake_discord, "!help", author=fake_discord.admin)  # alice owns the application
    assert "🔒" not in for_alice


async def test_slash_commands_come_from_the_registry(fake_discord: FakeDiscord, start_bot: StartBot) -> None:
    bot = await start_bot()
    (put,) = fake_discord.requests_to("PUT", GUILD_COMMANDS)
    synced = {c["name"]: c for c in put.json if c.get("type", 1) == 1}
    for spec in bot.runtime.registry:
        if not spec.slash:
            assert spec.name not in synced
            continue
        assert synced[spec.name]["description"] == spec.summary[:100]
        options = {o["name"]: o for o in synced[spec.name].get("options", [])}
        if spec.subcommands:
            assert set(options) == {s.name for s in spec.subcommands}
            continue
        assert set(options) == {p.name for p in spec.params}
        for param in spec.params:
            assert options[param.name]["description"] == param.description[:100]
            assert bool(options[param.name].get("required")) == param.required
            assert bool(options[param.name].get("autocomplete")) == bool(param.complete)


async def test_a_local_path_is_never_read_from_discord(fake_discord: FakeDiscord, start_bot: StartBot) -> None:
    await start_bot()
    reply = await command(fake_discord, "!add /etc/hostname", author=fake_discord.admin)
    assert "is not a web address" in reply


async def test_an_unknown_command_far_from_any_stays_quiet(fake_discord: FakeDiscord, start_bot: StartBot) -> None:
    await start_bot()
    await fake_discord.send_message("!important notice for the team")
    await fake_discord.send_message("!partnrs")
    reply = await fake_discord.wait_for_message(fake_discord.general)
    assert "Did you mean `!partners`?" in reply.embeds[0]["description"]
    assert len(fake_discord.messages_in(fake_discord.general)) == 1
