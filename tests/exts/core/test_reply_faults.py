"""Replies through Discord's transient failures (503, TCP reset), a 403, and cooldown spam, via the real client."""

from __future__ import annotations

import logging
from types import SimpleNamespace

import aiohttp
import discord
import pytest

from bot.config.models import Cooldown
from bot.utils import delivery
from tests.exts.conftest import StartBot
from tests.exts.helpers import command, eventually
from tests.fakediscord import FakeDiscord
from tests.fakediscord.constants import Permission

REPLY = r"^/channels/\d+/messages$"


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(delivery, "RETRY_DELAYS", (0.05, 0.1, 0.2))


def reply_posts(fake: FakeDiscord) -> list:
    return fake.requests_to("POST", REPLY)


def problems(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.exc_info or "Ignoring exception" in r.getMessage()]


async def test_a_503_on_the_reply_is_retried_with_the_same_nonce(
    fake_discord: FakeDiscord, start_bot: StartBot, caplog: pytest.LogCaptureFixture
) -> None:
    await start_bot()
    fake_discord.fail_next("POST", REPLY, status=503)
    text = await command(fake_discord, "!ask Who is the prime minister of Australia?")
    assert "Anthony Albanese" in text
    first, second = reply_posts(fake_discord)
    assert first.status == 503 and second.status == 200
    assert first.json["nonce"] == second.json["nonce"] and second.json["enforce_nonce"] is True
    assert len(fake_discord.messages_in(fake_discord.general)) == 1
    assert problems(caplog) == []


@pytest.mark.parametrize("after", [False, True], ids=["reset before Discord saw it", "reset after it was posted"])
async def test_a_tcp_reset_on_the_reply_never_loses_or_doubles_it(
    fake_discord: FakeDiscord, start_bot: StartBot, caplog: pytest.LogCaptureFixture, after: bool
) -> None:
    await start_bot()
    fake_discord.fail_next("POST", REPLY, reset=True, after=after)
    text = await command(fake_discord, "!ask Who is the prime minister of Australia?")
    assert "Anthony Albanese" in text
    posts = await eventually(lambda: len(reply_posts(fake_discord)) == 2 and reply_posts(fake_discord))
    assert posts[1].status == 200 and posts[0].json["nonce"] == posts[1].json["nonce"]
    assert len(fake_discord.messages_in(fake_discord.general)) == 1
    assert problems(caplog) == []


async def test_a_403_is_one_log_line_naming_the_channel_and_the_permission(
    fake_discord: FakeDiscord, start_bot: StartBot, caplog: pytest.LogCaptureFixture
) -> None:
    for role in (fake_discord.state.bot_role, fake_discord.guild.roles[0]):
        role.permissions &= ~Permission.EMBED_LINKS
    await start_bot()
    fake_discord.fail_next("POST", REPLY, status=403)
    with caplog.at_level(logging.WARNING):
        await fake_discord.send_message("!ask Who is the prime minister of Australia?")
        await fake_discord.wait_for_request("POST", REPLY, timeout=10)
        await command(fake_discord, "!ask Who leads New Zealand?")  # the next reply goes through
    lines = [r.getMessage() for r in caplog.records if r.name == delivery.log.name]
    assert len(lines) == 1, lines
    assert "#general" in lines[0] and "Embed Links" in lines[0]
    assert len(reply_posts(fake_discord)) == 2  # no retry of a 403, no error reply after it
    assert problems(caplog) == []


async def test_the_error_handler_never_raises_when_discord_keeps_failing(
    fake_discord: FakeDiscord, start_bot: StartBot, caplog: pytest.LogCaptureFixture
) -> None:
    await start_bot()
    fault = fake_discord.fail_next("POST", REPLY, status=503, times=8)  # the answer and the error notice both fail
    with caplog.at_level(logging.WARNING):
        await fake_discord.send_message("!ask Who is the prime minister of Australia?")
        await eventually(lambda: any("could not tell" in r.getMessage() for r in caplog.records))
        assert fault.hits == 8
        text = await command(fake_discord, "!ask Who leads New Zealand?")
    assert "Chris Hipkins" in text
    assert problems(caplog) == [r.getMessage() for r in caplog.records if "error id" in r.getMessage()]


async def test_spam_past_the_cooldown_gets_one_notice_per_window(
    fake_discord: FakeDiscord, start_bot: StartBot
) -> None:
    await start_bot(cooldown=Cooldown(rate=1, per_seconds=60))
    for n in range(6):
        await fake_discord.send_message(f"!ask question number {n}")
    await command(fake_discord, "!ask Who leads New Zealand?", author=fake_discord.admin)  # a sentinel
    replies = fake_discord.messages_in(fake_discord.general)
    titles = [m.payload["embeds"][0]["title"] for m in replies]
    assert titles.count("Slow down a little") == 1
    assert len(replies) == 3  # bob's first question, one notice, alice's question


async def test_a_reset_after_a_slash_answer_was_posted_takes_the_original_response(
    fake_discord: FakeDiscord, start_bot: StartBot, caplog: pytest.LogCaptureFixture
) -> None:
    """An interaction can be answered once: the retry meets "already acknowledged" and keeps the first answer."""
    await start_bot()
    fake_discord.fail_next("POST", r"^/interactions/\d+/[^/]+/callback$", reset=True, after=True)
    interaction = await fake_discord.send_slash_command("ask", {"question": "Who is the prime minister of Australia?"})
    response = await fake_discord.wait_for_interaction_response(interaction)
    assert "Anthony Albanese" in response["embeds"][0]["description"]
    await eventually(lambda: fake_discord.requests_to("GET", r"/messages/@original$"))
    assert [r.status for r in fake_discord.requests_to("POST", r"/callback$")] == [None, 400]
    assert len(fake_discord.sent_messages) == 1
    assert problems(caplog) == []


@pytest.mark.parametrize(
    ("error", "retried"),
    [
        (discord.DiscordServerError(SimpleNamespace(status=503, reason="Service Unavailable"), ""), True),
        (discord.DiscordServerError(SimpleNamespace(status=500, reason="Internal"), ""), False),  # discord.py did
        (discord.Forbidden(SimpleNamespace(status=403, reason="Forbidden"), ""), False),
        (aiohttp.ServerDisconnectedError(), True),
        (ConnectionResetError(104, "Connection reset by peer"), True),
        (TimeoutError(), True),
        (ValueError("a bug"), False),
    ],
)
def test_what_is_retried(error: BaseException, retried: bool) -> None:
    assert delivery.transient(error) is retried
