"""Users, roles, channels, members and the guild of the fake, each able to render its API payload."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .constants import ALL_PERMISSIONS, ChannelType, Permission

Payload = dict[str, Any]


@dataclass
class FakeUser:
    id: str
    username: str
    bot: bool = False
    global_name: str | None = None

    @property
    def mention(self) -> str:
        return f"<@{self.id}>"

    def payload(self) -> Payload:
        data: Payload = {
            "id": self.id,
            "username": self.username,
            "global_name": self.global_name,
            "discriminator": "0",
            "avatar": None,
            "avatar_decoration_data": None,
            "banner": None,
            "accent_color": None,
            "public_flags": 0,
            "primary_guild": None,
            "collectibles": None,
        }
        if self.bot:
            data["bot"] = True
        return data


@dataclass
class FakeRole:
    id: str
    name: str
    permissions: int = 0
    position: int = 0
    managed: bool = False
    tags: Payload | None = None

    @property
    def mention(self) -> str:
        return f"<@&{self.id}>"

    def payload(self) -> Payload:
        data: Payload = {
            "id": self.id,
            "name": self.name,
            "description": None,
            "permissions": str(self.permissions),
            "position": self.position,
            "color": 0,
            "colors": {"primary_color": 0, "secondary_color": None, "tertiary_color": None},
            "hoist": False,
            "icon": None,
            "unicode_emoji": None,
            "managed": self.managed,
            "mentionable": False,
            "flags": 0,
        }
        if self.tags is not None:
            data["tags"] = self.tags
        return data


@dataclass
class FakeChannel:
    id: str
    name: str
    type: int = ChannelType.GUILD_TEXT
    guild_id: str | None = None
    position: int = 0
    parent_id: str | None = None
    topic: str | None = None
    recipients: list[FakeUser] = field(default_factory=list)

    @property
    def mention(self) -> str:
        return f"<#{self.id}>"

    @property
    def is_dm(self) -> bool:
        return self.type == ChannelType.DM

    def payload(self) -> Payload:
        if self.is_dm:
            return {
                "id": self.id,
                "type": self.type,
                "last_message_id": None,
                "flags": 0,
                "recipients": [u.payload() for u in self.recipients],
            }
        data: Payload = {
            "id": self.id,
            "type": self.type,
            "guild_id": self.guild_id,
            "name": self.name,
            "position": self.position,
            "permission_overwrites": [],
            "parent_id": self.parent_id,
            "nsfw": False,
            "flags": 0,
        }
        if self.type == ChannelType.GUILD_TEXT:
            data.update(topic=self.topic, last_message_id=None, rate_limit_per_user=0)
        return data


@dataclass
class FakeMember:
    user: FakeUser
    roles: list[str] = field(default_factory=list)
    joined_at: str = "2024-01-01T00:00:00.000000+00:00"
    nick: str | None = None

    def payload(self, *, with_user: bool = True, permissions: int | None = None) -> Payload:
        data: Payload = {
            "nick": self.nick,
            "avatar": None,
            "banner": None,
            "roles": list(self.roles),
            "joined_at": self.joined_at,
            "premium_since": None,
            "deaf": False,
            "mute": False,
            "pending": False,
            "flags": 0,
            "communication_disabled_until": None,
        }
        if with_user:
            data["user"] = self.user.payload()
        if permissions is not None:
            data["permissions"] = str(permissions)
        return data


@dataclass
class FakeGuild:
    id: str
    name: str
    owner_id: str
    roles: list[FakeRole] = field(default_factory=list)
    channels: list[FakeChannel] = field(default_factory=list)
    members: dict[str, FakeMember] = field(default_factory=dict)

    def role(self, role_id: str) -> FakeRole | None:
        return next((r for r in self.roles if r.id == role_id), None)

    def permissions_for(self, user_id: str) -> int:
        """Guild-level permissions (no channel overwrites are modelled)."""
        if user_id == self.owner_id:
            return ALL_PERMISSIONS
        member = self.members.get(user_id)
        everyone = self.role(self.id)
        value = everyone.permissions if everyone else 0
        for role_id in member.roles if member else []:
            role = self.role(role_id)
            value |= role.permissions if role else 0
        return ALL_PERMISSIONS if value & Permission.ADMINISTRATOR else value

    def payload(self, *, members: list[FakeMember], joined_at: str) -> Payload:
        """The GUILD_CREATE payload (`members` may be a subset, depending on intents)."""
        return {
            "id": self.id,
            "name": self.name,
            "icon": None,
            "splash": None,
            "discovery_splash": None,
            "banner": None,
            "description": None,
            "owner_id": self.owner_id,
            "afk_channel_id": None,
            "afk_timeout": 300,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "nsfw_level": 0,
            "premium_tier": 0,
            "premium_subscription_count": 0,
            "premium_progress_bar_enabled": False,
            "preferred_locale": "en-US",
            "system_channel_id": None,
            "system_channel_flags": 0,
            "rules_channel_id": None,
            "public_updates_channel_id": None,
            "safety_alerts_channel_id": None,
            "vanity_url_code": None,
            "features": [],
            "roles": [r.payload() for r in self.roles],
            "emojis": [],
            "stickers": [],
            "joined_at": joined_at,
            "large": False,
            "unavailable": False,
            "member_count": len(self.members),
            "voice_states": [],
            "members": [m.payload() for m in members],
            "channels": [c.payload() for c in self.channels],
            "threads": [],
            "presences": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
            "application_command_counts": {},
        }
