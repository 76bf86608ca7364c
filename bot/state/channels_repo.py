"""Digest channels set up from Discord (/digest set, /digest off). A row overrides the channel's entry in
config/digest.yaml, which stays the initial seed; an 'off' row keeps the seed from turning it back on."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from bot.state.stamps import to_db

if TYPE_CHECKING:
    from bot.state.db import StateDB

SET = (
    "INSERT INTO digest_channels (channel_id, settings, enabled, updated_at, updated_by) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT(channel_id) DO UPDATE SET settings = excluded.settings, enabled = excluded.enabled, "
    "updated_at = excluded.updated_at, updated_by = excluded.updated_by"
)


@dataclass(frozen=True)
class ChannelRow:
    channel_id: int
    settings: dict[str, object]  # the DigestChannel fields, as in digest.yaml
    enabled: bool


class DigestChannelsRepo:
    def __init__(self, db: StateDB) -> None:
        self.db = db

    def put(self, channel_id: int, settings: dict[str, object], *, enabled: bool, by: str, at: datetime) -> None:
        values = (channel_id, json.dumps(settings, default=str), int(enabled), to_db(at), by)
        with self.db.transaction() as conn:
            conn.execute(SET, values)

    def all(self) -> list[ChannelRow]:
        with self.db.transaction() as conn:
            rows = conn.execute("SELECT channel_id, settings, enabled FROM digest_channels ORDER BY channel_id")
            return [ChannelRow(cid, json.loads(settings), bool(on)) for cid, settings, on in rows.fetchall()]
