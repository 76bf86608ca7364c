"""Address policy and URL validation (no network: host names resolve through a fake)."""

from __future__ import annotations

import ipaddress

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.ingest.errors import FetchFailed, FetchRefused
from bot.ingest.urlsafety import Allowlist, address_problem, check_url

NOBODY = Allowlist()
ONLY_HTTP = "only http and https links can be fetched"
MAPPED = ipaddress.ip_address("::ffff:10.0.0.1")  # printed ::ffff:a00:1 before Python 3.13, ::ffff:10.0.0.1 since
DNS = {
    "intranet.test": ["10.0.0.5"],
    "mixed.test": ["93.184.216.34", "192.168.0.7"],
    "2130706433": ["127.0.0.1"],
}


def fake_dns(table: dict[str, list[str]]):
    async def resolve(host: str, port: int) -> list[str]:
        if host not in table:
            raise OSError("no such host")
        return table[host]

    return resolve


@pytest.mark.parametrize(
    ("address", "phrase"),
    [
        ("10.0.0.5", "a private address"),
        ("172.16.3.4", "a private address"),
        ("192.168.1.1", "a private address"),
        ("127.0.0.1", "a loopback address"),
        ("169.254.169.254", "a cloud metadata address"),
        ("169.254.1.1", "a link-local address"),
        ("100.64.0.1", "a carrier-grade NAT (shared) address"),
        ("224.0.0.251", "a multicast address"),
        ("0.0.0.0", "an unspecified address"),
        ("240.0.0.1", "a reserved address"),
        ("192.0.2.10", "a special-purpose address, not a public one"),
        ("::1", "a loopback address"),
        ("::", "an unspecified address"),
        ("fe80::1", "a link-local address"),
        ("fd12:3456::1", "a private address"),
        ("ff02::1", "a multicast address"),
        ("::ffff:10.0.0.1", "an IPv6 form of 10.0.0.1, a private address"),
        ("::ffff:127.0.0.1", "an IPv6 form of 127.0.0.1, a loopback address"),
        ("2002:a9fe:a9fe::1", "an IPv6 form of 169.254.169.254, a cloud metadata address"),
        ("64:ff9b::a00:1", "an IPv6 form of 10.0.0.1, a private address"),
    ],
)
def test_non_public_addresses_are_named(address: str, phrase: str) -> None:
    assert address_problem(ipaddress.ip_address(address)) == phrase


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700::1111", "::ffff:93.184.216.34"])
def test_public_addresses_pass(address: str) -> None:
    assert address_problem(ipaddress.ip_address(address)) is None


@given(st.ip_addresses(v=4))
def test_ipv4_mapped_form_is_judged_like_the_ipv4_address(ip: ipaddress.IPv4Address) -> None:
    mapped = ipaddress.IPv6Address(f"::ffff:{ip}")
    assert (address_problem(mapped) is None) == (address_problem(ip) is None)


@given(st.ip_addresses(v=4, network="10.0.0.0/8") | st.ip_addresses(v=4, network="192.168.0.0/16"))
def test_every_rfc1918_address_is_refused(ip: ipaddress.IPv4Address) -> None:
    assert address_problem(ip) == "a private address"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://example.org/file", f"refused: ftp://example.org/file uses ftp:; {ONLY_HTTP}"),
        ("file:///etc/passwd", f"refused: file:///etc/passwd uses file:; {ONLY_HTTP}"),
        ("javascript:alert(1)", "uses javascript:; only http and https links can be fetched"),
        ("example.org/page", "uses no scheme; only http and https links can be fetched"),
        ("http://user:pw@example.org/", "contains a user name or password"),
        ("http:///nohost", "has no host name"),
        ("http://10.0.0.5/", "refused: 10.0.0.5 is a private address"),
        ("http://127.0.0.1:8080/x", "refused: 127.0.0.1 is a loopback address"),
        ("http://169.254.169.254/latest/meta-data/", "refused: 169.254.169.254 is a cloud metadata address"),
        ("http://192.0.0.192/opc/v2/instance/", "refused: 192.0.0.192 is a cloud metadata address"),
        ("http://[::1]/", "refused: ::1 is a loopback address"),
        ("http://[::ffff:10.0.0.1]/", f"refused: {MAPPED} is an IPv6 form of 10.0.0.1, a private address"),
        ("http://intranet.test/", "refused: intranet.test resolves to 10.0.0.5, a private address"),
        ("http://mixed.test/", "refused: mixed.test resolves to 192.168.0.7, a private address"),
        ("http://2130706433/", "refused: 2130706433 resolves to 127.0.0.1, a loopback address"),
    ],
)
async def test_refusals_have_clear_messages(url: str, message: str) -> None:
    with pytest.raises(FetchRefused) as caught:
        await check_url(url, NOBODY, resolve=fake_dns(DNS))
    assert message in str(caught.value)
    assert str(caught.value).startswith("refused: ")


async def test_public_host_passes() -> None:
    dns = fake_dns({"news.test": ["93.184.216.34"]})
    parsed = await check_url("https://news.test/a?b=1", NOBODY, resolve=dns)
    assert parsed.host == "news.test"


async def test_unresolvable_host_fails_clearly() -> None:
    with pytest.raises(FetchFailed, match="the host name nowhere.test could not be resolved"):
        await check_url("http://nowhere.test/", NOBODY, resolve=fake_dns({}))


async def test_allowlisted_network_and_host_pass() -> None:
    allow = Allowlist.parse(["127.0.0.1", "10.1.0.0/16", "wiki.internal"])
    dns = fake_dns({"wiki.internal": ["10.9.9.9"]})
    await check_url("http://127.0.0.1:9/", allow, resolve=dns)
    await check_url("http://10.1.2.3/", allow, resolve=dns)
    await check_url("http://WIKI.internal./page", allow, resolve=dns)
    with pytest.raises(FetchRefused, match="10.2.0.1 is a private address"):
        await check_url("http://10.2.0.1/", allow, resolve=dns)


def test_allowlist_parse_splits_hosts_and_networks() -> None:
    allow = Allowlist.parse(["127.0.0.1", "::1", "10.0.0.0/8", "Example.ORG"])
    assert allow.hosts == frozenset({"example.org"})
    assert allow.allows_ip(ipaddress.ip_address("10.20.30.40"))
    assert allow.allows_ip(ipaddress.ip_address("::ffff:127.0.0.1"))
    assert not allow.allows_ip(ipaddress.ip_address("127.0.0.2"))
