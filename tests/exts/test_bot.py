"""PolicyBot's connection to Discord: resumes after a disconnect; REST failures are retried or reported."""

from __future__ import annotations

import asyncio
import gc

from tests.exts.conftest import StartBot
from tests.fakediscord import FakeDiscord

MESSAGES = r"^/channels/\d+/messages$"


async def test_commands_are_answered_after_a_gateway_resume(fake_discord: FakeDiscord, start_bot: StartBot) -> None:
    await start_bot()
    session = fake_discord.session
    await fake_discord.disconnect(code=4000)
    assert await fake_discord.wait_for_resume() is session
    await fake_discord.send_message("!cite yardstick")
    sent = await fake_discord.wait_for_message(fake_discord.general)
    assert "yardstick" in sent.embeds[0]["description"]
    assert len(fake_discord.identifies) == 1


async def test_a_command_sent_while_disconnected_is_answered_after_resume(
    fake_discord: FakeDiscord, start_bot: StartBot
) -> None:
    await start_bot()
    fake_discord.drop_connection()
    await fake_discord.send_message("!cite yardstick")  # replayed on RESUME
    await fake_discord.wait_for_resume()
    sent = await fake_discord.wait_for_message(fake_discord.general)
    assert "yardstick" in sent.embeds[0]["description"]


async def test_429_on_the_reply_delivers_it_exactly_once(fake_discord: FakeDiscord, start_bot: StartBot) -> None:
    await start_bot()
    fake_discord.fail_next("POST", MESSAGES, status=429, retry_after=0.2)
    await fake_discord.send_message("!partners")
    sent = await fake_discord.wait_for_message(fake_discord.general)
    assert "Australia" in sent.embeds[0]["description"]
    assert [r.status for r in fake_discord.requests_to("POST", MESSAGES)] == [429, 200]
    await asyncio.sleep(0.3)  # a duplicate would show up by now
    assert len(fake_discord.messages_in(fake_discord.general)) == 1


async def test_500_on_the_reply_is_retried(fake_discord: FakeDiscord, start_bot: StartBot) -> None:
    await start_bot()
    fake_discord.fail_next("POST", MESSAGES, status=500)
    await fake_discord.send_message("!partners")
    sent = await fake_discord.wait_for_message(fake_discord.general, timeout=5)
    assert "Australia" in sent.embeds[0]["description"]
    assert [r.status for r in fake_discord.requests_to("POST", MESSAGES)] == [500, 200]
    assert len(fake_discord.messages_in(fake_discord.general)) == 1


async def test_503_on_the_reply_still_delivers_the_answer(fake_discord: FakeDiscord, start_bot: StartBot) -> None:
    """discord.py does not retry a 503; send_answer does (same nonce), so the user gets the answer itself."""
    await start_bot()
    fake_discord.fail_next("POST", MESSAGES, status=503)
    await fake_discord.send_message("!partners")
    sent = await fake_discord.wait_for_message(fake_discord.general)
    assert sent.embeds[0]["title"] == "NATO's Indo-Pacific partners"
    assert [r.status for r in fake_discord.requests_to("POST", MESSAGES)] == [503, 200]


def collector_sees(obj: object) -> bool:
    return any(tracked is obj for tracked in gc.get_objects())


async def test_the_loaded_index_is_out_of_the_garbage_collectors_sight(
    fake_discord: FakeDiscord, start_bot: StartBot
) -> None:
    """Full collections walked the whole index on the loop's thread: 100–190 ms loop stalls under a burst
    (bench/bench_loop_lag.py). After start (and after !reload) the loaded objects are frozen."""
    bot = await start_bot()
    assert bot.engine is not None and not collector_sees(bot.engine.index)
    await fake_discord.send_message("!reload", author=fake_discord.admin)
    await fake_discord.wait_for_message(fake_discord.general)
    assert not collector_sees(bot.engine.index)
