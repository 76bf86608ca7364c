"""What a command handler gets: the engine and the settings in force."""

from __future__ import annotations

from dataclasses import dataclass

from bot.config.models import Settings
from bot.engine import Engine


@dataclass(frozen=True)
class Context:
    engine: Engine

    @property
    def settings(self) -> Settings:
        return self.engine.config.settings

    @property
    def prefix(self) -> str:
        return self.settings.prefix
