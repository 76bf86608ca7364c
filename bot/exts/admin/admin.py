"""Admin commands: reload the knowledge base, sync slash commands globally."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from discord.ext import commands

from bot.answers.model import Answer, Status
from bot.utils.checks import admin_only
from bot.utils.reply import send_answer

if TYPE_CHECKING:
    from bot.bot import PolicyBot

log = logging.getLogger(__name__)


class Admin(commands.Cog):
    def __init__(self, bot: PolicyBot) -> None:
        self.bot = bot

    @commands.hybrid_command(description="Re-read the knowledge folder and swap in the new index (admins).")
    @admin_only()
    async def reload(self, ctx: commands.Context) -> None:
        await ctx.defer()
        try:
            engine = await self.bot.reloader.reload(f"!reload by {ctx.author}")
        except Exception as exc:  # the old index keeps serving (the reloader logged it)
            answer = Answer(
                "reload",
                "Reload failed; the current knowledge base is still in use",
                Status.ERROR,
                intro=str(exc)[:500],
            )
        else:
            skipped = [f"{path}: {reason}" for path, reason in engine.stats.skipped]
            answer = Answer(
                "reload",
                "Knowledge base reloaded",
                lines=[
                    f"{engine.stats.documents} documents, {engine.stats.passages} passages "
                    f"in {engine.stats.seconds:.1f} s",
                    *(f"Skipped {s}" for s in skipped[:10]),
                ],
            )
        await send_answer(ctx, answer)

    @commands.command(hidden=True)
    @commands.is_owner()
    async def sync(self, ctx: commands.Context) -> None:
        """Sync slash commands globally (rate-limited by Discord: owners only, rarely)."""
        synced = await self.bot.tree.sync()
        await send_answer(ctx, Answer("sync", f"Synced {len(synced)} slash commands globally"))


async def setup(bot: PolicyBot) -> None:
    await bot.add_cog(Admin(bot))
