"""Safe fetching against the local test server (127.0.0.1 only; private targets are never contacted)."""

from __future__ import annotations

import socket
import time
from collections.abc import AsyncIterator
from types import SimpleNamespace

import aiohttp
import pytest
from aiohttp.abc import AbstractResolver, ResolveResult

from bot.ingest.errors import FetchFailed, FetchRefused
from bot.ingest.fetch import FetchLimits, fetch
from bot.ingest.safeconnect import safe_session
from bot.ingest.urlsafety import Allowlist
from tests.ingest.conftest import LOCAL, Site

LIMITS = FetchLimits(max_bytes=100_000, total_seconds=0.3, max_redirects=2)


class ToLoopback(AbstractResolver):
    """A DNS that answers 127.0.0.1 for every name (simulates a rebinding attacker's second answer)."""

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        family = socket.AF_INET
        return [ResolveResult(hostname=host, host="127.0.0.1", port=port, family=family, proto=0, flags=0)]

    async def close(self) -> None:
        return None


async def public_answer(host: str, port: int) -> list[str]:
    """The first (pre-check) DNS answer of the rebinding attacker: a public address."""
    return ["93.184.216.34"]


@pytest.fixture
async def traced() -> AsyncIterator[tuple[aiohttp.ClientSession, list[str]]]:
    started: list[str] = []

    async def on_start(_s: object, _c: SimpleNamespace, params: aiohttp.TraceRequestStartParams) -> None:
        started.append(str(params.url))

    trace = aiohttp.TraceConfig()
    trace.on_request_start.append(on_start)
    async with safe_session(LOCAL, trace_configs=[trace]) as client:
        yield client, started


async def test_allowlisted_server_is_fetched(site: Site, session: aiohttp.ClientSession) -> None:
    got = await fetch(session, site.url("/article/news"), limits=LIMITS, allow=LOCAL)
    assert got.content_type == "text/html"
    assert got.charset == "utf-8"
    assert b"Palais des Nations" in got.data
    assert got.url == got.requested_url == site.url("/article/news")


async def test_same_url_without_allowlist_is_refused_as_loopback(site: Site, session: aiohttp.ClientSession) -> None:
    with pytest.raises(FetchRefused, match=r"^refused: 127\.0\.0\.1 is a loopback address$"):
        await fetch(session, site.url("/article/news"), limits=LIMITS, allow=Allowlist())
    assert site.requests == []


async def test_localhost_name_is_refused_as_loopback(site: Site, session: aiohttp.ClientSession) -> None:
    url = site.url("/article/news").replace("127.0.0.1", "localhost")
    with pytest.raises(FetchRefused, match=r"localhost resolves to .*, a loopback address"):
        await fetch(session, url, limits=LIMITS, allow=Allowlist())


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/redirect/private", "refused: 10.0.0.1 is a private address"),
        ("/redirect/metadata", "refused: 169.254.169.254 is a cloud metadata address"),
        (
            "/redirect/file",
            "refused: file:///etc/passwd uses file:; only http and https links can be fetched",
        ),  # noqa: E501
    ],
)
async def test_redirects_are_checked_at_every_hop(
    site: Site, traced: tuple[aiohttp.ClientSession, list[str]], path: str, message: str
) -> None:
    client, started = traced
    with pytest.raises(FetchRefused) as caught:
        await fetch(client, site.url(path), limits=LIMITS, allow=LOCAL)
    assert str(caught.value) == message
    assert started == [site.url(path)]  # the redirect target was never requested


async def test_redirect_cap(site: Site, session: aiohttp.ClientSession) -> None:
    with pytest.raises(FetchRefused, match="redirected more than 2 times"):
        await fetch(session, site.url("/redirect/loop"), limits=LIMITS, allow=LOCAL)


async def test_allowed_redirect_is_followed(site: Site, session: aiohttp.ClientSession) -> None:
    got = await fetch(session, site.url("/redirect/article"), limits=LIMITS, allow=LOCAL)
    assert got.url == site.url("/article/news?utm_source=redirect")
    assert got.requested_url == site.url("/redirect/article")


async def test_streamed_body_over_the_cap_is_aborted(site: Site, session: aiohttp.ClientSession) -> None:
    with pytest.raises(FetchRefused, match=r"is larger than the 100,000-byte limit"):
        await fetch(session, site.url("/big"), limits=LIMITS, allow=LOCAL)


async def test_declared_length_over_the_cap_is_refused(site: Site, session: aiohttp.ClientSession) -> None:
    with pytest.raises(FetchRefused, match=r"is 5,000,000 bytes, over the 100,000-byte limit"):
        await fetch(session, site.url("/big-declared"), limits=LIMITS, allow=LOCAL)


async def test_slow_answer_hits_the_time_cap(site: Site, session: aiohttp.ClientSession) -> None:
    start = time.monotonic()
    with pytest.raises(FetchFailed, match=r"no complete answer within 0\.3 s"):
        await fetch(session, site.url("/slow"), limits=LIMITS, allow=LOCAL)
    assert time.monotonic() - start < 2


async def test_wrong_content_type_is_refused(site: Site, session: aiohttp.ClientSession) -> None:
    with pytest.raises(FetchRefused, match="is application/octet-stream, which is not a supported type"):
        await fetch(session, site.url("/binary"), limits=LIMITS, allow=LOCAL)


async def test_http_error_is_a_clear_failure(site: Site, session: aiohttp.ClientSession) -> None:
    with pytest.raises(FetchFailed, match=r"could not fetch .*/missing: the server answered 404 Not Found"):
        await fetch(session, site.url("/missing"), limits=LIMITS, allow=LOCAL)


async def test_non_http_scheme_is_refused(session: aiohttp.ClientSession) -> None:
    with pytest.raises(FetchRefused, match="uses gopher:"):
        await fetch(session, "gopher://127.0.0.1/", limits=LIMITS, allow=LOCAL)


async def test_dns_rebinding_is_caught_at_connect_time(site: Site) -> None:
    url = f"http://rebind.test:{site.url('').rsplit(':', 1)[1]}/article/news"
    async with safe_session(Allowlist(), resolver=ToLoopback()) as client:
        with pytest.raises(FetchRefused) as caught:
            await fetch(client, url, limits=LIMITS, allow=Allowlist(), resolve=public_answer)
    assert str(caught.value) == "refused: rebind.test resolves to 127.0.0.1, a loopback address"
    assert site.requests == []
