"""!digest set|off|list in the local chat (the owner is at the console), and how what is set from Discord
combines with config/digest.yaml: a stored channel replaces its seed entry; `off` keeps the seed off."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bot.config import Config
from bot.digest.channels import effective
from bot.digest.config import DigestChannel, DigestConfig
from bot.state.channels_repo import ChannelRow
from tests.frontends.chat_helpers import chat_runtime, say
from tests.helpers import PROJECT


async def test_set_list_and_off_in_the_local_chat(config: Config, tmp_path: Path) -> None:
    async with chat_runtime(config, PROJECT / "knowledge", tmp_path / "data") as chat:
        reply = await say(chat, "!digest set channel=123456 time=08:15 timezone=Asia/Tokyo actors=North_Korea,china")
        assert "Digest set" in reply and "<#123456> — 08:15 Asia/Tokyo · actors: north korea, china" in reply
        assert "<#123456> — 08:15 Asia/Tokyo" in await say(chat, "!digest list")
        reply = await say(chat, "!digest set channel=123456 topics=partners")  # changes only what is given
        assert "08:15 Asia/Tokyo · topics: partners · actors: north korea, china" in reply
        assert "Digest off for <#123456>" in await say(chat, "!digest off channel=123456")
        assert "No digests are set up" in await say(chat, "!digest list")


async def test_bad_input_says_what_to_fix_and_changes_nothing(config: Config, tmp_path: Path) -> None:
    async with chat_runtime(config, PROJECT / "knowledge", tmp_path / "data") as chat:
        assert "Say which channel" in await say(chat, "!digest set 09:00")
        assert "Say when: time=HH:MM" in await say(chat, "!digest set channel=123456")
        assert "Unknown topics: weather. Known: partners" in await say(chat, "!digest set 123456 09:00 topics=weather")
        assert "Unknown option “colour”" in await say(chat, "!digest set 123456 09:00 colour=red")
        assert "time" in await say(chat, "!digest set 123456 25:00")
        assert "not a channel, a time" in await say(chat, "!digest set 123456 soon")
        assert "No digest is set up for <#424242>" in await say(chat, "!digest off 424242")
        assert "No digests are set up" in await say(chat, "!digest list")


def test_what_is_set_from_discord_overrides_the_seed_channel_by_channel() -> None:
    seed = DigestConfig(
        channels=[DigestChannel(channel_id=1, time=dt.time(9)), DigestChannel(channel_id=2, time=dt.time(10))]
    )
    rows = [
        ChannelRow(1, {"time": "07:00", "timezone": "Europe/Paris"}, enabled=True),
        ChannelRow(2, {"time": "10:00"}, enabled=False),
        ChannelRow(3, {"time": "12:00"}, enabled=True),
        ChannelRow(4, {"time": "not a time"}, enabled=True),  # a bad row is skipped, the others still post
    ]
    channels = {c.channel_id: c for c in effective(seed, rows).channels}
    assert sorted(channels) == [1, 3]
    assert channels[1].time == dt.time(7) and channels[1].timezone == "Europe/Paris"
