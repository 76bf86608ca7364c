"""/digest set, /digest off and /digest list through the real client: admins only, autocomplete for time
zones, topics and actors, kept in the state database (a restarted bot still has them)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from tests.exts.conftest import StartBot
from tests.exts.helpers import command, embed_text
from tests.exts.knowledge.test_autocomplete import choices
from tests.fakediscord import FakeDiscord


async def slash(fake: FakeDiscord, name: str, options: dict, **kwargs) -> str:
    interaction = await fake.send_slash_command(name, options, **kwargs)
    return embed_text(SimpleNamespace(message=await fake.wait_for_interaction_response(interaction)))


async def test_an_admin_sets_a_digest_with_slash_options_and_it_survives_a_restart(
    fake_discord: FakeDiscord, start_bot: StartBot, tmp_path: Path
) -> None:
    bot = await start_bot(admin_roles=["Admin"])
    news = fake_discord.bot_channel
    options = {"channel": news, "time": "07:30", "timezone": "Europe/London", "topics": "partners",
               "actors": "china, north korea"}  # fmt: skip
    reply = await slash(fake_discord, "digest set", options, user=fake_discord.admin)
    assert "Digest set" in reply and f"<#{news.id}> — 07:30 Europe/London" in reply
    assert "topics: partners" in reply and "actors: china, north korea" in reply
    channel = bot.runtime.digest.config.channel(int(news.id))
    assert channel is not None and channel.actors == ["china", "north korea"] and channel.timezone == "Europe/London"

    listed = await command(fake_discord, "!digest list", author=fake_discord.admin)
    assert f"<#{news.id}> — 07:30 Europe/London" in listed
    await bot.close()
    again = await start_bot(admin_roles=["Admin"])  # a new process on the same data folder
    assert again.runtime.digest.config.channel(int(news.id)) == channel


async def test_digest_set_is_for_admins_only(fake_discord: FakeDiscord, start_bot: StartBot) -> None:
    bot = await start_bot(admin_roles=["Admin"])
    reply = await slash(fake_discord, "digest set", {"time": "09:00"})  # bob has no role
    assert "Digest set" not in reply and "admins" in reply.lower()
    assert bot.runtime.digest.config.channels == []


async def test_prefix_set_then_off_in_this_channel(fake_discord: FakeDiscord, start_bot: StartBot) -> None:
    bot = await start_bot(admin_roles=["Admin"])
    here = int(fake_discord.general.id)
    reply = await command(fake_discord, "!digest set 18:00 America/New_York actors=iran", author=fake_discord.admin)
    assert f"<#{here}> — 18:00 America/New_York · actors: iran" in reply
    reply = await command(fake_discord, "!digest set timezone=Mars/Olympus", author=fake_discord.admin)
    assert "Digest not set" in reply and "not an IANA time zone" in reply
    assert bot.runtime.digest.config.channel(here).timezone == "America/New_York"  # unchanged
    assert f"Digest off for <#{here}>" in await command(fake_discord, "!digest off", author=fake_discord.admin)
    assert bot.runtime.digest.config.channels == []
    assert "No digests are set up" in await command(fake_discord, "!digest list", author=fake_discord.admin)


async def test_autocomplete_for_time_zones_topics_and_actors(fake_discord: FakeDiscord, start_bot: StartBot) -> None:
    await start_bot()
    assert (await choices(fake_discord, "digest set", "timezone", "europe/lon"))[0]["value"] == "Europe/London"
    assert (await choices(fake_discord, "digest set", "topics", "part"))[0]["value"] == "partners"
    found = await choices(fake_discord, "digest set", "actors", "china, nor")
    assert found[0]["value"] == "china,north korea"  # the last item completed, the ones before kept
    assert all(not c["value"].startswith("china,china") for c in found)
