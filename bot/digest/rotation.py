"""The "worth re-reading" excerpt of a no-news digest: deterministic for a channel and day, never the
previous one. A document is picked by a hash of (channel, date); the excerpt is one of its most central
sentences."""

from __future__ import annotations

import datetime as dt
import hashlib

from bot.engine import Engine
from bot.summary.extract import summarise

CANDIDATES = 3  # central sentences considered per document
MAX_DOCUMENTS = 20  # documents tried before giving up (only when every candidate is the one to avoid)


def rotation_key(engine: Engine, pid: int) -> str:
    passage = engine.passage(pid)
    return f"{passage.document.id}#{passage.sentence.start}-{passage.sentence.end}"


def _seed(channel_id: int, day: dt.date) -> int:
    return int.from_bytes(hashlib.sha256(f"{channel_id}:{day.isoformat()}".encode()).digest()[:8], "big")


def pick_rotating(
    engine: Engine, channel_id: int, day: dt.date, avoid: str | None, latest: dt.date | None = None
) -> int | None:
    """A central, non-junk sentence of a document picked by (channel, day); none dated after `latest`."""
    docs = sorted(engine.kb.documents, key=lambda d: d.id)
    if latest is not None:
        docs = [d for d in docs if not d.date or str(d.date)[:10] <= latest.isoformat()]
    if not docs:
        return None
    seed = _seed(channel_id, day)
    for step in range(min(len(docs), MAX_DOCUMENTS)):
        doc = docs[(seed + step) % len(docs)]
        central = summarise(engine, engine.kb.passage_ids(doc), CANDIDATES)
        turn = seed // len(docs)
        for i in range(len(central)):
            pid = central[(turn + i) % len(central)]
            if rotation_key(engine, pid) != avoid:
                return pid
    return None
