"""Scale benchmark on the White House security set: cold start, build time, memory, latency.

    python bench/bench_scale.py [--kb DIR] [--data DIR] [--skip-build] [--builders rank-bm25,numpy] [--runs 3]

Builds the knowledge folder if missing, then measures in fresh subprocesses: a start with no cache (full
build, once per index builder asked for), then `python -m bot chat` with the cache; then in this process
the latency of !ask / !threats / !cite through the dispatcher, the raw index scoring, and naive rank-bm25
`get_scores` on the same queries. Each latency loop runs `--runs` times (after a warm-up and a garbage
collection); the table gives the median over the runs of each run's p50 and p99, and the range of the p99s.
Every call is timed on its own with perf_counter, so nothing between calls counts.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT)]

from make_whitehouse_kb import OUT as KB_DEFAULT  # noqa: E402
from make_whitehouse_kb import SOURCE, write_folder  # noqa: E402
from queries import THREAT_ACTORS, ask_queries  # noqa: E402

from bot.commands.dispatcher import Dispatcher  # noqa: E402
from bot.config import load_config  # noqa: E402
from bot.engine import Engine  # noqa: E402
from bot.render.text import render_text  # noqa: E402
from bot.search.bm25 import LuceneIdfBM25  # noqa: E402

FIRST = "!ask What did NATO agree at the Vilnius summit?"


def percentiles(seconds: list[float]) -> tuple[float, float]:
    ms = sorted(s * 1000 for s in seconds)
    return statistics.median(ms), ms[min(len(ms) - 1, round(0.99 * (len(ms) - 1)))]


def timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def run(cmd: list[str]) -> tuple[float, str]:
    started = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=True)
    return time.perf_counter() - started, out.stdout


def cold_build(kb: Path, data: Path, builder: str) -> list[tuple[str, str]]:
    shutil.rmtree(data, ignore_errors=True)
    wall, out = run([sys.executable, str(HERE / "load_once.py"), str(kb), str(data), FIRST, builder])
    info = json.loads(out)
    return [
        (f"cold start, no cache, builder {builder} (process start → first answer)", f"{wall:.2f} s"),
        (f"index build, no cache, builder {builder} (parse + analyse + index)", f"{info['load_s']:.2f} s"),
        ("documents / passages", f"{info['documents']} / {info['passages']}"),
        (f"peak RSS during the build, builder {builder} (main process)", f"{info['peak_rss_mb']:.0f} MB"),
    ]


def start_up(kb: Path, data: Path, builders: list[str]) -> list[tuple[str, str]]:
    rows = []
    for builder in builders[::-1]:  # the last one built (the first named) is the cache the rest uses
        rows = cold_build(kb, data, builder) + rows
    chat = [sys.executable, "-m", "bot", "chat", FIRST, "--knowledge", str(kb), "--data", str(data)]
    walls = [run(chat)[0] for _ in range(3)]
    rows.append(
        (
            "cold start with cache, `python -m bot chat` (median of 3)",
            f"{statistics.median(walls):.2f} s (runs {', '.join(f'{w:.2f}' for w in walls)})",
        )
    )
    info = json.loads(run([sys.executable, str(HERE / "load_once.py"), str(kb), str(data), FIRST])[1])
    rows.append(("load from cache (in process)", f"{info['load_s']:.2f} s"))
    rows.append(("RSS after load from cache (current / peak)", f"{info['rss_mb']:.0f} / {info['peak_rss_mb']:.0f} MB"))
    return rows


def cite_phrases(engine: Engine, n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    phrases = []
    while len(phrases) < n:
        words = engine.passage(rng.randrange(len(engine.kb))).text.split()
        if len(words) >= 8:
            i = rng.randrange(len(words) - 5)
            phrases.append(" ".join(words[i : i + 5]))
    return phrases


def loop(fn: Callable[[str], object], items: list, runs: int) -> tuple[float, float, list[float]]:
    """Median over `runs` of each run's p50 and p99 (ms), and every run's p99."""
    for item in items[:20]:
        fn(item)  # warm caches (stemmer, page faults)
    p50s, p99s = [], []
    for _ in range(runs):
        gc.collect()
        p50, p99 = percentiles([timed(lambda i=i: fn(i)) for i in items])
        p50s.append(p50)
        p99s.append(p99)
    return statistics.median(p50s), statistics.median(p99s), p99s


def latency(engine: Engine, runs: int) -> list[tuple[str, str]]:
    bot = Dispatcher(engine)
    asks = ask_queries()
    rows = []
    for label, messages in [
        ("!ask (dispatcher)", [f"!ask {q}" for q in asks]),
        ("!threats <actor> (dispatcher)", [f"!threats {a}" for a in THREAT_ACTORS] * 25),
        ("!cite <phrase> (dispatcher)", [f"!cite {p}" for p in cite_phrases(engine, 200)]),
    ]:
        p50, p99, p99s = loop(bot.handle, messages, runs)
        spread = f"p99 of the {runs} runs {min(p99s):.2f}–{max(p99s):.2f} ms"
        rows.append((f"{label}, {len(messages)} messages", f"p50 {p50:.2f} ms, p99 {p99:.2f} ms ({spread})"))
    queries = [engine.query(q) for q in asks]
    p50_raw, p99_raw, _ = loop(lambda q: engine.index.score(q.terms), queries, runs)
    rows.append(("raw index scoring (BM25Index.score)", f"p50 {p50_raw:.3f} ms, p99 {p99_raw:.3f} ms"))
    rows += naive(engine, queries)
    return rows


def naive(engine: Engine, queries: list) -> list[tuple[str, str]]:
    started = time.perf_counter()
    corpus = [engine.analyzer.terms(t) for t in engine.kb.texts()]
    search = engine.config.settings.search
    bm25 = LuceneIdfBM25(corpus, k1=search.k1, b=search.b)
    built = time.perf_counter() - started
    gc.collect()
    naive_s = [timed(lambda q=q: bm25.get_scores([t.term for t in q.terms])) for q in queries]
    raw = [statistics.median(timed(lambda q=q: engine.index.score(q.terms)) for _ in range(3)) for q in queries]
    p50, p99 = percentiles(naive_s)
    ratio = statistics.median(n / max(r, 1e-9) for n, r in zip(naive_s, raw, strict=True))
    return [
        ("naive rank-bm25 get_scores, same queries", f"p50 {p50:.1f} ms, p99 {p99:.1f} ms (built in {built:.1f} s)"),
        ("speed-up of index scoring over naive (median per query)", f"{ratio:.0f}×"),
    ]


def summary_ms(bot: Dispatcher, message: str, runs: int = 3) -> float:
    return statistics.median(timed(lambda: bot.handle(message)) for _ in range(runs)) * 1000


def sanity(engine: Engine) -> None:
    bot = Dispatcher(engine)
    speeches = [d for d in engine.kb.documents if "speeches-remarks" in d.tags]
    longest = max(speeches, key=lambda d: len(d.sentences))
    phrase = cite_phrases(engine, 1, seed=11)[0]
    print(f"\nthe longest speech: {longest.id}, {len(longest.sentences)} sentences")
    for message in ["!threats china", f"!summary {longest.id}", f"!cite {phrase}"]:
        print(f"\n$ {message}   (median of 3: {summary_ms(bot, message):.1f} ms)")
        print(render_text(bot.handle(message)))


def table(rows: list[tuple[str, str]]) -> None:
    width = max(len(r[0]) for r in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=Path, default=KB_DEFAULT)
    parser.add_argument("--data", type=Path, default=Path("/tmp/policybot-bench-data"))
    parser.add_argument("--skip-build", action="store_true", help="keep the cache; skip the no-cache start")
    parser.add_argument("--builders", default="rank-bm25", help="comma-separated: rank-bm25,numpy (no-cache starts)")
    parser.add_argument("--runs", type=int, default=3, help="repetitions of each latency loop")
    args = parser.parse_args()
    if not args.kb.is_dir():
        print(f"writing {write_folder(SOURCE, args.kb)} documents to {args.kb}", file=sys.stderr)
    rows = start_up(args.kb, args.data, [] if args.skip_build else args.builders.split(","))
    engine = Engine.load(args.kb, load_config(ROOT / "config"), args.data)
    rows += latency(engine, args.runs)
    print()
    table(rows)
    sanity(engine)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
