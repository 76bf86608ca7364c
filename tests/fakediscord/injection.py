"""Driving the bot as users would: messages, DMs and interactions dispatched over the gateway."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .attachments import store_file
from .constants import InteractionType
from .gateway import Gateway
from .interactions import InteractionRecord, command_data, interaction_payload, message_command_data
from .journal import Journal, SentMessage
from .messages import build_message, gateway_message, parse_mentions
from .objects import FakeChannel, FakeUser, Payload
from .state import FakeState

log = logging.getLogger("fakediscord.events")
ChannelRef = FakeChannel | str | int | None
MessageRef = Payload | SentMessage | str | int


class EventInjection:
    """Mixin for FakeDiscord: everything here sends gateway events to the connected bot."""

    state: FakeState
    gateway: Gateway
    journal: Journal
    # A person needs a moment to click a button the bot just sent; discord.py likewise needs a few
    # loop turns after its HTTP call returns to register the view for the new message.
    human_delay: float = 0.05

    def _resolve_channel(self, channel: ChannelRef) -> FakeChannel:
        if isinstance(channel, FakeChannel):
            return channel
        found = self.state.channel(str(channel)) if channel is not None else self.state.general
        if found is None:
            raise KeyError(f"fake discord has no channel {channel}")
        return found

    def _resolve_message(self, message: MessageRef) -> Payload:
        if isinstance(message, SentMessage):
            message = message.id
        message_id = str(message["id"]) if isinstance(message, dict) else str(message)
        found = self.state.messages.get(message_id)
        if found is None:
            raise KeyError(f"fake discord has no message {message_id}")
        return found

    def _require_session(self) -> None:
        if not any(s.resumable for s in self.gateway.sessions.values()):
            raise RuntimeError("no gateway session: start the bot (and let it IDENTIFY) before injecting events")

    async def send_message(
        self,
        content: str = "",
        *,
        author: FakeUser | None = None,
        channel: ChannelRef = None,
        mentions: Iterable[FakeUser] = (),
        embeds: list[Payload] | None = None,
        files: Sequence[tuple[str, bytes]] = (),
        reply_to: MessageRef | None = None,
    ) -> Payload:
        """A user posts a message; dispatches MESSAGE_CREATE and returns the full (unblanked) message.

        Mentions are parsed from `<@id>` in `content`, plus any users passed in `mentions`.
        Sessions without MESSAGE_CONTENT see empty content unless the bot is mentioned or it is a DM.
        """
        self._require_session()
        target = self._resolve_channel(channel)
        reference = None
        if reply_to is not None:
            replied = self._resolve_message(reply_to)
            reference = {"message_id": replied["id"], "channel_id": replied["channel_id"]}
            if target.guild_id:
                reference["guild_id"] = target.guild_id
        message = build_message(
            self.state,
            channel=target,
            author=author or self.state.user,
            content=content,
            mentions=parse_mentions(content, [u.id for u in mentions]),
            embeds=embeds,
            attachments=[store_file(self.state, target.id, name, data, None) for name, data in files],
            reference=reference,
        )
        self.state.messages[message["id"]] = message
        state = self.state
        delivered = await self.gateway.dispatch(
            "MESSAGE_CREATE", view=lambda s: gateway_message(state, message, s.intents)
        )
        if not delivered:
            log.warning("MESSAGE_CREATE reached no session (missing GUILD_MESSAGES/DIRECT_MESSAGES intent?)")
        return message

    async def send_dm(self, content: str, *, author: FakeUser | None = None, **kwargs: Any) -> Payload:
        """A user DMs the bot (content is always visible in DMs)."""
        user = author or self.state.user
        return await self.send_message(content, author=user, channel=self.state.dm_channel(user), **kwargs)

    async def send_interaction(
        self,
        interaction_type: int,
        data: Payload | None = None,
        *,
        user: FakeUser | None = None,
        channel: ChannelRef = None,
        message: Payload | None = None,
    ) -> InteractionRecord:
        """Dispatch a raw INTERACTION_CREATE; the returned record has `.id`/`.token` and later `.callback`."""
        self._require_session()
        target = self._resolve_channel(channel)
        payload = interaction_payload(
            self.state,
            interaction_type=interaction_type,
            data=data,
            user=user or self.state.user,
            channel=target,
            message=message,
        )
        record = InteractionRecord(payload["id"], payload["token"], interaction_type, payload, target)
        self.journal.interactions[record.id] = record
        await self.gateway.dispatch("INTERACTION_CREATE", payload)
        return record

    def _command_guild(self, channel: ChannelRef) -> str | None:
        return self._resolve_channel(channel).guild_id

    async def send_slash_command(
        self,
        name: str,
        options: Mapping[str, Any] | None = None,
        *,
        user: FakeUser | None = None,
        channel: ChannelRef = None,
    ) -> InteractionRecord:
        """A user runs `/name` ("group sub" for sub-commands); option types come from the synced command."""
        data = command_data(self.state, name, options or {}, guild_id=self._command_guild(channel))
        return await self.send_interaction(InteractionType.APPLICATION_COMMAND, data, user=user, channel=channel)

    async def send_autocomplete(
        self,
        name: str,
        options: Mapping[str, Any],
        focused: str,
        *,
        user: FakeUser | None = None,
        channel: ChannelRef = None,
    ) -> InteractionRecord:
        """A user is typing option `focused` of `/name`; the bot answers with choices (callback type 8)."""
        data = command_data(self.state, name, options, guild_id=self._command_guild(channel), focused=focused)
        kind = InteractionType.APPLICATION_COMMAND_AUTOCOMPLETE
        return await self.send_interaction(kind, data, user=user, channel=channel)

    async def send_component(
        self,
        message: MessageRef,
        custom_id: str,
        *,
        component_type: int = 2,
        values: list[str] | None = None,
        user: FakeUser | None = None,
    ) -> InteractionRecord:
        """A user clicks a button (component_type 2) or picks from a select menu (3, with `values`)."""
        stored = self._resolve_message(message)
        await asyncio.sleep(self.human_delay)
        data: Payload = {"custom_id": custom_id, "component_type": component_type}
        if values is not None:
            data["values"] = values
        kind = InteractionType.MESSAGE_COMPONENT
        channel = stored["channel_id"]
        return await self.send_interaction(kind, data, user=user, channel=channel, message=stored)

    async def send_message_command(
        self, name: str, target: MessageRef, *, user: FakeUser | None = None
    ) -> InteractionRecord:
        """A user picks the message context-menu command `name` on `target`."""
        stored = self._resolve_message(target)
        await asyncio.sleep(self.human_delay)
        channel = stored["channel_id"]
        data = message_command_data(self.state, name, stored, guild_id=self._command_guild(channel))
        return await self.send_interaction(InteractionType.APPLICATION_COMMAND, data, user=user, channel=channel)
