"""Hot reload: when files in the knowledge folder change, rebuild the index on the engine thread and swap it in."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING

from discord.ext import commands

from bot.engine import Engine
from bot.knowledge.autoreload import watch_and_reload

if TYPE_CHECKING:
    from bot.bot import PolicyBot

log = logging.getLogger(__name__)


def log_reload(engine: Engine) -> None:
    stats = engine.stats
    log.info("hot reload: %d documents, %d skipped, %.2f s", stats.documents, len(stats.skipped), stats.seconds)


class KnowledgeWatcher(commands.Cog):
    def __init__(self, bot: PolicyBot) -> None:
        self.bot = bot
        self.stop = asyncio.Event()
        self.task: asyncio.Task | None = None

    async def cog_load(self) -> None:
        folder, settings = self.bot.knowledge_dir, self.bot.config.sources.watch
        if folder is None or not settings.enabled:
            log.info("not watching the knowledge folder (%s)", "disabled" if folder else "no folder")
            return
        run = watch_and_reload(folder, settings, self.bot.reloader.reload, self.stop, log_reload)
        self.task = asyncio.create_task(run, name="knowledge-watcher")

    async def cog_unload(self) -> None:
        self.stop.set()
        if self.task is not None:
            self.task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.task


async def setup(bot: PolicyBot) -> None:
    await bot.add_cog(KnowledgeWatcher(bot))
