"""Which IP addresses may be fetched, decided by explicit tables, never by ``ipaddress``'s ``is_*`` flags.

Those flags come from tables inside the interpreter that change between Python versions: on 3.11.7,
``IPv4Address("192.0.0.192").is_global`` is True, and that is Oracle Cloud's metadata service. Here the rule
is written out: IPv6 must be global unicast (2000::/3), and nothing in the deny tables below (the IANA
special-purpose registries plus the cloud metadata services) passes, whatever the interpreter says.
An IPv6 address that carries an IPv4 address (mapped, NAT64, 6to4, Teredo) is judged by that IPv4 address too.

Only the standard library: ``tests/ingest/test_ip_policy.py`` runs this file on every Python it finds.
"""

from __future__ import annotations

from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network, ip_address, ip_network

IPAddress = IPv4Address | IPv6Address

METADATA = "a cloud metadata address"
PRIVATE = "a private address"
SPECIAL = "a special-purpose address, not a public one"

# Instance-metadata services (credentials live there). Most are also in a denied range; they are listed so
# the refusal says what they are, and so they stay refused if a range below is ever narrowed.
METADATA_ADDRESSES = frozenset(
    ip_address(a)
    for a in (
        "169.254.169.254",  # AWS, Google Cloud, Azure, DigitalOcean, OpenStack, Hetzner
        "169.254.170.2",  # AWS ECS task metadata
        "169.254.0.23",  # Tencent Cloud
        "100.100.100.200",  # Alibaba Cloud
        "192.0.0.192",  # Oracle Cloud
        "fd00:ec2::254",  # AWS, IPv6
    )
)


def _table(*rows: tuple[str, str]) -> tuple[tuple[IPv4Network | IPv6Network, str], ...]:
    return tuple((ip_network(net), label) for net, label in rows)


# IANA IPv4 Special-Purpose Address Registry (RFC 6890 and later), plus multicast and the reserved block.
DENY_V4 = _table(
    ("0.0.0.0/8", "an unspecified address"),
    ("10.0.0.0/8", PRIVATE),
    ("100.64.0.0/10", "a carrier-grade NAT (shared) address"),
    ("127.0.0.0/8", "a loopback address"),
    ("169.254.0.0/16", "a link-local address"),
    ("172.16.0.0/12", PRIVATE),
    ("192.0.0.0/24", SPECIAL),  # IETF protocol assignments, including 192.0.0.192
    ("192.0.2.0/24", SPECIAL),  # documentation
    ("192.88.99.0/24", SPECIAL),  # 6to4 relay anycast (deprecated)
    ("192.168.0.0/16", PRIVATE),
    ("198.18.0.0/15", SPECIAL),  # benchmarking
    ("198.51.100.0/24", SPECIAL),  # documentation
    ("203.0.113.0/24", SPECIAL),  # documentation
    ("224.0.0.0/4", "a multicast address"),
    ("240.0.0.0/4", "a reserved address"),  # includes 255.255.255.255
)

GLOBAL_UNICAST_V6 = ip_network("2000::/3")

# Named IPv6 ranges outside 2000::/3 (refused by the allow rule anyway; the label says why).
NAMED_V6 = _table(
    ("::/128", "an unspecified address"),
    ("::1/128", "a loopback address"),
    ("fe80::/10", "a link-local address"),
    ("fec0::/10", "a site-local address"),
    ("fc00::/7", PRIVATE),
    ("ff00::/8", "a multicast address"),
)

# Special-purpose ranges inside 2000::/3.
DENY_V6 = _table(
    ("2001::/23", SPECIAL),  # IETF protocol assignments: Teredo, benchmarking, ORCHID
    ("2001:db8::/32", SPECIAL),  # documentation
    ("2002::/16", SPECIAL),  # 6to4 (deprecated)
    ("3fff::/20", SPECIAL),  # documentation (RFC 9637)
)

MAPPED = ip_network("::ffff:0:0/96")
NAT64 = ip_network("64:ff9b::/96")
SIX_TO_FOUR = ip_network("2002::/16")
TEREDO = ip_network("2001::/32")


def embedded_ipv4(ip: IPAddress) -> IPv4Address | None:
    """The IPv4 address carried inside an IPv6 address (mapped, NAT64, 6to4, Teredo client), if any."""
    if isinstance(ip, IPv4Address):
        return None
    value = int(ip)
    if ip in MAPPED or ip in NAT64:
        return IPv4Address(value & 0xFFFFFFFF)
    if ip in SIX_TO_FOUR:
        return IPv4Address((value >> 80) & 0xFFFFFFFF)
    if ip in TEREDO:
        return IPv4Address(~value & 0xFFFFFFFF)  # the client address is stored inverted
    return None


def _first_match(ip: IPAddress, table: tuple[tuple[IPv4Network | IPv6Network, str], ...]) -> str | None:
    return next((label for net, label in table if net.version == ip.version and ip in net), None)


def _v4_problem(ip: IPv4Address) -> str | None:
    if ip in METADATA_ADDRESSES:
        return METADATA
    return _first_match(ip, DENY_V4)


def _v6_problem(ip: IPv6Address) -> str | None:
    if ip in METADATA_ADDRESSES:
        return METADATA
    if ip not in GLOBAL_UNICAST_V6:
        return _first_match(ip, NAMED_V6) or SPECIAL
    return _first_match(ip, DENY_V6)


def address_problem(ip: IPAddress) -> str | None:
    """Why ``ip`` must not be fetched (a phrase like "a private address"), or None if it is public."""
    embedded = embedded_ipv4(ip)
    if embedded is not None:
        inner = _v4_problem(embedded)
        if inner is not None:
            return f"an IPv6 form of {embedded}, {inner}"
        if ip in MAPPED or ip in NAT64:
            return None  # the same public IPv4 host
    if isinstance(ip, IPv4Address):
        return _v4_problem(ip)
    return _v6_problem(ip)
