"""The index build alone, per builder, on the White House passages' term ids (from the bench's cache).

    python bench/bench_builders.py [--kb DIR] [--data DIR] [--runs 3]

Each builder runs in a fresh process so its peak RSS is its own: printed are the resident size before the
build (the loaded engine; loading itself peaks ~20 MB higher) and the process's peak, medians over the runs.
Both builders must give identical arrays; this checks it.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT)]

from make_whitehouse_kb import OUT as KB_DEFAULT  # noqa: E402

from bot.config import load_config  # noqa: E402
from bot.engine import Engine  # noqa: E402
from bot.search.index import BM25Index  # noqa: E402


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 2**20


def one(kb: Path, data: Path, builder: str) -> dict:
    engine = Engine.load(kb, load_config(ROOT / "config"), data)
    offsets, ids = engine.index.forward
    names = sorted(engine.index.vocab, key=engine.index.vocab.__getitem__)
    lengths = np.diff(offsets)
    before = rss_mb()
    started = time.perf_counter()
    index = BM25Index.from_ids(ids, lengths, names, 1.2, 0.75, builder)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    same = all(np.array_equal(getattr(index, a), getattr(engine.index, a)) for a in ("idf", "ptr", "docs", "weights"))
    same = same and index.vocab == engine.index.vocab
    return {"seconds": seconds, "before_mb": before, "peak_mb": peak, "identical_to_cached": same}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=Path, default=KB_DEFAULT)
    parser.add_argument("--data", type=Path, default=Path("/tmp/policybot-bench-data"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.kb, args.data, args.one)))
        return 0
    for builder in ("rank-bm25", "numpy"):
        cmd = [sys.executable, __file__, "--kb", str(args.kb), "--data", str(args.data), "--one", builder]
        runs = [
            json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout) for _ in range(args.runs)
        ]
        seconds = statistics.median(r["seconds"] for r in runs)
        before = statistics.median(r["before_mb"] for r in runs)
        peak = statistics.median(r["peak_mb"] for r in runs)
        same = all(r["identical_to_cached"] for r in runs)
        print(
            f"builder {builder:<9}  build {seconds:.2f} s, RSS {before:.0f} MB before → peak {peak:.0f} MB, "
            f"identical arrays: {same}  (median of {args.runs})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
