"""How long a SIGTERM takes to end the bot, and what it answers first: `python -m bot run` against the fake Discord.

    python bench/bench_shutdown.py                 # seed article and, when present, the White House set
    python bench/bench_shutdown.py --runs 5

Scenarios (each run is a fresh process, tests/frontends/serve_against_fake.py):
  burst      40 `!ask` from one person, SIGTERM 50 ms after the bot has received them: seconds from SIGTERM
             to exit, and how many were answered
  rebuild    SIGTERM while a rebuild runs in its child process (one that would take 5 minutes)
A host sends SIGKILL 10–30 s after SIGTERM; the target is exit 0 within 5 s.
"""

from __future__ import annotations

import argparse
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.frontends.serve_against_fake import spawn  # noqa: E402

WHITEHOUSE = Path("/tmp/policybot-whitehouse-kb")


def start(env: dict[str, str]) -> subprocess.Popen:
    return spawn({"DISCORD_TOKEN": "bench.token.x", **env})


def burst(knowledge: Path | None, data: Path) -> tuple[float, str, int]:
    env = {"BURST": "40", "POLICYBOT_DATA": str(data)}
    if knowledge is not None:
        env["POLICYBOT_KNOWLEDGE"] = str(knowledge)
    process = start(env)
    stdout, stderr = process.communicate(timeout=300)
    ended = time.monotonic()
    sent = float(re.search(r"sigterm_at ([\d.]+)", stdout).group(1))
    answered = re.search(r"answered (\d+/\d+)", stdout).group(1)
    return ended - sent, answered, process.returncode


def rebuild(data: Path) -> tuple[float, str, int]:
    marker = data / "rebuild.pid"
    process = start({"SLOW_REBUILD_MARKER": str(marker), "POLICYBOT_DATA": str(data)})
    deadline = time.monotonic() + 120
    while not marker.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    sent = time.monotonic()
    process.send_signal(signal.SIGTERM)
    process.communicate(timeout=300)
    return time.monotonic() - sent, "-", process.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    scenarios = [("burst, seed article", lambda d: burst(None, d)), ("rebuild in its process", rebuild)]
    if WHITEHOUSE.is_dir():
        cache = Path("/tmp/issue-10-data")
        scenarios.insert(1, ("burst, White House set", lambda _d: burst(WHITEHOUSE, cache)))
    print(f"{'scenario':26} {'SIGTERM → exit (median, runs)':40} answered  exit codes")
    for name, scenario in scenarios:
        results = []
        for _ in range(args.runs):
            with tempfile.TemporaryDirectory(prefix="issue-10-shutdown-") as data:
                results.append(scenario(Path(data)))
        seconds = [r[0] for r in results]
        runs = ", ".join(f"{s:.2f}" for s in seconds)
        answered = ", ".join(sorted({r[1] for r in results}))
        codes = ", ".join(str(r[2]) for r in results)
        print(f"{name:26} {statistics.median(seconds):5.2f} s ({runs}){'':8} {answered:9} {codes}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
