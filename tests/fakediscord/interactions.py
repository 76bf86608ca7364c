"""INTERACTION_CREATE payloads (slash, autocomplete, components, context menus) and their bookkeeping."""

from __future__ import annotations

import secrets
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .capture import CapturedFile, CapturedRequest
from .constants import CommandType, OptionType
from .objects import FakeChannel, FakeMember, FakeRole, FakeUser, Payload
from .state import FakeState

ATTACHMENT_SIZE_LIMIT = 25 * 1024 * 1024


@dataclass
class InteractionCallback:
    """The bot's answer to `POST /interactions/{id}/{token}/callback`."""

    interaction_id: str
    token: str
    type: int
    data: Payload | None
    files: list[CapturedFile]
    request: CapturedRequest
    latency: float  # seconds between the INTERACTION_CREATE dispatch and this callback


@dataclass
class InteractionRecord:
    id: str
    token: str
    type: int
    payload: Payload
    channel: FakeChannel
    dispatched_at: float = field(default_factory=time.monotonic)
    callback: InteractionCallback | None = None
    original_message_id: str | None = None
    followup_ids: list[str] = field(default_factory=list)

    @property
    def acknowledged(self) -> bool:
        return self.callback is not None


def _infer_type(value: Any) -> int:
    if isinstance(value, bool):
        return OptionType.BOOLEAN
    if isinstance(value, int):
        return OptionType.INTEGER
    if isinstance(value, float):
        return OptionType.NUMBER
    if isinstance(value, FakeUser):
        return OptionType.USER
    if isinstance(value, FakeChannel):
        return OptionType.CHANNEL
    if isinstance(value, FakeRole):
        return OptionType.ROLE
    return OptionType.STRING


def _coerce(value: Any, option_type: int) -> Any:
    if isinstance(value, FakeUser | FakeChannel | FakeRole):
        return value.id
    if option_type == OptionType.INTEGER:
        return int(value)
    if option_type == OptionType.NUMBER:
        return float(value)
    if option_type == OptionType.BOOLEAN:
        return bool(value)
    return value if option_type in (OptionType.USER, OptionType.CHANNEL, OptionType.ROLE) else str(value)


class OptionBuilder:
    """Turns `{"query": "nato", "limit": 3}` into typed options plus the `resolved` map."""

    def __init__(self, state: FakeState) -> None:
        self.state = state
        self.resolved: dict[str, dict[str, Payload]] = {}

    def build(self, values: Mapping[str, Any], definitions: list[Payload], focused: str | None) -> list[Payload]:
        options = []
        for name, value in values.items():
            definition = next((d for d in definitions if d.get("name") == name), None)
            option_type = int(definition["type"]) if definition else _infer_type(value)
            option: Payload = {"name": name, "type": option_type, "value": _coerce(value, option_type)}
            if name == focused:
                option["focused"] = True
            self._resolve(value)
            options.append(option)
        return options

    def _resolve(self, value: Any) -> None:
        state = self.state
        if isinstance(value, FakeUser):
            self.resolved.setdefault("users", {})[value.id] = value.payload()
            member = state.member(value.id)
            if member is not None:
                perms = state.guild.permissions_for(value.id)
                members = self.resolved.setdefault("members", {})
                members[value.id] = member.payload(with_user=False, permissions=perms)
        elif isinstance(value, FakeChannel):
            channel = {**value.payload(), "permissions": str(state.guild.permissions_for(state.bot_user.id))}
            self.resolved.setdefault("channels", {})[value.id] = channel
        elif isinstance(value, FakeRole):
            self.resolved.setdefault("roles", {})[value.id] = value.payload()


def command_data(
    state: FakeState,
    name: str,
    options: Mapping[str, Any],
    *,
    guild_id: str | None,
    focused: str | None = None,
) -> Payload:
    """`data` of a chat-input command; "group sub" names become nested sub-command options."""
    top, *path = name.split()
    registered = state.commands.find(top, CommandType.CHAT_INPUT, guild_id)
    data: Payload = {"id": registered["id"] if registered else state.ids.next(), "name": top, "type": 1}
    if registered and registered.get("guild_id"):
        data["guild_id"] = registered["guild_id"]
    builder = OptionBuilder(state)
    definitions = registered.get("options", []) if registered else []
    container = data
    for depth, part in enumerate(path):
        definition = next((d for d in definitions if d.get("name") == part), {})
        kind = OptionType.SUB_COMMAND_GROUP if depth < len(path) - 1 else OptionType.SUB_COMMAND
        nested: Payload = {"name": part, "type": int(definition.get("type", kind)), "options": []}
        container["options"] = [nested]
        container, definitions = nested, definition.get("options", [])
    container["options"] = builder.build(options, definitions, focused)
    if builder.resolved:
        data["resolved"] = builder.resolved
    return data


def message_command_data(state: FakeState, name: str, target: Payload, *, guild_id: str | None) -> Payload:
    registered = state.commands.find(name, CommandType.MESSAGE, guild_id)
    data: Payload = {
        "id": registered["id"] if registered else state.ids.next(),
        "name": name,
        "type": CommandType.MESSAGE,
        "target_id": target["id"],
        "resolved": {"messages": {target["id"]: target}},
    }
    if registered and registered.get("guild_id"):
        data["guild_id"] = registered["guild_id"]
    return data


def interaction_payload(
    state: FakeState,
    *,
    interaction_type: int,
    data: Payload | None,
    user: FakeUser,
    channel: FakeChannel,
    message: Payload | None = None,
) -> Payload:
    guild = state.guild
    bot_permissions = guild.permissions_for(state.bot_user.id)
    payload: Payload = {
        "id": state.ids.next(),
        "application_id": state.application_id,
        "type": interaction_type,
        "token": "aW50ZXJhY3Rpb24" + secrets.token_urlsafe(24),
        "version": 1,
        "locale": "en-US",
        "entitlements": [],
        "entitlement_sku_ids": [],
        "attachment_size_limit": ATTACHMENT_SIZE_LIMIT,
        "channel_id": channel.id,
        "channel": {**channel.payload(), "permissions": str(bot_permissions)},
        "app_permissions": str(bot_permissions),
    }
    if data is not None:
        payload["data"] = data
    if message is not None:
        payload["message"] = message
    if channel.is_dm:
        payload.update(user=user.payload(), context=1, authorizing_integration_owners={"0": "0"})
        return payload
    member = state.member(user.id) or FakeMember(user)
    payload.update(
        guild_id=guild.id,
        guild={"id": guild.id, "locale": "en-US", "features": []},
        guild_locale="en-US",
        member=member.payload(permissions=guild.permissions_for(user.id)),
        context=0,
        authorizing_integration_owners={"0": guild.id},
    )
    return payload
