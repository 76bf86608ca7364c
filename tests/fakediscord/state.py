"""The world the fake Discord serves: one application, its bot user, one guild, users, channels, messages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .constants import (
    APP_FLAG_GATEWAY_MESSAGE_CONTENT_LIMITED,
    EVERYONE_PERMISSIONS,
    ChannelType,
    Permission,
)
from .objects import FakeChannel, FakeGuild, FakeMember, FakeRole, FakeUser, Payload
from .snowflakes import SnowflakeFactory, iso_now


@dataclass(frozen=True)
class StoredFile:
    filename: str
    content_type: str | None
    data: bytes


@dataclass
class CommandRegistry:
    """Application commands as synced by the bot, keyed by guild id (None = global)."""

    by_scope: dict[str | None, list[Payload]] = field(default_factory=dict)
    _ids: dict[tuple[str | None, str, int], str] = field(default_factory=dict)

    def replace(self, scope: str | None, commands: list[Payload], app_id: str, ids: SnowflakeFactory) -> list[Payload]:
        stored = [self._store(scope, cmd, app_id, ids) for cmd in commands]
        self.by_scope[scope] = stored
        return stored

    def upsert(self, scope: str | None, command: Payload, app_id: str, ids: SnowflakeFactory) -> Payload:
        stored = self._store(scope, command, app_id, ids)
        rest = [c for c in self.by_scope.get(scope, []) if c["id"] != stored["id"]]
        self.by_scope[scope] = [*rest, stored]
        return stored

    def delete(self, scope: str | None, command_id: str) -> bool:
        before = self.by_scope.get(scope, [])
        self.by_scope[scope] = [c for c in before if c["id"] != command_id]
        return len(before) != len(self.by_scope[scope])

    def find(self, name: str, command_type: int, guild_id: str | None) -> Payload | None:
        for scope in (guild_id, None):
            for cmd in self.by_scope.get(scope, []):
                if cmd["name"] == name and cmd["type"] == command_type:
                    return cmd
        return None

    def _store(self, scope: str | None, command: Payload, app_id: str, ids: SnowflakeFactory) -> Payload:
        command_type = int(command.get("type", 1))
        key = (scope, command["name"], command_type)
        command_id = self._ids.setdefault(key, ids.next())  # Discord keeps ids stable across re-syncs
        stored: Payload = {
            "description": "",
            "options": [],
            "default_member_permissions": None,
            "dm_permission": True,
            "nsfw": False,
            "contexts": None,
            "integration_types": [0],
            **command,
            "id": command_id,
            "application_id": app_id,
            "type": command_type,
            "version": ids.next(),
        }
        if scope is not None:
            stored["guild_id"] = scope
        return stored


class FakeState:
    def __init__(self, *, token: str = "fake") -> None:
        self.ids = SnowflakeFactory()
        self.token = token
        self.application_id = self.ids.next()
        self.application_flags = APP_FLAG_GATEWAY_MESSAGE_CONTENT_LIMITED
        # Bots created since 2020 share their id with their application.
        self.bot_user = FakeUser(self.application_id, "policybot", bot=True)
        self.admin = FakeUser(self.ids.next(), "alice", global_name="Alice Admin")
        self.user = FakeUser(self.ids.next(), "bob", global_name="Bob")
        self.users: dict[str, FakeUser] = {u.id: u for u in (self.bot_user, self.admin, self.user)}
        self.guild = self._make_guild()
        self.general = self.add_text_channel("general")
        self.bot_channel = self.add_text_channel("bot-commands")
        self.dm_channels: dict[str, FakeChannel] = {}
        self.messages: dict[str, Payload] = {}
        self.commands = CommandRegistry()
        self.reactions: list[dict[str, Any]] = []
        self.files: dict[str, StoredFile] = {}  # attachment id -> bytes served under cdn_base
        self.cdn_base = ""  # http://127.0.0.1:PORT, set once the server listens

    # -- world building -------------------------------------------------------------------------

    def _make_guild(self) -> FakeGuild:
        guild_id = self.ids.next()
        everyone = FakeRole(guild_id, "@everyone", permissions=EVERYONE_PERMISSIONS)
        self.admin_role = FakeRole(self.ids.next(), "Admin", permissions=Permission.ADMINISTRATOR, position=2)
        self.bot_role = FakeRole(
            self.ids.next(),
            self.bot_user.username,
            permissions=EVERYONE_PERMISSIONS | Permission.MANAGE_MESSAGES,
            position=1,
            managed=True,
            tags={"bot_id": self.bot_user.id},
        )
        guild = FakeGuild(guild_id, "Policy Lab", owner_id=self.admin.id)
        guild.roles = [everyone, self.bot_role, self.admin_role]
        category = FakeChannel(self.ids.next(), "Text Channels", ChannelType.GUILD_CATEGORY, guild_id)
        guild.channels.append(category)
        self.category = category
        guild.members[self.bot_user.id] = FakeMember(self.bot_user, [self.bot_role.id], iso_now())
        guild.members[self.admin.id] = FakeMember(self.admin, [self.admin_role.id])
        guild.members[self.user.id] = FakeMember(self.user, [])
        return guild

    def add_user(self, username: str, *, roles: tuple[FakeRole, ...] = (), bot: bool = False) -> FakeUser:
        """Add a guild member. Call before the bot connects for it to be in GUILD_CREATE."""
        user = FakeUser(self.ids.next(), username, bot=bot)
        self.users[user.id] = user
        self.guild.members[user.id] = FakeMember(user, [r.id for r in roles], iso_now())
        return user

    def add_text_channel(self, name: str, *, topic: str | None = None) -> FakeChannel:
        guild = self.guild
        position = sum(1 for c in guild.channels if c.type == ChannelType.GUILD_TEXT)
        parent = next((c.id for c in guild.channels if c.type == ChannelType.GUILD_CATEGORY), None)
        channel = FakeChannel(self.ids.next(), name, ChannelType.GUILD_TEXT, guild.id, position, parent, topic)
        guild.channels.append(channel)
        return channel

    def dm_channel(self, user: FakeUser) -> FakeChannel:
        if user.id not in self.dm_channels:
            self.dm_channels[user.id] = FakeChannel(self.ids.next(), "", ChannelType.DM, recipients=[user])
        return self.dm_channels[user.id]

    # -- lookups --------------------------------------------------------------------------------

    def channel(self, channel_id: str) -> FakeChannel | None:
        for channel in self.guild.channels:
            if channel.id == channel_id:
                return channel
        return next((c for c in self.dm_channels.values() if c.id == channel_id), None)

    def member(self, user_id: str) -> FakeMember | None:
        return self.guild.members.get(user_id)

    def messages_in(self, channel_id: str) -> list[Payload]:
        return [m for m in self.messages.values() if m["channel_id"] == channel_id]

    # -- REST shapes ----------------------------------------------------------------------------

    def bot_user_payload(self) -> Payload:
        return {
            **self.bot_user.payload(),
            "verified": True,
            "mfa_enabled": False,
            "flags": 0,
            "locale": "en-US",
        }

    def application_payload(self) -> Payload:
        return {
            "id": self.application_id,
            "name": self.bot_user.username,
            "icon": None,
            "description": "",
            "summary": "",
            "type": None,
            "bot_public": True,
            "bot_require_code_grant": False,
            "verify_key": "0" * 64,
            "flags": self.application_flags,
            "owner": self.admin.payload(),
            "team": None,
            "bot": self.bot_user.payload(),
            "redirect_uris": [],
            "interactions_endpoint_url": None,
            "tags": [],
            "install_params": None,
            "integration_types_config": {"0": {}},
            "approximate_guild_count": 1,
        }
