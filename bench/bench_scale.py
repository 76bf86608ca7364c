"""Scale benchmark on the White House security set: cold start, build time, memory, latency.

    python bench/bench_scale.py [--kb DIR] [--data DIR] [--skip-build]

Builds the knowledge folder if missing, then measures in fresh subprocesses: a start with no cache (full
build), then `python -m bot chat` with the cache; then in this process the latency of !ask / !threats /
!cite through the dispatcher, the raw index scoring, and naive rank-bm25 `get_scores` on the same queries.
"""

from __future__ import annotations

import argparse
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


def start_up(kb: Path, data: Path, skip_build: bool) -> list[tuple[str, str]]:
    rows = []
    if not skip_build:
        shutil.rmtree(data, ignore_errors=True)
        wall, out = run([sys.executable, str(HERE / "load_once.py"), str(kb), str(data), FIRST])
        info = json.loads(out)
        rows += [
            ("cold start, no cache (process start → first answer)", f"{wall:.2f} s"),
            ("index build, no cache (parse + analyse + index)", f"{info['load_s']:.2f} s"),
            ("documents / passages", f"{info['documents']} / {info['passages']}"),
            ("peak RSS during the build", f"{info['peak_rss_mb']:.0f} MB"),
        ]
    walls = [run([sys.executable, "-m", "bot", "chat", FIRST, "--knowledge", str(kb), "--data", str(data)])[0]]
    walls += [run([sys.executable, "-m", "bot", "chat", FIRST, "--knowledge", str(kb), "--data", str(data)])[0]]
    walls += [run([sys.executable, "-m", "bot", "chat", FIRST, "--knowledge", str(kb), "--data", str(data)])[0]]
    rows.append(("cold start with cache, `python -m bot chat` (median of 3)", f"{statistics.median(walls):.2f} s"))
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


def latency(engine: Engine) -> list[tuple[str, str]]:
    bot = Dispatcher(engine)
    asks = ask_queries()
    for q in asks[:20]:
        bot.handle(f"!ask {q}")  # warm caches (stemmer, page faults)
    rows = []
    for label, messages in [
        ("!ask (dispatcher)", [f"!ask {q}" for q in asks]),
        ("!threats <actor> (dispatcher)", [f"!threats {a}" for a in THREAT_ACTORS] * 25),
        ("!cite <phrase> (dispatcher)", [f"!cite {p}" for p in cite_phrases(engine, 200)]),
    ]:
        p50, p99 = percentiles([timed(lambda m=m: bot.handle(m)) for m in messages])
        rows.append((f"{label}, {len(messages)} messages", f"p50 {p50:.2f} ms, p99 {p99:.2f} ms"))
    queries = [engine.query(q) for q in asks]
    raw = [timed(lambda q=q: engine.index.score(q.terms)) for q in queries]
    p50_raw, p99_raw = percentiles(raw)
    rows.append(("raw index scoring (BM25Index.score)", f"p50 {p50_raw:.3f} ms, p99 {p99_raw:.3f} ms"))
    rows += naive(engine, queries, raw)
    return rows


def naive(engine: Engine, queries: list, raw: list[float]) -> list[tuple[str, str]]:
    started = time.perf_counter()
    corpus = [engine.analyzer.terms(t) or [""] for t in engine.kb.texts()]
    search = engine.config.settings.search
    bm25 = LuceneIdfBM25(corpus, k1=search.k1, b=search.b)
    built = time.perf_counter() - started
    naive_s = [timed(lambda q=q: bm25.get_scores([t.term for t in q.terms])) for q in queries]
    p50, p99 = percentiles(naive_s)
    ratio = statistics.median(n / max(r, 1e-9) for n, r in zip(naive_s, raw, strict=True))
    return [
        ("naive rank-bm25 get_scores, same queries", f"p50 {p50:.1f} ms, p99 {p99:.1f} ms (built in {built:.1f} s)"),
        ("speed-up of index scoring over naive (median per query)", f"{ratio:.0f}×"),
    ]


def sanity(engine: Engine) -> None:
    bot = Dispatcher(engine)
    speeches = [d for d in engine.kb.documents if "speeches-remarks" in d.tags]
    longest = max(speeches, key=lambda d: len(d.sentences))
    phrase = cite_phrases(engine, 1, seed=11)[0]
    for message in ["!threats china", f"!summary {longest.id}", f"!cite {phrase}"]:
        print(f"\n$ {message}   ({timed(lambda m=message: bot.handle(m)) * 1000:.1f} ms)")
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
    args = parser.parse_args()
    if not args.kb.is_dir():
        print(f"writing {write_folder(SOURCE, args.kb)} documents to {args.kb}", file=sys.stderr)
    rows = start_up(args.kb, args.data, args.skip_build)
    engine = Engine.load(args.kb, load_config(ROOT / "config"), args.data)
    rows += latency(engine)
    print()
    table(rows)
    sanity(engine)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
