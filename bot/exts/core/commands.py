"""Every command of the registry as a Discord command: `!threats china`, `@Bot threats china`, `/threats
actor:china`. Generated (bot.utils.generate), including the topic commands of topics.yaml."""

from __future__ import annotations

from typing import TYPE_CHECKING

from discord.ext import commands

from bot.commands.registry import Frontend
from bot.utils.generate import build_command

if TYPE_CHECKING:
    from bot.bot import PolicyBot


class RegistryCommands(commands.Cog, name="Commands"):
    def __init__(self, bot: PolicyBot) -> None:
        self.bot = bot
        self.names: list[str] = []

    async def cog_load(self) -> None:
        for spec in self.bot.runtime.registry:
            if Frontend.DISCORD in spec.frontends:
                self.bot.add_command(build_command(self.bot, spec))
                self.names.append(spec.name)

    async def cog_unload(self) -> None:
        for name in self.names:
            self.bot.remove_command(name)


async def setup(bot: PolicyBot) -> None:
    await bot.add_cog(RegistryCommands(bot))
