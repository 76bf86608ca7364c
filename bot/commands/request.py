"""Who asked, where, and what: the front-end-neutral form of one command."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.commands.registry import Frontend, Permission

if TYPE_CHECKING:
    from bot.commands.services import Services


@dataclass(frozen=True)
class Caller:
    name: str = "console"
    level: Permission = Permission.OWNER
    channel_id: int | None = None  # the Discord channel the command was typed in


CONSOLE = Caller()  # the person at the local chat owns the bot


@dataclass(frozen=True)
class Upload:
    """A file sent with a command (a Discord attachment, a file named in the local chat)."""

    filename: str
    size: int
    read: Callable[[], Awaitable[bytes]]


@dataclass(frozen=True)
class Request:
    command: str  # as typed, e.g. "digest" or "partners"
    text: str = ""  # the rest of the line
    caller: Caller = CONSOLE
    frontend: Frontend = Frontend.CHAT
    uploads: tuple[Upload, ...] = ()


@dataclass(frozen=True)
class Invocation:
    """What an action (a command doing I/O) gets: the request, its argument text, and the services."""

    request: Request
    text: str
    services: Services
