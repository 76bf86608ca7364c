"""Check failures and the admin check, shared by the extensions.

They live outside `bot/exts/` on purpose: `load_extension` executes an extension into a fresh module
object, so an exception class defined in an extension and imported by another one would be two
different classes, and `isinstance` in the error handler would never match.
"""

from __future__ import annotations

import discord
from discord.ext import commands


class WrongChannel(commands.CheckFailure):
    """Commands are limited to configured channels; the user is told where."""

    def __init__(self, channels: list[int]) -> None:
        self.channels = channels
        super().__init__("Commands work in " + ", ".join(f"<#{c}>" for c in channels) + ".")


class NoDirectMessages(commands.CheckFailure):
    def __init__(self) -> None:
        super().__init__("I only answer in the team's server, not in direct messages.")


class NotAdmin(commands.CheckFailure):
    def __init__(self) -> None:
        super().__init__("That command is for admins (Manage Server or a configured admin role).")


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
        raise NotAdmin()

    return commands.check(predicate)
