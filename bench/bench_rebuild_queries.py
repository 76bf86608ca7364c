"""Query latency while the index is rebuilt: the query thread must keep answering (target p99 ≤ 50 ms).

    python bench/bench_rebuild_queries.py            # White House set; its cache in /tmp/issue-10-data
    python bench/bench_rebuild_queries.py --cold     # rebuild with no cache at all (slow: ~30 s a mode)

The scenario is a reload after a file changed: per-file caches are warm, the index itself is rebuilt
(its cache file is removed from a copy of the data folder). Queries go to the one engine thread, as
`!ask` does in the bot, every 10 ms until the rebuild has finished. Modes:
  idle     no rebuild (the baseline for the same queries)
  before   the rebuild on the query thread (the code before issue 10)
  thread   the rebuild on its own thread in the bot's process
  process  the rebuild in a child process, then loaded from its fresh cache on a thread (`python -m bot run`)
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import random
import shutil
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.commands.dispatcher import Dispatcher  # noqa: E402
from bot.config import load_config  # noqa: E402
from bot.knowledge.rebuild import Rebuilds  # noqa: E402
from bot.loading import load_engine  # noqa: E402

WHITEHOUSE = Path("/tmp/policybot-whitehouse-kb")
QUESTIONS = [
    "!ask nuclear deterrence", "!ask sanctions on Russia", "!ask Indo-Pacific partners", "!threats china",
    "!cite strategic stability", "!ask semiconductor export controls", "!ask Ukraine air defense",
    "!ask climate security", "!threats russia", "!ask AUKUS submarines",
]  # fmt: skip


def fresh_data(source: Path, cold: bool) -> Path:
    target = Path(tempfile.mkdtemp(prefix="issue-10-rebuild-"))
    if not cold:
        shutil.copytree(source / "cache", target / "cache")
        for index in (target / "cache").glob("index-*.npz"):
            index.unlink()
    return target


async def run(mode: str, dispatcher: Dispatcher, build: functools.partial) -> tuple[list[float], float]:
    loop = asyncio.get_running_loop()
    queries = ThreadPoolExecutor(max_workers=1, thread_name_prefix="engine")
    started = time.perf_counter()
    if mode == "idle":
        rebuild = asyncio.ensure_future(asyncio.sleep(5))
    elif mode == "before":
        rebuild = loop.run_in_executor(queries, build)
    else:
        rebuild = asyncio.ensure_future(Rebuilds(build, in_child=mode == "process").build())
    latencies, rng = [], random.Random(10)
    while not rebuild.done():
        t0 = time.perf_counter()
        await loop.run_in_executor(queries, dispatcher.handle, rng.choice(QUESTIONS))
        latencies.append((time.perf_counter() - t0) * 1000)
        await asyncio.sleep(0.01)
    await rebuild
    queries.shutdown()
    return latencies, time.perf_counter() - started


def p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--knowledge", type=Path, default=WHITEHOUSE)
    parser.add_argument("--data", type=Path, default=Path("/tmp/issue-10-data"))
    parser.add_argument("--cold", action="store_true", help="rebuild with no cache at all")
    parser.add_argument("--modes", default="idle,before,thread,process")
    args = parser.parse_args()
    if not args.knowledge.is_dir():
        print(f"{args.knowledge} is not here: python bench/make_whitehouse_kb.py writes it")
        return 1
    config = load_config(ROOT / "config")
    dispatcher = Dispatcher(load_engine(args.knowledge, config, args.data))
    print(f"{'mode':8} {'rebuild s':>9} {'queries':>7} {'p50 ms':>7} {'p99 ms':>7} {'max ms':>8}")
    for mode in args.modes.split(","):
        data = fresh_data(args.data, args.cold)
        build = functools.partial(load_engine, args.knowledge, config, data)
        latencies, seconds = asyncio.run(run(mode, dispatcher, build))
        shutil.rmtree(data, ignore_errors=True)
        med = statistics.median(latencies)
        print(f"{mode:8} {seconds:9.1f} {len(latencies):7d} {med:7.1f} {p(latencies, 0.99):7.1f} {max(latencies):8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
