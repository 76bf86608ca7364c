"""Everything the bot did, in order: requests, messages it created, interaction answers."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any, Literal

from .capture import CapturedFile, CapturedRequest
from .interactions import InteractionCallback, InteractionRecord
from .objects import Payload

Via = Literal["channel", "interaction", "followup"]


@dataclass
class SentMessage:
    """A message the bot created: the fake's message object plus the exact payload the bot sent.

    `message` is a snapshot taken when the message became visible; later edits/deletes show in
    `FakeDiscord.state.messages` (the live store), not here.
    """

    message: Payload  # as returned by the fake (id, content, embeds, mentions, attachments, ...)
    payload: Payload  # the request JSON (or multipart payload_json): allowed_mentions, message_reference, ...
    files: list[CapturedFile]
    request: CapturedRequest
    via: Via = "channel"

    def __post_init__(self) -> None:
        self.message = copy.deepcopy(self.message)

    @property
    def id(self) -> str:
        return self.message["id"]

    @property
    def channel_id(self) -> str:
        return self.message["channel_id"]

    @property
    def content(self) -> str:
        return self.message.get("content", "")

    @property
    def embeds(self) -> list[Payload]:
        return self.message.get("embeds", [])

    @property
    def ephemeral(self) -> bool:
        return bool(self.message.get("flags", 0) & 64)

    def __repr__(self) -> str:
        return f"<SentMessage via={self.via} channel={self.channel_id} content={self.content[:60]!r}>"


@dataclass
class Journal:
    requests: list[CapturedRequest] = field(default_factory=list)
    unhandled: list[CapturedRequest] = field(default_factory=list)
    sent_messages: list[SentMessage] = field(default_factory=list)
    interactions: dict[str, InteractionRecord] = field(default_factory=dict)
    interaction_callbacks: list[InteractionCallback] = field(default_factory=list)

    def interaction_by_token(self, token: str) -> InteractionRecord | None:
        return next((r for r in self.interactions.values() if r.token == token), None)

    def find_requests(self, method: str | None, path_regex: str | None, start: int = 0) -> list[CapturedRequest]:
        return [r for r in self.requests[start:] if r.matches(method, path_regex)]

    def summary(self, last: int = 10) -> str:
        return ", ".join(repr(r) for r in self.requests[-last:]) or "no requests"


def stringify_ids(value: Any) -> Any:
    """discord.py sends some ids as ints; the API always answers with strings."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value
