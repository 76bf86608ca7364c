"""One error handler: usage errors show help, unknown commands get "did you mean", bugs get an error id."""

from __future__ import annotations

import logging
import uuid
from typing import TYPE_CHECKING

from discord import app_commands
from discord.ext import commands
from rapidfuzz import process

from bot.answers.model import Answer, Status
from bot.commands.text_input import echo
from bot.utils.checks import NoDirectMessages, WrongChannel
from bot.utils.reply import send_answer

if TYPE_CHECKING:
    from bot.bot import PolicyBot

log = logging.getLogger(__name__)


def unwrap(error: Exception) -> Exception:
    while isinstance(
        error, commands.HybridCommandError | commands.CommandInvokeError | app_commands.CommandInvokeError
    ):
        error = error.original
    return error


class ErrorHandler(commands.Cog):
    def __init__(self, bot: PolicyBot) -> None:
        self.bot = bot

    @commands.Cog.listener()
    async def on_command_error(self, ctx: commands.Context, error: Exception) -> None:
        error = unwrap(error)
        answer = await self.describe(ctx, error)
        if answer is not None:
            await send_answer(ctx, answer, ephemeral=True)

    async def describe(self, ctx: commands.Context, error: Exception) -> Answer | None:
        prefix = self.bot.config.settings.prefix
        if isinstance(error, commands.CommandNotFound):
            return self.unknown(ctx)
        if isinstance(error, commands.UserInputError) and ctx.command is not None:
            assert self.bot.dispatcher is not None
            usage = self.bot.dispatcher.run("help", ctx.command.name)
            usage.title, usage.status = f"That needs more: {usage.title}", Status.USAGE
            return usage
        if isinstance(error, commands.CommandOnCooldown):
            return Answer("error", "Slow down a little", Status.USAGE, intro=f"Try again in {error.retry_after:.0f} s.")
        if isinstance(error, WrongChannel):
            # A message in another channel may not be meant for the bot: stay quiet. A slash command is.
            return Answer("error", "Not here", Status.USAGE, lines=[str(error)]) if ctx.interaction else None
        if isinstance(error, NoDirectMessages):
            return Answer("error", "Not here", Status.USAGE, intro=str(error))
        if isinstance(error, commands.CheckFailure | app_commands.CheckFailure):
            return Answer("error", "Not allowed", Status.USAGE, intro=str(error) or "You can't use that command.")
        error_id = uuid.uuid4().hex[:8]
        log.error("command %s failed (error id %s)", ctx.command, error_id, exc_info=error)
        return Answer(
            "error",
            "Something went wrong",
            Status.ERROR,
            intro=f"Sorry — that failed on our side. Error id `{error_id}`; {prefix}help lists commands.",
        )

    def unknown(self, ctx: commands.Context) -> Answer | None:
        typed = (ctx.invoked_with or "").lower()
        names = [n for c in self.bot.commands if not c.hidden for n in (c.name, *c.aliases)]
        best = process.extractOne(typed, names, score_cutoff=70) if typed else None
        if best is None:
            return None  # "!!!" or "!important": not meant for the bot; stay quiet
        prefix = self.bot.config.settings.prefix
        return Answer(
            "error",
            f"Unknown command “{echo(prefix + typed, 40)}”",
            Status.USAGE,
            intro=f"Did you mean `{prefix}{best[0]}`? `{prefix}help` lists every command.",
        )


async def setup(bot: PolicyBot) -> None:
    await bot.add_cog(ErrorHandler(bot))
