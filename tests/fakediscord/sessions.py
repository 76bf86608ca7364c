"""Gateway sessions: what was identified, the sequence counter and the log used to replay on RESUME."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .objects import Payload

if TYPE_CHECKING:
    from .connection import GatewayConnection


@dataclass
class GatewaySession:
    session_id: str
    intents: int
    identify: Payload
    seq: int = 0
    log: list[Payload] = field(default_factory=list)  # every dispatch frame, in order
    connection: GatewayConnection | None = None
    resumable: bool = True

    def next_frame(self, event: str, data: Payload) -> Payload:
        self.seq += 1
        frame: Payload = {"op": 0, "t": event, "s": self.seq, "d": data}
        self.log.append(frame)
        return frame

    def missed_since(self, seq: int) -> list[Payload]:
        return [f for f in self.log if f["s"] > seq]

    def events(self, name: str | None = None) -> list[Payload]:
        """Dispatched `d` payloads (optionally of one event type), as this session received them."""
        return [f["d"] for f in self.log if name is None or f["t"] == name]


@dataclass
class ReceivedFrame:
    """A frame the client sent to the gateway."""

    op: int
    data: Any
    path: str  # which gateway URL the connection used (initial vs resume_gateway_url)
    session_id: str | None
