"""GET /healthz: 200 with gateway state and what is loaded once ready, 503 before."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from aiohttp import web

if TYPE_CHECKING:
    from bot.bot import PolicyBot

log = logging.getLogger(__name__)


class HealthServer:
    def __init__(self, bot: PolicyBot, port: int | None, host: str = "0.0.0.0") -> None:
        self.bot = bot
        self.port = port
        self.host = host
        self._runner: web.AppRunner | None = None

    def status(self) -> tuple[int, dict[str, object]]:
        bot = self.bot
        engine = bot.engine
        ready = bot.is_ready() and engine is not None
        body: dict[str, object] = {
            "status": "ready" if ready else "starting",
            "gateway": "closed" if bot.is_closed() else ("connected" if bot.is_ready() else "connecting"),
            "latency_ms": round(bot.latency * 1000, 1) if bot.is_ready() and bot.latency == bot.latency else None,
            "documents": engine.stats.documents if engine else 0,
            "passages": engine.stats.passages if engine else 0,
        }
        return (200 if ready else 503), body

    async def _handle(self, _request: web.Request) -> web.Response:
        code, body = self.status()
        return web.json_response(body, status=code)

    async def start(self) -> None:
        if self.port is None:
            return
        app = web.Application()
        app.router.add_get("/healthz", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, self.host, self.port).start()
        log.info("health check on http://%s:%d/healthz", self.host, self.port)

    async def stop(self) -> None:
        if self._runner:
            await self._runner.cleanup()
            self._runner = None
