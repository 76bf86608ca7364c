"""State database round trips: SQLite vs PostgreSQL, and psycopg 3 (sync, through a pool) vs asyncpg.

    python bench/bench_state.py --url postgresql://postgres@127.0.0.1:5432/postgres [--n 2000]

Prints per-call latency (median and p95, µs) for what the bot does most: the digest log lookup of a
tick, a claim insert, and the documents-seen range query. The asyncpg rows (if asyncpg is installed; it
is not a dependency) run the same statements from the engine thread the way the bot would have to: an
event loop per call site, bridged with run_coroutine_threadsafe. Writes into a scratch database it
creates and drops.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import statistics
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from datetime import UTC
from pathlib import Path

import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from bot.state import SENDING, LogEntry, SQLiteState, StateDB
from bot.state.postgres import PostgresState

AT = dt.datetime(2024, 6, 3, 8, tzinfo=UTC)
GET = "SELECT channel_id, status FROM digest_log WHERE channel_id = $1 AND local_date = $2 LIMIT 1"


def timed(n: int, call: Callable[[int], object]) -> tuple[float, float]:
    samples = []
    for i in range(n):
        start = time.perf_counter_ns()
        call(i)
        samples.append((time.perf_counter_ns() - start) / 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95)]


def state_rows(name: str, db: StateDB, n: int) -> list[tuple[str, str, float, float]]:
    db.seen.sync({f"d{i}": "h" for i in range(200)}, AT)
    day = dt.date(2024, 6, 3)
    return [
        (name, "digest_log.get", *timed(n, lambda i: db.digest_log.get(i, day))),
        (
            name,
            "claim (insert)",
            *timed(n, lambda i: db.digest_log.record(LogEntry(i, day, SENDING, AT, claimed_by="b"))),
        ),
        (name, "seen range", *timed(n, lambda _i: db.seen.first_seen_between(AT - dt.timedelta(days=1), AT))),
    ]


def raw_get(pg: PostgresState, i: int) -> object:
    with pg.pool.connection() as conn:
        return conn.execute(GET.replace("$1", "%s").replace("$2", "%s"), (i, "2024-06-03")).fetchone()


def asyncpg_rows(url: str, n: int) -> list[tuple[str, str, float, float]]:
    try:
        import asyncpg
    except ImportError:
        return []
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()

    async def make_pool() -> asyncpg.Pool:
        return await asyncpg.create_pool(url, min_size=1, max_size=4)

    pool = asyncio.run_coroutine_threadsafe(make_pool(), loop).result()
    day = "2024-06-03"

    def get(i: int) -> object:
        return asyncio.run_coroutine_threadsafe(pool.fetchrow(GET, i, day), loop).result()

    rows = [("asyncpg (bridged)", "digest_log.get", *timed(n, get))]
    asyncio.run_coroutine_threadsafe(pool.close(), loop).result()
    loop.call_soon_threadsafe(loop.stop)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="an admin URL of a PostgreSQL server")
    parser.add_argument("--n", type=int, default=2000)
    args = parser.parse_args()
    name = f"policybot_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(args.url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = make_conninfo(**(conninfo_to_dict(args.url) | {"dbname": name}))
    rows = []
    try:
        with tempfile.TemporaryDirectory() as folder:
            rows += state_rows("SQLite", SQLiteState(Path(folder) / "state.sqlite3"), args.n)
        pg = PostgresState(url)
        try:
            rows += state_rows("PostgreSQL (psycopg 3)", pg, args.n)
            rows.append(("psycopg 3 (raw, pooled)", "digest_log.get", *timed(args.n, lambda i: raw_get(pg, i))))
        finally:
            pg.close()
        asyncpg_url = f"postgresql://{conninfo_to_dict(url).get('user', 'postgres')}@{conninfo_to_dict(url)['host']}:"
        rows += asyncpg_rows(asyncpg_url + f"{conninfo_to_dict(url)['port']}/{name}", args.n)
    finally:
        with psycopg.connect(args.url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    print(f"{'backend':<24} {'operation':<16} {'median µs':>10} {'p95 µs':>10}   (n={args.n} each)")
    for backend, operation, median, p95 in rows:
        print(f"{backend:<24} {operation:<16} {median:>10.0f} {p95:>10.0f}")


if __name__ == "__main__":
    main()
