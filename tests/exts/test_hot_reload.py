"""Hot reload through the running bot: files added, changed, removed or broken; !reload; queries during swaps."""

from __future__ import annotations

import asyncio
import logging
import os
from pathlib import Path

import pytest

from bot.answers.model import Status
from tests.exts.helpers import command, eventually
from tests.helpers import write_doc


def write_atomically(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


async def test_new_file_is_answered_within_seconds(bot, fake_discord, knowledge: Path) -> None:
    write_doc(knowledge, "saucers.md", "The saucer treaty bans flying saucers over the Baltic.", title="Saucers")
    await eventually(lambda: "saucers" in bot.engine.kb.by_id)
    assert "flying saucers over the Baltic" in await command(fake_discord, "!ask flying saucers baltic")


async def test_changed_and_removed_files(bot, fake_discord, knowledge: Path) -> None:
    doc = write_doc(knowledge, "cups.md", "The cup accord limits cups to two per delegate.", title="Cups")
    await eventually(lambda: "cups" in bot.engine.kb.by_id)
    write_doc(knowledge, "cups.md", "The cup accord now allows saucers but no mugs.", title="Cups")
    await eventually(lambda: "no mugs" in bot.engine.kb.by_id["cups"].source)
    assert "allows saucers but no mugs" in await command(fake_discord, "!ask cup accord mugs")
    doc.unlink()
    await eventually(lambda: "cups" not in bot.engine.kb.by_id)
    assert "allows saucers but no mugs" not in await command(fake_discord, "!ask cup accord mugs")


async def test_broken_file_keeps_the_rest_and_logs_it_once(
    bot, fake_discord, knowledge: Path, caplog: pytest.LogCaptureFixture
) -> None:
    before = bot.reloader.reloads
    with caplog.at_level(logging.WARNING):
        write_atomically(knowledge / "broken.md", b"\xff\xfe\x00 not text")
        await eventually(lambda: bot.reloader.reloads > before)
    named = [r for r in caplog.records if "broken.md" in r.getMessage()]
    assert len(named) == bot.reloader.reloads - before == 1
    assert "porcelain teapots in Lisbon" in await command(fake_discord, "!ask porcelain teapots lisbon")


async def test_reload_command_that_fails_keeps_the_old_index(bot, fake_discord) -> None:
    old = bot.engine

    def explode():
        raise RuntimeError("disk on fire")

    bot.load_engine = explode
    reply = await command(fake_discord, "!reload", author=fake_discord.admin)
    assert "Reload failed" in reply and "disk on fire" in reply
    assert bot.engine is old
    assert "porcelain teapots" in await command(fake_discord, "!ask porcelain teapots lisbon")


async def test_reload_command_picks_up_files(bot, fake_discord, knowledge: Path) -> None:
    bot.get_cog("KnowledgeWatcher").stop.set()  # only !reload now
    write_doc(knowledge, "spoons.md", "The spoon protocol was signed in Oslo.", title="Spoons")
    reply = await command(fake_discord, "!reload", author=fake_discord.admin)
    assert "Knowledge base reloaded" in reply and "spoons" in bot.engine.kb.by_id


async def test_queries_during_reloads_always_get_complete_answers(bot, knowledge: Path) -> None:
    for i in range(150):
        write_doc(knowledge, f"filler/f{i}.md", f"Filler note {i} about harbour logistics and cranes.")
    await bot.reloader.reload("fillers")

    async def churn() -> None:
        for round_ in range(8):
            extra = knowledge / "filler" / f"f{round_}.md"
            extra.unlink()
            await bot.reloader.reload(f"round {round_}")

    async def ask() -> list:
        return [await bot.answer("ask", "porcelain teapots lisbon") for _ in range(40)]

    results = await asyncio.gather(churn(), *(ask() for _ in range(4)))
    answers = [a for batch in results[1:] for a in batch]
    assert len(answers) == 160
    for answer in answers:
        assert answer.status is Status.OK and answer.excerpts
        assert answer.excerpts[0].citation.document == "teapots"
        assert "porcelain teapots in Lisbon" in answer.excerpts[0].text
