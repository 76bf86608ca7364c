"""The same repositories and migrations on SQLite and on a real PostgreSQL server (every test runs on both)."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from datetime import UTC

import pytest

from bot.state import POSTED, SENDING, Item, ItemStatus, LogEntry, StateDB
from bot.state.documents_repo import StoredDocument
from bot.state.migrations import MIGRATIONS
from bot.state.postgres import PostgresState, StateUnavailable, describe, pg_sql

OpenDB = Callable[[], StateDB]
DAY = dt.date(2024, 6, 3)
AT = dt.datetime(2024, 6, 3, 8, tzinfo=UTC)


def test_a_new_database_gets_every_migration_once(open_db: OpenDB) -> None:
    db = open_db()
    assert db.version() == max(v for v, _, _ in MIGRATIONS)
    assert open_db().migrate() == []  # a second process applies nothing


def test_ingest_state_round_trips(open_db: OpenDB) -> None:
    db = open_db()
    item = Item(ItemStatus.INGESTED, "wire", "g-1", "https://ex.test/a", "h1", "doc-a", AT, AT)
    assert db.ingest.record(item, ["https://ex.test/short"])
    assert not db.ingest.record(item)  # the same GUID on the same feed: nothing written
    found = open_db().ingest.find_duplicate(url="https://ex.test/short")
    assert found is not None and found.doc_id == "doc-a" and found.published == AT
    db.ingest.mark_feed_polled("wire", "https://ex.test/feed", AT)
    assert open_db().ingest.last_polled("wire") == AT


def test_the_digest_log_keeps_one_row_per_channel_and_day(open_db: OpenDB) -> None:
    db = open_db()
    channel = 2**62  # Discord ids need 64 bits
    assert db.digest_log.record(LogEntry(channel, DAY, POSTED, AT, AT, (2**60, 7), "p", "rot"))
    assert not db.digest_log.record(LogEntry(channel, DAY, POSTED, AT))
    entry = open_db().digest_log.get(channel, DAY)
    assert entry is not None and entry.message_ids == (2**60, 7) and entry.rotation == "rot"
    assert db.seen.sync({"a": "1", "b": "2"}, AT).baseline
    later = AT + dt.timedelta(hours=1)
    assert db.seen.sync({"a": "1", "b": "3", "c": "4"}, later).added == ["c"]
    assert db.seen.first_seen_between(AT, later) == ["c"]


def test_a_claim_is_won_by_one_process_and_finished_once(open_db: OpenDB) -> None:
    one, two = open_db(), open_db()
    claim = LogEntry(1, DAY, SENDING, AT, claimed_by="one")
    assert one.digest_log.record(claim)
    assert not two.digest_log.record(LogEntry(1, DAY, SENDING, AT, claimed_by="two"))
    assert not two.digest_log.take_over(LogEntry(1, DAY, SENDING, AT, claimed_by="someone"), "two", AT)
    assert two.digest_log.take_over(claim, "two", AT + dt.timedelta(minutes=9))
    assert not one.digest_log.take_over(claim, "one", AT)  # the row moved on: the old claim is stale
    assert two.digest_log.finish(LogEntry(1, DAY, POSTED, AT, message_ids=(5,)))
    assert not one.digest_log.finish(LogEntry(1, DAY, POSTED, AT, message_ids=(6,)))
    entry = one.digest_log.get(1, DAY)
    assert entry is not None and entry.status == POSTED and entry.message_ids == (5,) and entry.claimed_by is None


def test_documents_keep_their_bytes_source_and_metadata(open_db: OpenDB) -> None:
    content = "---\ntitle: Ünïcode\n---\n\nBody \x00 text\n".encode()
    doc = StoredDocument("added/brief-1234.md", "brief-1234", "https://ex.test/brief", content, "h", {"tags": ["x"]})
    open_db().documents.put(doc)
    open_db().documents.put(doc)  # the same path again replaces, never duplicates
    (back,) = open_db().documents.all()
    assert back.content == content and back.source == doc.source and back.metadata == {"tags": ["x"]}


def test_digest_channel_settings_round_trip(open_db: OpenDB) -> None:
    db = open_db()
    db.channels.put(9, {"time": "09:00", "timezone": "Europe/London"}, enabled=True, by="alice", at=AT)
    db.channels.put(9, {"time": "10:00", "timezone": "UTC"}, enabled=False, by="alice", at=AT)
    (row,) = open_db().channels.all()
    assert row.channel_id == 9 and row.settings["time"] == "10:00" and not row.enabled


def test_processes_starting_together_migrate_once(pg_url: str) -> None:
    opened: list[StateDB] = []
    errors: list[BaseException] = []

    def start() -> None:
        try:
            opened.append(PostgresState(pg_url))
        except BaseException as exc:  # a lost race would raise here (duplicate table)
            errors.append(exc)

    threads = [threading.Thread(target=start) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert errors == [] and len(opened) == 4
        with opened[0].transaction() as conn:
            assert conn.execute("SELECT COUNT(*) FROM schema_migrations").fetchone()[0] == len(MIGRATIONS)
    finally:
        for db in opened:
            db.close()


def test_placeholders_and_the_address_shown_in_logs() -> None:
    assert pg_sql("SELECT ? WHERE a LIKE 'x%'") == "SELECT %s WHERE a LIKE 'x%%'"
    assert describe("postgresql://bob:secret@db.example:6543/policy") == "postgresql://db.example:6543/policy"


def test_a_bad_database_url_fails_with_a_clear_error() -> None:
    with pytest.raises(StateUnavailable, match=r"cannot connect to postgresql://127.0.0.1:1/none: .*refused") as err:
        PostgresState("postgresql://nobody:hunter2@127.0.0.1:1/none")
    assert "hunter2" not in str(err.value)
