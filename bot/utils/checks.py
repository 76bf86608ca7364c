"""Check failures and who counts as an admin or may add documents, shared by the extensions.

They live outside `bot/exts/` on purpose: `load_extension` executes an extension into a fresh module
object, so an exception class defined in an extension and imported by another one would be two
different classes, and `isinstance` in the error handler would never match.
"""

from __future__ import annotations

import time
from typing import Any

import discord
from discord.ext import commands

from bot.config.models import DiscordSettings


class WrongChannel(commands.CheckFailure):
    """Commands are limited to configured channels; the user is told where."""

    def __init__(self, channels: list[int]) -> None:
        self.channels = channels
        super().__init__("Commands work in " + ", ".join(f"<#{c}>" for c in channels) + ".")


class NoDirectMessages(commands.CheckFailure):
    def __init__(self) -> None:
        super().__init__("I only answer in the team's server, not in direct messages.")


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


def may_add(ctx: commands.Context) -> bool:
    """A member with one of the roles in add_roles (discord.yaml)."""
    allowed = {str(r).lower() for r in ctx.bot.config.discord.add_roles}
    return any(str(role.id) in allowed or role.name.lower() in allowed for role in getattr(ctx.author, "roles", []))


def _user_key(subject: Any) -> int:
    """The cooldown bucket: a Context's message author, or an Interaction's user."""
    user = getattr(subject, "author", None) or subject.user
    return user.id


class Gate:
    """Where and how often a person may use the bot: one set of rules for commands and context menus."""

    def __init__(self, settings: DiscordSettings) -> None:
        self.settings = settings
        cooldown = commands.Cooldown(settings.cooldown.rate, settings.cooldown.per_seconds)
        self.cooldowns = commands.CooldownMapping(cooldown, _user_key)
        self._noticed: dict[int, float] = {}  # user id → when their current cooldown window ends

    def first_notice(self, user_id: int, retry_after: float) -> bool:
        """True once per user per cooldown window: whether to tell them to slow down."""
        now = time.monotonic()
        if self._noticed.get(user_id, 0.0) > now:
            return False
        if len(self._noticed) > 10_000:
            self._noticed = {u: t for u, t in self._noticed.items() if t > now}
        self._noticed[user_id] = now + retry_after
        return True

    def where(self, guild: discord.Guild | None, channel_id: int | None) -> None:
        if guild is None:
            if not self.settings.allow_dms:
                raise NoDirectMessages()
            return
        if self.settings.channels and channel_id not in self.settings.channels:
            raise WrongChannel(self.settings.channels)

    def cooldown(self, subject: commands.Context | discord.Interaction) -> None:
        """`subject`: a Context (its message's author) or an Interaction (its user)."""
        bucket = self.cooldowns.get_bucket(subject.message if isinstance(subject, commands.Context) else subject)
        retry_after = bucket.update_rate_limit() if bucket else None
        if retry_after:
            raise commands.CommandOnCooldown(bucket, retry_after, commands.BucketType.user)
