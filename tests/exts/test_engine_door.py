"""One engine door: every engine call from async code runs on the engine thread — answers, autocomplete,
usage help, the digest (preview, tick) — never on the event loop or another worker."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from bot.door import THREAD_NAME
from bot.engine import Engine
from tests.exts.digest.test_digest_cog import _start, next_slot
from tests.exts.helpers import command
from tests.fakediscord import FakeDiscord
from tests.fakediscord.plugin import BotRunner


@pytest.fixture
def engine_threads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The name of the thread of every call to the engine's search and passage methods."""
    seen: list[str] = []
    for name in ("search", "passage", "terms", "query"):
        original = getattr(Engine, name)

        def spy(self, *args, _original=original, **kwargs):
            seen.append(threading.current_thread().name)
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(Engine, name, spy)
    return seen


async def test_every_engine_call_goes_through_the_door(
    fake_discord: FakeDiscord, run_bot: BotRunner, tmp_path: Path, engine_threads: list[str]
) -> None:
    bot, _ = await _start(fake_discord, run_bot, tmp_path)
    engine_threads.clear()
    assert "Threats: China" in await command(fake_discord, "!threats china")
    assert "That needs more" in await command(fake_discord, "!cite")  # usage from the registry's help
    interaction = await fake_discord.send_autocomplete("summary", {"focus": "nato"}, focused="focus")
    await fake_discord.wait_for_interaction_callback(interaction)
    slash = await fake_discord.send_slash_command("digest preview", {})
    assert (await fake_discord.wait_for_interaction_response(slash))["embeds"][0]["title"].startswith("Daily digest")
    assert [r.action for r in await bot.get_cog("Digest").service.tick(next_slot())] == ["posted"]
    assert engine_threads, "the commands above use the engine"
    assert {name.split("_")[0] for name in engine_threads} == {THREAD_NAME}
