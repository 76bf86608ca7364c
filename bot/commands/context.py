"""What an engine handler gets: the engine, the settings in force, who asked, and a way to run another command."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.commands.registry import Frontend
from bot.commands.request import CONSOLE, Caller, Request
from bot.config.models import Settings
from bot.engine import Engine

if TYPE_CHECKING:
    from bot.answers.model import Answer
    from bot.commands.dispatcher import Dispatcher


@dataclass(frozen=True)
class Context:
    engine: Engine
    dispatcher: Dispatcher | None = None
    caller: Caller = CONSOLE
    frontend: Frontend = Frontend.CHAT

    @property
    def settings(self) -> Settings:
        return self.engine.config.settings

    @property
    def prefix(self) -> str:
        return self.settings.prefix

    def run(self, name: str, text: str = "") -> Answer:
        """Another command's answer, for the same caller (e.g. a question that is really `!threats china`)."""
        assert self.dispatcher is not None, "a Context without a dispatcher cannot run commands"
        return self.dispatcher.run_request(Request(name, text, self.caller, self.frontend))
