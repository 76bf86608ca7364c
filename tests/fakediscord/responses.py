"""HTTP responses shaped like Discord's: JSON bodies, error codes and rate-limit headers."""

from __future__ import annotations

import hashlib
import json
import math
import time
from typing import Any

from aiohttp import web

# discord.py treats a 429 *without* a `Via` header as a Cloudflare ban and raises instead of retrying.
CLOUDFLARE_VIA = "1.1 google"


def bucket_for(route: str | None) -> str:
    return hashlib.sha1((route or "unknown").encode()).hexdigest()[:16]


def ratelimit_headers(
    route: str | None, *, limit: int = 50, remaining: int = 49, reset_after: float = 1.0
) -> dict[str, str]:
    return {
        "X-RateLimit-Limit": str(limit),
        "X-RateLimit-Remaining": str(remaining),
        "X-RateLimit-Reset": f"{time.time() + reset_after:.3f}",
        "X-RateLimit-Reset-After": f"{reset_after:.3f}",
        "X-RateLimit-Bucket": bucket_for(route),
        "Via": CLOUDFLARE_VIA,
    }


def json_response(data: Any, *, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    # Exactly "application/json": discord.py compares the header verbatim (a charset suffix makes it
    # treat the body as text).
    body = json.dumps(data, separators=(",", ":")).encode()
    return web.Response(body=body, status=status, content_type="application/json", headers=headers)


def ok(data: Any, *, route: str | None = None, status: int = 200) -> web.Response:
    return json_response(data, status=status, headers=ratelimit_headers(route))


def no_content(*, route: str | None = None) -> web.Response:
    return web.Response(status=204, headers=ratelimit_headers(route))


def error(status: int, code: int, message: str, errors: dict[str, Any] | None = None) -> web.Response:
    body: dict[str, Any] = {"message": message, "code": code}
    if errors:
        body["errors"] = errors
    return json_response(body, status=status, headers={"Via": CLOUDFLARE_VIA})


def rate_limited(retry_after: float, *, route: str | None, is_global: bool = False) -> web.Response:
    headers = {
        **ratelimit_headers(route, limit=5, remaining=0, reset_after=retry_after),
        "Retry-After": str(max(1, math.ceil(retry_after))),
        "X-RateLimit-Scope": "global" if is_global else "user",
    }
    if is_global:
        headers["X-RateLimit-Global"] = "true"
    body = {"message": "You are being rate limited.", "retry_after": retry_after, "global": is_global}
    return json_response(body, status=429, headers=headers)


SERVER_ERROR_TEXT = {
    500: "500: Internal Server Error",
    502: "502: Bad Gateway",
    503: "503: Service Unavailable",
}


def server_error(status: int) -> web.Response:
    return error(status, 0, SERVER_ERROR_TEXT.get(status, f"{status}: Server Error"))


# Frequently used Discord JSON error codes.
UNKNOWN_CHANNEL = 10003
UNKNOWN_MESSAGE = 10008
UNKNOWN_WEBHOOK = 10015
UNKNOWN_INTERACTION = 10062
CANNOT_EDIT_OTHERS_MESSAGE = 50005
EMPTY_MESSAGE = 50006
INVALID_FORM_BODY = 50035
INVALID_JSON = 50109
ALREADY_ACKNOWLEDGED = 40060
MISSING_PERMISSIONS = 50013
