"""Hot reload: when files in the knowledge folder change, rebuild the index on the engine thread and swap it in."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING

from discord.ext import commands

from bot.knowledge.watch import watch_knowledge

if TYPE_CHECKING:
    from bot.bot import PolicyBot

log = logging.getLogger(__name__)
RETRY_SECONDS = 5.0


class KnowledgeWatcher(commands.Cog):
    def __init__(self, bot: PolicyBot) -> None:
        self.bot = bot
        self.stop = asyncio.Event()
        self.task: asyncio.Task | None = None

    async def cog_load(self) -> None:
        settings = self.bot.config.sources.watch
        if self.bot.knowledge_dir is None or not settings.enabled:
            log.info("not watching the knowledge folder (%s)", "disabled" if self.bot.knowledge_dir else "no folder")
            return
        self.task = asyncio.create_task(self._run(), name="knowledge-watcher")

    async def cog_unload(self) -> None:
        self.stop.set()
        if self.task is not None:
            self.task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.task

    async def _run(self) -> None:
        folder, settings = self.bot.knowledge_dir, self.bot.config.sources.watch
        assert folder is not None
        while not self.stop.is_set():
            try:
                log.info("watching %s for changes%s", folder, " (polling)" if settings.force_polling else "")
                async for changed in watch_knowledge(folder, settings, self.stop):
                    await self._reload(changed)
            except Exception:
                log.exception("watching %s failed; retrying with polling in %.0f s", folder, RETRY_SECONDS)
                settings = settings.model_copy(update={"force_polling": True})
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self.stop.wait(), RETRY_SECONDS)

    async def _reload(self, changed: set[str]) -> None:
        names = sorted(changed)
        shown = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
        try:
            engine = await self.bot.reloader.reload(f"changed: {shown}")
        except Exception:
            return  # logged by the reloader; the current index keeps serving
        stats = engine.stats
        log.info("hot reload: %d documents, %d skipped, %.2f s", stats.documents, len(stats.skipped), stats.seconds)


async def setup(bot: PolicyBot) -> None:
    await bot.add_cog(KnowledgeWatcher(bot))
