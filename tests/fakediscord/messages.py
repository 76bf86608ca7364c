"""Message objects: building them, resolving mentions, and the per-intent view the gateway delivers."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .constants import Intent, MessageType
from .objects import FakeChannel, FakeUser, Payload
from .snowflakes import iso_now
from .state import FakeState

USER_MENTION = re.compile(r"<@!?(\d+)>")
ROLE_MENTION = re.compile(r"<@&(\d+)>")
CONTENT_FIELDS = ("content", "embeds", "attachments", "components")


@dataclass(frozen=True)
class Mentions:
    users: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    everyone: bool = False


def parse_mentions(content: str, extra_users: Iterable[str] = ()) -> Mentions:
    users = dict.fromkeys([*USER_MENTION.findall(content), *extra_users])
    roles = dict.fromkeys(ROLE_MENTION.findall(content))
    return Mentions(tuple(users), tuple(roles), "@everyone" in content or "@here" in content)


def apply_allowed_mentions(found: Mentions, allowed: Payload | None, replied_user: str | None = None) -> Mentions:
    """Which of the mentions in the text actually ping, per the request's `allowed_mentions`."""
    if allowed is None:
        users = found.users + ((replied_user,) if replied_user else ())
        return Mentions(tuple(dict.fromkeys(users)), found.roles, found.everyone)
    parse = set(allowed.get("parse") or [])
    explicit_users = {str(u) for u in allowed.get("users") or []}
    explicit_roles = {str(r) for r in allowed.get("roles") or []}
    users = [u for u in found.users if "users" in parse or u in explicit_users]
    if replied_user and allowed.get("replied_user", False):
        users.append(replied_user)
    roles = [r for r in found.roles if "roles" in parse or r in explicit_roles]
    return Mentions(tuple(dict.fromkeys(users)), tuple(roles), found.everyone and "everyone" in parse)


def build_message(
    state: FakeState,
    *,
    channel: FakeChannel,
    author: FakeUser,
    content: str = "",
    mentions: Mentions = Mentions(),
    embeds: list[Payload] | None = None,
    attachments: list[Payload] | None = None,
    components: list[Payload] | None = None,
    reference: Payload | None = None,
    flags: int = 0,
    tts: bool = False,
    nonce: Any = None,
    message_type: int | None = None,
    extra: Payload | None = None,
) -> Payload:
    """A message object as the REST API returns it (no guild_id/member; the gateway adds those)."""
    referenced = state.messages.get(str(reference.get("message_id"))) if reference else None
    message: Payload = {
        "id": state.ids.next(),
        "type": message_type if message_type is not None else (MessageType.REPLY if reference else 0),
        "channel_id": channel.id,
        "author": author.payload(),
        "content": content,
        "timestamp": iso_now(),
        "edited_timestamp": None,
        "tts": tts,
        "mention_everyone": mentions.everyone,
        "mentions": [state.users[u].payload() for u in mentions.users if u in state.users],
        "mention_roles": list(mentions.roles),
        "attachments": attachments or [],
        "embeds": embeds or [],
        "components": components or [],
        "reactions": [],
        "pinned": False,
        "flags": flags,
    }
    if nonce is not None:
        message["nonce"] = nonce
    if reference:
        message["message_reference"] = {"type": 0, "channel_id": channel.id, **reference}
        message["referenced_message"] = copy.deepcopy(referenced)
    message.update(extra or {})
    return message


def gateway_message(state: FakeState, message: Payload, intents: int) -> Payload | None:
    """The MESSAGE_CREATE/UPDATE `d` a session with `intents` receives, or None if it gets no event.

    Without MESSAGE_CONTENT, content/embeds/attachments/components are blanked unless the
    message is the bot's own, a DM, or mentions the bot -- exactly Discord's rule.
    """
    channel = state.channel(message["channel_id"])
    if channel is None:
        return None
    needed = Intent.DIRECT_MESSAGES if channel.is_dm else Intent.GUILD_MESSAGES
    if not intents & needed:
        return None
    data = copy.deepcopy(message)
    author_id = data["author"]["id"]
    if not channel.is_dm:
        data["guild_id"] = channel.guild_id
        member = state.member(author_id)
        if member is not None:
            data["member"] = member.payload(with_user=False)
        for mention in data["mentions"]:
            mentioned = state.member(mention["id"])
            if mentioned is not None:
                mention["member"] = mentioned.payload(with_user=False)
    bot_id = state.bot_user.id
    exempt = channel.is_dm or author_id == bot_id or any(m["id"] == bot_id for m in data["mentions"])
    if not intents & Intent.MESSAGE_CONTENT and not exempt:
        data.update(content="", embeds=[], attachments=[], components=[])
        data.pop("poll", None)
    return data
