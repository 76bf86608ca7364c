"""A fake Discord (REST + gateway on 127.0.0.1) that the real discord.py client connects to.

Use the `fake_discord` and `run_bot` pytest fixtures (see plugin.py); `FakeDiscord` is the server.
"""

from .constants import CallbackType, Intent, InteractionType, Op
from .interactions import InteractionCallback, InteractionRecord
from .journal import SentMessage
from .objects import FakeChannel, FakeGuild, FakeMember, FakeRole, FakeUser
from .server import FakeDiscord

__all__ = [
    "CallbackType",
    "FakeChannel",
    "FakeDiscord",
    "FakeGuild",
    "FakeMember",
    "FakeRole",
    "FakeUser",
    "Intent",
    "InteractionCallback",
    "InteractionRecord",
    "InteractionType",
    "Op",
    "SentMessage",
]
