"""Moving a deployment from SQLite to PostgreSQL loses nothing: `python -m bot state --copy-to URL` copies
every table, ids kept, into an empty database, and refuses one that already holds state."""

from __future__ import annotations

import datetime as dt
from datetime import UTC
from pathlib import Path

from bot.state import POSTED, Item, ItemStatus, LogEntry, SQLiteState
from bot.state.documents_repo import StoredDocument
from bot.state.postgres import PostgresState
from tests.frontends.test_cli import run

AT = dt.datetime(2024, 6, 3, 8, tzinfo=UTC)


def test_sqlite_state_moves_into_postgresql_whole(tmp_path: Path, pg_url: str) -> None:
    data = tmp_path / "data"
    old = SQLiteState(data / "state.sqlite3")
    old.ingest.record(Item(ItemStatus.FILTERED, "wire", "g-0", "https://ex.test/skip"), [])
    old.ingest.record(Item(ItemStatus.INGESTED, "wire", "g-1", "https://ex.test/a", "h1", "doc-a"), ["https://t.co/a"])
    old.ingest.mark_feed_polled("wire", "https://ex.test/feed", AT)
    old.digest_log.record(LogEntry(42, AT.date(), POSTED, AT, AT, (7, 8), "p"))
    old.seen.sync({"doc-a": "h1"}, AT)
    old.documents.put(StoredDocument("doc-a.md", "doc-a", "https://ex.test/a", b"---\ntitle: A\n---\n\nA.\n", "h1"))
    old.channels.put(42, {"time": "09:00"}, enabled=True, by="alice", at=AT)

    out = run("state", "--copy-to", pg_url, "--data", str(data), env={"DATABASE_URL": ""})
    assert out.returncode == 0, out.stdout + out.stderr
    assert "copied 8 rows" in out.stdout and "now set DATABASE_URL" in out.stdout

    new = PostgresState(pg_url)
    try:
        assert new.ingest.find_duplicate(url="https://t.co/a").doc_id == "doc-a"  # the alias kept its item id
        assert new.ingest.last_polled("wire") == AT
        assert new.digest_log.get(42, AT.date()).message_ids == (7, 8)
        assert [d.content for d in new.documents.all()] == [d.content for d in old.documents.all()]
        assert [r.settings for r in new.channels.all()] == [{"time": "09:00"}]
        assert new.seen.sync({"doc-a": "h1", "doc-b": "h2"}, AT).added == ["doc-b"]  # not a first-run baseline
        assert new.ingest.record(Item(ItemStatus.INGESTED, "wire", "g-2", "https://ex.test/b", "h2", "doc-b"), ["x"])
    finally:
        new.close()
    again = run("state", "--copy-to", pg_url, "--data", str(data))
    assert again.returncode == 2 and "already holds state" in again.stdout
    shown = run("state", "--data", str(data), env={"DATABASE_URL": pg_url})
    assert shown.returncode == 0 and "postgresql://127.0.0.1" in shown.stdout and "schema version 2" in shown.stdout
