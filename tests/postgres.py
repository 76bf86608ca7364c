"""pytest fixtures for the PostgreSQL tests: a real server, and a fresh database per test.

`postgres_server` uses POLICYBOT_TEST_DATABASE_URL (what `.ci/run` exports) or starts a throwaway server
(tests/pgserver.py). Without PostgreSQL on the machine the tests skip with a message saying so, unless
POLICYBOT_REQUIRE_POSTGRES=1 (CI), where that is a failure.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bot.state import SQLiteState, StateDB
from bot.state.postgres import PostgresState
from tests import pgserver

URL_VAR = "POLICYBOT_TEST_DATABASE_URL"


def _unavailable(why: str) -> None:
    message = f"PostgreSQL tests skipped: {why}. Set {URL_VAR} or install postgresql (apt-get install postgresql)."
    if os.environ.get("POLICYBOT_REQUIRE_POSTGRES"):
        pytest.fail(message.replace("skipped", "required (POLICYBOT_REQUIRE_POSTGRES) but not run"))
    pytest.skip(message)


def start_or_skip(root: Path) -> str:
    try:
        return pgserver.start(root)
    except pgserver.NoServer as exc:
        shutil.rmtree(root, ignore_errors=True)
        _unavailable(f"no local server could be started ({exc})")
        raise  # unreachable: _unavailable skips or fails


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """An admin URL of a running server."""
    if os.environ.get(URL_VAR):
        yield os.environ[URL_VAR]
        return
    root = Path(tempfile.mkdtemp(prefix="policybot-pg-"))
    url = start_or_skip(root)
    try:
        yield url
    finally:
        pgserver.stop(root)
        shutil.rmtree(root, ignore_errors=True)


def _with_database(url: str, name: str) -> str:
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    return make_conninfo(**(conninfo_to_dict(url) | {"dbname": name}))


@pytest.fixture
def pg_url(postgres_server: str) -> Iterator[str]:
    """A new, empty database on the test server, dropped afterwards."""
    import psycopg

    name = f"policybot_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres_server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield _with_database(postgres_server, name)
    finally:
        with psycopg.connect(postgres_server, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def open_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[], StateDB]]:
    """`open_db()` opens the state database as a new process would: SQLite in tmp_path, or a fresh
    PostgreSQL database (the same one on every call within a test). Every test using it runs on both."""
    opened = []
    url = request.getfixturevalue("pg_url") if request.param == "postgresql" else None

    def open_it() -> StateDB:
        db = PostgresState(url) if url else SQLiteState(tmp_path / "data" / "state.sqlite3")
        opened.append(db)
        return db

    yield open_it
    for db in opened:
        db.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str | None:
    """DATABASE_URL as a deployment sets it: unset (SQLite in the data folder) or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        monkeypatch.delenv("DATABASE_URL", raising=False)
        return None
    url = request.getfixturevalue("pg_url")
    monkeypatch.setenv("DATABASE_URL", url)
    return url
