"""Fetch one URL safely: address policy on every redirect hop, size, time and content-type caps."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

import aiohttp
from yarl import URL

from bot.ingest.errors import FetchFailed, FetchRefused
from bot.ingest.urlsafety import Allowlist, Resolve, check_url, resolve_host

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain", "text/markdown", "text/x-markdown"})
PDF_TYPES = frozenset({"application/pdf"})
FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml"}
)
DEFAULT_CONTENT_TYPES = HTML_TYPES | TEXT_TYPES | PDF_TYPES | FEED_TYPES
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_ACCEPT = "text/html,application/xhtml+xml,application/pdf,text/plain,text/markdown,application/xml;q=0.9,*/*;q=0.1"
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class FetchLimits:
    """Caps applied to one fetch (all redirect hops together for time)."""

    max_bytes: int = 10_000_000
    total_seconds: float = 30.0
    max_redirects: int = 5
    content_types: frozenset[str] = DEFAULT_CONTENT_TYPES


@dataclass(frozen=True)
class Fetched:
    """A successfully fetched body."""

    url: str
    content_type: str
    charset: str | None
    data: bytes
    requested_url: str


async def fetch(
    session: aiohttp.ClientSession,
    url: str,
    *,
    limits: FetchLimits,
    allow: Allowlist,
    resolve: Resolve = resolve_host,
) -> Fetched:
    """Fetch ``url`` with ``session`` (shared, ideally from :func:`safe_session`).

    Raises FetchRefused for policy refusals and FetchFailed for network/HTTP/timeout failures.
    """
    try:
        async with asyncio.timeout(limits.total_seconds):
            return await _follow(session, url, limits, allow, resolve)
    except TimeoutError:
        raise FetchFailed(url, f"no complete answer within {limits.total_seconds:g} s") from None
    except aiohttp.ClientError as exc:
        raise FetchFailed(url, _describe(exc)) from None


async def _follow(
    session: aiohttp.ClientSession, url: str, limits: FetchLimits, allow: Allowlist, resolve: Resolve
) -> Fetched:
    current = await check_url(url, allow, resolve=resolve)
    for _ in range(limits.max_redirects + 1):
        async with session.get(current, allow_redirects=False, headers={"Accept": _ACCEPT}) as resp:
            if resp.status not in REDIRECT_STATUSES:
                return await _body(resp, url, limits)
            target = _redirect_target(current, resp)
        current = await check_url(target, allow, resolve=resolve)
    raise FetchRefused(f"{url} redirected more than {limits.max_redirects} times")


def _redirect_target(current: URL, resp: aiohttp.ClientResponse) -> URL:
    location = resp.headers.get("Location")
    if not location:
        raise FetchFailed(str(current), f"redirect ({resp.status}) without a Location header")
    try:
        return current.join(URL(location))
    except ValueError:
        raise FetchRefused(f"{current} redirected to an invalid URL: {location}") from None


async def _body(resp: aiohttp.ClientResponse, url: str, limits: FetchLimits) -> Fetched:
    if resp.status >= 400:
        raise FetchFailed(url, f"the server answered {resp.status} {resp.reason or ''}".rstrip())
    content_type = _content_type(resp, limits)
    data = await _read_capped(resp, limits.max_bytes)
    return Fetched(str(resp.url), content_type, resp.charset, data, url)


def _content_type(resp: aiohttp.ClientResponse, limits: FetchLimits) -> str:
    if "Content-Type" not in resp.headers:
        raise FetchRefused(f"{resp.url} did not say what type of content it is")
    content_type = resp.content_type.lower()
    if content_type not in limits.content_types:
        raise FetchRefused(f"{resp.url} is {content_type}, which is not a supported type (web page, text, PDF or feed)")
    return content_type


async def _read_capped(resp: aiohttp.ClientResponse, max_bytes: int) -> bytes:
    declared = resp.content_length
    if declared is not None and declared > max_bytes and "Content-Encoding" not in resp.headers:
        raise FetchRefused(f"{resp.url} is {declared:,} bytes, over the {max_bytes:,}-byte limit")
    body = bytearray()
    async for chunk in resp.content.iter_chunked(_CHUNK):
        body += chunk
        if len(body) > max_bytes:
            resp.close()
            raise FetchRefused(f"{resp.url} is larger than the {max_bytes:,}-byte limit")
    return bytes(body)


def _describe(exc: aiohttp.ClientError) -> str:
    if isinstance(exc, aiohttp.ClientConnectorError):
        return f"could not connect to {exc.host}:{exc.port}"
    if isinstance(exc, aiohttp.ClientPayloadError):
        return "the connection broke while reading the answer"
    return str(exc) or type(exc).__name__
