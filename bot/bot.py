"""The Discord client: loads config and knowledge in setup_hook, then the cogs and the health server."""

from __future__ import annotations

import asyncio
import gc
import logging
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import aiohttp
import discord
from discord.ext import commands

from bot.answers.model import Answer
from bot.commands.dispatcher import Dispatcher
from bot.config import Config
from bot.engine import Engine
from bot.health import HealthServer
from bot.ingest import IngestContext
from bot.knowledge.reloader import Reloader
from bot.living import close_ingest, open_ingest
from bot.paths import resolve
from bot.utils.checks import Gate

log = logging.getLogger(__name__)

discord.VoiceClient.warn_nacl = False  # a text-only bot: no voice, so no "PyNaCl is not installed" warning
if hasattr(discord.VoiceClient, "warn_dave"):
    discord.VoiceClient.warn_dave = False

EXTENSIONS = (
    "bot.exts.core.errors",
    "bot.exts.core.checks",
    "bot.exts.knowledge.answers",
    "bot.exts.knowledge.find_source",
    "bot.exts.admin.admin",
    "bot.exts.digest.digest",
    "bot.exts.knowledge.watcher",
    "bot.exts.knowledge.add",
    "bot.exts.knowledge.feeds",
)


def intents_for(config: Config) -> discord.Intents:
    intents = discord.Intents.default()
    intents.message_content = config.discord.message_content_intent
    return intents


def settle_heap() -> None:
    """Move what is loaded now (libraries, config, the index) out of the garbage collector's sight.

    Otherwise every full collection walks those long-lived objects on the event loop's thread:
    100+ ms pauses under a burst of commands. Later garbage is still collected as usual.
    """
    gc.unfreeze()  # what an earlier call froze (an engine replaced by !reload) may be garbage now
    gc.collect()
    gc.freeze()


class PolicyBot(commands.Bot):
    def __init__(
        self,
        config: Config,
        load_engine: Callable[[], Engine],
        health_port: int | None = None,
        data_dir: Path | None = None,
        *,
        knowledge_dir: Path | None = None,
    ) -> None:
        prefix = config.settings.prefix
        super().__init__(
            command_prefix=commands.when_mentioned_or(prefix),
            intents=intents_for(config),
            allowed_mentions=discord.AllowedMentions.none(),
            help_command=None,
            case_insensitive=True,
            strip_after_prefix=True,
        )
        self.config = config
        self.data_dir = data_dir
        self.load_engine = load_engine
        # PyStemmer objects are not thread-safe: every engine call runs on this one worker thread.
        self.engine_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="engine")
        self.dispatcher: Dispatcher | None = None
        self.http_session: aiohttp.ClientSession | None = None
        self.health = HealthServer(self, health_port)
        self.engine_hooks: list[Callable[[Engine], Awaitable[None]]] = []  # run after every engine swap
        self.knowledge_dir = knowledge_dir  # None: no watching, !add or feeds
        self.ingest: IngestContext | None = None  # the one ingest session, opened in setup_hook
        self.reloader: Reloader[Engine] = Reloader(lambda: self.in_engine_thread(self.load_engine), self.swap_engine)
        self.gate = Gate(config.discord)

    async def setup_hook(self) -> None:
        self.http_session = aiohttp.ClientSession()
        await self.health.start()
        engine = await self.in_engine_thread(self.load_engine)
        self.dispatcher = Dispatcher(engine)
        if self.knowledge_dir is not None:
            self.ingest = await open_ingest(self.config, self.knowledge_dir, self.data_dir or resolve("data"))
        for extension in EXTENSIONS:
            await self.load_extension(extension)
        await self._sync_guild()
        settle_heap()

    async def is_owner(self, user: discord.abc.User) -> bool:
        return user.id in self.config.discord.owner_ids or await super().is_owner(user)

    async def _sync_guild(self) -> None:
        guild_id = self.config.discord.guild_id
        if guild_id is None:
            return
        guild = discord.Object(id=guild_id)
        self.tree.copy_global_to(guild=guild)
        synced = await self.tree.sync(guild=guild)
        log.info("synced %d slash commands to guild %s", len(synced), guild_id)

    async def in_engine_thread(self, func: Callable, *args: object):
        return await asyncio.get_running_loop().run_in_executor(self.engine_executor, func, *args)

    async def answer(self, name: str, argument: str = "") -> Answer:
        assert self.dispatcher is not None, "answer() before setup_hook"
        return await self.in_engine_thread(self.dispatcher.run, name, argument)

    async def swap_engine(self, engine: Engine) -> None:
        """Replace the engine in one assignment: a query sees the old engine or the new, never half of one."""
        self.dispatcher = Dispatcher(engine)
        settle_heap()
        for hook in list(self.engine_hooks):  # awaited, so a reload is complete when swap_engine returns
            await hook(engine)

    @property
    def engine(self) -> Engine | None:
        return self.dispatcher.ctx.engine if self.dispatcher else None

    async def close(self) -> None:
        await super().close()
        await self.health.stop()
        if self.http_session:
            await self.http_session.close()
        await close_ingest(self.ingest)
        self.engine_executor.shutdown(wait=False, cancel_futures=True)
