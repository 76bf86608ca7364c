"""Which documents the bot has seen, and since when: the basis of "new since the last digest".

Synced whenever the engine (re)loads; the rows and the baseline rule are in bot.state (SeenRepo)."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable

from bot.knowledge.model import Document
from bot.state import SeenRepo, SyncResult


def content_hash(doc: Document) -> str:
    return hashlib.sha256(doc.source.encode("utf-8")).hexdigest()


def sync_seen(repo: SeenRepo, documents: Iterable[Document], now: dt.datetime) -> SyncResult:
    return repo.sync({d.id: content_hash(d) for d in documents}, now)
