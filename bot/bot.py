"""The Discord client: loads config and knowledge in setup_hook, then the cogs and the health server."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import aiohttp
import discord
from discord import app_commands
from discord.ext import commands

from bot.answers.model import Answer
from bot.commands.dispatcher import Dispatcher
from bot.config import Config
from bot.engine import Engine
from bot.health import HealthServer
from bot.ingest import IngestContext
from bot.knowledge.rebuild import Rebuilds
from bot.knowledge.reloader import Reloader
from bot.living import close_ingest, open_ingest
from bot.paths import resolve
from bot.utils.checks import Gate
from bot.utils.inflight import InFlight

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
DRAIN_SECONDS = 4.0  # in-flight commands get this long after SIGTERM; closing takes the rest of a host's 5 s
RESTARTING = "The bot is restarting; ask again in a minute."


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


class AdmittingTree(app_commands.CommandTree):
    """Application commands are admitted like messages: none is taken once a shutdown has begun."""

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:
        inflight: InFlight = self.client.inflight  # type: ignore[attr-defined]
        if inflight.admit():
            return True
        if interaction.type is discord.InteractionType.application_command:
            inflight.join()
            with contextlib.suppress(discord.HTTPException):
                await interaction.response.send_message(RESTARTING, ephemeral=True)
        return False


class PolicyBot(commands.Bot):
    def __init__(
        self,
        config: Config,
        load_engine: Callable[[], Engine],
        health_port: int | None = None,
        data_dir: Path | None = None,
        *,
        knowledge_dir: Path | None = None,
        rebuild_in_child: bool = False,
    ) -> None:
        prefix = config.settings.prefix
        super().__init__(
            command_prefix=commands.when_mentioned_or(prefix),
            intents=intents_for(config),
            allowed_mentions=discord.AllowedMentions.none(),
            help_command=None,
            case_insensitive=True,
            strip_after_prefix=True,
            tree_cls=AdmittingTree,
        )
        self.config = config
        self.data_dir = data_dir
        # PyStemmer objects are not thread-safe: every query runs on this one worker thread. Rebuilds never
        # do (bot.knowledge.rebuild): they make their own engine, with its own analyser, elsewhere.
        self.engine_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="engine")
        self.inflight = InFlight()
        self.dispatcher: Dispatcher | None = None
        self.http_session: aiohttp.ClientSession | None = None
        self.health = HealthServer(self, health_port)
        self.engine_hooks: list[Callable[[Engine], Awaitable[None]]] = []  # run after every engine swap
        self.knowledge_dir = knowledge_dir  # None: no watching, !add or feeds
        self.ingest: IngestContext | None = None  # the one ingest session, opened in setup_hook
        self.rebuilds: Rebuilds[Engine] = Rebuilds(load_engine, in_child=rebuild_in_child)
        self.reloader: Reloader[Engine] = Reloader(self.rebuilds.build, self.swap_engine)
        self.gate = Gate(config.discord)

    @property
    def load_engine(self) -> Callable[[], Engine]:
        return self.rebuilds.load

    @load_engine.setter
    def load_engine(self, value: Callable[[], Engine]) -> None:
        self.rebuilds.load = value

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

    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot or not self.inflight.admit():
            return
        await self.process_commands(message)

    async def shut_down(self, timeout: float = DRAIN_SECONDS) -> None:
        """SIGTERM: take no new command, abandon any rebuild, let in-flight commands finish (within
        `timeout`), then close."""
        loop = asyncio.get_running_loop()
        started = loop.time()
        self.rebuilds.abandon()
        cancelled = await self.inflight.drain(timeout)
        log.info(
            "shutdown: in-flight commands finished in %.2f s (%d cancelled; %d messages after SIGTERM not taken)",
            loop.time() - started,
            cancelled,
            self.inflight.turned_away,
        )
        await self.close()

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
        self.rebuilds.abandon()
        await super().close()
        await self.health.stop()
        if self.http_session:
            await self.http_session.close()
        await close_ingest(self.ingest)
        self.engine_executor.shutdown(wait=False, cancel_futures=True)
