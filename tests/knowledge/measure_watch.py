"""Measure change-detection options for the knowledge folder: `python -m tests.knowledge.measure_watch`.

For folders of N files: latency from a write to the watcher's event (watchfiles with OS events, and
watchfiles polling mtimes every 300 ms), and the cost of one hand-rolled mtime scan (what a polling
loop of our own would pay on every tick).
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from bot.config.sources import WatchSettings
from bot.knowledge.watch import watch_knowledge

SIZES = (100, 2000)
TRIALS = 5


def make_folder(root: Path, n: int) -> None:
    for i in range(n):
        sub = root / f"d{i % 20}"
        sub.mkdir(exist_ok=True)
        (sub / f"doc{i}.md").write_text(f"Document {i}.", encoding="utf-8")


def scan_ms(root: Path) -> float:
    started = time.perf_counter()
    {p: p.stat().st_mtime_ns for p in root.rglob("*.md")}
    return (time.perf_counter() - started) * 1000


async def latency_ms(root: Path, settings: WatchSettings) -> float:
    stop = asyncio.Event()
    events = watch_knowledge(root, settings, stop)
    waiter = asyncio.create_task(anext(events))
    await asyncio.sleep(0.5)
    started = time.perf_counter()
    (root / "new.md").write_text(f"New {started}.", encoding="utf-8")
    await waiter
    elapsed = (time.perf_counter() - started) * 1000
    stop.set()
    await events.aclose()
    (root / "new.md").unlink()
    return elapsed


async def main() -> None:
    native = WatchSettings(debounce_ms=1600, quiet_ms=50)
    polling = WatchSettings(debounce_ms=1600, quiet_ms=50, force_polling=True, poll_ms=300)
    print(f"{'files':>6} {'OS events ms':>13} {'polling ms':>11} {'one mtime scan ms':>18}")
    for n in SIZES:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            make_folder(root, n)
            a = statistics.median([await latency_ms(root, native) for _ in range(TRIALS)])
            b = statistics.median([await latency_ms(root, polling) for _ in range(TRIALS)])
            c = statistics.median([scan_ms(root) for _ in range(TRIALS)])
            print(f"{n:>6} {a:>13.0f} {b:>11.0f} {c:>18.1f}")


if __name__ == "__main__":
    asyncio.run(main())
