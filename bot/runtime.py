"""What every front end runs on, built one way: config, the engine behind one door, the dispatcher, the
state database, the digest service, ingest (opened on first use) and reloads. Imports nothing from Discord.

The Discord bot (bot.bot.PolicyBot) and the local chat (bot.frontends.console) each own one Runtime.
"""

from __future__ import annotations

import datetime as dt
import gc
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.answers.model import Answer
from bot.commands.builtins import build_registry
from bot.commands.dispatcher import Dispatcher
from bot.commands.failure import failure_answer
from bot.commands.registry import Frontend
from bot.commands.request import CONSOLE, Caller, Invocation, Request
from bot.config import Config
from bot.digest import DigestService, load_digest_config
from bot.door import EngineDoor
from bot.engine import Engine
from bot.environment import database_url
from bot.knowledge.rebuild import Rebuilds
from bot.knowledge.reloader import Reloader
from bot.paths import resolve
from bot.state import StateDB, open_state
from bot.state.restore import restore_documents

if TYPE_CHECKING:
    from bot.ingest import IngestContext

log = logging.getLogger(__name__)


def settle_heap() -> None:
    """Move what is loaded now (libraries, config, the index) out of the garbage collector's sight.

    Otherwise every full collection walks those long-lived objects on the event loop's thread:
    100+ ms pauses under a burst of commands. Later garbage is still collected as usual.
    """
    gc.unfreeze()  # what an earlier call froze (an engine replaced by a reload) may be garbage now
    gc.collect()
    gc.freeze()


async def _no_send(_channel_id: int, _answers: list[Answer]) -> list[int]:
    raise RuntimeError("posting a digest needs Discord")


class Runtime:
    def __init__(
        self,
        config: Config,
        load_engine: Callable[[], Engine],
        *,
        frontend: Frontend,
        knowledge_dir: Path | None = None,
        data_dir: Path | None = None,
        rebuild_in_child: bool = False,
    ) -> None:
        self.config = config
        # A rebuild never goes through the door (it would hold every query): see bot.knowledge.rebuild.
        self.rebuilds: Rebuilds[Engine] = Rebuilds(load_engine, in_child=rebuild_in_child)
        self.frontend = frontend
        self.knowledge_dir = knowledge_dir  # None: no watching, !add or feeds
        self.data_dir = data_dir or resolve("data")
        self.registry = build_registry(config)  # a topic command that takes a built-in's name: ConfigError
        self.door = EngineDoor()
        self.dispatcher: Dispatcher | None = None
        self.engine_hooks: list[Callable[[Engine], Awaitable[None]]] = []  # run after every engine swap
        self.reloader: Reloader[Engine] = Reloader(self.rebuilds.build, self.swap_engine)
        self.state: StateDB | None = None
        self.digest: DigestService | None = None
        self.publish_commands: Callable[[], Awaitable[int]] | None = None
        self._ingest: IngestContext | None = None

    async def start(self) -> None:
        self.state = await self.door(open_state, self.data_dir, database_url())
        log.info("state database: %s", self.state.where)
        if self.knowledge_dir is not None:  # documents added with !add come back before the index is built
            await self.door(restore_documents, self.state.documents, self.knowledge_dir)
        engine = await self.door(self.load_engine)
        self.dispatcher = Dispatcher(engine, self.registry)
        digest_config = load_digest_config(self.config.folder, engine.config)
        self.digest = DigestService(engine, digest_config, self.state, _no_send, door=self.door)
        await self.digest.engine_loaded(engine, dt.datetime.now(UTC))
        self.engine_hooks.append(self._digest_sees)
        settle_heap()

    async def _digest_sees(self, engine: Engine) -> None:
        """Record the new engine's documents as seen, so the next digest knows what is new."""
        assert self.digest is not None
        await self.digest.engine_loaded(engine, dt.datetime.now(UTC))

    @property
    def load_engine(self) -> Callable[[], Engine]:
        return self.rebuilds.load

    @load_engine.setter
    def load_engine(self, load: Callable[[], Engine]) -> None:
        self.rebuilds.load = load

    @property
    def engine(self) -> Engine:
        assert self.dispatcher is not None, "the runtime has not started"
        return self.dispatcher.engine

    async def call(self, func: Callable[..., Any], *args: Any) -> Any:
        return await self.door(func, *args)

    async def swap_engine(self, engine: Engine) -> None:
        """Replace the engine in one assignment: a query sees the old engine or the new, never half of one."""
        self.dispatcher = Dispatcher(engine, self.registry)
        settle_heap()
        for hook in list(self.engine_hooks):  # awaited, so a reload is complete when swap_engine returns
            await hook(engine)

    async def reload(self, reason: str) -> Engine:
        return await self.reloader.reload(reason)

    async def ingest(self) -> IngestContext | None:
        if self._ingest is None and self.knowledge_dir is not None:
            from bot.living import open_ingest  # aiohttp, trafilatura, pypdf: only when something is added

            assert self.state is not None
            self._ingest = await open_ingest(self.config, self.knowledge_dir, self.state)
        return self._ingest

    async def dispatch(self, request: Request) -> list[Answer]:
        """Every command from every front end comes through here."""
        dispatcher = self.dispatcher
        assert dispatcher is not None, "the runtime has not started"
        resolved = dispatcher.resolve(request)
        if isinstance(resolved, Answer):
            return [resolved]
        if resolved.spec.handler is not None:
            return [await self.door(dispatcher.execute, resolved, request)]
        try:
            reply = await resolved.spec.action(Invocation(request, resolved.text, self))
        except Exception as exc:
            return [failure_answer(resolved.spec.qualified, exc)]
        return reply if isinstance(reply, list) else [reply]

    async def handle(self, message: str, caller: Caller = CONSOLE) -> list[Answer]:
        """A message as typed in the local chat (a bare question is `!ask`)."""
        assert self.dispatcher is not None, "the runtime has not started"
        request = self.dispatcher.request(message, caller, self.frontend)
        return [request] if isinstance(request, Answer) else await self.dispatch(request)

    async def close(self) -> None:
        self.rebuilds.abandon()
        if self._ingest is not None and not self._ingest.session.closed:
            await self._ingest.session.close()
        self.door.close()
        if self.state is not None:
            self.state.close()
