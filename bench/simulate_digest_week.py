"""Simulate a week of daily digests on the White House security set, on a simulated clock.

    python bench/simulate_digest_week.py [--start 2022-03-10] [--days 7] [--history-days 30] [--compact]

The knowledge folder starts with the documents dated in the `--history-days` before `--start` (a month of
background, so the first load is quick; on that first load they are all recorded as already seen, as on a
real first run). Then for each day: the documents dated that day are written into the folder at 08:00
local time, the engine reloads, and the service ticks at 09:00: the digest it posts is printed as text.
By default the week is the busiest 7 days of the set. Everything is written to a temporary folder that is
deleted afterwards; the data is never copied into the repository.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import datetime as dt
import gzip
import json
import logging
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from bot.answers.model import Answer  # noqa: E402
from bot.config import Config, load_config  # noqa: E402
from bot.digest import DigestChannel, DigestConfig, DigestService  # noqa: E402
from bot.digest.schedule import scheduled_at  # noqa: E402
from bot.door import EngineDoor  # noqa: E402
from bot.engine import Engine  # noqa: E402
from bot.render.text import render_text  # noqa: E402
from bot.state import StateDB  # noqa: E402

SOURCE = Path("/work/shared/evaldata/whitehouse_security/documents.jsonl.gz")
RULE = "═" * 100


def records(source: Path) -> Iterator[dict]:
    with gzip.open(source, "rt", encoding="utf-8") as lines:
        yield from (json.loads(line) for line in lines if line.strip())


def busiest_week(by_date: dict[dt.date, list[dict]], days: int) -> dt.date:
    def load(start: dt.date) -> int:
        return sum(len(by_date.get(start + dt.timedelta(i), [])) for i in range(days))

    return max(sorted(by_date), key=load)


def write_document(folder: Path, record: dict) -> None:
    meta = {"title": " ".join(str(record["title"]).split()), "date": record["date"], "url": record["source_url"]}
    head = "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n"
    path = folder / f"{record['id']}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(head + record["text"], encoding="utf-8")


def render_compact(answer: Answer) -> str:
    """The text renderer without document ids and quote links, for a README-sized sample."""
    out = [answer.title] + ([answer.intro] if answer.intro else [])
    for section in answer.sections:
        out += [f"\n## {section.heading}"] if section.heading else []
        for ex in section.excerpts:
            title = ex.citation.title if len(ex.citation.title) <= 60 else ex.citation.title[:59] + "…"
            out.append(f"  “{ex.display}” — {title}, ¶{ex.citation.paragraph}")
        out += [f"  {section.note}"] if section.note and not section.excerpts else []
    return "\n".join(out + ([""] + answer.notes if answer.notes else []))


class Printer:
    """The injected `send`: prints the digest instead of posting it."""

    def __init__(self, compact: bool) -> None:
        self.messages = 0
        self.render = render_compact if compact else render_text

    async def __call__(self, channel_id: int, answers: list[Answer]) -> list[int]:
        print("\n\n".join(self.render(a) for a in answers))
        self.messages += len(answers)
        return list(range(self.messages - len(answers), self.messages))


def timed_load(folder: Path, config: Config) -> tuple[Engine, float]:
    started = time.perf_counter()
    engine = Engine.load(folder, config)
    return engine, time.perf_counter() - started


async def simulate(args: argparse.Namespace) -> None:
    by_date: dict[dt.date, list[dict]] = collections.defaultdict(list)
    for record in records(args.source):
        by_date[dt.date.fromisoformat(record["date"])].append(record)
    start = args.start or busiest_week(by_date, args.days)
    channel = DigestChannel(
        channel_id=1, name="simulated", time=args.time, timezone=args.timezone,
        topics=args.topics, actors=args.actors, items=args.items,
    )  # fmt: skip
    config = load_config(PROJECT / "config")
    with tempfile.TemporaryDirectory(prefix="policybot-digest-sim-") as tmp:
        knowledge, db = Path(tmp) / "knowledge", Path(tmp) / "data" / "state.sqlite3"
        history = [r for d, rs in by_date.items() if start - dt.timedelta(args.history_days) <= d < start for r in rs]
        for record in history:
            write_document(knowledge, record)
        engine, seconds = timed_load(knowledge, config)
        printer = Printer(args.compact)
        door = EngineDoor()
        service = DigestService(engine, DigestConfig(channels=[channel]), StateDB(db), printer, door=door)
        before = scheduled_at(start - dt.timedelta(1), channel.time, channel.tz)
        await service.engine_loaded(engine, before)
        print(f"Simulated daily digest: channel at {args.time} {args.timezone}, topics {args.topics}, actors "
              f"{args.actors}, items {args.items}.")  # fmt: skip
        print(f"Start: {len(history)} documents dated {args.history_days} days before {start}, recorded as "
              f"already seen (first run); loaded in {seconds:.1f} s.")  # fmt: skip
        for i in range(args.days):
            day = start + dt.timedelta(i)
            slot = scheduled_at(day, channel.time, channel.tz)
            for record in by_date.get(day, []):
                write_document(knowledge, record)
            engine, seconds = timed_load(knowledge, config)
            await service.engine_loaded(engine, slot - dt.timedelta(hours=1))
            print(f"\n{RULE}\nDay {i + 1}: {day:%A} {day.isoformat()} · {len(by_date.get(day, []))} document(s) "
                  f"dated today added · {len(engine.kb.documents)} in the knowledge base · reload {seconds:.1f} s"
                  f"\n{RULE}\n")  # fmt: skip
            results = await service.tick(slot)
            if not results:
                print("(nothing posted)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--start", type=dt.date.fromisoformat, help="first day (default: the busiest week)")
    parser.add_argument("--days", type=int, default=7)
    parser.add_argument("--history-days", type=int, default=30, help="background documents before the start")
    parser.add_argument("--time", default="09:00")
    parser.add_argument("--timezone", default="America/New_York")
    parser.add_argument("--topics", nargs="*", default=["partners"])
    parser.add_argument("--actors", nargs="*", default=["china", "russia"])
    parser.add_argument("--items", type=int, default=5)
    parser.add_argument("--compact", action="store_true", help="no ids and quote links (the README sample)")
    args = parser.parse_args(argv)
    if not args.source.exists():
        print(f"{args.source} not found (see its PROVENANCE.md)", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    asyncio.run(simulate(args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
