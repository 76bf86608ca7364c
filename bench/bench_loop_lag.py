"""Event-loop lag under a burst of commands: PolicyBot against the fake Discord on 127.0.0.1.

    python bench/bench_loop_lag.py                      # seed knowledge folder, 100 commands
    python bench/bench_loop_lag.py --knowledge DIR      # any knowledge folder
    python bench/bench_loop_lag.py --synthetic 300      # 300 generated documents (seed text reshuffled)

A ticker sleeps 10 ms in a loop and records how late it wakes up: that lateness is the time the event
loop was busy with something else (the bot, discord.py, and the fake server, which shares the loop).
Search runs on the engine's worker thread, so the lag stays small however slow a query is.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import functools
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import discord
import yarl
from discord.gateway import DiscordWebSocket

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.bot import PolicyBot  # noqa: E402
from bot.config import load_config  # noqa: E402
from bot.config.models import Cooldown  # noqa: E402
from bot.loading import load_engine  # noqa: E402
from tests.fakediscord import FakeDiscord  # noqa: E402
from tests.fakediscord.plugin import BotRunner  # noqa: E402

COMMANDS = [
    ("ask", "question", "Who is the prime minister of Australia?"),
    ("ask", "question", "interoperability of their military"),
    ("threats", "actor", "china"),
    ("threats", "actor", "russia"),
    ("cite", "phrase", "yardstick"),
    ("cite", "phrase", "liaison office in Tokyo"),
    ("summary", "focus", "partners"),
    ("summary", "focus", ""),
]


def synthetic_knowledge(folder: Path, count: int) -> Path:
    paragraphs = [p for p in (ROOT / "knowledge").glob("*.md").__next__().read_text().split("\n\n") if len(p) > 80]
    rng = random.Random(4)
    for i in range(count):
        body = "\n\n".join(rng.sample(paragraphs, k=min(6, len(paragraphs))))
        (folder / f"doc{i:04d}.md").write_text(f"---\ntitle: Synthetic report {i}\n---\n\n{body}\n")
    return folder


class Ticker:
    def __init__(self, interval: float = 0.01) -> None:
        self.interval = interval
        self.lags: list[float] = []
        self._task: asyncio.Task | None = None

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            started = loop.time()
            await asyncio.sleep(self.interval)
            self.lags.append(max(0.0, loop.time() - started - self.interval))

    def start(self) -> None:
        self._task = asyncio.create_task(self._run())

    async def stop(self) -> None:
        assert self._task is not None
        self._task.cancel()
        await asyncio.gather(self._task, return_exceptions=True)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


async def burst(fake: FakeDiscord, count: int, slash_share: float) -> list:
    rng = random.Random(7)
    interactions = []
    for i in range(count):
        name, option, argument = COMMANDS[i % len(COMMANDS)]
        if rng.random() < slash_share:
            options = {option: argument} if argument else {}
            interactions.append(await fake.send_slash_command(name, options))
        else:
            await fake.send_message(f"!{name} {argument}".strip())
        await asyncio.sleep(0)  # the fake shares the loop: let the bot run between two injected events
    return interactions


async def run(args: argparse.Namespace) -> None:
    fake = FakeDiscord()
    await fake.start()
    discord.http.Route.BASE = fake.api_base
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(fake.gateway_url)
    config = load_config(ROOT / "config")
    settings = config.discord.model_copy(
        update={"guild_id": int(fake.guild.id), "cooldown": Cooldown(rate=100_000, per_seconds=1)}
    )
    config = dataclasses.replace(config, discord=settings)
    bot = PolicyBot(config, functools.partial(load_engine, args.knowledge, config))
    runner = BotRunner(fake)
    try:
        await runner(bot, timeout=120)
        stats = bot.engine.stats
        print(f"knowledge: {args.knowledge} — {stats.documents} documents, {stats.passages} passages")
        ticker = Ticker()
        ticker.start()
        await asyncio.sleep(0.2)  # idle baseline
        idle = list(ticker.lags)
        began = time.perf_counter()
        interactions = await burst(fake, args.commands, args.slash_share)
        await fake.changes.wait_for(
            lambda: len(fake.sent_messages) >= args.commands or None, timeout=300, what="every answer"
        )
        elapsed = time.perf_counter() - began
        await ticker.stop()
        burst_lags = ticker.lags[len(idle) :]
        late = [i for i in interactions if i.callback is None or i.callback.latency > fake.interaction_deadline]
        print(f"commands: {args.commands} ({len(interactions)} slash, {args.commands - len(interactions)} prefix)")
        print(f"all answered in {elapsed:.2f} s — {args.commands / elapsed:.1f} commands/s")
        print(
            f"loop lag during burst (10 ms ticker, {len(burst_lags)} ticks): max {max(burst_lags) * 1000:.1f} ms, "
            f"p99 {percentile(burst_lags, 0.99) * 1000:.1f} ms, median {statistics.median(burst_lags) * 1000:.1f} ms"
        )
        print(f"idle loop lag: max {max(idle, default=0) * 1000:.1f} ms")
        slow = max((i.callback.latency for i in interactions if i.callback), default=0)
        print(f"slowest interaction acknowledgement: {slow * 1000:.0f} ms; missed the 3 s deadline: {len(late)}")
    finally:
        await runner.stop_all()
        await fake.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--knowledge", type=Path, default=ROOT / "knowledge")
    parser.add_argument("--synthetic", type=int, metavar="N", help="generate N documents instead of --knowledge")
    parser.add_argument("--commands", type=int, default=100)
    parser.add_argument("--slash-share", type=float, default=0.5, help="share of commands sent as slash commands")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.synthetic:
            args.knowledge = synthetic_knowledge(Path(tmp), args.synthetic)
        asyncio.run(run(args))


if __name__ == "__main__":
    main()
