"""A rebuild never holds the query thread: questions are answered from the old index while it runs."""

from __future__ import annotations

import threading
from pathlib import Path

from tests.exts.helpers import command, eventually
from tests.helpers import write_doc


async def test_questions_are_answered_while_a_rebuild_is_stuck(bot, fake_discord, knowledge: Path) -> None:
    bot.get_cog("KnowledgeWatcher").stop.set()  # only !reload now
    gate, building, threads = threading.Event(), threading.Event(), []
    real = bot.load_engine

    def slow():
        threads.append(threading.current_thread().name)
        building.set()
        gate.wait(30)
        return real()

    bot.load_engine = slow
    write_doc(knowledge, "spoons.md", "The spoon protocol was signed in Oslo.", title="Spoons")
    reload = await fake_discord.send_message("!reload", author=fake_discord.admin)
    try:
        await eventually(building.is_set)
        answer = await command(fake_discord, "!ask porcelain teapots lisbon")  # the old index, meanwhile
        assert "porcelain teapots in Lisbon" in answer
        assert "spoons" not in bot.engine.kb.by_id
    finally:
        gate.set()
    done = await fake_discord.wait_for_message(
        predicate=lambda m: str((m.payload.get("message_reference") or {}).get("message_id")) == reload["id"]
    )
    assert "Knowledge base reloaded" in done.embeds[0]["title"]
    assert "spoons" in bot.engine.kb.by_id
    assert threads and not threads[0].startswith("engine_")  # not the query thread
