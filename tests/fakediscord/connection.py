"""One gateway websocket: ordered sends, optional zlib-stream transport compression."""

from __future__ import annotations

import asyncio
import json
import zlib
from typing import TYPE_CHECKING

from aiohttp import web

from .objects import Payload

if TYPE_CHECKING:
    from .sessions import GatewaySession


class GatewayConnection:
    def __init__(self, ws: web.WebSocketResponse, request: web.Request, *, compress: bool) -> None:
        self.ws = ws
        self.request = request
        self.path = request.path
        self.query = dict(request.query)
        self.session: GatewaySession | None = None
        self.closed_by_server = False
        self.lock = asyncio.Lock()  # keeps frames in sequence order and zlib state consistent
        # Discord's zlib-stream: one deflate context per connection, each frame ends in a SYNC_FLUSH.
        self._zlib = zlib.compressobj() if compress else None

    @property
    def compressed(self) -> bool:
        return self._zlib is not None

    async def send(self, frame: Payload) -> None:
        async with self.lock:
            await self.send_unlocked(frame)

    async def send_unlocked(self, frame: Payload) -> None:
        if self.ws.closed:
            return
        raw = json.dumps(frame, separators=(",", ":"))
        try:
            if self._zlib is None:
                await self.ws.send_str(raw)
            else:
                chunk = self._zlib.compress(raw.encode()) + self._zlib.flush(zlib.Z_SYNC_FLUSH)
                await self.ws.send_bytes(chunk)
        except (ConnectionError, RuntimeError):
            pass  # the socket went away under us; the client will resume and get a replay

    async def close(self, code: int, reason: str = "") -> None:
        self.closed_by_server = True
        await self.ws.close(code=code, message=reason.encode())

    def abort(self) -> None:
        """Drop the TCP connection without a close frame, like a network failure."""
        self.closed_by_server = True
        transport = self.request.transport
        if transport is not None:
            transport.abort()
