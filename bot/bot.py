"""The Discord client: loads config and knowledge in setup_hook, then the cogs and the health server."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path

import aiohttp
import discord
from discord import app_commands
from discord.ext import commands

from bot.answers.model import Answer
from bot.commands.dispatcher import Dispatcher
from bot.commands.registry import Frontend
from bot.config import Config
from bot.engine import Engine
from bot.health import HealthServer
from bot.ingest import IngestContext
from bot.knowledge.reloader import Reloader
from bot.runtime import Runtime, settle_heap
from bot.utils.checks import Gate
from bot.utils.inflight import InFlight

log = logging.getLogger(__name__)

discord.VoiceClient.warn_nacl = False  # a text-only bot: no voice, so no "PyNaCl is not installed" warning
if hasattr(discord.VoiceClient, "warn_dave"):
    discord.VoiceClient.warn_dave = False

EXTENSIONS = (
    "bot.exts.core.errors",
    "bot.exts.core.checks",
    "bot.exts.core.commands",  # every command of the registry, generated
    "bot.exts.knowledge.find_source",
    "bot.exts.digest.digest",
    "bot.exts.knowledge.watcher",
    "bot.exts.knowledge.feeds",
)
DRAIN_SECONDS = 4.0  # in-flight commands get this long after SIGTERM; closing takes the rest of a host's 5 s
RESTARTING = "The bot is restarting; ask again in a minute."


def intents_for(config: Config) -> discord.Intents:
    intents = discord.Intents.default()
    intents.message_content = config.discord.message_content_intent
    return intents


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
        # engine, door, dispatcher, state, digest, ingest and reloads: the same runtime as the local chat
        self.runtime = Runtime(
            config,
            load_engine,
            frontend=Frontend.DISCORD,
            knowledge_dir=knowledge_dir,
            data_dir=data_dir,
            rebuild_in_child=rebuild_in_child,
        )
        self.inflight = InFlight()  # the commands being answered, for a graceful shutdown
        self.runtime.publish_commands = self._publish_commands
        self.http_session: aiohttp.ClientSession | None = None
        self.health = HealthServer(self, health_port)
        self.ingest: IngestContext | None = None  # the one ingest session, opened in setup_hook
        self.gate = Gate(config.discord)

    async def setup_hook(self) -> None:
        self.http_session = aiohttp.ClientSession()
        await self.health.start()
        await self.runtime.start()
        self.ingest = await self.runtime.ingest()
        for extension in EXTENSIONS:
            await self.load_extension(extension)
        await self._sync_guild()
        settle_heap()  # again: the extensions' objects are long-lived too

    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot or not self.inflight.admit():
            return
        await self.process_commands(message)

    async def shut_down(self, timeout: float = DRAIN_SECONDS) -> None:
        """SIGTERM: take no new command, abandon any rebuild, let in-flight commands finish (within
        `timeout`), then close."""
        loop = asyncio.get_running_loop()
        started = loop.time()
        self.runtime.rebuilds.abandon()
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

    async def _publish_commands(self) -> int:
        return len(await self.tree.sync())

    async def in_engine_thread(self, func: Callable, *args: object):
        """The engine door (Runtime.door): every engine call from async code goes through it."""
        return await self.runtime.door(func, *args)

    async def answer(self, name: str, argument: str = "") -> Answer:
        """An engine command's answer, as the bot itself (tests and internal use)."""
        assert self.dispatcher is not None, "answer() before setup_hook"
        return await self.in_engine_thread(self.dispatcher.run, name, argument)

    @property
    def dispatcher(self) -> Dispatcher | None:
        return self.runtime.dispatcher

    @property
    def engine(self) -> Engine | None:
        return self.runtime.dispatcher.engine if self.runtime.dispatcher else None

    @property
    def reloader(self) -> Reloader[Engine]:
        return self.runtime.reloader

    @property
    def engine_hooks(self) -> list[Callable[[Engine], Awaitable[None]]]:
        return self.runtime.engine_hooks

    @property
    def load_engine(self) -> Callable[[], Engine]:
        return self.runtime.load_engine

    @load_engine.setter
    def load_engine(self, load: Callable[[], Engine]) -> None:
        self.runtime.load_engine = load

    @property
    def knowledge_dir(self) -> Path | None:
        return self.runtime.knowledge_dir

    @property
    def data_dir(self) -> Path:
        return self.runtime.data_dir

    async def close(self) -> None:
        self.runtime.rebuilds.abandon()
        await super().close()
        await self.health.stop()
        if self.http_session:
            await self.http_session.close()
        await self.runtime.close()
