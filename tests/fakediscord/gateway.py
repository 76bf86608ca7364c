"""The gateway: HELLO, IDENTIFY -> READY + GUILD_CREATE, heartbeats, RESUME with replay, disconnects."""

from __future__ import annotations

import copy
import json
import logging
import uuid
from collections.abc import Callable

from aiohttp import WSMsgType, web

from .connection import GatewayConnection
from .constants import NON_RESUMABLE_CLOSE_CODES, PRIVILEGED_INTENTS, Intent, Op
from .objects import Payload
from .sessions import GatewaySession, ReceivedFrame
from .state import FakeState
from .waiting import Changes

log = logging.getLogger("fakediscord.gateway")
GATEWAY_PATH = "/gateway"
RESUME_PATH = "/gateway/resume"
SessionView = Callable[[GatewaySession], Payload | None]


class Gateway:
    def __init__(
        self,
        state: FakeState,
        changes: Changes,
        *,
        heartbeat_interval_ms: int = 41_250,
        compress: bool = True,
        allowed_privileged_intents: int = PRIVILEGED_INTENTS,
    ) -> None:
        self.state = state
        self.changes = changes
        self.heartbeat_interval_ms = heartbeat_interval_ms
        self.compress = compress  # honour ?compress=zlib-stream like Discord (else plain text frames)
        self.allowed_privileged_intents = allowed_privileged_intents
        self.base_url = ""  # ws://127.0.0.1:PORT, set once the server listens
        self.sessions: dict[str, GatewaySession] = {}
        self.connections: list[GatewayConnection] = []
        self.received: list[ReceivedFrame] = []
        self.closed_codes: list[int | None] = []  # close code of each finished connection

    # -- the websocket endpoint -----------------------------------------------------------------

    async def handle(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(max_msg_size=0)
        await ws.prepare(request)
        compress = self.compress and request.query.get("compress") == "zlib-stream"
        conn = GatewayConnection(ws, request, compress=compress)
        self.connections.append(conn)
        hello = {"heartbeat_interval": self.heartbeat_interval_ms, "_trace": ["fake-gateway"]}
        await conn.send({"op": Op.HELLO, "d": hello, "s": None, "t": None})
        try:
            async for msg in ws:
                try:
                    frame = json.loads(msg.data) if msg.type is WSMsgType.TEXT else None
                except ValueError:
                    frame = None
                if not isinstance(frame, dict):
                    log.warning("undecodable gateway frame %r", msg.data)
                    await conn.close(4002, "Decode error.")
                    break
                await self._on_frame(conn, frame)
        finally:
            self._on_closed(conn)
        return ws

    def _on_closed(self, conn: GatewayConnection) -> None:
        self.connections.remove(conn)
        self.closed_codes.append(conn.ws.close_code)
        session = conn.session
        if session is not None and session.connection is conn:
            session.connection = None
            # A client that closes with 1000/1001 ends its session; anything else may RESUME.
            if not conn.closed_by_server and conn.ws.close_code in (1000, 1001):
                session.resumable = False
        self.changes.notify()

    async def _on_frame(self, conn: GatewayConnection, frame: Payload) -> None:
        op, data = frame.get("op"), frame.get("d")
        session_id = conn.session.session_id if conn.session else None
        self.received.append(ReceivedFrame(op, data, conn.path, session_id))
        self.changes.notify()
        if op == Op.HEARTBEAT:
            await conn.send({"op": Op.HEARTBEAT_ACK})
        elif op == Op.IDENTIFY:
            await self._identify(conn, data)
        elif op == Op.RESUME:
            await self._resume(conn, data)
        elif op == Op.REQUEST_GUILD_MEMBERS:
            await self._members_chunk(conn, data)
        elif op == Op.PRESENCE_UPDATE:
            pass
        else:
            log.warning("unknown gateway opcode %s", op)
            await conn.close(4001, "Unknown opcode.")

    # -- handshake ------------------------------------------------------------------------------

    async def _identify(self, conn: GatewayConnection, data: Payload) -> None:
        if conn.session is not None:
            return await conn.close(4005, "Already authenticated.")
        if data.get("token") != self.state.token:
            return await conn.close(4004, "Authentication failed.")
        intents = data.get("intents")
        if not isinstance(intents, int):
            return await conn.close(4013, "Invalid intent(s).")
        if intents & PRIVILEGED_INTENTS & ~self.allowed_privileged_intents:
            return await conn.close(4014, "Disallowed intent(s).")
        session = GatewaySession(uuid.uuid4().hex, intents, data)
        self.sessions[session.session_id] = session
        conn.session, session.connection = session, conn
        async with conn.lock:
            await conn.send_unlocked(session.next_frame("READY", self._ready(session)))
            if self._shard_has_guild(data.get("shard")):
                await conn.send_unlocked(session.next_frame("GUILD_CREATE", self._guild_create(intents)))
        self.changes.notify()

    def _ready(self, session: GatewaySession) -> Payload:
        ready: Payload = {
            "v": 10,
            "user": self.state.bot_user_payload(),
            "session_id": session.session_id,
            "session_type": "normal",
            "resume_gateway_url": self.base_url + RESUME_PATH,
            "guilds": [{"id": self.state.guild.id, "unavailable": True}],
            "application": {"id": self.state.application_id, "flags": self.state.application_flags},
            "private_channels": [],
            "relationships": [],
            "presences": [],
            "guild_join_requests": [],
            "geo_ordered_rtc_regions": ["fake"],
            "user_settings": {},
            "auth": {},
            "_trace": ["fake-gateway"],
        }
        if shard := session.identify.get("shard"):
            ready["shard"] = shard
        return ready

    def _shard_has_guild(self, shard: list[int] | None) -> bool:
        if not shard:
            return True
        shard_id, count = shard
        return (int(self.state.guild.id) >> 22) % count == shard_id

    def _guild_create(self, intents: int) -> Payload:
        guild = self.state.guild
        members = list(guild.members.values())
        if not intents & Intent.GUILD_MEMBERS:  # then Discord only sends the bot's own member
            members = [m for m in members if m.user.id == self.state.bot_user.id]
        return guild.payload(members=members, joined_at=guild.members[self.state.bot_user.id].joined_at)

    async def _resume(self, conn: GatewayConnection, data: Payload) -> None:
        if data.get("token") != self.state.token:
            return await conn.close(4004, "Authentication failed.")
        session = self.sessions.get(str(data.get("session_id")))
        if session is None or not session.resumable:
            return await conn.send({"op": Op.INVALID_SESSION, "d": False})
        seq = data.get("seq") or 0
        if seq > session.seq:
            return await conn.close(4007, "Invalid seq.")
        old = session.connection
        async with conn.lock:
            missed = session.missed_since(seq)
            resumed = session.next_frame("RESUMED", {"_trace": ["fake-gateway"]})
            conn.session, session.connection = session, conn
            for frame in [*missed, resumed]:
                await conn.send_unlocked(frame)
        if old is not None and old is not conn:
            old.session = None
            await old.close(4000, "Session resumed elsewhere.")
        self.changes.notify()

    async def _members_chunk(self, conn: GatewayConnection, data: Payload) -> None:
        if conn.session is None:
            return await conn.close(4003, "Not authenticated.")
        query = (data.get("query") or "").lower()
        wanted = {str(u) for u in data.get("user_ids") or []}

        def selected(user_id: str, username: str) -> bool:
            return user_id in wanted if wanted else username.lower().startswith(query)

        members = [m.payload() for m in self.state.guild.members.values() if selected(m.user.id, m.user.username)]
        limit = data.get("limit") or 0
        chunk = {
            "guild_id": self.state.guild.id,
            "members": members[:limit] if limit else members,
            "chunk_index": 0,
            "chunk_count": 1,
            "not_found": [],
        }
        if "nonce" in data:
            chunk["nonce"] = data["nonce"]
        await conn.send(conn.session.next_frame("GUILD_MEMBERS_CHUNK", chunk))

    # -- driving the client ---------------------------------------------------------------------

    async def dispatch(self, event: str, data: Payload | None = None, *, view: SessionView | None = None) -> int:
        """Send an event to every live session (queued for RESUME while disconnected); returns the count."""
        delivered = 0
        for session in list(self.sessions.values()):
            if not session.resumable:
                continue
            d = view(session) if view is not None else copy.deepcopy(data)
            if d is None:
                continue
            frame = session.next_frame(event, d)
            delivered += 1
            if session.connection is not None:
                await session.connection.send(frame)
        self.changes.notify()
        return delivered

    async def disconnect(self, code: int = 4000, reason: str = "") -> None:
        """Close every live gateway socket with `code`; the client resumes unless the code forbids it."""
        for conn in list(self.connections):
            if conn.session is not None and code in NON_RESUMABLE_CLOSE_CODES:
                conn.session.resumable = False
            await conn.close(code, reason)

    def drop(self) -> None:
        """Abort every live gateway TCP connection without a close frame."""
        for conn in list(self.connections):
            conn.abort()

    async def send_op(self, op: int, data: object = None) -> None:
        for conn in list(self.connections):
            await conn.send({"op": op, "d": data, "s": None, "t": None})

    async def invalidate_session(self, *, resumable: bool = False) -> None:
        for conn in list(self.connections):
            if conn.session is not None and not resumable:
                conn.session.resumable = False
        await self.send_op(Op.INVALID_SESSION, resumable)

    async def close_all(self) -> None:
        for conn in list(self.connections):
            await conn.close(1001, "Server shutting down.")
