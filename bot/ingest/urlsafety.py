"""Decide whether a URL may be fetched: scheme, credentials and the addresses its host resolves to.

Only public unicast addresses are fetched (the rule and its tables are in :mod:`bot.ingest.ip_policy`). The one way
around that is an explicit :class:`Allowlist` of host names and/or networks (for example ``["127.0.0.1"]`` in tests).
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass

from yarl import URL

from bot.ingest.errors import FetchFailed, FetchRefused
from bot.ingest.ip_policy import IPAddress, address_problem, embedded_ipv4

__all__ = ["Allowlist", "address_problem", "check_url", "ensure_ip_allowed", "parse_http_url", "parse_ip"]

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
Resolve = Callable[[str, int], Awaitable[list[str]]]

ALLOWED_SCHEMES = frozenset({"http", "https"})


@dataclass(frozen=True)
class Allowlist:
    """Hosts and networks that may be fetched even though they are not public."""

    hosts: frozenset[str] = frozenset()
    networks: tuple[IPNetwork, ...] = ()

    @classmethod
    def parse(cls, entries: Iterable[str]) -> Allowlist:
        """Build from strings: IP addresses, CIDR networks or host names."""
        hosts: set[str] = set()
        networks: list[IPNetwork] = []
        for entry in entries:
            try:
                networks.append(ipaddress.ip_network(entry.strip(), strict=False))
            except ValueError:
                hosts.add(_norm_host(entry))
        return cls(frozenset(hosts), tuple(networks))

    def allows_host(self, host: str | None) -> bool:
        return host is not None and _norm_host(host) in self.hosts

    def allows_ip(self, ip: IPAddress) -> bool:
        candidates = [ip, *filter(None, [embedded_ipv4(ip)])]
        return any(c in net for c in candidates for net in self.networks if net.version == c.version)


def _norm_host(host: str) -> str:
    return host.strip().lower().rstrip(".")


def parse_ip(text: str) -> IPAddress | None:
    """``text`` as an IP address (brackets and IPv6 zone ids tolerated), or None."""
    try:
        return ipaddress.ip_address(text.strip("[]").split("%", 1)[0])
    except ValueError:
        return None


def ensure_ip_allowed(ip: IPAddress, allow: Allowlist, *, host: str | None = None) -> None:
    """Raise :class:`FetchRefused` unless ``ip`` is public or allowlisted (or ``host`` is allowlisted)."""
    if allow.allows_host(host) or allow.allows_ip(ip):
        return
    problem = address_problem(ip)
    if problem is None:
        return
    if host is None or parse_ip(host) == ip:
        raise FetchRefused(f"{ip} is {problem}")
    raise FetchRefused(f"{host} resolves to {ip}, {problem}")


def parse_http_url(url: str | URL) -> URL:
    """Parse ``url`` the way aiohttp will, and refuse anything but plain absolute http(s) URLs."""
    try:
        parsed = url if isinstance(url, URL) else URL(url.strip())
        port = parsed.port
    except (ValueError, TypeError):
        raise FetchRefused(f"{url} is not a valid URL") from None
    if parsed.scheme.lower() not in ALLOWED_SCHEMES:
        scheme = f"{parsed.scheme}:" if parsed.scheme else "no scheme"
        raise FetchRefused(f"{url} uses {scheme}; only http and https links can be fetched")
    if not parsed.raw_host:
        raise FetchRefused(f"{url} has no host name")
    if parsed.user is not None or parsed.password is not None:
        raise FetchRefused(f"{url} contains a user name or password; links with credentials are not fetched")
    if port is None:
        raise FetchRefused(f"{url} has no usable port")
    return parsed


async def resolve_host(host: str, port: int) -> list[str]:
    """All addresses ``host`` resolves to, via the event loop's getaddrinfo."""
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return sorted({str(info[4][0]) for info in infos})


async def check_url(url: str | URL, allow: Allowlist, *, resolve: Resolve = resolve_host) -> URL:
    """Validate ``url`` before fetching it; return it parsed. Raises FetchRefused or FetchFailed."""
    parsed = parse_http_url(url)
    host = parsed.raw_host or ""
    if allow.allows_host(host):
        return parsed
    literal = parse_ip(host)
    if literal is not None:
        ensure_ip_allowed(literal, allow)
        return parsed
    for address in await _resolve_all(host, parsed.port or 0, resolve, str(url)):
        ensure_ip_allowed(address, allow, host=host)
    return parsed


async def _resolve_all(host: str, port: int, resolve: Resolve, url: str) -> list[IPAddress]:
    try:
        found = await resolve(host, port)
    except (OSError, UnicodeError):
        raise FetchFailed(url, f"the host name {host} could not be resolved") from None
    addresses = [ip for ip in map(parse_ip, found) if ip is not None]
    if not addresses:
        raise FetchFailed(url, f"the host name {host} has no addresses")
    return addresses
