"""How long `import bot.engine` (and the other entry modules) take in a fresh interpreter.

    python bench/bench_import.py [--runs 7] [--baseline DIR]

`--baseline DIR`: also time the same imports in another checkout (e.g. `git worktree add /tmp/base main`),
interleaved with this one's runs so both see the same machine load.

Prints the median, min and max wall time of `python -c "import <module>"` minus a bare `python -c pass`,
and the slowest imports by cumulative time (`-X importtime`) of the last run. The target for
`bot.engine` is under 0.5 s; tests/layers checks what it imports, never how long it takes.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
MODULES = ("bot.engine", "bot.commands.dispatcher", "bot.frontends.console", "bot.bot")


def wall(code: str, project: Path = PROJECT) -> float:
    started = time.perf_counter()
    env = {**os.environ, "PYTHONPATH": str(project)}  # this checkout's `bot`, not the installed one
    subprocess.run([sys.executable, "-c", code], cwd=project, check=True, env=env)
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
    parser.add_argument("--baseline", type=Path, metavar="DIR", help="another checkout to time alongside")
    args = parser.parse_args()
    base = statistics.median(wall("pass") for _ in range(args.runs))
    print(f"python -c pass: median {base * 1000:.0f} ms (subtracted below)")
    projects = [("", PROJECT)] + ([("baseline ", args.baseline)] if args.baseline else [])
    for module in MODULES:
        times: dict[str, list[float]] = {label: [] for label, _ in projects}
        for _ in range(args.runs):
            for label, project in projects:
                times[label].append(wall(f"import {module}", project) - base)
        for label, found in times.items():
            print(
                f"{label}import {module:28s} median {statistics.median(found) * 1000:6.0f} ms  "
                f"(min {min(found) * 1000:.0f}, max {max(found) * 1000:.0f}, {args.runs} runs)"
            )
    print("slowest imports under bot.engine, nested ones included (cumulative µs, last run):")
    for micros, name in slowest("bot.engine", 8):
        print(f"  {micros:>8,}  {name}")


if __name__ == "__main__":
    main()
