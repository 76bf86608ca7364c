"""REST routes for channel messages: send (JSON or multipart), read, edit, delete, typing, reactions."""

from __future__ import annotations

from aiohttp import web

from . import responses, validation
from .attachments import build_attachments, cdn_route
from .capture import API_PREFIX, CapturedRequest
from .constants import MessageFlag
from .journal import SentMessage, stringify_ids
from .messages import apply_allowed_mentions, build_message, parse_mentions
from .objects import FakeChannel, Payload
from .rest import RestContext
from .snowflakes import iso_now

EDITABLE_DEFAULTS: dict[str, object] = {"content": "", "embeds": [], "components": []}


class MessageRoutes:
    def __init__(self, ctx: RestContext) -> None:
        self.ctx = ctx
        self.state = ctx.state

    def routes(self) -> list[web.RouteDef]:
        ch = API_PREFIX + "/channels/{channel_id}"
        msg = ch + "/messages/{message_id}"
        return [
            web.post(ch + "/messages", self.create),
            web.get(ch + "/messages", self.history),
            web.get(msg, self.get),
            web.patch(msg, self.edit),
            web.delete(msg, self.delete),
            web.post(ch + "/typing", self.typing),
            web.put(msg + "/reactions/{emoji}/@me", self.add_reaction),
            web.delete(msg + "/reactions/{emoji}/@me", self.remove_reaction),
            cdn_route(self.state),
        ]

    def _channel(self, request: web.Request) -> FakeChannel | None:
        return self.state.channel(request.match_info["channel_id"])

    def _message(self, request: web.Request) -> Payload | None:
        message = self.state.messages.get(request.match_info["message_id"])
        if message is None or message["channel_id"] != request.match_info["channel_id"]:
            return None
        return message

    async def create(self, request: web.Request) -> web.Response:
        cap = self.ctx.captured(request)
        channel = self._channel(request)
        if channel is None:
            return responses.error(404, responses.UNKNOWN_CHANNEL, "Unknown Channel")
        payload = cap.json if cap.json is not None else {}
        if problem := validation.check_message(payload, len(cap.files)):
            return problem
        if (earlier := self._same_nonce(channel, payload)) is not None:
            return responses.ok(earlier, route=cap.route)  # enforce_nonce: the first message, not a second
        reference = self._reference(payload)
        if isinstance(reference, web.Response):
            return reference
        message = self.new_message(channel, payload, cap, reference)
        self.ctx.journal.sent_messages.append(SentMessage(message, payload, cap.files, cap, "channel"))
        await self.ctx.dispatch_message("MESSAGE_CREATE", message)
        return responses.ok(message, route=cap.route)

    def _same_nonce(self, channel: FakeChannel, payload: Payload) -> Payload | None:
        """With `enforce_nonce`, Discord returns the bot's recent message that has the same nonce."""
        nonce = payload.get("nonce")
        if not payload.get("enforce_nonce") or nonce is None:
            return None
        bot_id = self.state.bot_user.id
        return next(
            (
                m
                for m in self.state.messages_in(channel.id)
                if m["author"]["id"] == bot_id and str(m.get("nonce")) == str(nonce)
            ),
            None,
        )

    def _reference(self, payload: Payload) -> Payload | web.Response | None:
        raw = payload.get("message_reference")
        if not raw:
            return None
        reference = {k: stringify_ids(v) for k, v in raw.items() if k != "fail_if_not_exists"}
        if reference.get("message_id") not in self.state.messages and raw.get("fail_if_not_exists", True):
            errors = {
                "message_reference": {
                    "_errors": [{"code": "MESSAGE_REFERENCE_UNKNOWN_MESSAGE", "message": "Unknown message"}]
                }
            }
            return responses.error(400, responses.INVALID_FORM_BODY, "Invalid Form Body", errors)
        return reference

    def new_message(
        self,
        channel: FakeChannel,
        payload: Payload,
        cap: CapturedRequest,
        reference: Payload | None = None,
        extra: Payload | None = None,
    ) -> Payload:
        """Create and store a bot-authored message from a send/followup/interaction payload."""
        content = payload.get("content") or ""
        replied = self.state.messages.get(str(reference["message_id"])) if reference else None
        replied_user = replied["author"]["id"] if replied else None
        mentions = apply_allowed_mentions(parse_mentions(content), payload.get("allowed_mentions"), replied_user)
        message = build_message(
            self.state,
            channel=channel,
            author=self.state.bot_user,
            content=content,
            mentions=mentions,
            embeds=payload.get("embeds"),
            attachments=build_attachments(self.state, channel.id, payload, cap.files),
            components=payload.get("components"),
            reference=reference,
            flags=int(payload.get("flags") or 0),
            tts=bool(payload.get("tts")),
            nonce=payload.get("nonce"),
            extra=extra,
        )
        self.state.messages[message["id"]] = message
        return message

    def apply_edit(self, message: Payload, payload: Payload, cap: CapturedRequest) -> None:
        for key, default in EDITABLE_DEFAULTS.items():
            if key in payload:
                message[key] = payload[key] if payload[key] is not None else default
        if payload.get("flags") is not None:  # only SUPPRESS_EMBEDS can be toggled by an edit
            suppress = MessageFlag.SUPPRESS_EMBEDS
            message["flags"] = (message.get("flags", 0) & ~suppress) | (int(payload["flags"]) & suppress)
        if "content" in payload:
            found = parse_mentions(message["content"] or "")
            mentions = apply_allowed_mentions(found, payload.get("allowed_mentions"))
            message["mentions"] = [self.state.users[u].payload() for u in mentions.users if u in self.state.users]
        if "attachments" in payload or cap.files:
            message["attachments"] = build_attachments(
                self.state, message["channel_id"], payload, cap.files, message.get("attachments", [])
            )
        message["edited_timestamp"] = iso_now()

    async def history(self, request: web.Request) -> web.Response:
        if self._channel(request) is None:
            return responses.error(404, responses.UNKNOWN_CHANNEL, "Unknown Channel")
        query = request.query
        limit = min(int(query.get("limit", 50)), 100)
        messages = sorted(self.state.messages_in(request.match_info["channel_id"]), key=lambda m: int(m["id"]))
        if "before" in query:
            messages = [m for m in messages if int(m["id"]) < int(query["before"])]
        if "after" in query:
            messages = [m for m in messages if int(m["id"]) > int(query["after"])][:limit]
        return responses.ok(list(reversed(messages))[:limit], route=self.ctx.captured(request).route)

    async def get(self, request: web.Request) -> web.Response:
        message = self._message(request)
        if message is None:
            return responses.error(404, responses.UNKNOWN_MESSAGE, "Unknown Message")
        return responses.ok(message, route=self.ctx.captured(request).route)

    async def edit(self, request: web.Request) -> web.Response:
        cap = self.ctx.captured(request)
        message = self._message(request)
        if message is None:
            return responses.error(404, responses.UNKNOWN_MESSAGE, "Unknown Message")
        if message["author"]["id"] != self.state.bot_user.id:
            return responses.error(
                403, responses.CANNOT_EDIT_OTHERS_MESSAGE, "Cannot edit a message authored by another user"
            )
        payload = cap.json if cap.json is not None else {}
        if problem := validation.check_message(payload, len(cap.files), creating=False):
            return problem
        self.apply_edit(message, payload, cap)
        if validation.is_empty(message):
            return responses.error(400, responses.EMPTY_MESSAGE, "Cannot send an empty message")
        await self.ctx.dispatch_message("MESSAGE_UPDATE", message)
        return responses.ok(message, route=cap.route)

    async def delete(self, request: web.Request) -> web.Response:
        message = self._message(request)
        if message is None:
            return responses.error(404, responses.UNKNOWN_MESSAGE, "Unknown Message")
        del self.state.messages[message["id"]]
        channel = self._channel(request)
        event: Payload = {"id": message["id"], "channel_id": message["channel_id"]}
        if channel is not None and channel.guild_id:
            event["guild_id"] = channel.guild_id
        await self.ctx.gateway.dispatch("MESSAGE_DELETE", event)
        return responses.no_content(route=self.ctx.captured(request).route)

    async def typing(self, request: web.Request) -> web.Response:
        if self._channel(request) is None:
            return responses.error(404, responses.UNKNOWN_CHANNEL, "Unknown Channel")
        return responses.no_content(route=self.ctx.captured(request).route)

    async def add_reaction(self, request: web.Request) -> web.Response:
        return await self._react(request, added=True)

    async def remove_reaction(self, request: web.Request) -> web.Response:
        return await self._react(request, added=False)

    async def _react(self, request: web.Request, *, added: bool) -> web.Response:
        message = self._message(request)
        if message is None:
            return responses.error(404, responses.UNKNOWN_MESSAGE, "Unknown Message")
        emoji = request.match_info["emoji"]
        parts = [p for p in emoji.split(":") if p]  # unicode, "name:id" or discord.py's ":name:id"
        custom = len(parts) >= 2 and parts[-1].isdigit()
        name, emoji_id = (parts[-2], parts[-1]) if custom else (emoji, None)
        reactions = [r for r in message["reactions"] if r["emoji"]["name"] != name]
        if added:
            reactions.append({"count": 1, "me": True, "emoji": {"id": emoji_id, "name": name}})
        message["reactions"] = reactions
        self.state.reactions.append({"message_id": message["id"], "emoji": emoji, "added": added})
        return responses.no_content(route=self.ctx.captured(request).route)
