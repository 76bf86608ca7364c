"""Global checks: where the bot answers (channels, DMs) and a per-user cooldown, for prefix and slash alike."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord.ext import commands

if TYPE_CHECKING:
    from bot.bot import PolicyBot


class WrongChannel(commands.CheckFailure):
    """Commands are limited to configured channels; the user is told where."""


class NoDirectMessages(commands.CheckFailure):
    pass


def is_admin(ctx: commands.Context) -> bool:
    settings = ctx.bot.config.discord
    if ctx.author.id in settings.owner_ids:
        return True
    if not isinstance(ctx.author, discord.Member):
        return False
    if ctx.author.guild_permissions.manage_guild:
        return True
    allowed = {str(r).lower() for r in settings.admin_roles}
    return any(str(role.id) in allowed or role.name.lower() in allowed for role in ctx.author.roles)


def admin_only():
    async def predicate(ctx: commands.Context) -> bool:
        if is_admin(ctx) or await ctx.bot.is_owner(ctx.author):
            return True
        raise commands.CheckFailure("That command is for admins (Manage Server or a configured admin role).")

    return commands.check(predicate)


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
                raise NoDirectMessages("I only answer in the team's server, not in direct messages.")
            return True
        if settings.channels and ctx.channel.id not in settings.channels:
            where = ", ".join(f"<#{c}>" for c in settings.channels)
            raise WrongChannel(f"Commands work in {where}.")
        return True

    async def cooldown(self, ctx: commands.Context) -> bool:
        bucket = self.cooldowns.get_bucket(ctx.message)
        retry_after = bucket.update_rate_limit() if bucket else None
        if retry_after:
            raise commands.CommandOnCooldown(bucket, retry_after, commands.BucketType.user)
        return True


async def setup(bot: PolicyBot) -> None:
    await bot.add_cog(Checks(bot))
