"""The message limits Discord enforces, so a bot that breaks them fails here as it would in production."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from . import responses

MAX_CONTENT = 2000
MAX_EMBEDS = 10
MAX_EMBED_TOTAL = 6000
EMBED_LIMITS = {"title": 256, "description": 4096}
MAX_FIELDS = 25
MAX_CHOICES = 25

Errors = dict[str, Any]


def _err(code: str, message: str) -> Errors:
    return {"_errors": [{"code": code, "message": message}]}


def _embed_errors(embed: dict[str, Any]) -> Errors:
    errors: Errors = {}
    for key, limit in EMBED_LIMITS.items():
        if len(embed.get(key) or "") > limit:
            errors[key] = _err("BASE_TYPE_MAX_LENGTH", f"Must be {limit} or fewer in length.")
    fields = embed.get("fields") or []
    if len(fields) > MAX_FIELDS:
        errors["fields"] = _err("BASE_TYPE_MAX_LENGTH", f"Must be {MAX_FIELDS} or fewer in length.")
    for i, field in enumerate(fields):
        if len(field.get("name") or "") > 256 or len(field.get("value") or "") > 1024:
            errors.setdefault("fields", {})[str(i)] = _err("BASE_TYPE_MAX_LENGTH", "Field too long.")
    return errors


def _embed_size(embed: dict[str, Any]) -> int:
    size = len(embed.get("title") or "") + len(embed.get("description") or "")
    size += sum(len(f.get("name") or "") + len(f.get("value") or "") for f in embed.get("fields") or [])
    size += len((embed.get("footer") or {}).get("text") or "") + len((embed.get("author") or {}).get("name") or "")
    return size


def message_errors(payload: dict[str, Any]) -> Errors:
    errors: Errors = {}
    if len(payload.get("content") or "") > MAX_CONTENT:
        errors["content"] = _err("BASE_TYPE_MAX_LENGTH", f"Must be {MAX_CONTENT} or fewer in length.")
    embeds = payload.get("embeds") or []
    if len(embeds) > MAX_EMBEDS:
        errors["embeds"] = _err("BASE_TYPE_MAX_LENGTH", f"Must be {MAX_EMBEDS} or fewer in length.")
    for i, embed in enumerate(embeds):
        if embed_errors := _embed_errors(embed):
            errors.setdefault("embeds", {})[str(i)] = embed_errors
    if sum(_embed_size(e) for e in embeds) > MAX_EMBED_TOTAL:
        errors.setdefault("embeds", {}).update(
            _err("MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000")
        )
    allowed = payload.get("allowed_mentions") or {}
    for kind in ("users", "roles"):
        if kind in (allowed.get("parse") or []) and allowed.get(kind):
            errors["allowed_mentions"] = _err(
                "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE",
                f"parse:[{kind}] and {kind}: [ids] are mutually exclusive.",
            )
    return errors


def is_empty(message: dict[str, Any], n_files: int = 0) -> bool:
    keys = ("content", "embeds", "attachments", "components", "sticker_ids", "poll")
    return n_files == 0 and not any(message.get(k) for k in keys)


def check_message(payload: dict[str, Any] | None, n_files: int = 0, *, creating: bool = True) -> web.Response | None:
    """A 400 response if Discord would reject this message payload, else None."""
    if not isinstance(payload, dict):
        return responses.error(400, responses.INVALID_JSON, "The request body contains invalid JSON.")
    if errors := message_errors(payload):
        return responses.error(400, responses.INVALID_FORM_BODY, "Invalid Form Body", errors)
    if creating and is_empty(payload, n_files):
        return responses.error(400, responses.EMPTY_MESSAGE, "Cannot send an empty message")
    return None


def check_autocomplete(data: dict[str, Any] | None) -> web.Response | None:
    choices = (data or {}).get("choices") or []
    if len(choices) > MAX_CHOICES or any(len(str(c.get("name", ""))) > 100 for c in choices):
        errors = {"data": {"choices": _err("BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")}}
        return responses.error(400, responses.INVALID_FORM_BODY, "Invalid Form Body", errors)
    return None
