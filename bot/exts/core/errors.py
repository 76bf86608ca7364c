"""One error handler: usage errors show help, unknown commands get "did you mean", bugs get an error id.

It handles prefix and hybrid commands (`on_command_error`) and the other application commands, such as
the "Find source" context menu (`CommandTree.on_error`).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.answers.model import Answer, Status
from bot.commands.failure import failure_answer
from bot.render.embeds import render_pages
from bot.utils.checks import NoDirectMessages, WrongChannel
from bot.utils.reply import send_answer, to_embed

if TYPE_CHECKING:
    from bot.bot import PolicyBot

log = logging.getLogger(__name__)


def unwrap(error: BaseException) -> BaseException:
    while isinstance(
        error, commands.HybridCommandError | commands.CommandInvokeError | app_commands.CommandInvokeError
    ):
        error = error.original
    return error


class ErrorHandler(commands.Cog):
    def __init__(self, bot: PolicyBot) -> None:
        self.bot = bot
        self._tree_on_error = bot.tree.on_error

    async def cog_load(self) -> None:
        self.bot.tree.on_error = self.on_app_command_error

    async def cog_unload(self) -> None:
        self.bot.tree.on_error = self._tree_on_error

    @commands.Cog.listener()
    async def on_command_error(self, ctx: commands.Context, error: Exception) -> None:
        """Never raises: a reply that cannot be sent either is one log line, not a second traceback."""
        self.bot.inflight.join()  # part of the failed command: a shutdown waits for this reply too
        error = unwrap(error)
        if self._repeat_cooldown(ctx, error):
            return
        try:
            if isinstance(error, commands.CommandNotFound):
                answer = self.unknown(ctx.invoked_with or "")
            else:
                name = ctx.command.qualified_name if ctx.command else None
                in_interaction = ctx.interaction is not None
                answer = await self.usage(error, name) or self.describe(error, name, in_interaction=in_interaction)
            if answer is not None:
                await send_answer(ctx, answer, ephemeral=True)
        except Exception as exc:  # noqa: BLE001 - the last line of defence must not raise
            log.warning("could not tell %s about an error (%s: %s)", ctx.author, type(exc).__name__, exc)

    def _repeat_cooldown(self, ctx: commands.Context, error: BaseException) -> bool:
        """A prefix command on cooldown gets one "slow down" per user per window; the rest are dropped quietly,
        so spam cannot spend the channel's rate limit on notices. A slash command is always answered (privately)."""
        if not isinstance(error, commands.CommandOnCooldown) or ctx.interaction is not None:
            return False
        return not self.bot.gate.first_notice(ctx.author.id, error.retry_after)

    async def on_app_command_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError):
        """Errors of application commands that are not hybrid commands: answered privately. Never raises."""
        try:
            await self._answer_app_error(interaction, error)
        except Exception as exc:  # noqa: BLE001 - the last line of defence must not raise
            log.warning("could not tell %s about an error (%s: %s)", interaction.user, type(exc).__name__, exc)

    async def _answer_app_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        name = interaction.command.qualified_name if interaction.command else None
        answer = self.describe(unwrap(error), name, in_interaction=True)
        if answer is None:
            return
        embed = to_embed(render_pages(answer)[0])
        none = discord.AllowedMentions.none()
        if interaction.response.is_done():
            await interaction.followup.send(embed=embed, ephemeral=True, allowed_mentions=none)
        else:
            await interaction.response.send_message(embed=embed, ephemeral=True, allowed_mentions=none)

    async def usage(self, error: BaseException, command: str | None) -> Answer | None:
        """A missing or malformed argument: the command's help, from the registry (through the engine door)."""
        if not isinstance(error, commands.UserInputError) or command is None or self.bot.dispatcher is None:
            return None
        try:
            usage = await self.bot.in_engine_thread(self.bot.dispatcher.run, "help", command)
        except Exception:  # the engine door is shutting down: say what failed instead of raising here
            return None
        usage.title, usage.status = f"That needs more: {usage.title}", Status.USAGE
        return usage

    def describe(self, error: BaseException, command: str | None, *, in_interaction: bool) -> Answer | None:
        if isinstance(error, commands.CommandOnCooldown):
            return Answer("error", "Slow down a little", Status.USAGE, intro=f"Try again in {error.retry_after:.0f} s.")
        if isinstance(error, WrongChannel):
            # A message in another channel may not be meant for the bot: stay quiet. A slash command is.
            return Answer("error", "Not here", Status.USAGE, lines=[str(error)]) if in_interaction else None
        if isinstance(error, NoDirectMessages):
            return Answer("error", "Not here", Status.USAGE, intro=str(error))
        if isinstance(error, commands.CheckFailure | app_commands.CheckFailure):
            return Answer("error", "Not allowed", Status.USAGE, intro=str(error) or "You can't use that command.")
        return failure_answer(command, error)  # the dispatcher's error-id path

    def unknown(self, typed: str) -> Answer | None:
        """The dispatcher's unknown-command answer; quiet when nothing is close ("!!!", "!important")."""
        if self.bot.dispatcher is None:
            return None
        answer = self.bot.dispatcher.unknown(typed)
        return answer if answer.data.get("suggestion") else None


async def setup(bot: PolicyBot) -> None:
    await bot.add_cog(ErrorHandler(bot))
