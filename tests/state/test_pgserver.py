"""Without PostgreSQL on the machine the PostgreSQL tests skip, saying why and how to get it; in CI
(POLICYBOT_REQUIRE_POSTGRES) that is a failure instead."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import pgserver
from tests.postgres import start_or_skip


def no_binaries() -> Path:
    raise pgserver.NoServer("no PostgreSQL binaries (install them: apt-get install -y postgresql)")


def test_no_server_skips_with_a_clear_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pgserver, "bindir", no_binaries)
    monkeypatch.delenv("POLICYBOT_REQUIRE_POSTGRES", raising=False)
    with pytest.raises(pytest.skip.Exception, match="PostgreSQL tests skipped: no local server could be started"):
        start_or_skip(tmp_path / "pg")
    assert not (tmp_path / "pg").exists()


def test_in_ci_no_server_is_a_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pgserver, "bindir", no_binaries)
    monkeypatch.setenv("POLICYBOT_REQUIRE_POSTGRES", "1")
    with pytest.raises(pytest.fail.Exception, match="required"):
        start_or_skip(tmp_path / "pg")
