"""Digest test kit: a small knowledge folder, a fake Discord send, a service on a temp SQLite file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from datetime import UTC
from pathlib import Path

import pytest

from bot.answers.model import Answer
from bot.config import Config
from bot.digest.config import DigestChannel, DigestConfig
from bot.digest.service import DigestService
from bot.door import EngineDoor
from bot.engine import Engine
from bot.state import StateDB
from tests.helpers import assert_verbatim, write_doc

OLD = {
    "alliance.md": (
        "Alliance basics",
        "2023-07-10",
        """
        NATO is a defensive alliance whose members pledge to defend one another.
        Its leaders met in Vilnius in July 2023 to discuss support for Ukraine.

        The alliance also met its partners from the Indo-Pacific, including Japan and Australia.
        Cyber defence and maritime security were on the agenda of those meetings.
        """,
    ),
    "archive/sanctions.md": (
        "Sanctions overview",
        "2023-05-02",
        """
        Sanctions on Russia target its banks, its energy exports and its military suppliers.
        The measures were coordinated with the European Union and the United Kingdom.
        Officials review the list of sanctioned entities every quarter.
        """,
    ),
}

NEW = {
    "drills.md": (
        "Drills near Taiwan",
        "2024-06-03",
        """
        China held large military exercises near Taiwan on Monday.
        Officials in Beijing described the drills as a warning to separatists.

        Japan expressed serious concern about the exercises in a statement.
        Australia called on all parties to show restraint and avoid escalation.
        """,
    ),
    "strikes.md": (
        "Overnight strikes",
        "2024-06-03",
        """
        Russia launched dozens of missiles at Kyiv overnight.
        Ukrainian air defences intercepted most of the missiles before they reached the city.
        The Kremlin denied that it had targeted civilians.
        """,
    ),
}


def utc(text: str) -> dt.datetime:
    moment = dt.datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def add_docs(folder: Path, docs: dict[str, tuple[str, str, str]]) -> None:
    for name, (title, date, body) in docs.items():
        url = f"https://example.org/{name.removesuffix('.md')}"
        write_doc(folder, name, body, title=title, date=date, url=url)


def channel(**changes: object) -> DigestChannel:
    fields: dict[str, object] = {"channel_id": 42, "time": "09:00", "timezone": "Europe/London"}
    return DigestChannel.model_validate(fields | changes)


class FakeSend:
    """Records every successful send; fails the next `failures` calls."""

    def __init__(self) -> None:
        self.sent: list[tuple[int, list[Answer]]] = []
        self.attempts = 0
        self.failures = 0

    async def __call__(self, channel_id: int, answers: list[Answer]) -> list[int]:
        self.attempts += 1
        if self.failures:
            self.failures -= 1
            raise ConnectionError("Discord is unavailable")
        self.sent.append((channel_id, answers))
        return [1000 * len(self.sent) + i for i in range(len(answers))]


class World:
    """A knowledge folder, a state file and a send; `service()` is a fresh process on the same state."""

    def __init__(self, root: Path, config: Config) -> None:
        self.knowledge = root / "knowledge"
        self.knowledge.mkdir()
        self.db = root / "data" / "state.sqlite3"
        self.config = config
        self.send = FakeSend()
        self.door = EngineDoor()
        add_docs(self.knowledge, OLD)

    def engine(self) -> Engine:
        return Engine.load(self.knowledge, self.config)

    async def service(self, now: dt.datetime, *channels: DigestChannel) -> DigestService:
        engine = self.engine()
        config = DigestConfig(channels=list(channels or [channel()]))
        service = DigestService(engine, config, StateDB(self.db), self.send, door=self.door)
        await service.engine_loaded(engine, now)
        return service

    async def reload(self, service: DigestService, now: dt.datetime) -> None:
        await service.engine_loaded(self.engine(), now)

    def check_verbatim(self, answers: list[Answer], engine: Engine) -> None:
        for answer in answers:
            assert_verbatim(answer, self.knowledge, engine)


@pytest.fixture
def world(tmp_path: Path, config: Config) -> Iterator[World]:
    world = World(tmp_path, config)
    yield world
    world.door.close()
