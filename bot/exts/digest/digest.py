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
from bot.digest.service import MARKER
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
        self.service.find = self.find
        self.loop.start()

    async def cog_unload(self) -> None:
        self.loop.cancel()

    @tasks.loop(minutes=1)
    async def loop(self) -> None:
        try:
            results = await self.service.tick(discord.utils.utcnow())
        except Exception:  # e.g. the database is briefly unreachable: an exception would end the loop for good
            log.exception("digest tick failed; trying again in a minute")
            return
        for result in results:
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
        batches = message_batches(answers)
        mark = answers[-1].data.get(MARKER) if answers else None
        try:
            for i, pages in enumerate(batches):
                embeds = [to_embed(p) for p in pages]
                if mark and i == len(batches) - 1:  # under the very last embed: all of it was sent
                    footer = embeds[-1].footer.text
                    embeds[-1].set_footer(text=f"{footer} · {mark}" if footer else str(mark))
                posted.append(await channel.send(embeds=embeds, allowed_mentions=discord.AllowedMentions.none()))
        except Exception:
            for message in posted:
                with contextlib.suppress(discord.HTTPException):
                    await message.delete()
            raise
        return [m.id for m in posted]

    async def find(self, channel_id: int, marker: str, limit: int = 50) -> list[int]:
        """The bot's messages among the channel's last `limit` that carry `marker` under an embed."""
        channel = self.bot.get_channel(channel_id) or await self.bot.fetch_channel(channel_id)
        found = []
        async for message in channel.history(limit=limit):
            if message.author.id == self.bot.user.id and any(marker in (e.footer.text or "") for e in message.embeds):
                found.append(message.id)
        return found


async def setup(bot: PolicyBot) -> None:
    assert bot.runtime.digest is not None, "the runtime starts before the extensions load"
    await bot.add_cog(Digest(bot, bot.runtime.digest))
