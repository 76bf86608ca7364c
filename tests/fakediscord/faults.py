"""Failure injection: make the next N matching requests fail with 429, 403, a 5xx, or a TCP reset.

A reset closes the connection with RST instead of answering (the client sees ECONNRESET). With
``after=True`` the request takes effect first (the message is created), so only the reply is lost: the
case where a client that retries without an idempotency key posts twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from aiohttp import web

from . import responses


@dataclass
class Fault:
    method: str
    pattern: re.Pattern[str]
    status: int
    retry_after: float
    times: int
    is_global: bool = False
    reset: bool = False
    after: bool = False
    hits: int = 0

    def matches(self, method: str, path: str) -> bool:
        return self.hits < self.times and method == self.method and self.pattern.search(path) is not None

    def response(self, route: str | None) -> web.Response:
        if self.status == 429:
            return responses.rate_limited(self.retry_after, route=route, is_global=self.is_global)
        if self.status >= 500:
            return responses.server_error(self.status)
        if self.status == 403:
            return responses.error(403, responses.MISSING_PERMISSIONS, "Missing Permissions")
        return responses.error(self.status, 0, f"{self.status}: injected failure")


class FaultInjector:
    def __init__(self) -> None:
        self.faults: list[Fault] = []

    def add(
        self,
        method: str,
        path_regex: str,
        *,
        status: int = 429,
        retry_after: float = 0.3,
        times: int = 1,
        is_global: bool = False,
        reset: bool = False,
        after: bool = False,
    ) -> Fault:
        fault = Fault(method.upper(), re.compile(path_regex), status, retry_after, times, is_global, reset, after)
        self.faults.append(fault)
        return fault

    def take(self, method: str, path: str) -> Fault | None:
        for fault in self.faults:
            if fault.matches(method, path):
                fault.hits += 1
                return fault
        return None

    def clear(self) -> None:
        self.faults.clear()
