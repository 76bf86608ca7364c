"""Global checks: where the bot answers (channels, DMs) and a per-user cooldown, for prefix and slash alike."""

from __future__ import annotations

from typing import TYPE_CHECKING

from discord.ext import commands

from bot.utils.checks import NoDirectMessages, WrongChannel

if TYPE_CHECKING:
    from bot.bot import PolicyBot


class Checks(commands.Cog):
    def __init__(self, bot: PolicyBot) -> None:
        self.bot = bot
        cooldown = bot.config.discord.cooldown
        self.cooldowns = commands.CooldownMapping.from_cooldown(
            cooldown.rate, cooldown.per_seconds, commands.BucketType.user
        )

    async def cog_load(self) -> None:
        self.bot.add_check(self.where)
        self.bot.add_check(self.cooldown, call_once=True)

    async def cog_unload(self) -> None:
        self.bot.remove_check(self.where)
        self.bot.remove_check(self.cooldown, call_once=True)

    async def where(self, ctx: commands.Context) -> bool:
        settings = self.bot.config.discord
        if ctx.guild is None:
            if not settings.allow_dms:
                raise NoDirectMessages()
            return True
        if settings.channels and ctx.channel.id not in settings.channels:
            raise WrongChannel(settings.channels)
        return True

    async def cooldown(self, ctx: commands.Context) -> bool:
        bucket = self.cooldowns.get_bucket(ctx.message)
        retry_after = bucket.update_rate_limit() if bucket else None
        if retry_after:
            raise commands.CommandOnCooldown(bucket, retry_after, commands.BucketType.user)
        return True


async def setup(bot: PolicyBot) -> None:
    await bot.add_cog(Checks(bot))
