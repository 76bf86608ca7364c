"""The knowledge watcher: one event per burst, only for files the loader reads."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.config.sources import WatchSettings
from bot.knowledge.watch import watch_knowledge

FAST = WatchSettings(debounce_ms=400, quiet_ms=100)


async def _next_change(folder: Path, act, settings: WatchSettings = FAST, timeout: float = 5) -> set[str]:
    stop = asyncio.Event()
    events = watch_knowledge(folder, settings, stop)

    async def first() -> set[str]:
        return await anext(events)

    task = asyncio.create_task(first())
    await asyncio.sleep(0.2)  # the OS watch is in place
    act()
    try:
        return await asyncio.wait_for(task, timeout)
    finally:
        stop.set()
        await events.aclose()


@pytest.mark.parametrize("force_polling", [False, True])
async def test_a_burst_of_writes_is_one_event(tmp_path: Path, force_polling: bool) -> None:
    settings = WatchSettings(debounce_ms=400, quiet_ms=100, force_polling=force_polling, poll_ms=50)

    def burst() -> None:
        for i in range(5):
            (tmp_path / f"doc{i}.md").write_text(f"Document {i}.", encoding="utf-8")

    changed = await _next_change(tmp_path, burst, settings)
    assert changed == {f"doc{i}.md" for i in range(5)}


async def test_ignores_temp_hidden_and_other_files(tmp_path: Path) -> None:
    def write() -> None:
        (tmp_path / ".doc.md.tmp").write_text("temp", encoding="utf-8")
        (tmp_path / "_draft.md").write_text("draft", encoding="utf-8")
        (tmp_path / "README.md").write_text("readme", encoding="utf-8")
        (tmp_path / "picture.png").write_bytes(b"png")
        (tmp_path / "real.txt").write_text("Real text.", encoding="utf-8")

    assert await _next_change(tmp_path, write) == {"real.txt"}


async def test_modify_and_delete_are_reported(tmp_path: Path) -> None:
    doc = tmp_path / "sub" / "a.md"
    doc.parent.mkdir()
    doc.write_text("One.", encoding="utf-8")
    assert "sub/a.md" in await _next_change(tmp_path, lambda: doc.write_text("Two.", encoding="utf-8"))
    assert "sub/a.md" in await _next_change(tmp_path, doc.unlink)
