"""Global checks: where the bot answers (channels, DMs) and a per-user cooldown, for prefix and slash alike.

The rules live in `bot.utils.checks.Gate` (`bot.gate`), which the "Find source" context menu uses too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from discord.ext import commands

if TYPE_CHECKING:
    from bot.bot import PolicyBot


class Checks(commands.Cog):
    def __init__(self, bot: PolicyBot) -> None:
        self.bot = bot

    async def cog_load(self) -> None:
        self.bot.add_check(self.where)
        self.bot.add_check(self.cooldown, call_once=True)

    async def cog_unload(self) -> None:
        self.bot.remove_check(self.where)
        self.bot.remove_check(self.cooldown, call_once=True)

    async def where(self, ctx: commands.Context) -> bool:
        self.bot.gate.where(ctx.guild, ctx.channel.id)
        return True

    async def cooldown(self, ctx: commands.Context) -> bool:
        self.bot.gate.cooldown(ctx)
        return True


async def setup(bot: PolicyBot) -> None:
    await bot.add_cog(Checks(bot))
