"""Attachments: uploaded files become attachment objects whose URLs the fake itself serves."""

from __future__ import annotations

import mimetypes
from collections.abc import Sequence
from urllib.parse import quote

from aiohttp import web

from .capture import CapturedFile
from .objects import Payload
from .state import FakeState, StoredFile

CDN_PATH = "/attachments/{channel_id}/{attachment_id}/{filename}"


def store_file(state: FakeState, channel_id: str, filename: str, data: bytes, content_type: str | None) -> Payload:
    attachment_id = state.ids.next()
    # discord.py labels every upload application/octet-stream; Discord sniffs the real type.
    content_type = mimetypes.guess_type(filename)[0] or content_type or "application/octet-stream"
    state.files[attachment_id] = StoredFile(filename, content_type, data)
    url = f"{state.cdn_base}/attachments/{channel_id}/{attachment_id}/{quote(filename)}"
    return {
        "id": attachment_id,
        "filename": filename,
        "size": len(data),
        "url": url,
        "proxy_url": url,
        "content_type": content_type,
    }


def build_attachments(
    state: FakeState,
    channel_id: str,
    payload: Payload,
    files: Sequence[CapturedFile],
    existing: Sequence[Payload] = (),
) -> list[Payload]:
    """Resolve a payload's `attachments` list: new uploads (`files[n]` parts) plus kept existing ones."""
    by_field = {f.field: f for f in files}
    kept = {str(a["id"]): a for a in existing}
    result: list[Payload] = []
    listed = payload.get("attachments")
    if listed is None:  # no list: every uploaded file is a new attachment, existing ones stay
        result.extend(existing)
        listed = [{"id": i} for i in range(len(files))]
    for item in listed:
        key = str(item.get("id"))
        if key in kept:
            result.append(kept[key])
            continue
        upload = by_field.get(f"files[{key}]")
        if upload is None:
            continue
        filename = item.get("filename") or upload.filename or f"file{key}"
        attachment = store_file(state, channel_id, filename, upload.data, upload.content_type)
        if item.get("description"):
            attachment["description"] = item["description"]
        result.append(attachment)
    return result


def cdn_route(state: FakeState) -> web.RouteDef:
    async def serve(request: web.Request) -> web.Response:
        stored = state.files.get(request.match_info["attachment_id"])
        if stored is None:
            return web.Response(status=404, text="Not Found")
        return web.Response(body=stored.data, content_type=stored.content_type or "application/octet-stream")

    return web.get(CDN_PATH, serve)
