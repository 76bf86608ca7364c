"""What the bot sent over REST: every request, parsed once (JSON or multipart with `payload_json`)."""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

API_PREFIX = "/api/v10"


@dataclass
class CapturedFile:
    field: str
    filename: str | None
    content_type: str | None
    data: bytes


@dataclass
class CapturedRequest:
    method: str
    path: str  # relative to /api/v10, e.g. "/channels/123/messages"
    query: dict[str, str]
    headers: dict[str, str]
    json: Any = None  # JSON body, or the multipart `payload_json` part
    files: list[CapturedFile] = field(default_factory=list)
    time: float = field(default_factory=time.monotonic)
    route: str | None = None  # matched template, e.g. "/channels/{channel_id}/messages"
    status: int | None = None  # filled in once the fake has answered
    injected_failure: bool = False
    body_error: str | None = None

    def matches(self, method: str | None, path_regex: str | re.Pattern[str] | None) -> bool:
        if method is not None and self.method != method.upper():
            return False
        return path_regex is None or re.search(path_regex, self.path) is not None

    def __repr__(self) -> str:
        return f"<{self.method} {self.path} -> {self.status}>"


async def capture(request: web.Request) -> CapturedRequest:
    route = None
    resource = request.match_info.route.resource
    if resource is not None and request.match_info.http_exception is None:
        route = resource.canonical.removeprefix(API_PREFIX)
    captured = CapturedRequest(
        method=request.method,
        path=request.path.removeprefix(API_PREFIX),
        query=dict(request.query),
        headers=dict(request.headers),
        route=route,
    )
    try:
        await _read_body(request, captured)
    except (ValueError, UnicodeDecodeError) as exc:
        captured.body_error = str(exc)
    return captured


async def _read_body(request: web.Request, captured: CapturedRequest) -> None:
    if not request.body_exists:
        return
    if request.content_type.startswith("multipart/"):
        reader = await request.multipart()
        async for part in reader:
            data = await part.read()  # type: ignore[union-attr]
            name = part.name or ""
            if name == "payload_json":
                captured.json = json.loads(data.decode())
            else:
                content_type = part.headers.get("Content-Type")
                captured.files.append(CapturedFile(name, part.filename, content_type, bytes(data)))
        return
    text = await request.text()
    if text:
        captured.json = json.loads(text)
