"""The daily digest in Discord: a minute loop drives the runtime's DigestService.tick and posts through
`send`. The commands (`!digest preview|now`) come from the registry (bot.commands.digest_actions)."""

from __future__ import annotations

import contextlib
import logging
from typing import TYPE_CHECKING

import discord
from discord.ext import commands, tasks

from bot.answers.model import Answer
from bot.digest import DigestService
from bot.render.messages import message_batches
from bot.utils.reply import to_embed

if TYPE_CHECKING:
    from bot.bot import PolicyBot

log = logging.getLogger(__name__)


class Digest(commands.Cog):
    def __init__(self, bot: PolicyBot, service: DigestService) -> None:
        self.bot = bot
        self.service = service

    async def cog_load(self) -> None:
        self.service.send = self.send
        self.loop.start()

    async def cog_unload(self) -> None:
        self.loop.cancel()

    @tasks.loop(minutes=1)
    async def loop(self) -> None:
        for result in await self.service.tick(discord.utils.utcnow()):
            log.info(
                "digest %s for channel %s (%s): %s", result.action, result.channel_id, result.local_date, result.detail
            )

    @loop.before_loop
    async def _wait_until_ready(self) -> None:
        await self.bot.wait_until_ready()

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


async def setup(bot: PolicyBot) -> None:
    assert bot.runtime.digest is not None, "the runtime starts before the extensions load"
    await bot.add_cog(Digest(bot, bot.runtime.digest))
