"""What !ask costs on the White House set: engine latency, memory after a cached load, a cold build."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import yaml

from bench.shared import PROJECT_ROOT, shared_root
from bot.commands.dispatcher import Dispatcher
from bot.engine import Engine

LOAD_ONCE = PROJECT_ROOT / "bench" / "load_once.py"


def questions() -> list[str]:
    data = yaml.safe_load((shared_root() / "eval" / "wh_dev_questions.yaml").read_text(encoding="utf-8"))
    return [c["q"] for c in data["ask"]] + [n["q"] for n in data["negatives"]]


def ask_latency(engine: Engine, runs: int = 5) -> tuple[float, float]:
    """(p50, p99) in ms of the dispatcher's !ask over the development questions, after one warm-up pass."""
    import time

    bot, qs = Dispatcher(engine), questions()
    for q in qs:
        bot.run("ask", q)
    times = []
    for _ in range(runs):
        for q in qs:
            started = time.perf_counter()
            bot.run("ask", q)
            times.append((time.perf_counter() - started) * 1000)
    return float(np.percentile(times, 50)), float(np.percentile(times, 99))


def _load_once(kb: Path, data: Path | str) -> dict:
    out = subprocess.run(
        [sys.executable, str(LOAD_ONCE), str(kb), str(data), "!ask Who leads Japan?"],
        capture_output=True,
        text=True,
        check=True,
        cwd=PROJECT_ROOT,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def rss_mb(kb: Path, data: Path) -> float:
    """Resident memory of a fresh process after loading from the cache in `data` (built first if needed)."""
    _load_once(kb, data)
    return float(_load_once(kb, data)["rss_mb"])


def cold_build_seconds(kb: Path) -> float:
    """Process start → first answer with an empty cache folder."""
    scratch = Path(tempfile.mkdtemp(prefix="policybot-cold-"))
    try:
        return float(_load_once(kb, scratch)["first_answer_s"])
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
