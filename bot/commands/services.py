"""What actions (commands that do I/O) need from the front end's runtime; bot.runtime.Runtime provides it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, Protocol

from bot.commands.registry import Frontend
from bot.config import Config

if TYPE_CHECKING:
    from bot.digest import DigestService
    from bot.engine import Engine
    from bot.ingest import IngestContext


class Services(Protocol):
    frontend: Frontend
    config: Config
    digest: DigestService | None
    publish_commands: Callable[[], Awaitable[int]] | None  # Discord: sync slash commands globally

    @property
    def engine(self) -> Engine: ...

    async def call(self, func: Callable[..., Any], *args: Any) -> Any:
        """The engine door: run blocking engine work off the event loop."""

    async def reload(self, reason: str) -> Engine: ...

    async def ingest(self) -> IngestContext | None:
        """The ingest context (opened on first use); None when there is no knowledge folder to add to."""
