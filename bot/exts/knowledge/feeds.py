"""Poll the RSS/Atom feeds of config/sources.yaml every minute; reload the index when something new arrived."""

from __future__ import annotations

import contextlib
import logging
from typing import TYPE_CHECKING

from discord.ext import commands, tasks

from bot.ingest import Ingested, poll_due

if TYPE_CHECKING:
    from bot.bot import PolicyBot

log = logging.getLogger(__name__)


class Feeds(commands.Cog):
    def __init__(self, bot: PolicyBot) -> None:
        self.bot = bot

    async def cog_load(self) -> None:
        if self.bot.ingest is None or not self.bot.config.sources.feeds:
            return
        self.poll.start()

    async def cog_unload(self) -> None:
        self.poll.cancel()

    @tasks.loop(minutes=1)
    async def poll(self) -> None:
        await self.poll_once()

    async def poll_once(self) -> list[Ingested]:
        """Poll due feeds, reload if anything new came in; never raises (a bad feed is logged)."""
        assert self.bot.ingest is not None
        try:
            added = await poll_due(self.bot.config.sources.feeds, ctx=self.bot.ingest)
        except Exception:
            log.exception("feed poll failed")
            return []
        if added:
            log.info("feeds: %d new documents: %s", len(added), ", ".join(a.doc_id for a in added[:10]))
            # a failed reload is logged by the reloader; the files are stored and the next reload reads them
            with contextlib.suppress(Exception):
                await self.bot.reloader.reload(f"{len(added)} new feed documents")
        else:
            log.info("feeds: nothing new")
        return added


async def setup(bot: PolicyBot) -> None:
    await bot.add_cog(Feeds(bot))
