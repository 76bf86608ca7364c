"""Command specs: name, usage, an example, and the handler that builds an Answer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from bot.answers.model import Answer
from bot.commands.context import Context

Handler = Callable[[Context, str], Answer]


@dataclass(frozen=True)
class CommandSpec:
    name: str
    summary: str
    usage: str  # arguments, e.g. "<question>"
    examples: tuple[str, ...]
    handler: Handler = field(compare=False)
    aliases: tuple[str, ...] = ()
