"""How long `import bot.engine` (and the other entry modules) take in a fresh interpreter.

    python bench/bench_import.py [--runs 7]

Prints the median, min and max wall time of `python -c "import <module>"` minus a bare `python -c pass`,
and the slowest imports by cumulative time (`-X importtime`) of the last run. The target for
`bot.engine` is under 0.5 s; tests/layers checks what it imports, never how long it takes.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
MODULES = ("bot.engine", "bot.commands.dispatcher", "bot.frontends.console", "bot.bot")


def wall(code: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], cwd=PROJECT, check=True)
    return time.perf_counter() - started


def slowest(module: str, n: int = 5) -> list[tuple[int, str]]:
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {module}"], cwd=PROJECT, capture_output=True, text=True
    )
    rows = []
    for line in out.stderr.splitlines()[1:]:
        _, cumulative, name = line.removeprefix("import time:").split("|")
        rows.append((int(cumulative), name.strip()))
    return sorted(rows, reverse=True)[:n]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    base = statistics.median(wall("pass") for _ in range(args.runs))
    print(f"python -c pass: median {base * 1000:.0f} ms (subtracted below)")
    for module in MODULES:
        times = [wall(f"import {module}") - base for _ in range(args.runs)]
        print(
            f"import {module:28s} median {statistics.median(times) * 1000:6.0f} ms  "
            f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}, {args.runs} runs)"
        )
    print("slowest imports under bot.engine, nested ones included (cumulative µs, last run):")
    for micros, name in slowest("bot.engine", 8):
        print(f"  {micros:>8,}  {name}")


if __name__ == "__main__":
    main()
