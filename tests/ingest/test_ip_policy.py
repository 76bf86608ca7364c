"""The address policy by explicit ranges: the same answers on every Python, whatever its ipaddress tables say."""

from __future__ import annotations

import ipaddress
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.ingest import ip_policy
from bot.ingest.ip_policy import METADATA, PRIVATE, SPECIAL, address_problem

# Addresses where Python versions' `is_global`/`is_private` disagree, the cloud metadata services, and a
# few plain ones. Expected: the phrase of the refusal, or None for "may be fetched".
CASES: dict[str, str | None] = {
    "192.0.0.192": METADATA,  # Oracle Cloud: is_global on 3.11.7
    "169.254.169.254": METADATA,
    "169.254.170.2": METADATA,
    "100.100.100.200": METADATA,
    "fd00:ec2::254": METADATA,
    "192.0.0.9": SPECIAL,  # globally reachable per IANA since 3.12.4, but nothing to fetch there
    "192.0.0.1": SPECIAL,
    "192.88.99.1": SPECIAL,
    "198.18.0.1": SPECIAL,
    "203.0.113.9": SPECIAL,
    "255.255.255.255": "a reserved address",
    "100.64.0.1": "a carrier-grade NAT (shared) address",
    "172.31.255.255": PRIVATE,
    "0.1.2.3": "an unspecified address",
    "2001:db8::1": SPECIAL,
    "3fff::1": SPECIAL,
    "2001:2::1": SPECIAL,
    "2001:20::1": SPECIAL,
    "64:ff9b:1::1": SPECIAL,  # local-use NAT64, outside 2000::/3
    "5f00::1": SPECIAL,
    "fec0::1": "a site-local address",
    "2002:808:808::1": SPECIAL,  # 6to4 of a public address: deprecated, refused
    "2001:0:4136:e378:8000:63bf:f5ff:fffe": "an IPv6 form of 10.0.0.1, a private address",  # Teredo
    "::ffff:192.0.0.192": "an IPv6 form of 192.0.0.192, a cloud metadata address",
    "64:ff9b::c000:c0": "an IPv6 form of 192.0.0.192, a cloud metadata address",
    "64:ff9b::808:808": None,  # NAT64 of 8.8.8.8
    "::ffff:8.8.8.8": None,
    "192.31.196.1": None,  # AS112: globally reachable
    "8.8.8.8": None,
    "2606:4700::1111": None,
    "2001:4860:4860::8888": None,
}


@pytest.mark.parametrize(("address", "expected"), CASES.items())
def test_each_address_is_judged_by_the_explicit_ranges(address: str, expected: str | None) -> None:
    assert address_problem(ipaddress.ip_address(address)) == expected


def test_the_decision_never_reads_the_interpreters_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    def unavailable(self: object) -> bool:
        raise AssertionError("address_problem consulted an ipaddress flag")

    for cls in (ipaddress.IPv4Address, ipaddress.IPv6Address):
        for flag in ("is_global", "is_private", "is_reserved", "is_loopback", "is_link_local", "is_multicast"):
            monkeypatch.setattr(cls, flag, property(unavailable))
    for address, expected in CASES.items():
        assert address_problem(ipaddress.ip_address(address)) == expected


@given(st.ip_addresses(v=4))
def test_an_ipv4_address_passes_only_outside_every_denied_range(ip: ipaddress.IPv4Address) -> None:
    denied = any(ip in net for net, _ in ip_policy.DENY_V4) or ip in ip_policy.METADATA_ADDRESSES
    assert (address_problem(ip) is None) == (not denied)


@given(st.ip_addresses(v=6))
def test_an_ipv6_address_passes_only_if_global_unicast(ip: ipaddress.IPv6Address) -> None:
    if address_problem(ip) is None:
        assert ip in ip_policy.GLOBAL_UNICAST_V6 or ip in ip_policy.MAPPED or ip in ip_policy.NAT64
        assert not any(ip in net for net, _ in ip_policy.DENY_V6)


def other_pythons() -> list[str]:
    """Python 3.11+ interpreters on this machine other than the one running the tests (PATH and pyenv)."""
    found: dict[str, str] = {}
    candidates = [f"python3.{minor}" for minor in range(11, 16)]
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    candidates += [str(p) for p in sorted(pyenv.glob("3.*/bin/python3"))]
    for candidate in candidates:
        try:
            version = subprocess.run(
                [candidate, "-c", "import sys; print(sys.version.split()[0])"],
                capture_output=True,
                text=True,
                timeout=20,
            ).stdout.strip()
        except (OSError, subprocess.TimeoutExpired):
            continue
        major_minor = tuple(int(x) for x in version.split(".")[:2]) if version else (0, 0)
        if major_minor >= (3, 11) and version != sys.version.split()[0]:
            found.setdefault(version, candidate)
    return sorted(found.values())


RUN_POLICY = """
import importlib.util, json, sys, ipaddress
spec = importlib.util.spec_from_file_location("ip_policy", sys.argv[1])
module = importlib.util.module_from_spec(spec)
sys.modules["ip_policy"] = module
spec.loader.exec_module(module)
print(json.dumps({a: module.address_problem(ipaddress.ip_address(a)) for a in json.loads(sys.argv[2])}))
"""


def test_every_python_on_this_machine_gives_the_same_answers() -> None:
    pythons = other_pythons()
    if not pythons:
        pytest.skip("no other Python 3.11+ interpreter on this machine; the range tests above still ran")
    for python in pythons:
        result = subprocess.run(
            [python, "-c", RUN_POLICY, ip_policy.__file__, json.dumps(list(CASES))],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        assert json.loads(result.stdout) == CASES, python
