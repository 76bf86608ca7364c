"""The daily digest in Discord: a minute loop drives DigestService.tick; `!digest preview|now`."""

from __future__ import annotations

import contextlib
import logging
from typing import TYPE_CHECKING

import discord
from discord.ext import commands, tasks

from bot.answers.model import Answer, Status
from bot.digest import DigestService, load_digest_config
from bot.engine import Engine
from bot.paths import resolve
from bot.render.messages import message_batches
from bot.state import open_state
from bot.utils.checks import admin_only
from bot.utils.reply import send_answer, to_embed

if TYPE_CHECKING:
    from bot.bot import PolicyBot

log = logging.getLogger(__name__)


class Digest(commands.Cog):
    def __init__(self, bot: PolicyBot, service: DigestService) -> None:
        self.bot = bot
        self.service = service

    async def cog_load(self) -> None:
        assert self.bot.engine is not None
        await self.service.engine_loaded(self.bot.engine, discord.utils.utcnow())
        self.bot.engine_hooks.append(self.engine_swapped)
        self.loop.start()

    async def cog_unload(self) -> None:
        self.loop.cancel()
        self.bot.engine_hooks.remove(self.engine_swapped)

    @tasks.loop(minutes=1)
    async def loop(self) -> None:
        for result in await self.service.tick(discord.utils.utcnow()):
            log.info(
                "digest %s for channel %s (%s): %s", result.action, result.channel_id, result.local_date, result.detail
            )

    @loop.before_loop
    async def _wait_until_ready(self) -> None:
        await self.bot.wait_until_ready()

    async def engine_swapped(self, engine: Engine) -> None:
        """Record the new engine's documents as seen, so the next digest knows what is new."""
        await self.service.engine_loaded(engine, discord.utils.utcnow())

    async def send(self, channel_id: int, answers: list[Answer]) -> list[int]:
        """Post the digest; on a failure part-way, delete what was posted and raise (the service retries)."""
        channel = self.bot.get_channel(channel_id) or await self.bot.fetch_channel(channel_id)
        posted: list[discord.Message] = []
        try:
            for pages in message_batches(answers):
                embeds = [to_embed(p) for p in pages]
                posted.append(await channel.send(embeds=embeds, allowed_mentions=discord.AllowedMentions.none()))
        except Exception:
            for message in posted:
                with contextlib.suppress(discord.HTTPException):
                    await message.delete()
            raise
        return [m.id for m in posted]

    @commands.hybrid_group(name="digest", description="The daily digest: preview it, or post it now (admins).")
    async def digest(self, ctx: commands.Context) -> None:
        if ctx.invoked_subcommand is None:
            await self.preview(ctx)

    @digest.command(name="preview", description="Show the digest this channel would get (only to you).")
    async def preview(self, ctx: commands.Context) -> None:
        channel = self.service.config.channel(ctx.channel.id)
        if channel is None:
            await send_answer(ctx, _not_configured(ctx), ephemeral=True)
            return
        digest = await self.bot.in_engine_thread(self.service.prepare, channel, discord.utils.utcnow())
        if ctx.interaction is None and await self._sent_privately(ctx.author, digest.answers):
            await ctx.message.add_reaction("📬")  # a prefix command cannot answer ephemerally: DM instead
            return
        for answer in digest.answers:
            await send_answer(ctx, answer, ephemeral=True)

    async def _sent_privately(self, user: discord.abc.User, answers: list[Answer]) -> bool:
        try:
            for pages in message_batches(answers):
                await user.send(embeds=[to_embed(p) for p in pages], allowed_mentions=discord.AllowedMentions.none())
        except discord.HTTPException:  # DMs closed: fall back to a reply in the channel
            return False
        return True

    @digest.command(name="now", description="Post today's digest in this channel now (admins).")
    @admin_only()
    async def now(self, ctx: commands.Context) -> None:
        channel = self.service.config.channel(ctx.channel.id)
        if channel is None:
            await send_answer(ctx, _not_configured(ctx), ephemeral=True)
            return
        await ctx.defer()
        result = await self.service.post_now(channel, discord.utils.utcnow())
        await send_answer(ctx, Answer("digest", f"Digest posted ({result.detail})"), ephemeral=True)


def _not_configured(ctx: commands.Context) -> Answer:
    return Answer(
        "digest",
        "No digest is set up for this channel",
        Status.USAGE,
        intro=f"Add channel_id {ctx.channel.id} to config/digest.yaml (see README: Daily digest).",
    )


async def setup(bot: PolicyBot) -> None:
    assert bot.engine is not None
    config = load_digest_config(bot.config.folder, bot.engine.config)
    data = bot.data_dir or resolve("data")
    state = await bot.in_engine_thread(open_state, data)
    service = DigestService(
        bot.engine, config, state, send=lambda c, a: cog.send(c, a), door=bot.in_engine_thread
    )
    cog = Digest(bot, service)
    await bot.add_cog(cog)
