"""REST routes answering interactions: the callback, the @original response, followups."""

from __future__ import annotations

import logging

from aiohttp import web

from . import responses, validation
from .capture import API_PREFIX, CapturedRequest
from .constants import CallbackType, CommandType, InteractionType, MessageFlag, MessageType
from .interactions import InteractionCallback, InteractionRecord
from .journal import SentMessage, Via
from .objects import Payload
from .rest import RestContext
from .routes_messages import MessageRoutes

log = logging.getLogger("fakediscord.interactions")
TRUE = ("1", "true", "True")


def _truthy(request: web.Request, key: str) -> bool:
    return request.query.get(key) in TRUE


class InteractionRoutes:
    def __init__(self, ctx: RestContext, messages: MessageRoutes) -> None:
        self.ctx = ctx
        self.state = ctx.state
        self.messages = messages

    def routes(self) -> list[web.RouteDef]:
        hook = API_PREFIX + "/webhooks/{application_id}/{token}"
        return [
            web.post(API_PREFIX + "/interactions/{interaction_id}/{token}/callback", self.callback),
            web.get(hook + "/messages/@original", self.get_message),
            web.patch(hook + "/messages/@original", self.edit_message),
            web.delete(hook + "/messages/@original", self.delete_message),
            web.post(hook, self.followup),
            web.get(hook + "/messages/{message_id}", self.get_message),
            web.patch(hook + "/messages/{message_id}", self.edit_message),
            web.delete(hook + "/messages/{message_id}", self.delete_message),
        ]

    # -- the initial response -------------------------------------------------------------------

    async def callback(self, request: web.Request) -> web.Response:
        cap = self.ctx.captured(request)
        record = self.ctx.journal.interactions.get(request.match_info["interaction_id"])
        if record is None or record.token != request.match_info["token"]:
            return responses.error(404, responses.UNKNOWN_INTERACTION, "Unknown interaction")
        if record.acknowledged:
            return responses.error(400, responses.ALREADY_ACKNOWLEDGED, "Interaction has already been acknowledged.")
        latency = cap.time - record.dispatched_at
        if latency > self.ctx.interaction_deadline:
            log.warning("interaction %s answered after %.2fs: Discord rejects this", record.id, latency)
            return responses.error(404, responses.UNKNOWN_INTERACTION, "Unknown interaction")
        body = cap.json if isinstance(cap.json, dict) else {}
        kind, data = body.get("type"), body.get("data") or {}
        result = await self._respond(record, kind, data, cap)
        if isinstance(result, web.Response):
            return result
        callback = InteractionCallback(record.id, record.token, int(kind), body.get("data"), cap.files, cap, latency)
        record.callback = callback
        self.ctx.journal.interaction_callbacks.append(callback)
        creates = (
            CallbackType.CHANNEL_MESSAGE_WITH_SOURCE,
            CallbackType.DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE,
        )
        if kind in creates and result is not None:
            await self.ctx.dispatch_message("MESSAGE_CREATE", result)
        if not _truthy(request, "with_response"):
            return responses.no_content(route=cap.route)
        return responses.ok(self._callback_body(record, int(kind), result), route=cap.route)

    async def _respond(
        self, record: InteractionRecord, kind: object, data: Payload, cap: CapturedRequest
    ) -> Payload | web.Response | None:
        if kind == CallbackType.CHANNEL_MESSAGE_WITH_SOURCE:
            if problem := validation.check_message(data, len(cap.files)):
                return problem
            message = self._original(record, data, cap, loading=False)
            self.ctx.journal.sent_messages.append(SentMessage(message, data, cap.files, cap, "interaction"))
            return message
        if kind == CallbackType.DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE:
            return self._original(record, {"flags": data.get("flags", 0)}, cap, loading=True)
        if kind == CallbackType.UPDATE_MESSAGE:
            target = self.state.messages.get(str((record.payload.get("message") or {}).get("id")))
            if target is None:
                return responses.error(400, responses.INVALID_FORM_BODY, "Interaction has no message to update")
            if problem := validation.check_message(data, len(cap.files), creating=False):
                return problem
            self.messages.apply_edit(target, data, cap)
            await self.ctx.dispatch_message("MESSAGE_UPDATE", target)
            return target
        if kind == CallbackType.APPLICATION_COMMAND_AUTOCOMPLETE_RESULT:
            return validation.check_autocomplete(data)
        if kind in (CallbackType.PONG, CallbackType.DEFERRED_UPDATE_MESSAGE, CallbackType.MODAL):
            return None
        return responses.error(400, responses.INVALID_FORM_BODY, f"Invalid interaction response type {kind!r}")

    def _original(self, record: InteractionRecord, data: Payload, cap: CapturedRequest, *, loading: bool) -> Payload:
        command_type = (record.payload.get("data") or {}).get("type", CommandType.CHAT_INPUT)
        if record.type != InteractionType.APPLICATION_COMMAND:
            message_type = MessageType.DEFAULT
        elif command_type == CommandType.CHAT_INPUT:
            message_type = MessageType.CHAT_INPUT_COMMAND
        else:
            message_type = MessageType.CONTEXT_MENU_COMMAND
        user = (record.payload.get("member") or {}).get("user") or record.payload.get("user")
        metadata = {
            "id": record.id,
            "type": record.type,
            "user": user,
            "authorizing_integration_owners": record.payload.get("authorizing_integration_owners", {}),
        }
        flags = int(data.get("flags") or 0) | (MessageFlag.LOADING if loading else 0)
        extra = {
            "type": message_type,
            "webhook_id": self.state.application_id,
            "application_id": self.state.application_id,
            "interaction_metadata": metadata,
        }
        message = self.messages.new_message(record.channel, {**data, "flags": flags}, cap, extra=extra)
        record.original_message_id = message["id"]
        return message

    def _callback_body(self, record: InteractionRecord, kind: int, message: Payload | None) -> Payload:
        flags = (message or {}).get("flags", 0)
        interaction: Payload = {
            "id": record.id,
            "type": record.type,
            "response_message_loading": bool(flags & MessageFlag.LOADING),
            "response_message_ephemeral": bool(flags & MessageFlag.EPHEMERAL),
        }
        resource: Payload = {"type": kind}
        if message is not None:
            interaction["response_message_id"] = message["id"]
            resource["message"] = message
        return {"interaction": interaction, "resource": resource}

    # -- webhook-token routes: @original and followups -----------------------------------------

    def _record(self, request: web.Request) -> InteractionRecord | web.Response:
        record = self.ctx.journal.interaction_by_token(request.match_info["token"])
        if record is None or request.match_info["application_id"] != self.state.application_id:
            return responses.error(404, responses.UNKNOWN_WEBHOOK, "Unknown Webhook")
        return record

    def _target(self, request: web.Request, record: InteractionRecord) -> Payload | None:
        wanted = request.match_info.get("message_id", record.original_message_id)
        if wanted not in (record.original_message_id, *record.followup_ids):
            return None
        return self.state.messages.get(str(wanted))

    def _lookup(self, request: web.Request) -> Payload | web.Response:
        """The interaction's message the route names, or the error response Discord would give."""
        record = self._record(request)
        if isinstance(record, web.Response):
            return record
        message = self._target(request, record)
        if message is None:
            return responses.error(404, responses.UNKNOWN_MESSAGE, "Unknown Message")
        return message

    async def get_message(self, request: web.Request) -> web.Response:
        message = self._lookup(request)
        if isinstance(message, web.Response):
            return message
        return responses.ok(message, route=self.ctx.captured(request).route)

    async def edit_message(self, request: web.Request) -> web.Response:
        cap = self.ctx.captured(request)
        message = self._lookup(request)
        if isinstance(message, web.Response):
            return message
        payload = cap.json if isinstance(cap.json, dict) else {}
        if problem := validation.check_message(payload, len(cap.files), creating=False):
            return problem
        await self._fill(message, payload, cap, via="interaction")
        return responses.ok(message, route=cap.route)

    async def _fill(self, message: Payload, payload: Payload, cap: CapturedRequest, *, via: Via) -> None:
        """Edit a response message; completing a deferred ("thinking") one counts as the bot's answer."""
        was_loading = bool(message.get("flags", 0) & MessageFlag.LOADING)
        self.messages.apply_edit(message, payload, cap)
        message["flags"] = message.get("flags", 0) & ~MessageFlag.LOADING
        if was_loading:
            self.ctx.journal.sent_messages.append(SentMessage(message, payload, cap.files, cap, via))
        await self.ctx.dispatch_message("MESSAGE_UPDATE", message)

    async def delete_message(self, request: web.Request) -> web.Response:
        message = self._lookup(request)
        if isinstance(message, web.Response):
            return message
        del self.state.messages[message["id"]]
        return responses.no_content(route=self.ctx.captured(request).route)

    async def followup(self, request: web.Request) -> web.Response:
        cap = self.ctx.captured(request)
        record = self._record(request)
        if isinstance(record, web.Response):
            return record
        if not record.acknowledged:
            return responses.error(404, responses.UNKNOWN_WEBHOOK, "Unknown Webhook")
        payload = cap.json if isinstance(cap.json, dict) else {}
        if problem := validation.check_message(payload, len(cap.files)):
            return problem
        original = self.state.messages.get(str(record.original_message_id))
        if original is not None and original.get("flags", 0) & MessageFlag.LOADING:
            # The first followup after a deferred response replaces the "thinking..." message.
            await self._fill(original, payload, cap, via="followup")
            message = original
        else:
            extra = {"webhook_id": self.state.application_id, "application_id": self.state.application_id}
            message = self.messages.new_message(record.channel, payload, cap, extra=extra)
            record.followup_ids.append(message["id"])
            self.ctx.journal.sent_messages.append(SentMessage(message, payload, cap.files, cap, "followup"))
            await self.ctx.dispatch_message("MESSAGE_CREATE", message)
        if not _truthy(request, "wait"):
            return responses.no_content(route=cap.route)
        return responses.ok(message, route=cap.route)
