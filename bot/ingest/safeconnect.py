"""Connect-time enforcement of the address policy, so DNS rebinding cannot slip past :func:`check_url`.

:class:`SafeResolver` re-checks every address aiohttp resolves for a host name, right before it
connects. IP literals never reach a resolver, but they cannot change between :func:`check_url` and the
connection (both use the same parsed URL). Sessions not made by :func:`safe_session` lack this layer.
"""

from __future__ import annotations

import socket

import aiohttp
from aiohttp.abc import AbstractResolver, ResolveResult

from bot.ingest.urlsafety import Allowlist, ensure_ip_allowed, parse_ip

USER_AGENT = "policybot-ingest/0.1 (knowledge-base fetcher)"


class SafeResolver(AbstractResolver):
    """Wrap another resolver and refuse (FetchRefused) any host that resolves to a non-public address."""

    def __init__(self, allow: Allowlist, inner: AbstractResolver | None = None) -> None:
        self._allow = allow
        self._inner = inner or aiohttp.ThreadedResolver()

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        results = await self._inner.resolve(host, port, family)
        for result in results:
            ip = parse_ip(result["host"])
            if ip is None:
                raise OSError(f"resolver returned a non-address for {host}")
            ensure_ip_allowed(ip, self._allow, host=host)
        return results

    async def close(self) -> None:
        await self._inner.close()


def safe_session(
    allow: Allowlist,
    *,
    resolver: AbstractResolver | None = None,
    user_agent: str = USER_AGENT,
    max_connections: int = 10,
    trace_configs: list[aiohttp.TraceConfig] | None = None,
) -> aiohttp.ClientSession:
    """The one shared session for fetching: safe resolver, no proxies from the environment, no cookies.

    Must be called with an event loop running; close it on shutdown.
    """
    connector = aiohttp.TCPConnector(resolver=SafeResolver(allow, resolver), limit=max_connections, ttl_dns_cache=60)
    return aiohttp.ClientSession(
        connector=connector,
        trust_env=False,
        cookie_jar=aiohttp.DummyCookieJar(),
        headers={"User-Agent": user_agent},
        trace_configs=trace_configs,
    )
