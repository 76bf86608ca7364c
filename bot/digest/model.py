"""What a digest is: the Answers to post, and what the log must remember about them."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from bot.answers.model import Answer
from bot.render.text import render_text


@dataclass(frozen=True)
class DigestInputs:
    """Everything compose needs besides the engine: a snapshot of the state, taken by the service."""

    channel_id: int
    local_date: dt.date
    since: dt.datetime  # documents first seen after this instant are new …
    cutoff: dt.datetime  # … up to this one (the moment the digest was composed)
    new_ids: tuple[str, ...]
    previous_rotation: str | None = None  # never show the same re-read excerpt two digests running


@dataclass(frozen=True)
class Digest:
    channel_id: int
    local_date: dt.date
    cutoff: dt.datetime
    answers: list[Answer] = field(default_factory=list)
    rotation: str | None = None  # key of the "worth re-reading" excerpt, if shown

    @property
    def text(self) -> str:
        """The plain-text rendering, as `digest --preview` prints it."""
        return "\n\n".join(render_text(a) for a in self.answers)

    @property
    def payload_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()
