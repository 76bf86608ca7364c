"""Slash-command autocomplete for the registry's parameters (`Param.complete` names the source)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot.utils.autocomplete import actor_choices, focus_choices, help_choices

if TYPE_CHECKING:
    from bot.bot import PolicyBot

SOURCES = {"actors": actor_choices, "focus": focus_choices, "commands": help_choices}


def completer(bot: PolicyBot, source: str) -> Callable[[discord.Interaction, str], Awaitable[list]]:
    choose = SOURCES[source]

    async def complete(_interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return await bot.in_engine_thread(choose, bot, current)  # focus reads the engine: through its door

    return complete
