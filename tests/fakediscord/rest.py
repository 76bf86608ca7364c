"""The aiohttp application: capture every API request, inject failures, check auth, route, 404 the rest."""

from __future__ import annotations

import logging
import socket
import struct
import traceback
from collections.abc import Awaitable, Callable

from aiohttp import web

from . import responses
from .capture import API_PREFIX, CapturedRequest, capture
from .faults import FaultInjector
from .gateway import GATEWAY_PATH, RESUME_PATH, Gateway
from .journal import Journal
from .messages import gateway_message
from .objects import Payload
from .state import FakeState
from .waiting import Changes

log = logging.getLogger("fakediscord.rest")
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
CAPTURED = web.RequestKey("captured", CapturedRequest)
TOKEN_AUTHENTICATED = ("/interactions/", "/webhooks/", "/gateway")


class ConnectionReset(Exception):
    """Raised by a reset fault: the middleware aborts the connection with RST instead of answering."""


def reset_connection(request: web.Request) -> None:
    transport = request.transport
    if transport is None:
        return
    sock = transport.get_extra_info("socket")
    if sock is not None:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # close → RST
    transport.abort()


class RestContext:
    """What every route handler needs; one per fake server."""

    def __init__(
        self,
        state: FakeState,
        gateway: Gateway,
        journal: Journal,
        faults: FaultInjector,
        changes: Changes,
        *,
        interaction_deadline: float = 3.0,
    ) -> None:
        self.state = state
        self.gateway = gateway
        self.journal = journal
        self.faults = faults
        self.changes = changes
        self.interaction_deadline = interaction_deadline
        self.internal_errors: list[str] = []

    @staticmethod
    def captured(request: web.Request) -> CapturedRequest:
        return request[CAPTURED]

    async def dispatch_message(self, event: str, message: Payload) -> None:
        """MESSAGE_CREATE / MESSAGE_UPDATE to every session, filtered and blanked per its intents."""
        if message.get("flags", 0) & 64:  # ephemeral messages never reach the gateway
            return
        await self.gateway.dispatch(event, view=lambda s: gateway_message(self.state, message, s.intents))

    async def handle(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        cap = self.captured(request)
        fault = self.faults.take(cap.method, cap.path)
        if fault is not None:
            cap.injected_failure = True
            if fault.reset:
                if fault.after:
                    await handler(request)
                raise ConnectionReset
            return fault.response(cap.route)
        unmatched = request.match_info.http_exception
        if unmatched is not None:
            self.journal.unhandled.append(cap)
            log.warning("fake discord has no route for %s %s", cap.method, cap.path)
            return responses.error(unmatched.status, 0, f"{unmatched.status}: {unmatched.reason}")
        if cap.body_error is not None:
            return responses.error(400, responses.INVALID_JSON, "The request body contains invalid JSON.")
        authorized = cap.headers.get("Authorization") == f"Bot {self.state.token}"
        if not authorized and not cap.path.startswith(TOKEN_AUTHENTICATED):
            return responses.error(401, 0, "401: Unauthorized")
        try:
            return await handler(request)
        except Exception:  # a bug in the fake: fail fast (400, never retried) and report at teardown
            self.internal_errors.append(traceback.format_exc())
            log.exception("fake discord crashed on %s %s", cap.method, cap.path)
            return responses.error(400, 0, "fake discord internal error (see test log)")


def create_app(ctx: RestContext, routes: list[web.RouteDef]) -> web.Application:
    @web.middleware
    async def capture_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        if not request.path.startswith(API_PREFIX + "/"):
            return await handler(request)
        cap = await capture(request)
        request[CAPTURED] = cap
        ctx.journal.requests.append(cap)
        try:
            response = await ctx.handle(request, handler)
        except ConnectionReset:
            reset_connection(request)
            ctx.changes.notify()
            raise web.HTTPServiceUnavailable() from None  # never sent: the connection is gone
        # Flush before recording, so waiting tests resume only once the client can read the answer.
        await response.prepare(request)
        await response.write_eof()
        cap.status = response.status
        ctx.changes.notify()
        return response

    app = web.Application(middlewares=[capture_middleware])
    app.router.add_routes(routes)
    app.router.add_get(GATEWAY_PATH, ctx.gateway.handle)
    app.router.add_get(RESUME_PATH, ctx.gateway.handle)
    return app
