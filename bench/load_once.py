"""Load the engine once in this process and answer one message; print timings and memory as JSON.

python bench/load_once.py KNOWLEDGE DATA MESSAGE [BUILDER]       (DATA '-' means no cache)

BUILDER overrides config `search.builder` (rank-bm25 | numpy).
"""

from __future__ import annotations

import dataclasses
import json
import resource
import sys
import time
from pathlib import Path

STARTED = time.perf_counter()
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.commands.dispatcher import Dispatcher  # noqa: E402
from bot.config import load_config  # noqa: E402
from bot.engine import Engine  # noqa: E402
from bot.paths import resolve  # noqa: E402


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 2**20


def main(knowledge: str, data: str, message: str, builder: str | None = None) -> None:
    config = load_config(resolve("config"))
    if builder:
        search = config.settings.search.model_copy(update={"builder": builder})
        config = dataclasses.replace(config, settings=config.settings.model_copy(update={"search": search}))
    engine = Engine.load(Path(knowledge), config, None if data == "-" else Path(data))
    loaded = time.perf_counter()
    answer = Dispatcher(engine).handle(message)
    print(
        json.dumps(
            {
                "load_s": engine.stats.seconds,
                "ready_s": loaded - STARTED,
                "first_answer_s": time.perf_counter() - STARTED,
                "documents": engine.stats.documents,
                "passages": engine.stats.passages,
                "rss_mb": rss_mb(),
                "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "answer": answer.title,
                "builder": config.settings.search.builder,
            }
        )
    )


if __name__ == "__main__":
    main(*sys.argv[1:5])
