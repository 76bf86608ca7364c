"""FakeDiscord: the loopback server (REST + gateway) and the API tests use to drive and inspect it."""

from __future__ import annotations

import socket
from collections.abc import Callable
from types import TracebackType

from aiohttp import web

from .capture import API_PREFIX, CapturedRequest
from .constants import PRIVILEGED_INTENTS, MessageFlag, Op
from .faults import Fault, FaultInjector
from .gateway import GATEWAY_PATH, Gateway
from .injection import EventInjection
from .interactions import InteractionCallback, InteractionRecord
from .journal import Journal, SentMessage
from .objects import FakeChannel, FakeGuild, FakeUser, Payload
from .rest import RestContext, create_app
from .routes_core import CoreRoutes
from .routes_interactions import InteractionRoutes
from .routes_messages import MessageRoutes
from .sessions import GatewaySession
from .state import FakeState
from .waiting import Changes

InteractionRef = InteractionRecord | str


class FakeDiscord(EventInjection):
    def __init__(
        self,
        *,
        token: str = "fake",
        heartbeat_interval_ms: int = 41_250,
        compress: bool = True,
        interaction_deadline: float = 3.0,
        allowed_privileged_intents: int = PRIVILEGED_INTENTS,
    ) -> None:
        self.changes = Changes()
        self.state = FakeState(token=token)
        self.journal = Journal()
        self.faults = FaultInjector()
        self.gateway = Gateway(
            self.state,
            self.changes,
            heartbeat_interval_ms=heartbeat_interval_ms,
            compress=compress,
            allowed_privileged_intents=allowed_privileged_intents,
        )
        self.rest = RestContext(
            self.state,
            self.gateway,
            self.journal,
            self.faults,
            self.changes,
            interaction_deadline=interaction_deadline,
        )
        self._runner: web.AppRunner | None = None
        self.port = 0
        self._consumed: set[int] = set()  # indices of sent_messages already returned by wait_for_message

    # -- lifecycle ------------------------------------------------------------------------------

    async def start(self) -> FakeDiscord:
        messages = MessageRoutes(self.rest)
        routes = [
            *CoreRoutes(self.rest).routes(),
            *messages.routes(),
            *InteractionRoutes(self.rest, messages).routes(),
        ]
        self._runner = web.AppRunner(
            create_app(self.rest, routes), handle_signals=False, access_log=None, shutdown_timeout=1.0
        )
        await self._runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        await web.SockSite(self._runner, sock).start()
        self.gateway.base_url = f"ws://127.0.0.1:{self.port}"
        self.state.cdn_base = self.base_url
        return self

    async def close(self) -> None:
        if self._runner is None:
            return
        await self.gateway.close_all()
        await self._runner.cleanup()
        self._runner = None

    async def __aenter__(self) -> FakeDiscord:
        return await self.start()

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_base(self) -> str:
        """What discord.http.Route.BASE must be set to."""
        return self.base_url + API_PREFIX

    @property
    def gateway_url(self) -> str:
        """What DiscordWebSocket.DEFAULT_GATEWAY must be set to (also served by GET /gateway/bot)."""
        return self.gateway.base_url + GATEWAY_PATH

    # -- the world ------------------------------------------------------------------------------

    @property
    def token(self) -> str:
        return self.state.token

    @property
    def application_id(self) -> str:
        return self.state.application_id

    @property
    def bot_user(self) -> FakeUser:
        return self.state.bot_user

    @property
    def user(self) -> FakeUser:
        """A regular guild member with no roles (the default author of injected events)."""
        return self.state.user

    @property
    def admin(self) -> FakeUser:
        """A member with the Admin role; also the guild owner and the application owner."""
        return self.state.admin

    @property
    def guild(self) -> FakeGuild:
        return self.state.guild

    @property
    def general(self) -> FakeChannel:
        return self.state.general

    @property
    def bot_channel(self) -> FakeChannel:
        return self.state.bot_channel

    @property
    def interaction_deadline(self) -> float:
        """Seconds the bot has to answer an interaction before the callback fails with 10062 (3 s)."""
        return self.rest.interaction_deadline

    @interaction_deadline.setter
    def interaction_deadline(self, seconds: float) -> None:
        self.rest.interaction_deadline = seconds

    # -- REST capture ---------------------------------------------------------------------------

    @property
    def requests(self) -> list[CapturedRequest]:
        return self.journal.requests

    @property
    def unhandled_requests(self) -> list[CapturedRequest]:
        """Requests to routes the fake does not implement (answered 404/405)."""
        return self.journal.unhandled

    @property
    def internal_errors(self) -> list[str]:
        """Tracebacks of crashes inside the fake itself."""
        return self.rest.internal_errors

    def requests_to(self, method: str | None = None, path_regex: str | None = None) -> list[CapturedRequest]:
        return self.journal.find_requests(method, path_regex)

    def fail_next(
        self,
        method: str,
        path_regex: str,
        *,
        status: int = 429,
        retry_after: float = 0.3,
        times: int = 1,
        is_global: bool = False,
        reset: bool = False,
        after: bool = False,
    ) -> Fault:
        """Answer the next `times` requests matching method + regex (path after /api/v10) with `status`, or
        with a TCP reset (`reset=True`; `after=True` lets the request take effect first)."""
        return self.faults.add(
            method,
            path_regex,
            status=status,
            retry_after=retry_after,
            times=times,
            is_global=is_global,
            reset=reset,
            after=after,
        )

    async def wait_for_request(
        self,
        method: str | None = None,
        path_regex: str | None = None,
        *,
        timeout: float = 5.0,
        predicate: Callable[[CapturedRequest], bool] | None = None,
        start: int = 0,
    ) -> CapturedRequest:
        """First answered request from index `start` on matching method/path (and predicate)."""

        def check() -> CapturedRequest | None:
            for request in self.journal.find_requests(method, path_regex, start):
                if request.status is not None and (predicate is None or predicate(request)):
                    return request
            return None

        what = f"{method or '*'} {path_regex or '*'} (seen: {self.journal.summary()})"
        return await self.changes.wait_for(check, timeout=timeout, what=what)

    # -- messages the bot created ---------------------------------------------------------------

    @property
    def sent_messages(self) -> list[SentMessage]:
        """Messages the bot made visible: channel sends, interaction responses, followups."""
        return self.journal.sent_messages

    def messages_in(self, channel: FakeChannel | str) -> list[SentMessage]:
        channel_id = channel.id if isinstance(channel, FakeChannel) else str(channel)
        return [m for m in self.journal.sent_messages if m.channel_id == channel_id]

    async def wait_for_message(
        self,
        channel: FakeChannel | str | int | None = None,
        *,
        timeout: float = 5.0,
        predicate: Callable[[SentMessage], bool] | None = None,
    ) -> SentMessage:
        """The next message the bot created (in `channel`, if given) not returned by an earlier call."""
        channel_id = channel.id if isinstance(channel, FakeChannel) else (str(channel) if channel else None)

        def check() -> SentMessage | None:
            for index, sent in enumerate(self.journal.sent_messages):
                if index in self._consumed or (channel_id and sent.channel_id != channel_id):
                    continue
                if predicate is None or predicate(sent):
                    self._consumed.add(index)
                    return sent
            return None

        what = f"a bot message in channel {channel_id or '*'} (seen: {self.journal.summary()})"
        return await self.changes.wait_for(check, timeout=timeout, what=what)

    # -- interactions ---------------------------------------------------------------------------

    @property
    def interaction_callbacks(self) -> list[InteractionCallback]:
        return self.journal.interaction_callbacks

    def _interaction(self, interaction: InteractionRef) -> InteractionRecord:
        key = interaction.id if isinstance(interaction, InteractionRecord) else str(interaction)
        return self.journal.interactions[key]

    async def wait_for_interaction_callback(
        self, interaction: InteractionRef, *, timeout: float = 3.0
    ) -> InteractionCallback:
        record = self._interaction(interaction)
        return await self.changes.wait_for(
            lambda: record.callback, timeout=timeout, what=f"callback for interaction {record.id}"
        )

    async def wait_for_interaction_response(self, interaction: InteractionRef, *, timeout: float = 5.0) -> Payload:
        """The interaction's original response message once it is no longer "thinking" (deferred)."""
        record = self._interaction(interaction)

        def check() -> Payload | None:
            message = self.state.messages.get(str(record.original_message_id))
            if message is None or message.get("flags", 0) & MessageFlag.LOADING:
                return None
            return message

        return await self.changes.wait_for(check, timeout=timeout, what=f"response to interaction {record.id}")

    # -- gateway --------------------------------------------------------------------------------

    @property
    def sessions(self) -> list[GatewaySession]:
        return list(self.gateway.sessions.values())

    @property
    def session(self) -> GatewaySession:
        """The most recently identified session."""
        if not self.gateway.sessions:
            raise LookupError("no client has identified yet")
        return list(self.gateway.sessions.values())[-1]

    @property
    def identifies(self) -> list[Payload]:
        return [f.data for f in self.gateway.received if f.op == Op.IDENTIFY]

    @property
    def resumes(self) -> list[Payload]:
        return [f.data for f in self.gateway.received if f.op == Op.RESUME]

    async def wait_for_identify(self, *, timeout: float = 5.0) -> Payload:
        return await self.changes.wait_for(
            lambda: self.identifies[-1] if self.identifies else None, timeout=timeout, what="IDENTIFY"
        )

    async def wait_until_connected(self, *, timeout: float = 5.0) -> GatewaySession:
        """A session with a live socket has been sent READY (and GUILD_CREATE)."""

        def check() -> GatewaySession | None:
            live = [s for s in self.gateway.sessions.values() if s.connection is not None and s.resumable]
            return live[-1] if live else None

        return await self.changes.wait_for(check, timeout=timeout, what="a connected gateway session")

    async def wait_for_resume(self, *, count: int = 1, timeout: float = 10.0) -> GatewaySession:
        """At least `count` RESUMEs were accepted and the session is live again."""

        def check() -> GatewaySession | None:
            for session in self.gateway.sessions.values():
                resumed = sum(1 for f in session.log if f["t"] == "RESUMED")
                if resumed >= count and session.connection is not None:
                    return session
            return None

        return await self.changes.wait_for(check, timeout=timeout, what=f"{count} RESUMED session(s)")

    async def disconnect(self, code: int = 4000, reason: str = "") -> None:
        """Close the gateway socket(s) with `code`; discord.py resumes for 4000-4003, 4005, 4008, 1000..."""
        await self.gateway.disconnect(code, reason)

    def drop_connection(self) -> None:
        """Abort the gateway TCP connection(s) without a close frame (network failure)."""
        self.gateway.drop()

    async def request_reconnect(self) -> None:
        """Send op 7 RECONNECT: the client closes and resumes."""
        await self.gateway.send_op(Op.RECONNECT)

    async def invalidate_session(self, *, resumable: bool = False) -> None:
        """Send op 9 INVALID_SESSION; with resumable=False discord.py re-IDENTIFIES (after a 5 s sleep)."""
        await self.gateway.invalidate_session(resumable=resumable)

    async def dispatch(self, event: str, data: Payload) -> int:
        """Escape hatch: dispatch any gateway event to every session."""
        return await self.gateway.dispatch(event, data)

    def __repr__(self) -> str:
        sessions, requests = len(self.gateway.sessions), len(self.requests)
        return f"<FakeDiscord {self.base_url} sessions={sessions} requests={requests}>"
